// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { Inspection, ScheduleIssue } from '../../../../shared/api/inspections.schemas.js';
import { SessionProvider } from '../../auth/session.js';
import { Browser, json, renderWithProviders } from '../../test/render.js';
import { InspectionsPage } from './InspectionsPage.js';
import { filtersBoardStart, planBoardStart, SeasonBoard, seasonGrid } from './SeasonBoard.js';

const teamId = '6c1f3d0e-4444-4c1e-9d1a-0a0a0a0a0a0a';
const agencyId = '6c1f3d0e-3333-4c1e-9d1a-0a0a0a0a0a0a';
const visit: Inspection = {
  id: '6c1f3d0e-1111-4c1e-9d1a-0a0a0a0a0a01',
  planId: '6c1f3d0e-2222-4c1e-9d1a-0a0a0a0a0a0a',
  planYear: 2021,
  agencyId,
  agencyName: 'UBND phường Bồng Sơn',
  unitName: 'Phường Bồng Sơn',
  teamId,
  teamName: 'Đoàn kiểm tra số 1',
  kind: 'announced',
  status: 'planned',
  startsOn: '2021-06-15',
  endsOn: '2021-06-15',
  startTime: '08:00',
  reportDueOn: '2021-06-10',
  reportDueExplanation: null,
  awaitingNewNotice: false,
  places: [],
  note: null,
  reinspectionOfId: null,
  startedAt: null,
  closedAt: null,
  cancelledAt: null,
  cancelReason: null,
  allowedMoves: ['edit', 'cancel', 'reschedule'],
  abilities: { update: true, start: false, close: false, cancel: true, reschedule: true },
  warnings: [],
  version: 3,
};
const problem = (code: string, status: number, extra: Record<string, unknown> = {}) => json({ type: 'about:blank', title: code, status, code, requestId: 'r', ...extra }, status);

describe('the season board', () => {
  it('shows every week of the range, an empty one too', () => {
    const grid = seasonGrid([visit], { from: '2021-06-01', to: '2021-06-30' });
    expect(grid.weeks).toEqual(['2021-05-31', '2021-06-07', '2021-06-14', '2021-06-21', '2021-06-28']);
    const late = { ...visit, id: agencyId, startsOn: '2021-07-06' };
    expect(seasonGrid([visit, late]).weeks).toEqual(['2021-06-14', '2021-06-21', '2021-06-28', '2021-07-05']);
  });

  it('moves a visit in place: the reschedule move with a reason, the conflicts shown and overridden with a second reason', async () => {
    const conflict: ScheduleIssue = {
      code: 'short_lead_time',
      severity: 'error',
      message: 'Không đủ thời gian chuẩn bị: đơn vị phải gửi báo cáo chậm nhất ngày 16/06/2021.',
      messageEn: 'Not enough time.',
      date: '2021-06-21',
      otherInspectionId: null,
      overridable: true,
    };
    // The re-visit rule (30 days by default) as the server words it, overridable with the same reason.
    const revisit: ScheduleIssue = {
      code: 'agency_visited_recently',
      severity: 'error',
      message: 'UBND phường Bồng Sơn đã có lịch kiểm tra ngày 01/06/2021 (Đoàn kiểm tra số 1), cách chưa đủ 30 ngày.',
      messageEn: 'Already scheduled for an inspection less than 30 days apart.',
      date: '2021-06-01',
      otherInspectionId: null,
      overridable: true,
    };
    const bodies: Record<string, unknown>[] = [];
    let done: () => void = () => undefined;
    const answered = new Promise<void>((resolve) => (done = resolve));
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        const url = String(input);
        if (url === `/api/inspections/${visit.id}/reschedule` && init?.method === 'POST') {
          const body = JSON.parse(String(init.body)) as Record<string, unknown>;
          bodies.push(body);
          if (body.overrideReason) done();
          return body.overrideReason ? json({ ...visit, startsOn: body.startsOn, endsOn: body.startsOn, version: 4 }) : problem('SCHEDULE_CONFLICT', 409, { conflicts: [conflict, revisit] });
        }
        return problem('NOT_FOUND', 404);
      }),
    );
    const user = userEvent.setup();
    renderWithProviders(
      <MemoryRouter>
        <SeasonBoard items={[visit, { ...visit, id: agencyId, abilities: { ...visit.abilities, reschedule: false }, agencyName: 'UBND xã Hoài Đức' }]} from="2021-06-01" to="2021-06-30" />
      </MemoryRouter>,
    );
    const board = await screen.findByRole('table', { name: 'Theo tuần' });
    expect(within(board).getByText('Tuần từ 31/05/2021')).toBeTruthy();
    // Only the block the caller may move offers it.
    expect(within(board).queryByRole('button', { name: 'Đổi ngày kiểm tra UBND xã Hoài Đức' })).toBeNull();
    await user.click(within(board).getByRole('button', { name: 'Đổi ngày kiểm tra UBND phường Bồng Sơn' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: /Lý do/ }), 'Đoàn bận họp');
    await user.click(within(dialog).getByRole('button', { name: 'Đổi lịch' }));
    expect(await within(dialog).findByText(conflict.message)).toBeTruthy();
    expect(within(dialog).getByText(revisit.message)).toBeTruthy();
    await user.type(await within(dialog).findByRole('textbox', { name: /Vẫn lên lịch/ }), 'Đơn vị đồng ý');
    await user.click(within(dialog).getByRole('button', { name: 'Đổi lịch' }));
    // The move succeeded: the block's menu shows the server's answer and nothing refused.
    await screen.findByRole('button', { name: 'Đổi ngày kiểm tra UBND phường Bồng Sơn' });
    await answered;
    expect(bodies).toHaveLength(2);
    expect(bodies[0]).toMatchObject({ version: 3, reason: 'Đoàn bận họp', startsOn: '2021-06-15' });
    expect(bodies[1]).toMatchObject({ overrideReason: 'Đơn vị đồng ý' });
  });
});

