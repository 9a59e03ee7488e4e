// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { Inspection } from '../../../../shared/api/inspections.schemas.js';
import type { Notice } from '../../../../shared/api/notices.schemas.js';
import { SessionProvider } from '../../auth/session.js';
import { json, renderWithProviders } from '../../test/render.js';
import { MyTasksPage } from './MyTasksPage.js';
import { officialCalendar } from '../../../../shared/domain/calendar/index.js';

const session = {
  user: { id: '6c1f3d0e-5555-4c1e-9d1a-0a0a0a0a0a0a', username: 'donvi', fullName: 'Cán bộ phường', locale: 'vi', mustChangePassword: false },
  roles: [{ role: 'unit_officer', agencyId: '6c1f3d0e-6666-4c1e-9d1a-0a0a0a0a0a0a', agencyName: 'UBND phường Tam Quan Bắc' }],
  fieldRules: {},
  csrfToken: 'csrf',
  expiresAt: '2030-01-01T00:00:00Z',
};

const visit: Inspection = {
  id: '6c1f3d0e-1111-4c1e-9d1a-0a0a0a0a0a01',
  planId: '6c1f3d0e-2222-4c1e-9d1a-0a0a0a0a0a0a',
  planYear: 2021,
  agencyId: '6c1f3d0e-3333-4c1e-9d1a-0a0a0a0a0a0a',
  agencyName: 'UBND phường Tam Quan Bắc',
  unitName: 'Phường Tam Quan Bắc',
  teamId: '6c1f3d0e-4444-4c1e-9d1a-0a0a0a0a0a0a',
  teamName: 'Đoàn kiểm tra số 1',
  kind: 'announced',
  status: 'notified',
  startsOn: '2021-09-08',
  endsOn: '2021-09-08',
  startTime: '08:00',
  reportDueOn: '2021-09-01',
  reportDueExplanation: null,
  awaitingNewNotice: false,
  places: [],
  note: null,
  reinspectionOfId: null,
  startedAt: null,
  closedAt: null,
  cancelledAt: null,
  cancelReason: null,
  allowedMoves: [],
  abilities: { update: false, start: false, close: false, cancel: false, reschedule: false },
  warnings: [],
  version: 2,
};

const notice = {
  id: '6c1f3d0e-7777-4c1e-9d1a-0a0a0a0a0a0a',
  planId: visit.planId,
  issuingAgencyId: '6c1f3d0e-8888-4c1e-9d1a-0a0a0a0a0a0a',
  issuingAgencyName: 'UBND thị xã Hoài Nhơn',
  status: 'issued',
  content: { summary: 'Lịch kiểm tra công tác cải cách hành chính năm 2021' },
  items: [{ inspectionId: visit.id, agencyId: visit.agencyId, agencyName: visit.agencyName, startsOn: '2021-09-08', endsOn: '2021-09-08', startTime: '08:00', places: [], attendees: '', reportDueOn: '2021-09-01', reportDueExplanation: null, status: 'notified', changedAfterIssue: false, canOpen: true }],
  documentNumber: '45/TB-UBND',
  issuedOn: '2021-08-20',
  abilities: { update: false, issue: false },
  version: 2,
} as unknown as Notice;

/**
 * Renders "Việc của tôi" for a user holding `capabilities` on `today`. The API answers the session,
 * the visits and notices given, and `routes` (an exact URL, or a prefix ending in '?'); anything
 * else is 404. Returns the URLs the page asked for.
 */
