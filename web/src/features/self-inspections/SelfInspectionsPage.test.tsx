// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../App.js';
import { json, renderWithProviders } from '../../test/render.js';

const unitSession = {
  user: { id: '44444444-4444-4444-8444-444444444444', username: 'unit', fullName: 'Lê Thị Hồng', locale: 'vi', mustChangePassword: false },
  roles: [{ role: 'unit_officer', agencyId: '55555555-5555-4555-8555-555555555555', agencyName: 'UBND phường Bồng Sơn' }],
  capabilities: ['registry.read', 'plan.read', 'self_inspection.record'],
  fieldRules: {},
  csrfToken: 'csrf',
  expiresAt: '2030-01-01T00:00:00Z',
};
const officeSession = { ...unitSession, roles: [{ role: 'secretariat', agencyId: '77777777-7777-4777-8777-777777777777', agencyName: 'Phòng Nội vụ' }], capabilities: ['registry.read', 'plan.read', 'self_inspection.read'] };
const plan = {
  id: '66666666-6666-4666-8666-666666666666',
  agencyId: '55555555-5555-4555-8555-555555555555',
  agencyName: 'UBND phường Bồng Sơn',
  year: 2021,
  documentNumber: '12/KH-UBND',
  issuedOn: '2021-02-05',
  content: 'Tự kiểm tra việc niêm yết thủ tục hành chính',
  scope: 'Bộ phận Một cửa',
  startsOn: '2021-05-03',
  endsOn: '2021-11-30',
  status: 'planned',
  resultsOn: null,
  inspectedCount: null,
  shortcomingCount: null,
  fixedCount: null,
  findings: null,
  remedies: null,
  resultSubmissionId: null,
  planDocumentCount: 0,
  abilities: { update: true, recordResults: true },
  version: 1,
  updatedAt: '2021-06-15T02:00:00Z',
};
let session: typeof unitSession = unitSession;

const fetchMock = vi.fn(async (input: string, init?: RequestInit) => {
  const url = new URL(input, 'http://localhost');
  if (url.pathname === '/api/session/current') return json(session);
  if (url.pathname === '/api/self-inspections') return json({ items: [plan] });
  if (url.pathname === '/api/self-inspections/overview')
    return json({
      year: 2021,
      units: [
        { agencyId: plan.agencyId, agencyName: plan.agencyName, selfInspectionId: plan.id, hasPlan: true, hasResults: true, inspectedCount: 4, shortcomingCount: 3, fixedCount: 2 },
        { agencyId: '99999999-9999-4999-8999-999999999999', agencyName: 'UBND xã Hoài Sơn', selfInspectionId: null, hasPlan: false, hasResults: false, inspectedCount: null, shortcomingCount: null, fixedCount: null },
      ],
      totals: { units: 2, withPlan: 1, withResults: 1, inspected: 4, shortcomings: 3, fixed: 2 },
    });
  if (url.pathname === `/api/self-inspections/${plan.id}` && (!init?.method || init.method === 'GET')) return json(plan);
  if (url.pathname === `/api/self-inspections/${plan.id}/results`) {
    const body = JSON.parse(String(init!.body));
    return json({ ...plan, ...body, status: 'reported', version: 2 });
  }
  if (url.pathname === '/api/files') return json({ items: [], canAttach: true, rules: { kinds: ['pdf', 'docx'], maxBytes: 26214400, maxFiles: 1 } });
  return json({ type: 'x', title: 'nf', status: 404, code: 'NOT_FOUND', requestId: 'r' }, 404);
});

beforeEach(() => {
  fetchMock.mockClear();
  vi.stubGlobal('fetch', fetchMock);
});

describe("the units' self-inspection", () => {
  it('lists the unit’s own plan; the unit records its results', async () => {
    session = unitSession;
    window.history.pushState({}, '', '/self-inspections');
    renderWithProviders(<App />);
    const table = await screen.findByRole('table', { name: 'Tự kiểm tra cải cách hành chính của đơn vị' });
    const row = within(table).getAllByRole('row')[1];
    expect(row.textContent).toContain('12/KH-UBND');
    expect(row.textContent).toContain('03/05/2021 – 30/11/2021');
    expect(row.textContent).toContain('Đã có kế hoạch');
    expect(screen.getByRole('button', { name: 'Lập kế hoạch tự kiểm tra' })).toBeTruthy();
    // A unit has no overview of other units.
    expect(screen.queryByText('Tổng hợp năm 2021')).toBeNull();

    const user = userEvent.setup();
    await user.click(within(row).getByRole('link', { name: plan.agencyName }));
    expect(await screen.findByText('Đơn vị chưa báo cáo kết quả tự kiểm tra.')).toBeTruthy();
    await user.type(screen.getByLabelText(/Số bộ phận, đơn vị được tự kiểm tra/), '4');
    await user.type(screen.getByLabelText(/Số tồn tại, hạn chế phát hiện/), '3');
    await user.type(screen.getByLabelText(/Số tồn tại đã khắc phục/), '2');
    await user.type(screen.getByLabelText(/Những tồn tại, hạn chế phát hiện/), 'Còn 02 thủ tục niêm yết chưa cập nhật.');
    await user.click(screen.getByRole('button', { name: 'Lưu' }));
    expect(await screen.findByText('Đã báo cáo kết quả')).toBeTruthy();
    const [, init] = fetchMock.mock.calls.find(([u]) => u === `/api/self-inspections/${plan.id}/results`)!;
    expect(JSON.parse(String(init!.body))).toMatchObject({ version: 1, inspectedCount: 4, shortcomingCount: 3, fixedCount: 2, findings: 'Còn 02 thủ tục niêm yết chưa cập nhật.' });
  });

  it('shows the office which units have a plan and results, and the roll-up', async () => {
    session = officeSession as typeof unitSession;
    window.history.pushState({}, '', '/self-inspections');
    renderWithProviders(<App />);
    const overview = await screen.findByRole('table', { name: 'Tổng hợp năm 2021' });
    const rows = within(overview).getAllByRole('row');
    expect(rows[1].textContent).toContain('UBND phường Bồng Sơn');
    expect(rows[2].textContent).toContain('UBND xã Hoài Sơn');
    expect(rows[2].textContent).toContain('Chưa có');
    expect(screen.getByTestId('self-inspection-totals').textContent).toBe('Đơn vị: 2 · Có kế hoạch: 1 · Có kết quả: 1 · Tồn tại phát hiện: 3 · Đã khắc phục: 2');
    expect(screen.queryByRole('button', { name: 'Lập kế hoạch tự kiểm tra' })).toBeNull();
  });
});
