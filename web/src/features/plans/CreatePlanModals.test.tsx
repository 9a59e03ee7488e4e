// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { Notifications } from '@mantine/notifications';
import { describe, expect, it, vi } from 'vitest';
import { SessionProvider } from '../../auth/session.js';
import { json, renderWithProviders } from '../../test/render.js';
import { CreatePlanModal, FromPreviousModal } from './CreatePlanModals.js';
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

describe('a new plan from the risk ranking', () => {
  const town = { id: '22222222-2222-4222-8222-222222222222', name: 'UBND thị xã Hoài Nhơn', kind: 'peoples_committee', parentAgencyId: null };
  const office = { id: '55555555-5555-4555-8555-555555555555', name: 'Phòng Nội vụ', kind: 'specialised_office', parentAgencyId: town.id };
  const haiCommittee = { id: '66666666-6666-4666-8666-666666666661', name: 'UBND phường Hoài Hải', kind: 'peoples_committee', parentAgencyId: null };
  // Tam Quan Nam's committee is not in the loaded list: the dialog names it by the unit the ranking sent.
  const tamQuanNam = '66666666-6666-4666-8666-666666666662';
  const session = {
    user: { id: '77777777-7777-4777-8777-777777777777', username: 'vanphong', fullName: 'Văn phòng', locale: 'vi', mustChangePassword: false },
    roles: [{ role: 'secretariat', agencyId: office.id, agencyName: office.name }],
    fieldRules: {},
    csrfToken: 'csrf',
    expiresAt: '2030-01-01T00:00:00Z',
    capabilities: ['plan.draft'],
  };

  it('lists the chosen targets (names, count) before the office confirms, and names those the draft took after', async () => {
    const posted: unknown[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        const url = String(input);
        if (url === '/api/session/current') return json(session);
        if (url.startsWith('/api/agencies')) return json({ items: [town, office, haiCommittee], nextCursor: null });
        if (url === '/api/plans' && init?.method === 'POST') {
          posted.push(JSON.parse(String(init.body)));
          return json({ ...created, year: 2022, content: {}, history: [], abilities: {}, targets: [{ agencyId: haiCommittee.id, name: 'UBND phường Hoài Hải' }, { agencyId: tamQuanNam, name: 'UBND phường Tam Quan Nam' }] }, 201);
        }
        return json({}, 404);
      }),
    );
    renderWithProviders(
      <MemoryRouter initialEntries={['/plans']}>
        <Notifications />
        <SessionProvider fallback={null}>
          <Routes>
            <Route path="/plans" element={<CreatePlanModal opened onClose={() => undefined} initialTargetAgencyIds={[haiCommittee.id, tamQuanNam]} initialTargetNames={{ [haiCommittee.id]: 'Hoài Hải', [tamQuanNam]: 'Tam Quan Nam' }} initialYear={2022} />} />
            <Route path="/plans/:id" element={<p>plan page</p>} />
          </Routes>
        </SessionProvider>
      </MemoryRouter>,
    );
    expect(await screen.findByText('Đối tượng kiểm tra đã chọn từ xếp hạng rủi ro (2):')).toBeTruthy();
    const chosen = await screen.findByRole('list', { name: 'Đối tượng kiểm tra đã chọn từ xếp hạng rủi ro (2):' });
    expect(await within(chosen).findByText('UBND phường Hoài Hải')).toBeTruthy();
    expect(within(chosen).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['UBND phường Hoài Hải', 'Tam Quan Nam']);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Tạo kế hoạch mới' }));
    await screen.findByText('plan page');
    expect(await screen.findByText('Đã tạo bản dự thảo kế hoạch với 2 đối tượng kiểm tra: UBND phường Hoài Hải, UBND phường Tam Quan Nam.')).toBeTruthy();
    expect(posted).toEqual([expect.objectContaining({ issuingAgencyId: town.id, year: 2022, targetAgencyIds: [haiCommittee.id, tamQuanNam] })]);
  });
});
