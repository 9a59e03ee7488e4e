// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { Inspection, ScheduleIssue } from '../../../../shared/api/inspections.schemas.js';
import { json, renderWithProviders } from '../../test/render.js';
import { InspectionDetail, InspectionDetailPage } from './InspectionDetailPage.js';
import { deadlineText } from './MyTasksPage.js';
import { officialCalendar } from '../../../../shared/domain/calendar/index.js';
import { ScheduleInspectionModal } from './ScheduleInspectionModal.js';
import { seasonGrid } from './SeasonBoard.js';

const planId = '6c1f3d0e-2222-4c1e-9d1a-0a0a0a0a0a0a';
const agencyId = '6c1f3d0e-3333-4c1e-9d1a-0a0a0a0a0a0a';
const teamId = '6c1f3d0e-4444-4c1e-9d1a-0a0a0a0a0a0a';
const other = '6c1f3d0e-5555-4c1e-9d1a-0a0a0a0a0a0a';

const visit: Inspection = {
  id: '6c1f3d0e-1111-4c1e-9d1a-0a0a0a0a0a01',
  planId,
  planYear: 2021,
  agencyId,
  agencyName: 'Bộ phận Một cửa phường Tam Quan Bắc',
  unitName: 'Phường Tam Quan Bắc',
  teamId,
  teamName: 'Đoàn kiểm tra số 1',
  kind: 'unannounced',
  status: 'planned',
  startsOn: '2021-06-15',
  endsOn: '2021-06-15',
  startTime: null,
  reportDueOn: null,
  reportDueExplanation: null,
  awaitingNewNotice: false,
  places: [{ agencyId, name: 'Bộ phận Một cửa phường Tam Quan Bắc', kind: 'one_stop_desk' }],
  note: null,
  reinspectionOfId: null,
  startedAt: null,
  closedAt: null,
  cancelledAt: null,
  cancelReason: null,
  allowedMoves: ['edit', 'start', 'cancel', 'reschedule'],
  abilities: { update: false, start: true, close: false, cancel: false, reschedule: false },
  warnings: [],
  version: 1,
};

const problem = (code: string, status: number, extra: Record<string, unknown> = {}) => json({ type: 'about:blank', title: code, status, code, requestId: 'r', ...extra }, status);

