// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { json, renderWithProviders } from '../../test/render.js';
import { CorrectiveActionsPage } from './CorrectiveActionsPage.js';

const ward = { agencyId: '6c1f3d0e-bbbb-4c1e-9d1a-0a0a0a0a0a01', agencyName: 'UBND phường Bồng Sơn' };
const board = {
  asOf: '2021-09-30',
  total: { open: 1, overdue: 2, closed: 1 },
  byAgency: [{ ...ward, open: 1, overdue: 2, closed: 1 }],
  agencyCount: 1,
  byContentGroup: [
    { contentGroup: 'a', open: 0, overdue: 1, closed: 0 },
    { contentGroup: 'c', open: 1, overdue: 1, closed: 1 },
  ],
};
const action = (n: number, status: string, overdue: boolean) => ({
  id: `6c1f3d0e-cccc-4c1e-9d1a-0a0a0a0a0a0${n}`,
  conclusionId: '6c1f3d0e-aaaa-4c1e-9d1a-0a0a0a0a0a01',
  conclusionNumber: '07/TB-UBND',
  conclusionIssuedOn: '2021-06-25',
  inspectionId: '6c1f3d0e-dddd-4c1e-9d1a-0a0a0a0a0a01',
  ...ward,
  planYear: 2021,
  position: n,
  content: `Yêu cầu khắc phục số ${n}`,
  contentGroup: 'c',
  responsibleAgencyId: ward.agencyId,
  responsibleAgencyName: ward.agencyName,
  dueOn: '2021-07-09',
  reportDueOn: null,
  status,
  overdue,
  planText: null,
  reinspectionId: null,
  closedAt: null,
  abilities: {},
  version: 1,
});