function renderTasks({ capabilities, today, visits = [], notices = [], moreNotices = false, routes = {} }: { capabilities: string[]; today: string; visits?: Inspection[]; notices?: Notice[]; moreNotices?: boolean; routes?: Record<string, unknown> }) {
  const urls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const url = String(input);
      urls.push(url);
      if (url === '/api/session/current') return json({ ...session, capabilities });
      if (url.startsWith('/api/inspections')) {
        // Answers as the server filters: by status (one or several), kind, reports still awaited.
        const q = new URL(url, 'http://x').searchParams;
        const statuses = q.get('status')?.split(',');
        const items = visits.filter((v) => (!statuses || statuses.includes(v.status)) && (!q.get('kind') || v.kind === q.get('kind')) && (q.get('reportPending') !== 'true' || v.reportDueOn));
        return json({ items, total: items.length });
      }
      if (url.startsWith('/api/inspection-notices')) return json({ items: notices, hasMore: moreNotices });
      const route = Object.entries(routes).find(([u]) => url === u || (u.endsWith('?') && url.startsWith(u)));
      if (route) return json(route[1]);
      return json({ type: 'about:blank', title: 'NOT_FOUND', status: 404, code: 'NOT_FOUND', requestId: 'r' }, 404);
    }),
  );
  renderWithProviders(
    <SessionProvider fallback={null}>
      <MemoryRouter>
        <MyTasksPage today={today} />
      </MemoryRouter>
    </SessionProvider>,
  );
  return urls;
}

describe('"Việc của tôi" of a unit officer', () => {
  it('shows the notices sent to the unit and its report deadline, even read years after the season (overdue, not hidden)', async () => {
    const urls = renderTasks({ capabilities: ['inspection.read'], today: '2026-11-30', visits: [visit], notices: [notice] });
    const notices = await screen.findByRole('table', { name: 'Thông báo lịch kiểm tra gửi đơn vị' });
    expect(within(notices).getByText('45/TB-UBND')).toBeTruthy();
    expect(within(notices).getByText(/kiểm tra ngày 08\/09\/2021, hạn gửi báo cáo 01\/09\/2021/)).toBeTruthy();
    expect(within(notices).queryByText(/Lịch đã thay đổi sau khi ban hành/)).toBeNull();
    const reports = screen.getByRole('table', { name: 'Hạn gửi báo cáo của đơn vị' });
    // A past season's deadline is shown as past, not as "overdue 1,321 working days".
    expect(within(reports).getByText('đã quá hạn (năm 2021)')).toBeTruthy();
    const visits = screen.getByRole('table', { name: 'Lịch kiểm tra chưa thực hiện' });
    expect(within(visits).getByText('đã qua ngày')).toBeTruthy();
    // Not limited to dates from today on: the 2021 season is what the unit is asked about.
    expect(urls.some((u) => u.startsWith('/api/inspections') && u.includes('from='))).toBe(false);
    // Each card asks the server for its own rows, never one page of everything filtered here.
    const asked = urls.filter((u) => u.startsWith('/api/inspections')).map((u) => Object.fromEntries(new URL(u, 'http://x').searchParams));
    expect(asked).toEqual(
      expect.arrayContaining([
        { status: 'planned,notified', pageSize: '50' },
        { status: 'under_way', pageSize: '50' },
        // A unit's deadlines: the server lists only those it was told of (notified, or moved after its notice), still awaiting its report.
        { status: 'planned,notified', reportPending: 'true', sort: 'reportDueOn', pageSize: '50' },
      ]),
    );
    expect(new Set(asked.map((a) => JSON.stringify(a))).size).toBe(3);
    // A unit is not offered the office's list of visits to notify.
    expect(screen.queryByText('Cuộc kiểm tra có báo trước chưa gửi thông báo')).toBeNull();
    // The latest 20 notices, not every notice of every year; all of them here, so no "more" line.
    expect(urls.filter((u) => u.startsWith('/api/inspection-notices'))).toEqual(['/api/inspection-notices?limit=20']);
    expect(screen.queryByText(/Chỉ hiện 20 thông báo gần nhất/)).toBeNull();
  });

  it('says when older notices exist beyond the latest 20, and where they are', async () => {
    renderTasks({ capabilities: ['inspection.read'], today: '2026-11-30', visits: [visit], notices: [notice], moreNotices: true });
    expect(await screen.findByText('Chỉ hiện 20 thông báo gần nhất; các thông báo cũ hơn xem trong từng kế hoạch.')).toBeTruthy();
  });

  it('keeps the deadline of a visit moved after its notice, with its new day, marked as awaiting a new notice (rev8b #1)', async () => {
    const moved = { ...visit, status: 'planned' as const, startsOn: '2021-09-16', endsOn: '2021-09-16', reportDueOn: '2021-09-13', awaitingNewNotice: true };
    renderTasks({ capabilities: ['inspection.read'], today: '2021-09-06', visits: [moved], notices: [notice] });
    const reports = await screen.findByRole('table', { name: 'Hạn gửi báo cáo của đơn vị' });
    expect(within(reports).getByText(/13\/09\/2021/)).toBeTruthy();
    expect(within(reports).getByText(/lịch đã đổi, chờ thông báo mới/)).toBeTruthy();
    expect(within(reports).queryByText(/chưa thông báo/)).toBeNull();
  });
});