describe('the season list', () => {
  it('filters by team and by agency', async () => {
    let filtered: (params: URLSearchParams) => void = () => undefined;
    const asked = new Promise<URLSearchParams>((resolve) => (filtered = resolve));
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL) => {
        const url = String(input);
        const params = new URL(url, 'http://x').searchParams;
        if (url.startsWith('/api/inspections?') && params.get('teamId') && params.get('agencyId')) filtered(params);
        if (url === '/api/session/current')
          return json({
            user: { id: '6c1f3d0e-5555-4c1e-9d1a-0a0a0a0a0a0a', username: 'vanphong', fullName: 'Văn phòng', locale: 'vi', mustChangePassword: false },
            roles: [],
            capabilities: ['inspection.read'],
            fieldRules: {},
            csrfToken: 'csrf',
            expiresAt: '2030-01-01T00:00:00Z',
          });
        if (url.startsWith('/api/plans')) return json({ items: [], hasMore: false });
        if (url.startsWith('/api/inspections')) return json({ items: [visit], total: 1 });
        return problem('NOT_FOUND', 404);
      }),
    );
    const user = userEvent.setup();
    renderWithProviders(
      <SessionProvider fallback={null}>
        <MemoryRouter>
          <InspectionsPage />
        </MemoryRouter>
      </SessionProvider>,
    );
    await user.click(await screen.findByLabelText('Đoàn kiểm tra', { selector: 'input' }));
    await user.click(await screen.findByRole('option', { name: 'Đoàn kiểm tra số 1', hidden: true }));
    await user.click(await screen.findByLabelText('Cơ quan, đơn vị được kiểm tra', { selector: 'input' }));
    await user.click(await screen.findByRole('option', { name: 'UBND phường Bồng Sơn — Phường Bồng Sơn', hidden: true }));
    const last = await asked;
    expect(last.get('teamId')).toBe(teamId);
    expect(last.get('agencyId')).toBe(agencyId);
  });
});