describe('corrective actions board', () => {
  it('counts open, overdue and closed by unit and by content group, and filters the list linking to each action and its notice', async () => {
    const urls: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL) => {
        const url = String(input);
        urls.push(url);
        if (url.startsWith('/api/corrective-actions/board')) return json(board);
        if (url.startsWith('/api/agencies')) return json({ items: [], nextCursor: null, total: 0 });
        if (url.startsWith('/api/corrective-actions')) {
          const q = new URL(url, 'http://x').searchParams;
          const items = q.get('overdue') === 'true' ? [action(2, 'in_progress', true)] : [action(1, 'closed', false), action(2, 'in_progress', true)];
          return json({ items, total: items.length });
        }
        return json({ type: 'about:blank', title: 'NOT_FOUND', status: 404, code: 'NOT_FOUND', requestId: 'r' }, 404);
      }),
    );
    renderWithProviders(
      <MemoryRouter>
        <CorrectiveActionsPage initialYear={2021} />
      </MemoryRouter>,
    );
    const byAgency = await screen.findByRole('table', { name: 'Theo đơn vị' });
    expect(within(byAgency).getByRole('row', { name: /UBND phường Bồng Sơn 1 2 1/ })).toBeTruthy();
    const byGroup = screen.getByRole('table', { name: 'Theo nhóm nội dung' });
    expect(within(byGroup).getByText(/^c\) Nhiệm vụ tại Kế hoạch CCHC/)).toBeTruthy();
    expect((await screen.findByRole('link', { name: 'Yêu cầu khắc phục số 1' })).getAttribute('href')).toBe('/corrective-actions/6c1f3d0e-cccc-4c1e-9d1a-0a0a0a0a0a01');
    expect(screen.getAllByRole('link', { name: '07/TB-UBND' })[0].getAttribute('href')).toBe('/conclusions/6c1f3d0e-aaaa-4c1e-9d1a-0a0a0a0a0a01');
    expect(urls).toContain('/api/corrective-actions/board?year=2021');

    await userEvent.click(screen.getByRole('checkbox', { name: 'Chỉ việc quá hạn' }));
    await screen.findByText('Quá hạn', { selector: '.mantine-Badge-label' });
    expect(await screen.findByRole('link', { name: 'Yêu cầu khắc phục số 2' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Yêu cầu khắc phục số 1' })).toBeNull();

    await userEvent.click(within(byGroup).getByRole('button', { name: /^a\)/ }));
    await userEvent.click(within(byAgency).getByRole('button', { name: 'UBND phường Bồng Sơn' }));
    await screen.findByText(/nhóm a/);
    expect(urls.some((u) => u.includes('contentGroup=a') && u.includes(`agencyId=${ward.agencyId}`) && u.includes('overdue=true') && u.includes('year=2021'))).toBe(true);
  });

  it("pages a country's units from the server and searches the unit filter on the server", async () => {
    const urls: string[] = [];
    const unit = (n: number) => ({ agencyId: `6c1f3d0e-bbbb-4c1e-9d1a-${String(n).padStart(12, '0')}`, agencyName: `UBND xã số ${n}`, open: 0, overdue: 1, closed: 0 });
    const province = { agencyId: '6c1f3d0e-eeee-4c1e-9d1a-0a0a0a0a0a01', name: 'Sở Nội vụ tỉnh Gia Lai' };
    let listedForProvince!: (url: string) => void;
    const filtered = new Promise<string>((resolve) => (listedForProvince = resolve));
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL) => {
        const url = String(input);
        urls.push(url);
        const q = new URL(url, 'http://x').searchParams;
        if (url.startsWith('/api/corrective-actions/board')) {
          const page = Number(q.get('agencyPage') ?? 1);
          const byAgency = Array.from({ length: page === 3 ? 20 : 50 }, (_, i) => unit((page - 1) * 50 + i + 1));
          return json({ ...board, total: { open: 0, overdue: 120, closed: 0 }, byAgency, agencyCount: 120 });
        }
        if (url.startsWith('/api/agencies')) {
          const items = q.get('q') === 'so noi vu' ? [{ id: province.agencyId, name: province.name, unitName: 'Tỉnh Gia Lai' }] : [];
          return json({ items, nextCursor: null, total: items.length });
        }
        if (url.startsWith('/api/corrective-actions')) {
          if (q.get('agencyId') === province.agencyId) listedForProvince(url);
          return json({ items: [], total: 0 });
        }
        return json({ type: 'about:blank', title: 'NOT_FOUND', status: 404, code: 'NOT_FOUND', requestId: 'r' }, 404);
      }),
    );
    renderWithProviders(
      <MemoryRouter>
        <CorrectiveActionsPage initialYear={2025} />
      </MemoryRouter>,
    );
    const user = userEvent.setup();
    const byAgency = await screen.findByRole('table', { name: 'Theo đơn vị' });
    expect(within(byAgency).getAllByRole('row')).toHaveLength(51);
    expect(screen.getByText('Đơn vị 1–50 trên 120')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Các đơn vị tiếp' }));
    await user.click(await screen.findByRole('button', { name: 'Các đơn vị tiếp' }));
    expect(await screen.findByText('Đơn vị 101–120 trên 120')).toBeTruthy();
    expect(within(screen.getByRole('table', { name: 'Theo đơn vị' })).getByRole('button', { name: 'UBND xã số 120' })).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Các đơn vị tiếp' }) as HTMLButtonElement).disabled).toBe(true);
    expect(urls).toContain('/api/corrective-actions/board?year=2025&agencyPage=3');

    // The unit filter finds any agency of the register, not only those on the board's page.
    const filter = screen.getByRole('combobox', { name: 'Đơn vị được kiểm tra' });
    await user.type(filter, 'so noi vu');
    await user.click(await screen.findByRole('option', { name: province.name, hidden: true }));
    expect(urls.some((u) => u.startsWith('/api/agencies?') && u.includes('q=so+noi+vu') && u.includes('limit=50'))).toBe(true);
    // The list asks for the chosen agency's actions.
    expect(await filtered).toMatch(/^\/api\/corrective-actions\?year=2025&agencyId=/);
  });
});
