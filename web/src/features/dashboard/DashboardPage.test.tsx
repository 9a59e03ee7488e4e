// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DashboardDto } from '../../../../shared/api/dashboard.schemas.js';
import { App } from '../../App.js';
import { figureCsv } from './FigureCard.js';
import { json, renderWithProviders } from '../../test/render.js';

const session = {
  user: { id: '44444444-4444-4444-8444-444444444444', username: 'leader', fullName: 'Phạm Trương', locale: 'vi', mustChangePassword: false },
  roles: [{ role: 'leader', agencyId: '55555555-5555-4555-8555-555555555555', agencyName: 'UBND thị xã Hoài Nhơn' }],
  capabilities: ['registry.read', 'plan.read', 'index.read', 'dashboard.read', 'risk.read', 'results_report.read'],
  fieldRules: {},
  csrfToken: 'csrf',
  expiresAt: '2030-01-01T00:00:00Z',
};
const id = (n: number) => `10000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const dashboard: DashboardDto = {
  year: 2021,
  unit: { id: id(1), name: 'Thị xã Hoài Nhơn', kind: 'town' },
  level: 'commune',
  choices: [{ id: id(1), name: 'Thị xã Hoài Nhơn', kind: 'town' }],
  inspections: {
    total: 3,
    cancelled: 1,
    byStatus: [
      { status: 'planned', count: 1 },
      { status: 'notified', count: 0 },
      { status: 'under_way', count: 0 },
      { status: 'closed', count: 2 },
      { status: 'cancelled', count: 1 },
    ],
    byKind: [
      { kind: 'report', count: 0 },
      { kind: 'announced', count: 2 },
      { kind: 'unannounced', count: 1 },
      { kind: 'reinspection', count: 0 },
    ],
    byMonth: Array.from({ length: 12 }, (_, i) => ({ month: i + 1, count: i === 8 ? 3 : 0 })),
    teams: [{ teamId: id(5), teamName: 'Đoàn kiểm tra số 1', count: 3, closed: 2 }],
    reports: { due: 2, dueByToday: 2 },
    agencies: 3,
  },
  indices: [
    {
      kind: 'par',
      framework: { id: id(6), code: 'PAR-XA', name: 'Bộ chỉ số CCHC cấp xã (minh họa)', illustrative: true },
      average: 82.5,
      scored: 2,
      unmetCount: 2,
      areas: [{ criterionId: id(7), code: '1', name: 'Chỉ đạo, điều hành', average: 81.25 }],
      units: [
        { unitId: id(2), unitName: 'Bồng Sơn', indexPct: 100, scored: 1, unmetCount: 0, rank: 1 },
        { unitId: id(3), unitName: 'Hoài Hải', indexPct: 65, scored: 1, unmetCount: 2, rank: 2 },
      ],
      trend: [
        // 2020 was scored on an earlier revision of the framework.
        { year: 2020, average: 80, scored: 2, frameworkId: id(8) },
        { year: 2021, average: 82.5, scored: 2, frameworkId: id(6) },
      ],
    },
    { kind: 'sipas', framework: null, average: null, scored: 0, unmetCount: 0, areas: [], units: [], trend: [] },
  ],
  ranking: { items: [{ unitId: id(3), unitName: 'Hoài Hải', rank: 1, score: 72.5, explanation: { vi: 'Hạng 1 (điểm rủi ro 72,5): 2 tiêu chí chưa đạt (mất 3,5 điểm).', en: 'Rank 1.' } }] },
  sections: [{ key: 'corrective_actions', title: { vi: 'Yêu cầu khắc phục', en: 'Corrective actions' }, items: [{ key: 'overdue', label: { vi: 'Quá hạn', en: 'Overdue' }, value: 4, link: '/corrective-actions?year=2021&overdue=1' }] }],
};

const fetchMock = vi.fn(async (input: string) => {
  const url = new URL(input, 'http://localhost');
  if (url.pathname === '/api/session/current') return json(session);
  if (url.pathname === '/api/dashboard') return json(dashboard);
  return json({ type: 'x', title: 'nf', status: 404, code: 'NOT_FOUND', requestId: 'r' }, 404);
});

beforeEach(() => {
  fetchMock.mockClear();
  window.history.pushState({}, '', '/dashboard');
  vi.stubGlobal('fetch', fetchMock);
});

describe("the leaders' dashboard page", () => {
  it('shows each figure as a chart described for screen readers, with its table and links to the records, and exports the same filter', async () => {
    renderWithProviders(<App />);
    // The visits made, the cancelled one said apart (the kinds add up to the headline).
    expect((await screen.findByTestId('dashboard-scope-line')).textContent).toBe('Thị xã Hoài Nhơn, năm 2021: 3 cuộc kiểm tra (không kể 1 cuộc đã hủy), 3 cơ quan, đơn vị được kiểm tra.');
    // Each number of the scope line, the reports due and the index summary links to its records.
    const scopeLine = screen.getByTestId('dashboard-scope-line');
    expect(within(scopeLine).getAllByRole('link').map((a) => a.getAttribute('href'))).toEqual([
      `/inspections?year=2021&unitId=${id(1)}&live=true`,
      `/inspections?year=2021&unitId=${id(1)}&status=cancelled`,
      `/inspections?year=2021&unitId=${id(1)}&live=true`,
    ]);
    // Named apart from the report requests' section ("Báo cáo định kỳ, theo yêu cầu"): a leader tells the two apart.
    expect(screen.getByTestId('dashboard-reports-due').textContent).toMatch(/^Báo cáo trước đợt kiểm tra: /);
    expect(within(screen.getByTestId('dashboard-reports-due')).getAllByRole('link').map((a) => a.getAttribute('href'))).toEqual([`/inspections?year=2021&unitId=${id(1)}&reportDue=true&live=true`]);
    expect(within(screen.getByTestId('dashboard-index-summary-par')).getAllByRole('link')[0].getAttribute('href')).toBe(`/indices/${id(6)}?year=2021&unitId=${id(1)}`);
    // No year in the URL: the server's default season (2021 here), which the export and the links then carry.
    expect(fetchMock.mock.calls.map(([u]) => u)).toContain('/api/dashboard');
    // The chart is an image with the figures in words.
    expect(screen.getByRole('img', { name: /Cuộc kiểm tra theo trạng thái\. Đã lên lịch: 1; .*Đã kết thúc: 2/ })).toBeTruthy();
    expect(screen.getByTestId('dashboard-index-summary-par').textContent).toBe('Bình quân 82,5%; 2 đơn vị có điểm; 2 tiêu chí chưa đạt.');
    expect(screen.getByText('Chưa có điểm Chỉ số hài lòng (SIPAS) năm 2021 cho địa bàn và cấp đã chọn.')).toBeTruthy();
    expect(screen.getByText(/Hạng 1 \(điểm rủi ro 72,5\)/)).toBeTruthy();

    // The table alternative: each number links to its records.
    const user = userEvent.setup();
    await user.click(within(screen.getByRole('radiogroup', { name: 'Cuộc kiểm tra theo trạng thái: xem dạng biểu đồ hoặc bảng' })).getByText('Bảng'));
    const table = await screen.findByRole('table', { name: 'Cuộc kiểm tra theo trạng thái' });
    const closed = within(table).getByRole('link', { name: '2' });
    expect(closed.getAttribute('href')).toBe(`/inspections?year=2021&unitId=${id(1)}&status=closed`);
    await user.click(within(screen.getByRole('radiogroup', { name: 'Chỉ số CCHC năm 2021 theo đơn vị: xem dạng biểu đồ hoặc bảng' })).getByText('Bảng'));
    const units = await screen.findByRole('table', { name: 'Chỉ số CCHC năm 2021 theo đơn vị' });
    expect(within(units).getAllByRole('row').map((r) => r.textContent)).toEqual(['Đơn vịChỉ số (%)HạngTiêu chí chưa đạt', 'Bồng Sơn100%10', 'Hoài Hải65%22']);
    // A year of the trend opens the results of the framework's revision scored that year.
    const trendName = screen.getAllByRole('radiogroup').map((g) => g.getAttribute('aria-label') ?? '').find((n) => n.includes('qua các năm'))!;
    await user.click(within(screen.getByRole('radiogroup', { name: trendName })).getByText('Bảng'));
    const trend = await screen.findByRole('table', { name: trendName.split(':')[0] });
    expect(within(trend).getAllByRole('link').map((a) => a.getAttribute('href'))).toEqual([
      `/indices/${id(8)}?year=2020&unitId=${id(1)}`,
      `/indices/${id(8)}?year=2020&unitId=${id(1)}`,
      `/indices/${id(6)}?year=2021&unitId=${id(1)}`,
      `/indices/${id(6)}?year=2021&unitId=${id(1)}`,
    ]);

    expect(screen.getByRole('link', { name: 'Xuất số liệu (.xlsx)' }).getAttribute('href')).toBe('/api/dashboard.xlsx?year=2021');
  });

  it('exports each figure as .csv and links the sections’ numbers to their records', async () => {
    renderWithProviders(<App />);
    expect(await screen.findByRole('button', { name: 'Cuộc kiểm tra theo trạng thái: tải số liệu (.csv)' })).toBeTruthy();
    const user = userEvent.setup();
    await user.click(within(screen.getByRole('radiogroup', { name: 'Yêu cầu khắc phục: xem dạng biểu đồ hoặc bảng' })).getByText('Bảng'));
    const actions = await screen.findByRole('table', { name: 'Yêu cầu khắc phục' });
    expect(within(actions).getByRole('link', { name: '4' }).getAttribute('href')).toBe('/corrective-actions?year=2021&overdue=1');
  });
});

describe("the dashboard's filters live in the URL", () => {
  const asked = () => fetchMock.mock.calls.map(([u]) => String(u)).filter((u) => u.startsWith('/api/dashboard'));

  it('a shared link opens the same view: its year, unit and level are asked for', async () => {
    window.history.pushState({}, '', `/dashboard?year=2020&unitId=${id(1)}&level=district`);
    renderWithProviders(<App />);
    expect(await screen.findByText(/Cuộc kiểm tra theo trạng thái/)).toBeTruthy();
    expect(asked()).toContain(`/api/dashboard?year=2020&unitId=${id(1)}&level=district`);
    expect(screen.queryByTestId('ignored-filters')).toBeNull();
  });

  it('a choice is pushed to the URL (with the year shown), and going back shows the view before', async () => {
    renderWithProviders(<App />);
    await screen.findByText(/Cuộc kiểm tra theo trạng thái/);
    const user = userEvent.setup();
    await user.click(screen.getByRole('combobox', { name: 'Cấp đơn vị so sánh' }));
    await user.click(await screen.findByRole('option', { name: 'Cấp huyện', hidden: true }));
    expect(await screen.findByDisplayValue('Cấp huyện')).toBeTruthy();
    expect(window.location.search).toBe('?year=2021&level=district');
    expect(asked()).toContain('/api/dashboard?year=2021&level=district');
    window.history.back();
    // Back: no level in the URL, the level the server answered (commune) again.
    expect(await screen.findByDisplayValue('Cấp xã')).toBeTruthy();
    expect(window.location.search).toBe('');
  });

  it('invalid values in the URL are named and left out: the default view is shown', async () => {
    window.history.pushState({}, '', '/dashboard?year=20x1&unitId=42&level=town');
    renderWithProviders(<App />);
    expect((await screen.findByTestId('ignored-filters')).textContent).toBe(
      'Đã bỏ qua bộ lọc không hợp lệ trong đường dẫn: year=20x1, unitId=42, level=town; trang hiển thị như khi không có bộ lọc đó.',
    );
    await screen.findByText(/Cuộc kiểm tra theo trạng thái/);
    expect(asked()).toEqual(['/api/dashboard']);
  });
});

describe('figureCsv', () => {
  it('writes the table as CSV with a BOM, quoting every cell', () => {
    expect(figureCsv(['Đơn vị', 'Chỉ số (%)', 'Hạng'], [{ key: 'a', label: 'Bồng "Sơn"', value: 100, extra: ['1'] }], (x) => `${x}%`)).toBe('\uFEFF"Đơn vị","Chỉ số (%)","Hạng"\r\n"Bồng ""Sơn""","100%","1"\r\n');
  });

  it('writes a linked number of the table as its value (never "[object Object]")', () => {
    expect(figureCsv(['Năm', 'Bình quân', 'Số đơn vị có điểm'], [{ key: '2021', label: '2021', value: 82.5, extra: [{ value: '17', to: '/indices/x?year=2021' }] }], (x) => `${x}`)).toBe('\uFEFF"Năm","Bình quân","Số đơn vị có điểm"\r\n"2021","82.5","17"\r\n');
  });
});
