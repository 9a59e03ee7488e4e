// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../App.js';
import { json, renderWithProviders } from '../../test/render.js';

const session = {
  user: { id: '44444444-4444-4444-8444-444444444444', username: 'secretariat', fullName: 'Nguyễn Thị Thu Hà', locale: 'vi', mustChangePassword: false },
  roles: [{ role: 'secretariat', agencyId: '77777777-7777-4777-8777-777777777777', agencyName: 'Phòng Nội vụ' }],
  capabilities: ['registry.read', 'plan.read', 'difficulty.read', 'difficulty.handle'],
  fieldRules: {},
  csrfToken: 'csrf',
  expiresAt: '2030-01-01T00:00:00Z',
};
const item = {
  id: '66666666-6666-4666-8666-666666666666',
  agencyId: '55555555-5555-4555-8555-555555555555',
  agencyName: 'UBND phường Bồng Sơn',
  reformAreaId: '88888888-8888-4888-8888-888888888888',
  reformAreaName: 'Cải cách thủ tục hành chính',
  title: 'Vướng mắc về thời hạn giải quyết thủ tục đất đai',
  body: 'Đề nghị hướng dẫn quy trình liên thông.',
  raisedOn: '2021-09-20',
  raisedByName: 'Lê Thị Hồng',
  status: 'raised',
  forwardedToName: null,
  forwardNote: null,
  forwardedOn: null,
  answer: null,
  answeredByName: null,
  answeredOn: null,
  closedOn: null,
  responseWorkingDays: null,
  waitingWorkingDays: 4,
  abilities: { moves: ['forward', 'answer'], attach: false },
  version: 1,
};
const leader = { userId: '99999999-9999-4999-8999-999999999999', fullName: 'Trần Văn Bình' };

const fetchMock = vi.fn(async (input: string, init?: RequestInit) => {
  const url = new URL(input, 'http://localhost');
  if (url.pathname === '/api/session/current') return json(session);
  if (url.pathname === '/api/reform-areas') return json({ items: [{ id: item.reformAreaId, code: 'thu_tuc_hanh_chinh', name: item.reformAreaName, nameEn: 'Administrative procedure reform', active: true }] });
  if (url.pathname === '/api/difficulties' && url.searchParams.get('q') === 'nuoc sach') return json({ items: [], total: 0, counts: { open: 0, answered: 0, averageResponseWorkingDays: null } });
  if (url.pathname === '/api/difficulties') return json({ items: [item], total: 1, counts: { open: 1, answered: 1, averageResponseWorkingDays: 6 } });
  if (url.pathname === `/api/difficulties/${item.id}`) return json({ ...item, forwardTargets: [leader] });
  if (url.pathname === `/api/difficulties/${item.id}/forward`) return json({ ...item, status: 'forwarded', forwardedToName: leader.fullName, forwardedOn: '2021-09-21', version: 2, abilities: { moves: [], attach: false }, forwardTargets: [] });
  if (url.pathname === '/api/files') return json({ items: [], canAttach: false, rules: null });
  return json({ type: 'x', title: 'nf', status: 404, code: 'NOT_FOUND', requestId: 'r', init }, 404);
});

beforeEach(() => {
  fetchMock.mockClear();
  vi.stubGlobal('fetch', fetchMock);
});

describe('difficulties raised to the committee', () => {
  it('lists them with the waiting time in working days and the export; the office forwards one to a leader', async () => {
    window.history.pushState({}, '', '/difficulties');
    renderWithProviders(<App />);
    const table = await screen.findByRole('table', { name: 'Khó khăn, vướng mắc phản ánh về UBND' });
    const row = within(table).getAllByRole('row')[1];
    expect(row.textContent).toContain('20/09/2021');
    expect(row.textContent).toContain('Mới phản ánh');
    expect(row.textContent).toContain('Đã chờ 4 ngày làm việc');
    expect(screen.getByTestId('difficulty-counts').textContent).toBe('Đang chờ trả lời: 1 · Đã trả lời: 1 · Thời gian trả lời bình quân: 6 ngày làm việc');
    expect(screen.getByRole('link', { name: 'Xuất tệp .xlsx' }).getAttribute('href')).toBe('/api/difficulties/export.xlsx');
    expect(screen.queryByRole('button', { name: 'Phản ánh khó khăn, vướng mắc' })).toBeNull();

    // The search goes to the server (which ignores diacritics); clearing it brings the list back.
    const user = userEvent.setup();
    const search = screen.getByRole('textbox', { name: 'Tìm kiếm' });
    await user.type(search, 'nuoc sach');
    expect(await screen.findByText('Chưa có khó khăn, vướng mắc nào.')).toBeTruthy();
    await user.clear(search);

    await user.click(await screen.findByRole('link', { name: item.title }));
    // Mantine's Select is a combobox; its options are found once the dropdown is open.
    await user.click(await screen.findByRole('combobox', { name: /Lãnh đạo nhận/ }));
    await user.click((await screen.findAllByRole('option', { name: leader.fullName, hidden: true })).at(-1)!);
    // The choice shown is the render that enables the button: no timing assumed.
    expect(await screen.findByDisplayValue(leader.fullName)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Chuyển lãnh đạo' }));
    expect((await screen.findAllByText('Đã chuyển lãnh đạo')).length).toBeGreaterThan(0);
    const [, init] = fetchMock.mock.calls.find(([u]) => u === `/api/difficulties/${item.id}/forward`)!;
    expect(JSON.parse(String(init!.body))).toEqual({ version: 1, leaderUserId: leader.userId });
    // Forwarded (the same render as the new status): the office has nothing more to do here.
    expect(screen.queryByRole('button', { name: 'Chuyển lãnh đạo' })).toBeNull();
  });
});