describe('"Việc của tôi" of the standing office', () => {
  it("lists each plan's targets not yet scheduled, from one request", async () => {
    const planId = '6c1f3d0e-8888-4c1e-9d1a-0a0a0a0a0a0a';
    const other = '6c1f3d0e-9999-4c1e-9d1a-0a0a0a0a0a0a';
    const urls = renderTasks({
      capabilities: ['inspection.read', 'inspection.schedule'],
      today: '2021-05-20',
      routes: {
        '/api/unscheduled-targets': {
          items: [
            { planId, summary: 'Kế hoạch kiểm tra CCHC năm 2021', year: 2021, documentNumber: '15/KH-UBND', items: [{ agencyId: planId, agencyName: 'UBND phường Hoài Hảo', unitName: 'Hoài Hảo' }] },
            { planId: other, summary: 'Kế hoạch kiểm tra đột xuất', year: 2021, documentNumber: null, items: [{ agencyId: planId, agencyName: 'UBND phường Hoài Hảo', unitName: 'Hoài Hảo' }, { agencyId: other, agencyName: 'Phòng Nội vụ', unitName: 'Thị xã Hoài Nhơn' }] },
          ],
        },
      },
    });
    const card = await screen.findByRole('table', { name: 'Cơ quan trong kế hoạch chưa được lên lịch kiểm tra' });
    expect(within(card).getByText('15/KH-UBND')).toBeTruthy();
    expect(within(card).getByText('1 cơ quan chưa lên lịch')).toBeTruthy();
    expect(within(card).getByText('UBND phường Hoài Hảo')).toBeTruthy();
    expect(within(card).getByText('Kế hoạch kiểm tra đột xuất')).toBeTruthy();
    expect(within(card).getByText('2 cơ quan chưa lên lịch')).toBeTruthy();
    expect(within(card).getByText('UBND phường Hoài Hảo; Phòng Nội vụ')).toBeTruthy();
    // Two plans, one request: none per plan (no N+1), nor the plans list.
    expect(urls.filter((u) => u.startsWith('/api/unscheduled-targets'))).toHaveLength(1);
    expect(urls.some((u) => u.includes('/unscheduled-targets') && u.startsWith('/api/plans'))).toBe(false);
  });
});

describe('"Việc của tôi" of a leader', () => {
  it('lists the drafts awaiting the leader’s signature, each linked to where it is signed', async () => {
    const urls = renderTasks({
      capabilities: ['inspection.read', 'plan.issue', 'conclusion.approve'],
      today: '2021-11-20',
      routes: {
        '/api/awaiting-signature': {
          items: [
            { kind: 'conclusion', id: visit.id, path: `/conclusions/${visit.id}`, issuingAgencyName: 'UBND thị xã Hoài Nhơn', year: 2021, subject: 'UBND phường Hoài Đức', updatedOn: '2021-11-16' },
            { kind: 'plan', id: visit.planId, path: `/plans/${visit.planId}`, issuingAgencyName: 'UBND thị xã Hoài Nhơn', year: 2022, subject: null, updatedOn: '2021-11-10' },
          ],
          total: 2,
        },
      },
    });
    const card = await screen.findByRole('table', { name: 'Văn bản chờ ký' });
    const conclusion = within(card).getByRole('link', { name: 'Thông báo kết luận kiểm tra' });
    expect(conclusion.getAttribute('href')).toBe(`/conclusions/${visit.id}`);
    expect(within(card).getByText('UBND phường Hoài Đức')).toBeTruthy();
    expect(within(card).getByText('UBND thị xã Hoài Nhơn · Sửa lần cuối 16/11/2021')).toBeTruthy();
    expect(within(card).getByRole('link', { name: 'Kế hoạch kiểm tra năm 2022 (trình ký)' }).getAttribute('href')).toBe(`/plans/${visit.planId}`);
    // One request for the whole list.
    expect(urls.filter((u) => u === '/api/awaiting-signature')).toHaveLength(1);
  });

  it('is not shown to a unit officer, who signs nothing here', async () => {
    const urls = renderTasks({ capabilities: ['inspection.read'], today: '2021-11-20' });
    await screen.findByRole('heading', { name: 'Việc của tôi' });
    expect(screen.queryByText('Văn bản chờ ký')).toBeNull();
    expect(urls).not.toContain('/api/awaiting-signature');
  });
});