describe('scheduling form', () => {
  it('shows each broken rule as the server words it, and lets an overridable one through with a reason', async () => {
    const conflict: ScheduleIssue = {
      code: 'short_lead_time',
      severity: 'error',
      message: 'Không đủ thời gian chuẩn bị: đơn vị phải gửi báo cáo chậm nhất ngày 10/5/2021.',
      messageEn: 'Not enough time to prepare: the unit’s report is due on 10/5/2021.',
      date: '2021-05-06',
      otherInspectionId: null,
      overridable: true,
    };
    // The re-visit rule (30 days by default) as the server words it, overridable with the same reason.
    const revisit: ScheduleIssue = {
      code: 'agency_visited_recently',
      severity: 'error',
      message: 'UBND phường Hoài Thanh Tây đã có lịch kiểm tra ngày 20/04/2021 (Đoàn kiểm tra số 1), cách chưa đủ 30 ngày.',
      messageEn: 'Already scheduled for an inspection less than 30 days apart.',
      date: '2021-04-20',
      otherInspectionId: null,
      overridable: true,
    };
    const bodies: Record<string, unknown>[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        const url = String(input);
        if (url.startsWith('/api/plans?') || url === '/api/plans') return json({ items: [], hasMore: false });
        if (url === `/api/plans/${planId}`) return json({ id: planId, targets: [{ agencyId, name: 'UBND phường Hoài Thanh Tây', unitName: 'Phường Hoài Thanh Tây' }] });
        if (url === `/api/plans/${planId}/teams`) return json({ items: [{ id: teamId, name: 'Đoàn kiểm tra số 1', status: 'founded' }] });
        if (url === '/api/inspections' && init?.method === 'POST') {
          const body = JSON.parse(String(init.body)) as Record<string, unknown>;
          bodies.push(body);
          return body.overrideReason ? json(visit, 201) : problem('SCHEDULE_CONFLICT', 409, { conflicts: [conflict, revisit] });
        }
        return problem('NOT_FOUND', 404);
      }),
    );
    const onClose = vi.fn();
    renderWithProviders(<ScheduleInspectionModal opened onClose={onClose} planId={planId} initial={{ agencyId, teamId, startsOn: '2021-05-13' }} />);
    const submit = await screen.findByRole('button', { name: 'Lên lịch kiểm tra' });
    await userEvent.click(submit);
    expect(await screen.findByText(conflict.message)).toBeTruthy();
    expect(screen.getByText(revisit.message)).toBeTruthy();
    await userEvent.type(await screen.findByLabelText('Vẫn lên lịch, với lý do'), 'Đơn vị đã đồng ý');
    await userEvent.click(screen.getByRole('button', { name: 'Lên lịch kiểm tra' }));
    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(bodies.map((b) => [b.startsOn, b.overrideReason])).toEqual([
      ['2021-05-13', undefined],
      ['2021-05-13', 'Đơn vị đã đồng ý'],
    ]);
  });

  it('asks for the plan’s targets and teams only once a plan is chosen (never /api/plans/ nor /api/plans//teams)', async () => {
    const urls: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL) => {
        const url = String(input);
        urls.push(url);
        if (url.startsWith('/api/plans?') || url === '/api/plans') return json({ items: [{ id: planId, summary: 'Kế hoạch kiểm tra CCHC năm 2021', documentNumber: '12/KH-UBND', year: 2021, status: 'issued' }], hasMore: false });
        if (url === `/api/plans/${planId}`) return json({ id: planId, targets: [{ agencyId, name: 'UBND phường Hoài Thanh Tây', unitName: 'Phường Hoài Thanh Tây' }] });
        if (url === `/api/plans/${planId}/teams`) return json({ items: [{ id: teamId, name: 'Đoàn kiểm tra số 1', status: 'founded' }] });
        return problem('NOT_FOUND', 404);
      }),
    );
    renderWithProviders(<ScheduleInspectionModal opened onClose={() => {}} />);
    await userEvent.click(await screen.findByRole('combobox', { name: /^Kế hoạch/ }));
    await userEvent.click((await screen.findAllByRole('option', { name: /Kế hoạch kiểm tra CCHC năm 2021/, hidden: true })).at(-1)!);
    await vi.waitFor(() => expect(urls).toContain(`/api/plans/${planId}/teams`));
    expect(urls.filter((u) => u === '/api/plans/' || u.startsWith('/api/plans//'))).toEqual([]);
  });
});