describe('the season page asks the server for what it shows', () => {
  it('pages the list through the server, and the board asks for its weeks', async () => {
    const asked: URLSearchParams[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL) => {
        const url = String(input);
        if (url.startsWith('/api/inspections?')) asked.push(new URL(url, 'http://x').searchParams);
        if (url === '/api/session/current')
          return json({
            user: { id: '6c1f3d0e-5555-4c1e-9d1a-0a0a0a0a0a0a', username: 'vanphong', fullName: 'Văn phòng', locale: 'vi', mustChangePassword: false },
            roles: [],
            capabilities: ['inspection.read'],
            fieldRules: {},
            csrfToken: 'csrf',
            expiresAt: '2030-01-01T00:00:00Z',
          });
        if (url.startsWith('/api/plans')) return json({ items: [], hasMore: false });
        if (url.startsWith('/api/inspections')) return json({ items: [visit], total: 250 });
        return problem('NOT_FOUND', 404);
      }),
    );
    const user = userEvent.setup();
    renderWithProviders(
      <SessionProvider fallback={null}>
        <MemoryRouter initialEntries={['/inspections?status=planned,notified']}>
          <InspectionsPage today="2021-06-16" />
        </MemoryRouter>
      </SessionProvider>,
    );
    await screen.findByText('UBND phường Bồng Sơn');
    expect(Object.fromEntries(asked[0])).toEqual({ status: 'planned,notified', page: '1', pageSize: '100' });
    await user.click(screen.getByRole('button', { name: '2' }));
    await vi.waitFor(() => expect(asked.some((q) => q.get('page') === '2')).toBe(true));
    expect(Object.fromEntries(asked.find((q) => q.get('page') === '2')!)).toEqual({ status: 'planned,notified', page: '2', pageSize: '100' });
    await user.click(screen.getByText('Theo tuần'));
    const boardAsked = (q: URLSearchParams) => q.get('from') && q.get('pageSize') === '500';
    await vi.waitFor(() => expect(asked.some(boardAsked)).toBe(true));
    expect(Object.fromEntries(asked.find(boardAsked)!)).toEqual({ status: 'planned,notified', from: '2021-06-14', to: '2021-07-11', pageSize: '500' });
    await user.click(screen.getByRole('button', { name: 'Các tuần sau ›' }));
    await vi.waitFor(() => expect(asked.some((q) => q.get('from') === '2021-07-12')).toBe(true));
    expect(asked.find((q) => q.get('from') === '2021-07-12')!.get('to')).toBe('2021-08-08');
  });
});

describe('the board of a chosen plan', () => {
  it('opens where the plan has visits: this week while it runs with visits ahead, else its first visit, else its period start', () => {
    const plan = { periodFrom: '2021-01', periodTo: '2021-12' };
    expect(planBoardStart({ ...plan, today: '2026-11-30', firstVisitOn: '2021-06-15', visitsAhead: false })).toBe('2021-06-14');
    expect(planBoardStart({ ...plan, today: '2021-09-08', firstVisitOn: '2021-06-15', visitsAhead: true })).toBe('2021-09-06');
    expect(planBoardStart({ ...plan, today: '2021-09-08', firstVisitOn: '2021-06-15', visitsAhead: false })).toBe('2021-06-14');
    expect(planBoardStart({ ...plan, today: '2020-12-01', firstVisitOn: null, visitsAhead: false })).toBe('2020-12-28');
  });

  it('shows a past season’s weeks, not today’s, and puts the schedule before the plan’s panels', async () => {
    const planId = visit.planId!;
    const asked: URLSearchParams[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL) => {
        const url = String(input);
        const params = new URL(url, 'http://x').searchParams;
        if (url === '/api/session/current')
          return json({
            user: { id: '6c1f3d0e-5555-4c1e-9d1a-0a0a0a0a0a0a', username: 'vanphong', fullName: 'Văn phòng', locale: 'vi', mustChangePassword: false },
            roles: [],
            capabilities: ['inspection.read'],
            fieldRules: {},
            csrfToken: 'csrf',
            expiresAt: '2030-01-01T00:00:00Z',
          });
        if (url.startsWith('/api/plans?'))
          return json({
            items: [{ id: planId, seriesId: planId, revision: 1, amendsPlanId: null, issuingAgencyId: agencyId, issuingAgencyName: 'UBND thị xã', year: 2021, status: 'issued', summary: 'Kế hoạch 2021', periodFrom: '2021-01', periodTo: '2021-12', documentNumber: '15/KH-UBND', number: 15, issuedOn: '2021-01-10', version: 1, updatedAt: '2021-01-10T00:00:00Z' }],
            hasMore: false,
          });
        if (url.startsWith('/api/inspection-notices')) return json({ items: [] });
        if (url.startsWith('/api/inspections?')) {
          asked.push(params);
          if (params.get('from') === '2026-11-30') return json({ items: [], total: 0 });
          return json({ items: [visit], total: 19 });
        }
        return problem('NOT_FOUND', 404);
      }),
    );
    const user = userEvent.setup();
    renderWithProviders(
      <SessionProvider fallback={null}>
        <MemoryRouter>
          <InspectionsPage today="2026-11-30" />
        </MemoryRouter>
      </SessionProvider>,
    );
    await user.click(await screen.findByLabelText('Kế hoạch', { selector: 'input' }));
    await user.click(await screen.findByRole('option', { name: '2021 · 15/KH-UBND', hidden: true }));
    await user.click(screen.getByText('Theo tuần'));
    expect(await screen.findByText('Từ 14/06/2021 đến 11/07/2021')).toBeTruthy();
    const board = await screen.findByRole('table', { name: 'Theo tuần' });
    expect(within(board).getByRole('button', { name: 'Đổi ngày kiểm tra UBND phường Bồng Sơn' })).toBeTruthy();
    expect(asked.find((q) => q.get('pageSize') === '500' && q.get('from'))?.get('from')).toBe('2021-06-14');
    // Never asked for today's empty weeks first.
    expect(asked.some((q) => q.get('pageSize') === '500' && q.get('from') === '2026-11-30')).toBe(false);
    const notices = await screen.findByRole('heading', { name: 'Thông báo lịch kiểm tra' });
    expect(board.compareDocumentPosition(notices) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });
});