describe('"Việc của tôi": a notice whose visit moved after issue', () => {
  it('keeps the issued dates and says the schedule changed, linking to the visit', async () => {
    const moved = { ...notice, items: [{ ...notice.items[0], changedAfterIssue: true }] } as Notice;
    renderTasks({ capabilities: ['inspection.read'], today: '2021-09-01', visits: [visit], notices: [moved] });
    const notices = await screen.findByRole('table', { name: 'Thông báo lịch kiểm tra gửi đơn vị' });
    expect(within(notices).getByText(/kiểm tra ngày 08\/09\/2021/)).toBeTruthy();
    expect(within(notices).getByText('Lịch đã thay đổi sau khi ban hành thông báo: xem cuộc kiểm tra')).toBeTruthy();
  });
});

describe('"Việc của tôi": the lines of a notice', () => {
  it('links only the lines the server says the unit may open; the other units are named, not linked', async () => {
    const other = { ...notice.items[0], inspectionId: '6c1f3d0e-1111-4c1e-9d1a-0a0a0a0a0a09', agencyName: 'UBND xã Hoài Đức', canOpen: false };
    renderTasks({ capabilities: ['inspection.read'], today: '2021-09-01', visits: [visit], notices: [{ ...notice, items: [notice.items[0], other] } as Notice] });
    const notices = await screen.findByRole('table', { name: 'Thông báo lịch kiểm tra gửi đơn vị' });
    expect(within(notices).getByRole('link', { name: visit.agencyName }).getAttribute('href')).toBe(`/inspections/${visit.id}`);
    expect(within(notices).getByText(/UBND xã Hoài Đức/)).toBeTruthy();
    expect(within(notices).queryByRole('link', { name: 'UBND xã Hoài Đức' })).toBeNull();
  });
});

describe('"Việc của tôi": report deadlines before the notice', () => {
  const planned: Inspection = { ...visit, id: '6c1f3d0e-1111-4c1e-9d1a-0a0a0a0a0a02', agencyName: 'UBND phường Hoài Hảo', status: 'planned', reportDueOn: '2021-12-08' };

  it('shows a unit no deadline of a visit not yet notified', async () => {
    // The server gives a unit no deadline before the notice (inspections.presenter.ts) and lists none.
    renderTasks({ capabilities: ['inspection.read'], today: '2021-12-10', visits: [{ ...planned, reportDueOn: null }] });
    await screen.findByRole('table', { name: 'Lịch kiểm tra chưa thực hiện' });
    expect(screen.queryByRole('table', { name: 'Hạn gửi báo cáo của đơn vị' })).toBeNull();
    expect(screen.queryByText(/quá hạn/)).toBeNull();
  });

  it("lists it for the office labelled 'chưa thông báo', never overdue, and asks for the visits to notify by kind and status", async () => {
    const urls = renderTasks({ capabilities: ['inspection.read', 'inspection.schedule'], today: '2021-12-10', visits: [planned], routes: { '/api/plans?': { items: [], hasMore: false } } });
    const reports = await screen.findByRole('table', { name: 'Hạn gửi báo cáo của đơn vị' });
    expect(within(reports).getByText('chưa thông báo')).toBeTruthy();
    expect(within(reports).queryByText(/quá hạn/)).toBeNull();
    const asked = urls.filter((u) => u.startsWith('/api/inspections')).map((u) => Object.fromEntries(new URL(u, 'http://x').searchParams));
    expect(asked).toEqual(
      expect.arrayContaining([
        { kind: 'announced', status: 'planned', pageSize: '50' },
        { status: 'planned,notified', reportPending: 'true', sort: 'reportDueOn', pageSize: '50' },
      ]),
    );
  });
});