describe('inspection detail', () => {
  it('lets an inspector of the team start the visit on arrival, with the version read', async () => {
    const calls: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        // The page's panels (checklists, findings) read too: empty lists; only the changes count here.
        if (!init?.method || init.method === 'GET') return json({ inspectionId: visit.id, items: [], abilities: { fill: false, addChecklist: false, recordFindings: false } });
        calls.push(`${init.method} ${String(input)} ${init?.body ?? ''}`);
        return json({ ...visit, status: 'under_way', startedAt: '2021-06-15T01:30:00.000Z', allowedMoves: ['edit', 'close'], abilities: { ...visit.abilities, start: false, close: true }, version: 2 });
      }),
    );
    renderWithProviders(
      <MemoryRouter>
        <InspectionDetail inspection={visit} today="2021-06-15" />
      </MemoryRouter>,
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Bắt đầu kiểm tra' }));
    // An unannounced visit is started only once the inspector confirms the arrival.
    expect(await screen.findByText(/Đoàn đã đến Bộ phận Một cửa phường Tam Quan Bắc\?/)).toBeTruthy();
    expect(screen.getByText('Bắt đầu tại: Bộ phận Một cửa phường Tam Quan Bắc')).toBeTruthy();
    expect(calls).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: 'Đã đến nơi, bắt đầu' }));
    await vi.waitFor(() => expect(calls).toEqual([`POST /api/inspections/${visit.id}/start {"version":1}`]));
  });

  it('records an earlier arrival: the start dialog names the places and sends the day and time chosen; the server’s refusal shows by the date', async () => {
    const bodies: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        if (!init?.method || init.method === 'GET') return json({ inspectionId: visit.id, items: [], abilities: { fill: false, addChecklist: false, recordFindings: false } });
        bodies.push(String(init.body));
        return problem('VALIDATION_FAILED', 400, { invalidParams: [{ name: 'body.startedAt', code: 'before_scheduled', reason: 'x', params: { date: '15/06/2021' } }] });
      }),
    );
    const places = [
      { agencyId, name: 'UBND phường Tam Quan Bắc', kind: 'peoples_committee' },
      { agencyId: planId, name: 'Điểm tiếp công dân phường Tam Quan Bắc', kind: 'reception_point' },
    ];
    renderWithProviders(
      <MemoryRouter>
        <InspectionDetail inspection={{ ...visit, kind: 'announced', status: 'notified', places, startTime: '08:00' }} today="2021-06-17" />
      </MemoryRouter>,
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Bắt đầu kiểm tra' }));
    expect(await screen.findByText('Bắt đầu tại: UBND phường Tam Quan Bắc; Điểm tiếp công dân phường Tam Quan Bắc')).toBeTruthy();
    // The day: between the scheduled first day and today (the picker opens on June 2021).
    await userEvent.click(screen.getByRole('button', { name: /Ngày Đoàn đến đơn vị/ }));
    await userEvent.click(await screen.findByRole('button', { name: '16 June 2021', hidden: true }));
    const time = screen.getByRole('textbox', { name: 'Giờ bắt đầu' });
    await userEvent.clear(time);
    await userEvent.type(time, '09:30');
    await userEvent.click(screen.getByRole('button', { name: 'Đã đến nơi, bắt đầu' }));
    await vi.waitFor(() => expect(bodies).toEqual(['{"version":1,"startedAt":"2021-06-16T09:30:00+07:00"}']));
    expect(await screen.findByText('Trước ngày kiểm tra đã lên lịch (15/06/2021): hãy dời lịch cuộc kiểm tra trước.')).toBeTruthy();
  });

  it('asks for the arrival of a visit whose days are past, prefilled with its first day, never starting it "now" silently', async () => {
    const bodies: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        if (!init?.method || init.method === 'GET') return json({ inspectionId: visit.id, items: [], abilities: { fill: false, addChecklist: false, recordFindings: false } });
        bodies.push(String(init.body));
        return json({ ...visit, status: 'under_way', startedAt: '2021-11-24T01:00:00Z', version: 2 });
      }),
    );
    renderWithProviders(
      <MemoryRouter>
        <InspectionDetail inspection={{ ...visit, startsOn: '2021-11-24', endsOn: '2021-11-24' }} today="2026-12-01" />
      </MemoryRouter>,
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Bắt đầu kiểm tra' }));
    expect(await screen.findByText(/Ngày kiểm tra đã qua: ghi ngày và giờ Đoàn thực tế đến đơn vị/)).toBeTruthy();
    expect(screen.getByRole('button', { name: /Ngày Đoàn đến đơn vị/ }).textContent).toContain('24/11/2021');
    await userEvent.click(screen.getByRole('button', { name: 'Đã đến nơi, bắt đầu' }));
    await vi.waitFor(() => expect(bodies).toEqual(['{"version":1,"startedAt":"2021-11-24T08:00:00+07:00"}']));
  });

  it('shows a re-inspection its requirements as its checklist, not "no checklist yet"', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json({ inspectionId: visit.id, items: [], total: 0, abilities: { fill: false, addChecklist: false, recordFindings: false } })),
    );
    renderWithProviders(
      <MemoryRouter>
        <InspectionDetail inspection={{ ...visit, kind: 'reinspection', reinspectionOfId: other }} />
      </MemoryRouter>,
    );
    expect(await screen.findByRole('heading', { name: 'Yêu cầu kiểm tra lại' })).toBeTruthy();
    expect(screen.queryByText('Chưa có bảng kiểm nào.')).toBeNull();
  });

  it("links the unit's pre-visit report for the team, with its status", async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json({ inspectionId: visit.id, items: [], abilities: { fill: false, addChecklist: false, recordFindings: false } })));
    const submissionId = '0b6f3c36-52b2-4f0e-9d0e-6a0f1f3c2b11';
    renderWithProviders(
      <MemoryRouter>
        <InspectionDetail inspection={{ ...visit, kind: 'announced', preVisitReport: { submissionId, status: 'submitted', late: false, dueOn: '2021-06-10', requestStatus: 'open' } }} />
      </MemoryRouter>,
    );
    const link = await screen.findByRole('link', { name: 'Báo cáo của đơn vị gửi Đoàn kiểm tra' });
    expect(link.getAttribute('href')).toBe(`/reports/submissions/${submissionId}`);
    expect(screen.getByText('Đã gửi đúng hạn')).toBeTruthy();
  });

  it('marks a rescheduled visit awaiting a new notice, in Vietnamese and English', async () => {
    const moved = { ...visit, kind: 'announced' as const, status: 'planned' as const, awaitingNewNotice: true };
    const { unmount } = renderWithProviders(
      <MemoryRouter>
        <InspectionDetail inspection={moved} today="2021-06-15" />
      </MemoryRouter>,
    );
    expect((await screen.findByTestId('awaiting-new-notice')).textContent).toBe('lịch đã đổi, chờ thông báo mới');
    unmount();
    renderWithProviders(
      <MemoryRouter>
        <InspectionDetail inspection={moved} today="2021-06-15" />
      </MemoryRouter>,
      { language: 'en' },
    );
    expect((await screen.findByTestId('awaiting-new-notice')).textContent).toBe('rescheduled, awaiting a new notice');
  });

  it('shows no such mark on a visit not moved', async () => {
    renderWithProviders(
      <MemoryRouter>
        <InspectionDetail inspection={{ ...visit, kind: 'announced', status: 'planned' }} today="2021-06-15" />
      </MemoryRouter>,
    );
    expect(await screen.findByRole('heading', { level: 1 })).toBeTruthy();
    expect(screen.queryByTestId('awaiting-new-notice')).toBeNull();
  });

  it('offers no move the server did not grant', async () => {
    renderWithProviders(
      <MemoryRouter>
        <InspectionDetail inspection={{ ...visit, kind: 'announced', abilities: { update: false, start: false, close: false, cancel: false, reschedule: false } }} />
      </MemoryRouter>,
      { language: 'en' },
    );
    expect(await screen.findByText('Announced visit')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Start the inspection' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
  });
});

