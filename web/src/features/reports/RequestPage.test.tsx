// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReportRequest, SubmissionSummary } from '../../../../shared/api/reports.schemas.js';
import { json, renderWithProviders } from '../../test/render.js';
import { RequestPage } from './RequestPage.js';

const id = '22222222-2222-4222-8222-222222222222';
const zero = { not_started: 0, draft: 0, submitted_on_time: 0, submitted_late: 0, returned: 0, accepted: 0 };
const base: ReportRequest = {
  id,
  ownerAgencyId: '11111111-1111-4111-8111-111111111111',
  ownerAgencyName: 'UBND thị xã',
  templateId: '33333333-3333-4333-8333-333333333333',
  templateName: 'Đề cương báo cáo',
  templateRevision: 1,
  kind: 'ad_hoc',
  status: 'open',
  title: 'Báo cáo kết quả thực hiện nhiệm vụ CCHC',
  periodFrom: null,
  periodTo: null,
  dueOn: '2021-11-26',
  dueExplanation: 'chậm nhất ngày 26/11/2021',
  inspectionId: null,
  targetAgencyIds: [],
  letter: null,
  documentNumber: '18/UBND-NV',
  issuedOn: '2021-11-15',
  remindWorkingDays: 2,
  escalateAfterWorkingDays: 3,
  counts: { ...zero, submitted_late: 1, accepted: 2 },
  timeliness: { onTime: 1, late: 2, missing: 0 },
  dueExtensions: [],
  withdrawal: null,
  abilities: { update: true, issue: false, review: true, extend: true, withdraw: true },
  version: 3,
};
const sub = (agencyName: string, status: SubmissionSummary['status'], late: boolean | null): SubmissionSummary => ({
  id: crypto.randomUUID(),
  requestId: id,
  requestTitle: 'Báo cáo',
  agencyId: crypto.randomUUID(),
  agencyName,
  status,
  displayStatus: status === 'submitted' ? (late ? 'submitted_late' : 'submitted_on_time') : status,
  late,
  submittedAt: '2021-11-20T02:00:00.000Z',
  returnReason: null,
  version: 2,
});
let current: ReportRequest;
const posts: { url: string; body: unknown }[] = [];
/** The request's reports as the server pages them (null: the three of the first tests). */
let many: SubmissionSummary[] | null = null;
const gets: string[] = [];

const fetchMock = vi.fn(async (input: string, init?: RequestInit) => {
  const url = new URL(input, 'http://localhost');
  if (init?.method === 'POST') {
    const body = JSON.parse(String(init.body));
    posts.push({ url: url.pathname, body });
    if (url.pathname.endsWith('/extend')) {
      if (body.dueOn <= current.dueOn) return json({ type: 'x', title: 'bad', status: 400, code: 'VALIDATION_FAILED', requestId: 'r', invalidParams: [{ name: 'body.dueOn', code: 'not_later', reason: 'later', params: { current: current.dueOn } }] }, 400);
      current = { ...current, dueOn: body.dueOn, version: current.version + 1, dueExtensions: [{ previousDueOn: current.dueOn, dueOn: body.dueOn, reason: body.reason, at: '2021-11-20T03:00:00.000Z', byName: 'Trần Thị Lan' }] };
    }
    if (url.pathname.endsWith('/withdraw')) current = { ...current, status: 'withdrawn', withdrawal: { at: '2021-11-20T03:00:00.000Z', reason: body.reason }, abilities: { ...current.abilities, extend: false, withdraw: false, update: false } };
    return json(current);
  }
  if (url.pathname === `/api/report-requests/${id}`) return json(current);
  if (url.pathname === '/api/report-submissions') {
    gets.push(url.search);
    if (!many) return json({ items: [sub('Phường A', 'accepted', true), sub('Phường B', 'accepted', false), sub('Phường C', 'submitted', true)], total: 3 });
    const page = Number(url.searchParams.get('page') ?? 1);
    const size = Number(url.searchParams.get('pageSize'));
    return json({ items: many.slice((page - 1) * size, page * size), total: many.length });
  }
  return json({ type: 'x', title: 'nf', status: 404, code: 'NOT_FOUND', requestId: 'r' }, 404);
});

beforeEach(() => {
  current = base;
  many = null;
  gets.length = 0;
  posts.length = 0;
  fetchMock.mockClear();
  vi.stubGlobal('fetch', fetchMock);
});

/** The address the page is at (its `?page=`), shown for the test to read. */
function Address() {
  const location = useLocation();
  return <output data-testid="address">{location.pathname + location.search}</output>;
}

const renderPage = (search = '') =>
  renderWithProviders(
    <MemoryRouter initialEntries={[`/reports/requests/${id}${search}`]}>
      <Routes>
        <Route
          path="/reports/requests/:id"
          element={
            <>
              <RequestPage today="2021-11-20" />
              <Address />
            </>
          }
        />
      </Routes>
    </MemoryRouter>,
  );

