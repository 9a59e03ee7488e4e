// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { json, renderWithProviders } from '../../test/render.js';
import { FromPreviousModal } from './CreatePlanModals.js';
import type { PlanSummary } from './plans.types.js';

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
  vi.stubGlobal('fetch', vi.fn(async () => json({ ...created, content: {}, targets: [], history: [], abilities: {}, droppedTargets }, 201)));
  renderWithProviders(
    <MemoryRouter initialEntries={['/plans']}>
      <Routes>
        <Route path="/plans" element={<FromPreviousModal opened onClose={() => undefined} plans={[source]} />} />
        <Route path="/plans/:id" element={<p>plan page</p>} />
      </Routes>
    </MemoryRouter>,
  );
}

describe("start from last year's plan", () => {
  it('lists the targets the server left out, with why, before opening the draft', async () => {
    render([{ agencyId: '44444444-4444-4444-8444-444444444444', name: 'UBND phường Hoài Xuân', unitName: 'Phường Hoài Xuân', reason: 'not_valid_in_period' }]);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Tạo bản dự thảo' }));
    await screen.findByText(/không được chép sang/);
    expect(screen.getByTestId('dropped-targets').textContent).toContain('UBND phường Hoài Xuân (Phường Hoài Xuân): không còn tồn tại trong thời gian kiểm tra');
    expect(document.body.textContent).toContain('năm 2026');
    await user.click(screen.getByRole('button', { name: 'Mở bản dự thảo' }));
    await screen.findByText('plan page');
  });

  it('opens the draft straight away when every target was copied', async () => {
    render([]);
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Tạo bản dự thảo' }));
    await screen.findByText('plan page');
  });
});
