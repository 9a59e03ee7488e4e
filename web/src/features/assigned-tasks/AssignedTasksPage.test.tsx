// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../App.js';
import { json, renderWithProviders } from '../../test/render.js';

const session = {
  user: { id: '44444444-4444-4444-8444-444444444444', username: 'unit', fullName: 'Lê Thị Hồng', locale: 'vi', mustChangePassword: false },
  roles: [{ role: 'unit_officer', agencyId: '55555555-5555-4555-8555-555555555555', agencyName: 'UBND phường Bồng Sơn' }],
  capabilities: ['registry.read', 'plan.read', 'task.read_owned', 'task.report'],
  fieldRules: {},
  csrfToken: 'csrf',
  expiresAt: '2030-01-01T00:00:00Z',
};
const task = {
  id: '66666666-6666-4666-8666-666666666666',
  assigningAgencyId: '77777777-7777-4777-8777-777777777777',
  assigningAgencyName: 'Ủy ban nhân dân thị xã Hoài Nhơn',
  sourceNumber: '45/TB-UBND',
  sourceDate: '2021-03-12',
  sourceTitle: null,
  content: 'Chấm dứt tình trạng trễ hạn giải quyết hồ sơ đất đai',
  ownerAgencyId: '55555555-5555-4555-8555-555555555555',
  ownerAgencyName: 'UBND phường Bồng Sơn',
  coOwners: [],
  deadline: '2021-05-31',
  deadlineExplanation: null,
  status: 'not_started',
  completedOn: null,
  timeliness: 'overdue',
  overdueWorkingDays: 12,
  lastNote: null,
  allowedMoves: ['start', 'complete', 'cancel'],
  abilities: { update: false, report: true, moves: ['start', 'complete'] },
  version: 1,
};

const fetchMock = vi.fn(async (input: string, init?: RequestInit) => {
  const url = new URL(input, 'http://localhost');
  if (url.pathname === '/api/session/current') return json(session);
  if (url.pathname === '/api/assigned-tasks') return json({ items: [task], total: 1, counts: { open: 1, overdue: 1, completed: 0 } });
  if (url.pathname === `/api/assigned-tasks/${task.id}` && (!init?.method || init.method === 'GET')) return json({ ...task, notes: [] });
  if (url.pathname === `/api/assigned-tasks/${task.id}/progress`) return json({ ...task, status: 'in_progress', version: 2, notes: [{ id: '88888888-8888-4888-8888-888888888888', at: '2021-06-15T02:00:00Z', authorName: 'Lê Thị Hồng', body: 'Đã rà soát 7 hồ sơ.', move: 'start', statusAfter: 'in_progress' }] });
  return json({ type: 'x', title: 'nf', status: 404, code: 'NOT_FOUND', requestId: 'r' }, 404);
});

beforeEach(() => {
  fetchMock.mockClear();
  vi.stubGlobal('fetch', fetchMock);
});

describe('the assigned-tasks register', () => {
  it('lists the unit’s tasks with the overdue flag in working days, and the owner starts one with a note', async () => {
    window.history.pushState({}, '', '/assigned-tasks');
    renderWithProviders(<App />);
    const table = await screen.findByRole('table', { name: 'Nhiệm vụ UBND, Chủ tịch UBND giao' });
    const row = within(table).getAllByRole('row')[1];
    expect(row.textContent).toContain('45/TB-UBND');
    expect(row.textContent).toContain('31/05/2021');
    expect(row.textContent).toContain('Quá hạn 12 ngày làm việc');
    expect(screen.getByTestId('task-counts').textContent).toBe('Đang thực hiện: 1 · Quá hạn: 1 · Hoàn thành: 0');
    expect(screen.getByRole('link', { name: 'Nhiệm vụ được giao' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Thêm nhiệm vụ' })).toBeNull();

    const user = userEvent.setup();
    await user.click(within(row).getByRole('link', { name: task.content }));
    await user.type(await screen.findByLabelText('Nội dung tiến độ'), 'Đã rà soát 7 hồ sơ.');
    await user.click(screen.getByRole('button', { name: 'Bắt đầu thực hiện' }));
    expect(await screen.findByText('Đã rà soát 7 hồ sơ.', { selector: 'td' })).toBeTruthy();
    const [, init] = fetchMock.mock.calls.find(([u]) => u === `/api/assigned-tasks/${task.id}/progress`)!;
    expect(JSON.parse(String(init!.body))).toEqual({ version: 1, move: 'start', note: 'Đã rà soát 7 hồ sơ.' });
  });
});
