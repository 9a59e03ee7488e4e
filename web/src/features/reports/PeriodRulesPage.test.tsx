// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PeriodRule } from '../../../../shared/api/reports.schemas.js';
import { App } from '../../App.js';
import { json, renderWithProviders } from '../../test/render.js';

const office = '55555555-5555-4555-8555-555555555555';
const sessionOf = (capabilities: string[]) => ({
  user: { id: '44444444-4444-4444-8444-444444444444', username: 'vanphong', fullName: 'Trần Văn Nam', locale: 'vi', mustChangePassword: false },
  roles: [{ role: 'secretariat', agencyId: office, agencyName: 'Phòng Nội vụ thị xã Hoài Nhơn' }],
  capabilities: ['registry.read', 'report.read_all', ...capabilities],
  fieldRules: {},
  csrfToken: 'csrf',
  expiresAt: '2030-01-01T00:00:00Z',
});
const q2: PeriodRule = {
  id: '66666666-6666-4666-8666-666666666666',
  ownerAgencyId: office,
  ownerAgencyName: 'UBND thị xã Hoài Nhơn',
  code: 'Q2',
  name: 'Báo cáo CCHC quý II',
  templateCode: 'cchc_periodic',
  fromMonth: 3,
  fromDay: 15,
  fromYearOffset: 0,
  toMonth: 6,
  toDay: 14,
  dueMonth: 6,
  dueDay: 20,
  opensDaysBeforeDue: 15,
  remindWorkingDays: 2,
  escalateAfterWorkingDays: 3,
  targetAgencyIds: ['77777777-7777-4777-8777-777777777777', '88888888-8888-4888-8888-888888888888'],
  targetAgencies: [
    { id: '77777777-7777-4777-8777-777777777777', name: 'UBND phường Bồng Sơn', active: true },
    { id: '88888888-8888-4888-8888-888888888888', name: 'UBND phường Tam Quan', active: true },
  ],
  active: true,
  canManage: true,
  version: 3,
};
let session: ReturnType<typeof sessionOf>;
let rules: PeriodRule[];
let onPatch: (body: Record<string, unknown>) => Response;
const patches: Record<string, unknown>[] = [];
const posts: Record<string, unknown>[] = [];

