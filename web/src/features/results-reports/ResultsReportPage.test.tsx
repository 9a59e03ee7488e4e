// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ResultsReportDto } from '../../../../shared/api/results-reports.schemas.js';
import { App } from '../../App.js';
import { currentYear } from '../../i18n/dates.js';
import { json, renderWithProviders } from '../../test/render.js';

const session = {
  user: { id: '44444444-4444-4444-8444-444444444444', username: 'secretariat', fullName: 'Nguyễn Thị Lan', locale: 'vi', mustChangePassword: false },
  roles: [{ role: 'secretariat', agencyId: '55555555-5555-4555-8555-555555555555', agencyName: 'Phòng Nội vụ thị xã Hoài Nhơn' }],
  capabilities: ['registry.read', 'plan.read', 'index.read', 'dashboard.read', 'results_report.read', 'results_report.draft'],
  fieldRules: {},
  csrfToken: 'csrf',
  expiresAt: '2030-01-01T00:00:00Z',
};
const id = (n: number) => `20000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const report: ResultsReportDto = {
  id: id(1),
  issuingAgencyId: id(2),
  issuingAgencyName: 'UBND thị xã Hoài Nhơn',
  unitId: id(3),
  unitName: 'Hoài Nhơn',
  year: 2021,
  status: 'draft',
  number: null,
  symbol: null,
  issuedOn: null,
  version: 3,
  abilities: { update: true, issue: false, delete: true },
  content: {
    summary: 'Kết quả kiểm tra công tác cải cách hành chính năm 2021',
    legalBases: [],
    organisation: 'Thực hiện Kế hoạch số 12/KH-UBND.',
    strengths: 'Các đơn vị đã ban hành kế hoạch CCHC.',
    shortcomings: 'Một số đơn vị báo cáo chậm.',
    measures: 'Đã kiến nghị 2 khó khăn, vướng mắc lên Ủy ban nhân dân; đã trả lời 1 kiến nghị.',
    proposals: 'Đề nghị Ủy ban nhân dân xem xét, giải quyết các kiến nghị của cơ sở còn chưa được trả lời: Thiếu máy scan (UBND phường Bồng Sơn).',
    recipients: ['Lưu: VT, NV.'],
    signature: { onBehalfOf: 'TM. ỦY BAN NHÂN DÂN', position: 'CHỦ TỊCH', signerName: 'Phạm Trương' },
  },
  figures: {
    year: 2021,
    unit: { id: id(3), name: 'Hoài Nhơn', kind: 'town' },
    issuer: 'own',
    level: 'commune',
    inspections: {
      total: 12,
      cancelled: 1,
      byStatus: [
        { status: 'closed', count: 12 },
        { status: 'cancelled', count: 1 },
      ],
      byKind: [{ kind: 'announced', count: 10 }],
      byMonth: [{ month: 9, count: 12 }],
      teams: [],
      reports: { due: 10, dueByToday: 10 },
      agencies: 11,
    },
    indices: [
      { kind: 'par', framework: { id: id(4), code: 'PAR-XA', name: 'Bộ chỉ số CCHC cấp xã', illustrative: true }, average: 82.5, scored: 17, unmetCount: 9, areas: [], units: [], trend: [] },
      { kind: 'sipas', framework: null, average: null, scored: 0, unmetCount: 0, areas: [], units: [], trend: [] },
    ],
    sections: [
      {
        key: 'difficulties',
        title: { vi: 'Khó khăn, vướng mắc kiến nghị lên Ủy ban', en: 'Difficulties raised to the committee' },
        items: [
          { key: 'answered', label: { vi: 'Đã trả lời', en: 'Answered' }, value: 1, link: '/difficulties?year=2021' },
          { key: 'open', label: { vi: 'Chưa trả lời', en: 'Not answered yet' }, value: 1, link: '/difficulties?year=2021' },
        ],
      },
    ],
  },
};

let served: ResultsReportDto = report;
let listed: ResultsReportDto[] = [];
const fetchMock = vi.fn(async (input: string, init?: RequestInit) => {
  const url = new URL(input, 'http://localhost');
  if (url.pathname === '/api/session/current') return json(session);
  if (url.pathname === `/api/results-reports/${report.id}` && init?.method === 'PATCH') {
    const body = JSON.parse(String(init.body)) as { version: number; content: Partial<ResultsReportDto['content']> };
    return json({ ...report, version: body.version + 1, content: { ...report.content, ...body.content } });
  }
  if (url.pathname === `/api/results-reports/${report.id}` && init?.method === 'DELETE') return new Response(null, { status: 204 });
  if (url.pathname === `/api/results-reports/${report.id}`) return json(served);
  if (url.pathname === '/api/results-reports') {
    const year = url.searchParams.get('year');
    return json({ items: listed.filter((r) => !year || r.year === Number(year)) });
  }
  return json({ type: 'x', title: 'nf', status: 404, code: 'NOT_FOUND', requestId: 'r' }, 404);
});

beforeEach(() => {
  // happy-dom has no document.fonts, which Mantine's autosizing Textarea listens to: without it the
  // page never rendered in the test harness (the test dropped last session).
  if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { value: new EventTarget(), configurable: true });
  fetchMock.mockClear();
  served = report;
  listed = [];
  window.history.pushState({}, '', `/results-reports/${report.id}`);
  vi.stubGlobal('fetch', fetchMock);
});

describe('the results report page', () => {
  it('shows the dashboard’s figures with the sections linked to their records, the texts reading the difficulties, and saves an edit with its version', async () => {
    renderWithProviders(<App />);
    expect(await screen.findByRole('heading', { name: 'Báo cáo kết quả kiểm tra CCHC năm 2021 — UBND thị xã Hoài Nhơn' })).toBeTruthy();
    // The dashboard's sentence and links (its issuer=own view: the authority's own plans), and a way to that view.
    const scope = screen.getByTestId('results-report-scope-line');
    expect(scope.textContent).toBe('Hoài Nhơn, năm 2021: 12 cuộc kiểm tra (không kể 1 cuộc đã hủy), 11 cơ quan, đơn vị được kiểm tra.');
    expect(within(scope).getAllByRole('link').map((a) => a.getAttribute('href'))).toEqual([
      `/inspections?year=2021&unitId=${id(3)}&issuer=own&live=true`,
      `/inspections?year=2021&unitId=${id(3)}&issuer=own&status=cancelled`,
      `/inspections?year=2021&unitId=${id(3)}&issuer=own&live=true`,
    ]);
    expect(screen.getByTestId('results-report-dashboard-link').getAttribute('href')).toBe(`/dashboard?year=2021&unitId=${id(3)}&issuer=own`);
    const figures = await screen.findByRole('table', { name: 'Số liệu của báo cáo (như trên bảng điều khiển)' });
    expect(within(figures).getAllByRole('row')[1].textContent).toBe('Chỉ số CCHC82,5%179');
    // The index figures link to the sheets they are computed from, as the dashboard's do.
    expect(within(within(figures).getAllByRole('row')[1]).getAllByRole('link').map((a) => a.getAttribute('href'))).toEqual(Array(3).fill(`/indices/${id(4)}?year=2021&unitId=${id(3)}`));
    const difficulties = await screen.findByRole('table', { name: 'Khó khăn, vướng mắc kiến nghị lên Ủy ban' });
    expect(within(difficulties).getAllByRole('link').map((a) => a.getAttribute('href'))).toEqual(['/difficulties?year=2021', '/difficulties?year=2021']);
    const proposals = await screen.findByRole('textbox', { name: /IV\. Đề xuất, kiến nghị/ });
    expect((proposals as HTMLTextAreaElement).value).toContain('Thiếu máy scan (UBND phường Bồng Sơn)');

    const user = userEvent.setup();
    const strengths = await screen.findByDisplayValue('Các đơn vị đã ban hành kế hoạch CCHC.');
    await user.type(strengths, ' Đúng hạn.');
    await user.click(screen.getByRole('button', { name: 'Lưu dự thảo' }));
    expect(await screen.findByText('Đã lưu.')).toBeTruthy();
    const patch = fetchMock.mock.calls.find(([, init]) => init?.method === 'PATCH')!;
    expect(JSON.parse(String(patch[1]!.body))).toMatchObject({ version: 3, content: { strengths: 'Các đơn vị đã ban hành kế hoạch CCHC. Đúng hạn.' } });
  });

  it('edits the recipients one per line and saves them with the texts', async () => {
    renderWithProviders(<App />);
    const user = userEvent.setup();
    const recipients = (await screen.findByRole('textbox', { name: /Nơi nhận/ })) as HTMLTextAreaElement;
    expect(recipients.value).toBe('Lưu: VT, NV.');
    await user.clear(recipients);
    await user.type(recipients, 'UBND tỉnh Gia Lai (để báo cáo);{Enter}{Enter}Lưu: VT.');
    await user.click(screen.getByRole('button', { name: 'Lưu dự thảo' }));
    expect(await screen.findByText('Đã lưu.')).toBeTruthy();
    const patch = fetchMock.mock.calls.find(([, init]) => init?.method === 'PATCH')!;
    expect(JSON.parse(String(patch[1]!.body)).content.recipients).toEqual(['UBND tỉnh Gia Lai (để báo cáo);', 'Lưu: VT.']);
  });

  it('discards a draft only after the in-app confirmation, and offers it only when the report allows', async () => {
    // A browser dialog would answer yes at once: the page must ask in its own dialog instead.
    const confirm = vi.fn(() => true);
    vi.stubGlobal('confirm', confirm);
    renderWithProviders(<App />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Hủy dự thảo' }));
    const dialog = await screen.findByRole('dialog');
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'DELETE')).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: 'Hủy dự thảo' }));
    await vi.waitFor(() => expect(fetchMock.mock.calls.find(([, init]) => init?.method === 'DELETE')?.[0]).toBe(`/api/results-reports/${report.id}?version=3`));
    expect(confirm).not.toHaveBeenCalled();
  });

  it('shows no discard button when the report does not allow it (the leader who issues)', async () => {
    served = { ...report, abilities: { update: false, issue: true, delete: false } };
    renderWithProviders(<App />);
    expect(await screen.findByRole('button', { name: 'Duyệt, ký ban hành' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Hủy dự thảo' })).toBeNull();
  });
});

describe('the results reports list', () => {
  it('opens on the latest year with a report, never a fixed year', async () => {
    listed = [{ ...report, year: 2026 }, report];
    window.history.pushState({}, '', '/results-reports');
    renderWithProviders(<App />);
    expect(await screen.findByRole('button', { name: 'Lập dự thảo báo cáo năm 2026' })).toBeTruthy();
    expect(fetchMock.mock.calls.some(([u]) => String(u).includes('year=2026'))).toBe(true);
    expect(screen.queryByText(/2021/)).toBeNull();
  });

  it('with no report, opens on this year in Việt Nam', async () => {
    window.history.pushState({}, '', '/results-reports');
    renderWithProviders(<App />);
    const thisYear = currentYear();
    expect(await screen.findByRole('button', { name: `Lập dự thảo báo cáo năm ${thisYear}` })).toBeTruthy();
    expect(await screen.findByText(`Chưa có báo cáo kết quả kiểm tra năm ${thisYear}.`)).toBeTruthy();
  });

  it('keeps the year the link names', async () => {
    listed = [{ ...report, year: 2026 }, report];
    window.history.pushState({}, '', '/results-reports?year=2021');
    renderWithProviders(<App />);
    expect(await screen.findByRole('button', { name: 'Lập dự thảo báo cáo năm 2021' })).toBeTruthy();
  });
});