describe('"Việc của tôi": a notice that can no longer reach the unit in time', () => {
  it('flags the visit to notify with the server’s short_lead_time warning, its message as the title', async () => {
    const message = 'Không đủ thời gian chuẩn bị: đơn vị phải gửi báo cáo chậm nhất ngày 30/11/2021.';
    const planned = { ...visit, id: '6c1f3d0e-1111-4c1e-9d1a-0a0a0a0a0a03', agencyName: 'UBND phường Hoài Hảo', status: 'planned', startsOn: '2021-12-09', endsOn: '2021-12-09', reportDueOn: '2021-12-06' } as Inspection;
    const late = { ...planned, id: '6c1f3d0e-9999-4c1e-9d1a-0a0a0a0a0a0a', warnings: [{ code: 'short_lead_time', severity: 'warning', message, messageEn: 'Not enough time', date: '2021-11-29', otherInspectionId: null, overridable: true }] } as Inspection;
    renderTasks({ capabilities: ['inspection.read', 'inspection.schedule'], today: '2021-12-01', visits: [planned, late], routes: { '/api/plans?': { items: [], hasMore: false } } });
    const toNotify = await screen.findByRole('table', { name: 'Cuộc kiểm tra có báo trước chưa gửi thông báo' });
    const badges = within(toNotify).getAllByText('Không kịp gửi thông báo đúng hạn');
    expect(badges).toHaveLength(1);
    expect(badges[0].closest('[title]')?.getAttribute('title')).toBe(message);
  });
});

describe('"Việc của tôi": working days by the server’s calendar', () => {
  it('counts with the calendar the admin edited (GET /api/calendar/{year}), not the one built into the browser', async () => {
    // The admin added a day off on Wednesday 01/9/2021: from Tuesday 31/8 to Monday 6/9 only one working day is left (the built-in calendar says two).
    const edited = [...officialCalendar.listYear(2021), { date: '2021-09-01', kind: 'day_off', name: 'Nghỉ theo quyết định của tỉnh', source: 'Quyết định số 99/QĐ-UBND' }].sort((a, b) => a.date.localeCompare(b.date));
    const urls = renderTasks({
      capabilities: ['inspection.read'],
      today: '2021-08-31',
      visits: [{ ...visit, reportDueOn: '2021-09-06' }],
      routes: { '/api/calendar/2021': { year: 2021, official: true, origin: 'database', source: 'Sửa bởi quản trị', version: 2, entries: edited } },
    });
    const reports = await screen.findByRole('table', { name: 'Hạn gửi báo cáo của đơn vị' });
    expect(await within(reports).findByText('còn 1 ngày làm việc')).toBeTruthy();
    expect(urls).toContain('/api/calendar/2021');
  });
});

describe('"Việc của tôi" of a team member', () => {
  it('puts the next visits and those under way first, before the notices and the units’ deadlines (issue 8 §6)', async () => {
    renderTasks({ capabilities: ['inspection.read', 'inspection.conduct'], today: '2021-09-01', visits: [visit], notices: [notice] });
    const next = await screen.findByRole('table', { name: 'Lịch kiểm tra chưa thực hiện' });
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings.indexOf('Lịch kiểm tra chưa thực hiện')).toBe(0);
    expect(headings.indexOf('Cuộc kiểm tra đang tiến hành')).toBe(1);
    const notices = screen.getByRole('table', { name: 'Thông báo lịch kiểm tra gửi đơn vị' });
    expect(next.compareDocumentPosition(notices) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('leaves a unit officer’s notices first', async () => {
    renderTasks({ capabilities: ['inspection.read'], today: '2021-09-01', visits: [visit], notices: [notice] });
    const next = await screen.findByRole('table', { name: 'Lịch kiểm tra chưa thực hiện' });
    const notices = screen.getByRole('table', { name: 'Thông báo lịch kiểm tra gửi đơn vị' });
    expect(notices.compareDocumentPosition(next) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });
});
