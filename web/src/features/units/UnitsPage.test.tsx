// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import type { Unit } from '../../../../shared/api/registry.schemas.js';
import { App } from '../../App.js';
import { I18nProvider } from '../../i18n/i18n.js';
import { createQueryClient } from '../../lib/query-client.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const province: Unit = {
  id: '11111111-1111-4111-8111-111111111111', code: '52', name: 'Tỉnh Gia Lai', kind: 'province', parentId: null,
  validFrom: null, validTo: null, active: true, version: 1,
};
const commune: Unit = {
  id: '22222222-2222-4222-8222-222222222222', code: null, name: 'Xã Hoài Thanh Tây', kind: 'commune',
  parentId: province.id, validFrom: null, validTo: null, active: true, version: 1,
};
const other: Unit = { ...commune, id: '33333333-3333-4333-8333-333333333333', name: 'Xã Ân Hảo' };
const session = {
  user: { id: '44444444-4444-4444-8444-444444444444', username: 'secretariat', fullName: 'Nguyễn Văn Thư', locale: 'vi', mustChangePassword: false },
  roles: [{ role: 'secretariat', agencyId: '55555555-5555-4555-8555-555555555555', agencyName: 'Sở Nội vụ' }],
  capabilities: ['registry.read', 'unit.create', 'agency.create', 'plan.read', 'plan.draft'],
  fieldRules: {},
  csrfToken: 'csrf',
  expiresAt: '2030-01-01T00:00:00Z',
};

let container: HTMLDivElement;
let root: Root;
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status });

beforeEach(() => {
  container = document.createElement('div');
  document.body.appendChild(container);
  root = createRoot(container);
  window.history.pushState({}, '', '/units');
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string) => {
      const url = new URL(input, 'http://localhost');
      if (url.pathname === '/api/session') return json(session);
      if (url.pathname === '/api/units') {
        const q = url.searchParams.get('q');
        return json({ items: q ? [commune] : [province, other, commune] });
      }
      if (url.pathname === '/api/settings/standing-body') return json({ agencyId: null, agencyName: null });
      return json({ type: 'x', title: 'nf', status: 404, code: 'NOT_FOUND', requestId: 'r' }, 404);
    }),
  );
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
  vi.unstubAllGlobals();
});

async function waitFor(check: () => boolean, timeoutMs = 3000) {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await act(async () => new Promise((resolve) => setTimeout(resolve, 20)));
  }
}

describe('registry search', () => {
  it('finds "Hoài Thanh Tây" by typing "hoai thanh tay" into Tìm kiếm', async () => {
    act(() => {
      root.render(
        <MantineProvider>
          <I18nProvider initial="vi">
            <QueryClientProvider client={createQueryClient()}>
              <App />
            </QueryClientProvider>
          </I18nProvider>
        </MantineProvider>,
      );
    });
    await waitFor(() => !!container.querySelector('ul[aria-label="Cây đơn vị hành chính"]'));
    expect(container.textContent).toContain('Nguyễn Văn Thư');
    expect(container.textContent).toContain('Tỉnh Gia Lai');

    const label = [...container.querySelectorAll('label')].find((l) => l.textContent === 'Tìm kiếm')!;
    const input = container.querySelector(`#${CSS.escape(label.htmlFor)}`) as HTMLInputElement;
    act(() => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, 'hoai thanh tay');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await waitFor(() => !container.textContent!.includes('Xã Ân Hảo'));

    const calls = (fetch as unknown as { mock: { calls: [string][] } }).mock.calls.map(([u]) => u);
    expect(calls).toContain('/api/units?q=hoai+thanh+tay');
    const link = [...container.querySelectorAll('a')].find((a) => a.textContent === 'Xã Hoài Thanh Tây');
    expect(link?.getAttribute('href')).toBe(`/units/${commune.id}`);
  });
});
