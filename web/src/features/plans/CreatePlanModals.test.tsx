// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { I18nProvider } from '../../i18n/i18n.js';
import { createQueryClient } from '../../lib/query-client.js';
import { FromPreviousModal } from './CreatePlanModals.js';
import type { PlanSummary } from './plans.types.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
let root: Root;

const source: PlanSummary = {
  id: '11111111-1111-4111-8111-111111111111',
  seriesId: '11111111-1111-4111-8111-111111111111',
  revision: 1,
  amendsPlanId: null,
  issuingAgencyId: '22222222-2222-4222-8222-222222222222',
  issuingAgencyName: 'UBND thị xã Hoài Nhơn',
  year: 2025,
  status: 'issued',
  summary: 'Kiểm tra công tác cải cách hành chính năm 2025',
  periodFrom: '2025-05',
  periodTo: '2025-12',
  documentNumber: '15/KH-UBND',
  number: 15,
  issuedOn: '2025-05-05',
  version: 3,
  updatedAt: '2025-05-05T00:00:00.000Z',
};
const created = { ...source, id: '33333333-3333-4333-8333-333333333333', seriesId: '33333333-3333-4333-8333-333333333333', year: 2026, status: 'draft', documentNumber: null, number: null, issuedOn: null, version: 1 };

function render(droppedTargets: unknown[]) {
  vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ ...created, content: {}, targets: [], history: [], abilities: {}, droppedTargets }), { status: 201, headers: { 'content-type': 'application/json' } })));
  act(() => {
    root.render(
      <MantineProvider>
        <I18nProvider initial="vi">
          <QueryClientProvider client={createQueryClient()}>
            <MemoryRouter initialEntries={['/plans']}>
              <Routes>
                <Route path="/plans" element={<FromPreviousModal opened onClose={() => undefined} plans={[source]} />} />
                <Route path="/plans/:id" element={<p>plan page</p>} />
              </Routes>
            </MemoryRouter>
          </QueryClientProvider>
        </I18nProvider>
      </MantineProvider>,
    );
  });
}

async function waitFor(check: () => boolean, timeoutMs = 3000) {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out; page: ${document.body.textContent}`);
    await act(async () => new Promise((resolve) => setTimeout(resolve, 20)));
  }
}

const button = (name: string) => [...document.body.querySelectorAll('button')].find((b) => b.textContent === name)!;

beforeEach(() => {
  container = document.createElement('div');
  document.body.appendChild(container);
  root = createRoot(container);
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
  vi.unstubAllGlobals();
});

describe("start from last year's plan", () => {
  it('lists the targets the server left out, with why, before opening the draft', async () => {
    render([{ agencyId: '44444444-4444-4444-8444-444444444444', name: 'UBND phường Hoài Xuân', unitName: 'Phường Hoài Xuân', reason: 'not_valid_in_period' }]);
    await waitFor(() => !!button('Tạo bản dự thảo'));
    act(() => button('Tạo bản dự thảo').click());
    await waitFor(() => document.body.textContent!.includes('không được chép sang'));
    expect(document.querySelector('[data-testid="dropped-targets"]')!.textContent).toContain('UBND phường Hoài Xuân (Phường Hoài Xuân): không còn tồn tại trong thời gian kiểm tra');
    expect(document.body.textContent).toContain('năm 2026');
    act(() => button('Mở bản dự thảo').click());
    await waitFor(() => container.textContent!.includes('plan page'));
  });

  it('opens the draft straight away when every target was copied', async () => {
    render([]);
    await waitFor(() => !!button('Tạo bản dự thảo'));
    act(() => button('Tạo bản dự thảo').click());
    await waitFor(() => container.textContent!.includes('plan page'));
  });
});
