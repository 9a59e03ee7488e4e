// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DashboardDto } from '../../../../shared/api/dashboard.schemas.js';
import { App } from '../../App.js';
import { json, renderWithProviders } from '../../test/render.js';

/**
 * Where the dashboard's numbers lead: each to the list of exactly the records it counts, with the
 * dashboard's year and unit carried over in the URL. The lists below answer with the dashboard's
 * figure only when asked with the filters the figure counts by (anything else answers 0), so the
 * count the list shows equals the number clicked only if the link carried every filter over. The
 * server side (the lists' totals equal the figures on the demo season) is
 * server/modules/dashboard/dashboard-links.test.ts.
 */
const session = {
  user: { id: '44444444-4444-4444-8444-444444444444', username: 'leader', fullName: 'Phạm Trương', locale: 'vi', mustChangePassword: false },
  roles: [{ role: 'leader', agencyId: '55555555-5555-4555-8555-555555555555', agencyName: 'UBND thị xã Hoài Nhơn' }],
  capabilities: ['registry.read', 'plan.read', 'dashboard.read', 'difficulty.read', 'action.read', 'report.read'],
  fieldRules: {},
  csrfToken: 'csrf',
  expiresAt: '2030-01-01T00:00:00Z',
};
const id = (n: number) => `10000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const town = id(1);
const team = id(5);
const section = (key: string, title: string, items: [string, string, number | null, string, boolean?][]): DashboardDto['sections'][number] => ({
  key,
  title: { vi: title, en: title },
  items: items.map(([k, label, value, link, measure]) => ({ key: k, label: { vi: label, en: label }, value, link, ...(measure ? { measure } : {}) })),
});
const dashboard: DashboardDto = {
  year: 2021,
  unit: { id: town, name: 'Thị xã Hoài Nhơn', kind: 'town' },
  level: 'commune',
  choices: [{ id: town, name: 'Thị xã Hoài Nhơn', kind: 'town' }],
  inspections: {
    total: 7,
    byStatus: [
      { status: 'planned', count: 1 },
      { status: 'notified', count: 0 },
      { status: 'under_way', count: 0 },
      { status: 'closed', count: 5 },
      { status: 'cancelled', count: 1 },
    ],
    byKind: [
      { kind: 'report', count: 0 },
      { kind: 'announced', count: 4 },
      { kind: 'unannounced', count: 2 },
      { kind: 'reinspection', count: 0 },
    ],
    byMonth: Array.from({ length: 12 }, (_, i) => ({ month: i + 1, count: i === 8 ? 6 : 0 })),
    teams: [{ teamId: team, teamName: 'Đoàn kiểm tra số 1', count: 6, closed: 5 }],
    reports: { due: 2, dueByToday: 2 },
    agencies: 6,
  },
  indices: [
    { kind: 'par', framework: null, average: null, scored: 0, unmetCount: 0, areas: [], units: [], trend: [] },
    { kind: 'sipas', framework: null, average: null, scored: 0, unmetCount: 0, areas: [], units: [], trend: [] },
  ],
  ranking: null,
  // As the server links them (modules/*/dashboard-section.ts).
  sections: [
    section('reports', 'Báo cáo định kỳ, theo yêu cầu', [
      ['on_time', 'Đúng hạn', 11, `/reports/submissions?dueYear=2021&unitId=${town}&timeliness=on_time`],
      ['late', 'Trễ hạn', 3, `/reports/submissions?dueYear=2021&unitId=${town}&timeliness=late`],
      ['missing', 'Chưa gửi (quá hạn)', 2, `/reports/submissions?dueYear=2021&unitId=${town}&timeliness=missing`],
    ]),
    section('findings', 'Kết quả kiểm tra (phát hiện)', [
      ['shortcoming', 'Tồn tại, hạn chế', 9, `/findings?visitYear=2021&unitId=${town}&kind=shortcoming`],
      ['Nhóm b:violation', 'Nhóm b — vi phạm', 4, `/findings?visitYear=2021&unitId=${town}&kind=violation&contentGroup=b`],
    ]),
    section('corrective_actions', 'Yêu cầu khắc phục', [
      ['open', 'Đang thực hiện', 8, `/corrective-actions?visitYear=2021&unitId=${town}&state=open`],
      ['overdue', 'Quá hạn', 12, `/corrective-actions?visitYear=2021&unitId=${town}&state=overdue`],
      ['closed', 'Đã hoàn thành', 13, `/corrective-actions?visitYear=2021&unitId=${town}&state=closed`],
    ]),
    section('difficulties', 'Khó khăn, vướng mắc kiến nghị lên Ủy ban', [
      ['answered', 'Đã trả lời', 0, `/difficulties?year=2021&unitId=${town}&state=answered`],
      ['open', 'Chưa trả lời', 3, `/difficulties?year=2021&unitId=${town}&state=open`],
      ['response_days', 'Thời gian trả lời bình quân (ngày làm việc)', null, `/difficulties?year=2021&unitId=${town}&state=answered`, true],
    ]),
  ],
};

/** What each list answers, by the exact filters asked (paging left aside): the figure's records, else none. */
const answers: { path: string; query: Record<string, string>; total: number }[] = [
  { path: '/api/inspections', query: { year: '2021', unitId: town, status: 'closed' }, total: 5 },
  { path: '/api/inspections', query: { year: '2021', unitId: town, month: '9', live: 'true' }, total: 6 },
  { path: '/api/inspections', query: { year: '2021', unitId: town, kind: 'unannounced', live: 'true' }, total: 2 },
  { path: '/api/inspections', query: { year: '2021', unitId: town, teamId: team, live: 'true' }, total: 6 },
  { path: '/api/findings', query: { visitYear: '2021', unitId: town, kind: 'shortcoming' }, total: 9 },
  { path: '/api/findings', query: { visitYear: '2021', unitId: town, kind: 'violation', contentGroup: 'b' }, total: 4 },
  { path: '/api/report-submissions', query: { dueYear: '2021', unitId: town, timeliness: 'late' }, total: 3 },
  { path: '/api/report-submissions', query: { dueYear: '2021', unitId: town, timeliness: 'missing' }, total: 2 },
  { path: '/api/corrective-actions', query: { visitYear: '2021', unitId: town, state: 'open' }, total: 8 },
  { path: '/api/corrective-actions', query: { visitYear: '2021', unitId: town, state: 'overdue' }, total: 12 },
  { path: '/api/corrective-actions', query: { visitYear: '2021', unitId: town, state: 'closed' }, total: 13 },
  { path: '/api/difficulties', query: { year: '2021', unitId: town, state: 'open' }, total: 3 },
];
const paging = new Set(['page', 'pageSize']);
const totalFor = (url: URL): number => {
  const asked = Object.fromEntries([...url.searchParams].filter(([k]) => !paging.has(k)));
  const match = answers.find((a) => a.path === url.pathname && JSON.stringify(Object.entries(a.query).sort()) === JSON.stringify(Object.entries(asked).sort()));
  return match?.total ?? 0;
};
const submission = (n: number) => ({
  id: id(100 + n),
  requestId: id(99),
  requestTitle: 'Báo cáo CCHC quý III',
  agencyId: id(200 + n),
  agencyName: `UBND phường ${n}`,
  status: 'not_started',
  displayStatus: 'not_started',
  late: null,
  submittedAt: null,
  returnReason: null,
  version: 1,
});

const fetchMock = vi.fn(async (input: string) => {
  const url = new URL(input, 'http://localhost');
  if (url.pathname === '/api/session/current') return json(session);
  if (url.pathname === '/api/dashboard') return json(dashboard);
  if (url.pathname === `/api/units/${town}`) return json({ id: town, name: 'Thị xã Hoài Nhơn' });
  if (url.pathname === '/api/report-submissions') return json({ items: Array.from({ length: totalFor(url) }, (_, i) => submission(i + 1)), total: totalFor(url) });
  if (url.pathname === '/api/inspections' || url.pathname === '/api/findings' || url.pathname === '/api/corrective-actions') return json({ items: [], total: totalFor(url) });
  if (url.pathname === '/api/corrective-actions/board') return json({ asOf: '2021-12-20', total: { open: 0, overdue: 0, closed: 0 }, byAgency: [], agencyCount: 0, byContentGroup: [] });
  if (url.pathname === '/api/difficulties') return json({ items: [], total: totalFor(url), counts: { open: 3, answered: 0, averageResponseWorkingDays: null } });
  if (url.pathname === '/api/reform-areas') return json({ items: [] });
  if (url.pathname === '/api/plans') return json({ items: [], total: 0 });
  return json({ type: 'x', title: 'nf', status: 404, code: 'NOT_FOUND', requestId: 'r' }, 404);
});

beforeEach(() => {
  window.history.pushState({}, '', '/dashboard');
  vi.stubGlobal('fetch', fetchMock);
});

/** Shows a figure's table on the dashboard and follows the number of one of its rows. */
async function follow(figure: string, row: string) {
  renderWithProviders(<App />);
  const user = userEvent.setup();
  await user.click(within(await screen.findByRole('radiogroup', { name: `${figure}: xem dạng biểu đồ hoặc bảng` })).getByText('Bảng'));
  const table = await screen.findByRole('table', { name: figure });
  const tr = within(table).getAllByRole('row').find((r) => within(r).queryAllByRole('cell')[0]?.textContent === row)!;
  await user.click(within(tr).getByRole('link'));
}

describe("the dashboard's numbers open the lists of what they count", () => {
  it('inspections by status: the closed visits of the year under the town', async () => {
    await follow('Cuộc kiểm tra theo trạng thái', 'Đã kết thúc');
    expect(await screen.findByText('5 cuộc kiểm tra')).toBeTruthy();
    expect(window.location.search).toBe(`?year=2021&unitId=${town}&status=closed`);
    expect(screen.getByTestId('dashboard-scope').textContent).toBe('Theo bảng điều khiển: Thị xã Hoài Nhơn, năm 2021');
  });

  it('inspections by month: the live visits starting that month under the town', async () => {
    await follow('Cuộc kiểm tra theo tháng', 'Tháng 9');
    expect(await screen.findByText('6 cuộc kiểm tra')).toBeTruthy();
    expect(screen.getByTestId('dashboard-scope').textContent).toBe('Theo bảng điều khiển: Thị xã Hoài Nhơn, tháng 9/2021, không kể cuộc đã hủy');
  });

  it('findings by kind and by content group and kind', async () => {
    await follow('Kết quả kiểm tra (phát hiện)', 'Nhóm b — vi phạm');
    expect(await screen.findByText('4 phát hiện')).toBeTruthy();
    expect(window.location.pathname).toBe('/findings');
  });

  it('reports sent late', async () => {
    await follow('Báo cáo định kỳ, theo yêu cầu', 'Trễ hạn');
    expect(await screen.findByText('3 báo cáo')).toBeTruthy();
    expect(screen.getAllByRole('link', { name: /UBND phường/ })).toHaveLength(3);
  });

  it('corrective actions open (not overdue)', async () => {
    await follow('Yêu cầu khắc phục', 'Đang thực hiện');
    expect(await screen.findByText('8 yêu cầu khắc phục')).toBeTruthy();
  });

  it('corrective actions overdue', async () => {
    await follow('Yêu cầu khắc phục', 'Quá hạn');
    expect(await screen.findByText('12 yêu cầu khắc phục')).toBeTruthy();
  });

  it('difficulties not answered yet: the open ones only; the mean response time is no count ("–", not in the chart)', async () => {
    renderWithProviders(<App />);
    const title = 'Khó khăn, vướng mắc kiến nghị lên Ủy ban';
    // The chart draws the two counts only (answered 0, open 3), not the mean.
    const chart = await screen.findByRole('img', { name: new RegExp(`^${title}`) });
    expect(chart.getAttribute('aria-label')).toBe(`${title}. Đã trả lời: 0; Chưa trả lời: 3`);
    await userEvent.setup().click(within(screen.getByRole('radiogroup', { name: `${title}: xem dạng biểu đồ hoặc bảng` })).getByText('Bảng'));
    const table = await screen.findByRole('table', { name: title });
    const cells = (row: string) => within(within(table).getAllByRole('row').find((r) => within(r).queryAllByRole('cell')[0]?.textContent === row)!).getAllByRole('cell');
    expect(cells('Thời gian trả lời bình quân (ngày làm việc)')[1].textContent).toBe('–');
    await userEvent.setup().click(within(cells('Chưa trả lời')[1]).getByRole('link'));
    expect(await screen.findByText('3 khó khăn, vướng mắc')).toBeTruthy();
    expect(window.location.search).toBe(`?year=2021&unitId=${town}&state=open`);
    expect((screen.getByRole('combobox', { name: 'Trả lời' }) as HTMLInputElement).value).toBe('Chưa trả lời');
  });

  it('the lists read the filters from a shared link, and clearing them shows the whole list', async () => {
    window.history.pushState({}, '', `/corrective-actions?visitYear=2021&unitId=${town}&state=closed`);
    renderWithProviders(<App />);
    expect(await screen.findByText('13 yêu cầu khắc phục')).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Bỏ lọc' }));
    expect(await screen.findByText('0 yêu cầu khắc phục')).toBeTruthy();
    expect(screen.queryByTestId('dashboard-scope')).toBeNull();
  });

  it('the old links still open the corrective actions of the year, overdue only', async () => {
    window.history.pushState({}, '', '/corrective-actions?year=2021&overdue=1');
    renderWithProviders(<App />);
    expect(await screen.findByRole('checkbox', { checked: true })).toBeTruthy();
  });
});