const fetchMock = vi.fn(async (input: string, init?: RequestInit) => {
  const url = new URL(input, 'http://localhost');
  if (url.pathname === '/api/session/current') return json(session);
  if (url.pathname.startsWith('/api/notifications')) return json({ count: 0, items: [] });
  if (url.pathname === '/api/report-period-rules' && init?.method === 'POST') {
    const body = JSON.parse(String(init.body));
    posts.push(body);
    return json({ ...q2, ...body, id: '99999999-9999-4999-8999-999999999999', version: 1, ownerAgencyName: 'Phòng Nội vụ thị xã Hoài Nhơn', canManage: true }, 201);
  }
  if (url.pathname === '/api/report-period-rules') return json({ items: rules });
  // The caller's own office (the new period's owner); the units asked come named with the rules.
  if (url.pathname === `/api/agencies/${office}`) return json({ id: office, name: 'Phòng Nội vụ thị xã Hoài Nhơn', parentAgencyId: null, parentAgencyName: null });
  if (url.pathname === '/api/report-templates') return json({ items: [{ id: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', code: 'cchc_periodic', name: 'Báo cáo CCHC định kỳ', revision: 1, status: 'published' }] });
  if (url.pathname === `/api/report-period-rules/${q2.id}` && init?.method === 'PATCH') {
    const body = JSON.parse(String(init.body));
    patches.push(body);
    return onPatch(body);
  }
  return json({ type: 'x', title: 'nf', status: 404, code: 'NOT_FOUND', requestId: 'r' }, 404);
});

beforeEach(() => {
  session = sessionOf(['report.manage']);
  rules = [q2];
  patches.length = 0;
  onPatch = (b) => json({ ...q2, ...b, version: q2.version + 1 });
  fetchMock.mockClear();
  vi.stubGlobal('fetch', fetchMock);
});

describe('the periodic reporting periods page', () => {
  it('edits a period’s due day; a stale save gets 409, is shown and reloads the latest', async () => {
    window.history.pushState({}, '', '/reports/period-rules');
    renderWithProviders(<App />);
    const user = userEvent.setup();
    const card = await screen.findByRole('region', { name: 'Q2 — Báo cáo CCHC quý II' });
    expect(within(card).getByText('Số liệu 15/03–14/06, hạn 20/06')).toBeTruthy();
    expect(within(card).getByText('UBND thị xã Hoài Nhơn · 2 đơn vị · biểu mẫu cchc_periodic · phiên bản 3')).toBeTruthy();
    const due = within(card).getByRole('textbox', { name: 'Hạn gửi: ngày' });
    await user.clear(due);
    await user.type(due, '25');
    // Someone else saved first.
    onPatch = () => json({ type: 'x', title: 'conflict', status: 409, code: 'VERSION_CONFLICT', requestId: 'r' }, 409);
    await user.click(within(card).getByRole('button', { name: 'Lưu' }));
    expect(await within(card).findByText('Kỳ báo cáo vừa được người khác sửa')).toBeTruthy();
    expect(patches).toEqual([{ version: 3, dueDay: 25 }]);
    rules = [{ ...q2, dueDay: 22, version: 4 }];
    await user.click(within(card).getByRole('button', { name: 'Tải lại' }));
    const fresh = await screen.findByText('Số liệu 15/03–14/06, hạn 22/06');
    const reloaded = fresh.closest('section')!;
    expect((within(reloaded).getByRole('textbox', { name: 'Hạn gửi: ngày' }) as HTMLInputElement).value).toBe('22');
    expect(within(reloaded).queryByText('Kỳ báo cáo vừa được người khác sửa')).toBeNull();

    // Saved on the version just read.
    onPatch = (b) => json({ ...rules[0], ...b, version: 5 });
    const again = within(reloaded).getByRole('textbox', { name: 'Báo lãnh đạo sau khi quá hạn (ngày làm việc)' });
    await user.clear(again);
    await user.type(again, '5');
    await user.click(within(reloaded).getByRole('button', { name: 'Lưu' }));
    expect(await screen.findByText('UBND thị xã Hoài Nhơn · 2 đơn vị · biểu mẫu cchc_periodic · phiên bản 5')).toBeTruthy();
    expect(patches.at(-1)).toEqual({ version: 4, escalateAfterWorkingDays: 5 });
    expect((screen.getByRole('textbox', { name: 'Báo lãnh đạo sau khi quá hạn (ngày làm việc)' }) as HTMLInputElement).value).toBe('5');
  });

  it('is read only for those who may not manage the period', async () => {
    session = sessionOf([]);
    rules = [{ ...q2, canManage: false }];
    window.history.pushState({}, '', '/reports/period-rules');
    renderWithProviders(<App />);
    const card = await screen.findByRole('region', { name: 'Q2 — Báo cáo CCHC quý II' });
    expect(within(card).getByRole('textbox', { name: 'Hạn gửi: ngày' }).hasAttribute('readonly')).toBe(true);
    expect(within(card).queryByRole('button', { name: 'Lưu' })).toBeNull();
  });

  it('names the units a period asks, and creates a new period with its template, cut-off and units', async () => {
    window.history.pushState({}, '', '/reports/period-rules');
    renderWithProviders(<App />);
    const user = userEvent.setup();
    const card = await screen.findByRole('region', { name: 'Q2 — Báo cáo CCHC quý II' });
    expect(await within(card).findByText('UBND phường Bồng Sơn')).toBeTruthy();
    expect(within(card).getByText('UBND phường Tam Quan')).toBeTruthy();
    // Named with the rules: no request for any one unit (reviewer finding: one GET /api/agencies/{id} per unit asked).
    const perUnit = fetchMock.mock.calls.filter(([u]) => q2.targetAgencyIds.some((id) => String(u).includes(id)));
    expect(perUnit).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Thêm kỳ báo cáo' }));
    const form = screen.getByRole('region', { name: 'Thêm kỳ báo cáo' });
    await user.type(within(form).getByLabelText(/Mã kỳ/), 'q4');
    await user.type(within(form).getByLabelText('Tên kỳ báo cáo'), 'Báo cáo CCHC quý IV');
    expect((within(form).getByRole('button', { name: 'Tạo kỳ báo cáo' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