describe('my tasks and the board', () => {
  it('counts a report deadline in working days, across the National Day holiday', () => {
    expect(deadlineText('2021-09-06', '2021-08-31', officialCalendar)).toEqual({ key: 'tasks.workingDaysLeft', n: 2 });
    expect(deadlineText('2021-09-06', '2021-09-06', officialCalendar)).toEqual({ key: 'tasks.dueToday', n: 0 });
    expect(deadlineText('2021-08-31', '2021-09-06', officialCalendar)).toEqual({ key: 'tasks.overdue', n: 2 });
    // A past season's deadline says so, not "overdue 1,321 working days" (reviewer finding on the 2021 demo read in 2026).
    expect(deadlineText('2021-09-06', '2026-11-30', officialCalendar)).toMatchObject({ key: 'tasks.pastSeason', year: '2021' });
  });

  it('puts each inspection in its team’s row and its week’s column', () => {
    const a = { ...visit, startsOn: '2021-06-15' };
    const b = { ...visit, id: other, startsOn: '2021-06-17', teamId: other, teamName: 'Đoàn kiểm tra số 2' };
    const c = { ...visit, id: agencyId, startsOn: '2021-06-21' };
    const grid = seasonGrid([a, b, c]);
    expect(grid.weeks).toEqual(['2021-06-14', '2021-06-21']);
    expect(grid.teams.map(([, name]) => name)).toEqual(['Đoàn kiểm tra số 1', 'Đoàn kiểm tra số 2']);
    expect(grid.cell(teamId, '2021-06-14').map((i) => i.id)).toEqual([visit.id]);
    expect(grid.cell(other, '2021-06-14').map((i) => i.id)).toEqual([other]);
  });
});

describe('a malformed id in the address', () => {
  it('reads as not found, like an unknown id, not as a form with invalid fields', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json({ type: 'about:blank', title: 'x', status: 400, code: 'VALIDATION_FAILED', requestId: 'r', invalidParams: [{ name: 'path.id', code: 'invalid_format', reason: 'Invalid UUID' }] }, 400)),
    );
    renderWithProviders(
      <MemoryRouter initialEntries={['/inspections/6835d702-0000']}>
        <Routes>
          <Route path="/inspections/:id" element={<InspectionDetailPage />} />
        </Routes>
      </MemoryRouter>,
    );
    expect(await screen.findByText('Không tìm thấy dữ liệu yêu cầu.')).toBeTruthy();
    expect(screen.queryByText(/Dữ liệu nhập chưa hợp lệ/)).toBeNull();
  });
});