describe('the board with no plan chosen', () => {
  it('opens on this week when a visit is near, else the nearest visit ahead, else the weeks ending with the latest visit', () => {
    const today = '2026-11-30';
    expect(filtersBoardStart({ today, weeks: 4, nextVisitOn: '2026-12-15', lastVisitOn: null })).toBe('2026-11-30');
    expect(filtersBoardStart({ today, weeks: 4, nextVisitOn: '2026-11-27', lastVisitOn: null })).toBe('2026-11-30');
    expect(filtersBoardStart({ today, weeks: 4, nextVisitOn: '2027-03-10', lastVisitOn: null })).toBe('2027-03-08');
    expect(filtersBoardStart({ today, weeks: 4, nextVisitOn: null, lastVisitOn: '2021-12-08' })).toBe('2021-11-15');
    expect(filtersBoardStart({ today, weeks: 4, nextVisitOn: null, lastVisitOn: null })).toBe('2026-11-30');
  });

  it('shows the weeks of the latest visits the filters match, not today’s empty weeks (the list counts 22)', async () => {
    const asked: URLSearchParams[] = [];
    const latest = { ...visit, id: '6c1f3d0e-1111-4c1e-9d1a-0a0a0a0a0a22', startsOn: '2021-12-08', endsOn: '2021-12-08' };
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL) => {
        const url = String(input);
        const params = new URL(url, 'http://x').searchParams;
        if (url === '/api/session/current')
          return json({
            user: { id: '6c1f3d0e-5555-4c1e-9d1a-0a0a0a0a0a0a', username: 'doan', fullName: 'Thành viên đoàn', locale: 'vi', mustChangePassword: false },
            roles: [],
            capabilities: ['inspection.read'],
            fieldRules: {},
            csrfToken: 'csrf',
            expiresAt: '2030-01-01T00:00:00Z',
          });
        if (url.startsWith('/api/plans')) return json({ items: [], hasMore: false });
        if (url.startsWith('/api/inspections?')) {
          asked.push(params);
          // The 22 visits of 2021: none from today on; sorted by day, the 22nd is the latest.
          if ((params.get('from') ?? '') >= '2026') return json({ items: [], total: 0 });
          if (params.get('from')) return json({ items: [visit, latest], total: 2 });
          return json({ items: [params.get('page') === '22' ? latest : visit], total: 22 });
        }
        return problem('NOT_FOUND', 404);
      }),
    );
    const user = userEvent.setup();
    renderWithProviders(
      <SessionProvider fallback={null}>
        <MemoryRouter>
          <InspectionsPage today="2026-11-30" />
        </MemoryRouter>
      </SessionProvider>,
    );
    await screen.findByText('22 cuộc kiểm tra');
    await user.click(screen.getByText('Theo tuần'));
    expect(await screen.findByText('Từ 15/11/2021 đến 12/12/2021')).toBeTruthy();
    const board = await screen.findByRole('table', { name: 'Theo tuần' });
    expect(within(board).getByText(/08\/12\/2021/)).toBeTruthy();
    // Never asked for today's empty weeks.
    expect(asked.some((q) => q.get('pageSize') === '500' && q.get('from') === '2026-11-30')).toBe(false);
  });
});