describe('the office’s view of one request', () => {
  it('keeps on time and late visible after acceptance, in the chips and on each row', async () => {
    renderPage();
    const table = await screen.findByRole('table', { name: 'Báo cáo của đơn vị' });
    const rowOf = (name: string) => within(table).getByText(name).closest('tr')!;
    expect(within(rowOf('Phường A')).getByText('Muộn')).toBeTruthy();
    expect(within(rowOf('Phường B')).getByText('Đúng hạn')).toBeTruthy();
    expect(within(rowOf('Phường C')).queryByText('Muộn')).toBeNull();
    expect(screen.getByText('2 gửi muộn')).toBeTruthy();
    expect(screen.getByText('1 gửi đúng hạn')).toBeTruthy();
  });

  it('pages the reports on the server, shows their total and the missing count the server made over all of them', async () => {
    // 230 units asked, past due: 3 sent, 227 not (more than one page, more than the old 200 cap).
    many = Array.from({ length: 230 }, (_, i) => sub(`Đơn vị ${String(i + 1).padStart(3, '0')}`, i < 3 ? 'accepted' : 'not_started', i < 3 ? false : null));
    current = { ...base, counts: { ...zero, accepted: 3, not_started: 227 }, timeliness: { onTime: 3, late: 0, missing: 227 } };
    const user = userEvent.setup();
    renderPage();
    expect(await screen.findByText('227 đơn vị chưa gửi (quá hạn)')).toBeTruthy();
    expect(screen.getByText('230 báo cáo')).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Báo cáo của đơn vị' });
    expect(within(table).getByText('Đơn vị 050')).toBeTruthy();
    expect(within(table).queryByText('Đơn vị 051')).toBeNull();
    expect(gets[0]).toContain('page=1');
    expect(gets[0]).toContain('pageSize=50');
    await user.click(screen.getByRole('button', { name: '5' }));
    expect(await within(table).findByText('Đơn vị 230')).toBeTruthy();
    expect(within(table).queryByText('Đơn vị 001')).toBeNull();
    expect(gets.at(-1)).toContain('page=5');
    // The count is the server's, not the page's.
    expect(screen.getByText('227 đơn vị chưa gửi (quá hạn)')).toBeTruthy();
  });

  it('keeps the page of reports in the address: a shared link or the back button opens the same page', async () => {
    many = Array.from({ length: 230 }, (_, i) => sub(`Đơn vị ${String(i + 1).padStart(3, '0')}`, 'not_started', null));
    const user = userEvent.setup();
    renderPage('?page=3');
    const table = await screen.findByRole('table', { name: 'Báo cáo của đơn vị' });
    expect(await within(table).findByText('Đơn vị 101')).toBeTruthy();
    expect(gets[0]).toContain('page=3');
    await user.click(screen.getByRole('button', { name: '5' }));
    expect(await within(table).findByText('Đơn vị 230')).toBeTruthy();
    expect(screen.getByTestId('address').textContent).toBe(`/reports/requests/${id}?page=5`);
    await user.click(screen.getByRole('button', { name: '1' }));
    expect(await within(table).findByText('Đơn vị 001')).toBeTruthy();
    expect(screen.getByTestId('address').textContent).toBe(`/reports/requests/${id}`);
  });

  it('extends the due day later only, with a reason, and shows the extension beside the letter', async () => {
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByRole('button', { name: 'Gia hạn' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: /Lý do/ }), 'Trùng đợt kiểm tra của tỉnh');
    // The current due day is refused by the server: its message shows on the field.
    await user.click(within(dialog).getByRole('button', { name: 'Gia hạn' }));
    expect(await within(dialog).findByText('Hạn mới phải sau hạn hiện tại (2021-11-26).')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: /Hạn mới/ }));
    await user.click(await screen.findByText('30', { selector: 'button' }));
    await user.click(within(dialog).getByRole('button', { name: 'Gia hạn' }));
    expect(await screen.findByText(/Từ 26\/11\/2021 đến 30\/11\/2021: Trùng đợt kiểm tra của tỉnh/)).toBeTruthy();
    expect(posts.at(-1)).toEqual({ url: `/api/report-requests/${id}/extend`, body: { version: 3, dueOn: '2021-11-30', reason: 'Trùng đợt kiểm tra của tỉnh' } });
  });

  it('withdraws the request with a reason and shows it withdrawn', async () => {
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByRole('button', { name: 'Thu hồi yêu cầu' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: /Lý do/ }), 'Gửi nhầm đơn vị');
    await user.click(within(dialog).getByRole('button', { name: 'Thu hồi yêu cầu' }));
    expect(await screen.findByText('Yêu cầu đã thu hồi ngày 20/11/2021. Lý do: Gửi nhầm đơn vị')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Gia hạn' })).toBeNull();
  });
});