describe('the season list keeps its page in the address', () => {
  it('opens the page of its address; each page chosen is a new entry; a filter changed goes back to the first page in place', async () => {
    const asked: URLSearchParams[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL) => {
        const url = String(input);
        if (url === '/api/session/current')
          return json({
            user: { id: '6c1f3d0e-5555-4c1e-9d1a-0a0a0a0a0a0a', username: 'vanphong', fullName: 'Văn phòng', locale: 'vi', mustChangePassword: false },
            roles: [],
            capabilities: ['inspection.read'],
            fieldRules: {},
            csrfToken: 'csrf',
            expiresAt: '2030-01-01T00:00:00Z',
          });
        if (url.startsWith('/api/plans')) return json({ items: [], hasMore: false });
        if (url.startsWith('/api/inspections?')) {
          const params = new URL(url, 'http://x').searchParams;
          asked.push(params);
          // 250 visits (three pages of 100); each row names the page it is on.
          return json({ items: [{ ...visit, agencyName: `Trang ${params.get('page')}${params.get('kind') ? ` ${params.get('kind')}` : ''}` }], total: 250 });
        }
        return problem('NOT_FOUND', 404);
      }),
    );
    const user = userEvent.setup();
    renderWithProviders(
      <SessionProvider fallback={null}>
        <MemoryRouter initialEntries={['/inspections?status=planned&page=2']}>
          <InspectionsPage today="2021-06-16" />
          <Browser />
        </MemoryRouter>
      </SessionProvider>,
    );
    // A reload or a shared link: the page of the address, with its filter.
    expect(await screen.findByText('Trang 2')).toBeTruthy();
    expect(Object.fromEntries(asked[0])).toEqual({ status: 'planned', page: '2', pageSize: '100' });

    await user.click(screen.getByRole('button', { name: '3' }));
    expect(await screen.findByText('Trang 3')).toBeTruthy();
    expect(screen.getByTestId('address').textContent).toBe('/inspections?status=planned&page=3');
    await user.click(screen.getByRole('button', { name: 'Quay lại' }));
    expect(await screen.findByText('Trang 2')).toBeTruthy();
    expect(screen.getByTestId('address').textContent).toBe('/inspections?status=planned&page=2');

    // A filter kept in the page (the kind), chosen on page 3: the first page, replacing page 3's entry
    // rather than adding one — back goes to page 2, not to page 3 of another filter.
    await user.click(screen.getByRole('button', { name: '3' }));
    expect(await screen.findByText('Trang 3')).toBeTruthy();
    await user.click(screen.getByLabelText('Hình thức', { selector: 'input' }));
    await user.click(await screen.findByRole('option', { name: 'Kiểm tra đột xuất', hidden: true }));
    expect(await screen.findByText('Trang 1 unannounced')).toBeTruthy();
    expect(screen.getByTestId('address').textContent).toBe('/inspections?status=planned');
    await user.click(screen.getByRole('button', { name: 'Quay lại' }));
    expect(await screen.findByText('Trang 2 unannounced')).toBeTruthy();
    expect(screen.getByTestId('address').textContent).toBe('/inspections?status=planned&page=2');
  });
});

describe('the season list opened with the dashboard’s reports due', () => {
  it('shows the report filter as a chip beside the other filters, and removing it lists every visit again', async () => {
    const asked: URLSearchParams[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL) => {
        const url = String(input);
        if (url === '/api/session/current')
          return json({
            user: { id: '6c1f3d0e-5555-4c1e-9d1a-0a0a0a0a0a0a', username: 'lanhdao', fullName: 'Lãnh đạo', locale: 'vi', mustChangePassword: false },
            roles: [],
            capabilities: ['inspection.read'],
            fieldRules: {},
            csrfToken: 'csrf',
            expiresAt: '2030-01-01T00:00:00Z',
          });
        if (url.startsWith('/api/plans')) return json({ items: [], hasMore: false });
        if (url.startsWith('/api/inspections?')) {
          const params = new URL(url, 'http://x').searchParams;
          asked.push(params);
          return json({ items: [visit], total: params.get('reportDueBy') ? 3 : 22 });
        }
        return problem('NOT_FOUND', 404);
      }),
    );
    const user = userEvent.setup();
    renderWithProviders(
      <SessionProvider fallback={null}>
        <MemoryRouter initialEntries={['/inspections?reportDueBy=2021-06-03&live=true']}>
          <InspectionsPage today="2021-06-16" />
        </MemoryRouter>
      </SessionProvider>,
    );
    expect(await screen.findByText('3 cuộc kiểm tra')).toBeTruthy();
    expect(screen.getByTestId('report-filter').textContent).toBe('Chỉ cuộc có báo cáo đến hạn đến ngày 03/06/2021');
    expect(asked[0].get('reportDueBy')).toBe('2021-06-03');
    await user.click(screen.getByRole('button', { name: 'Bỏ bộ lọc: Chỉ cuộc có báo cáo đến hạn đến ngày 03/06/2021' }));
    expect(await screen.findByText('22 cuộc kiểm tra')).toBeTruthy();
    expect(screen.queryByTestId('report-filter')).toBeNull();
    expect(asked.at(-1)!.get('reportDueBy')).toBeNull();
  });
});
