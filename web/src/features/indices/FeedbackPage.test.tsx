// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../App.js';
import { json, renderWithProviders } from '../../test/render.js';

const session = {
  user: { id: '44444444-4444-4444-8444-444444444444', username: 'secretariat', fullName: 'Nguyễn Thị Thu Hà', locale: 'vi', mustChangePassword: false },
  roles: [{ role: 'secretariat', agencyId: '55555555-5555-4555-8555-555555555555', agencyName: 'Phòng Nội vụ' }],
  capabilities: ['registry.read', 'plan.read', 'index.read', 'feedback.read', 'feedback.record'],
  fieldRules: {},
  csrfToken: 'csrf',
  expiresAt: '2030-01-01T00:00:00Z',
};
const item = {
  id: '66666666-6666-4666-8666-666666666666',
  unitId: '77777777-7777-4777-8777-777777777777',
  unitName: 'Hoài Hải',
  agencyId: null,
  agencyName: null,
  receivedOn: '2021-03-04',
  channel: 'hotline',
  subject: 'Chậm trả kết quả hồ sơ đất đai',
  status: 'received',
  resolvedOn: null,
  version: 1,
  abilities: { update: true },
};

const fetchMock = vi.fn(async (input: string, init?: RequestInit) => {
  const url = new URL(input, 'http://localhost');
  if (url.pathname === '/api/session/current') return json(session);
  if (url.pathname === '/api/feedback' && (!init?.method || init.method === 'GET')) return json({ items: [item] });
  if (url.pathname === `/api/feedback/${item.id}`) return json({ ...item, status: 'resolved', version: 2 });
  return json({ type: 'x', title: 'nf', status: 404, code: 'NOT_FOUND', requestId: 'r' }, 404);
});

beforeEach(() => {
  fetchMock.mockClear();
  window.history.pushState({}, '', '/feedback');
  vi.stubGlobal('fetch', fetchMock);
});

describe('the complaints register page', () => {
  it('lists the year’s complaints with date, unit, channel and status, and closes one with today’s date', async () => {
    renderWithProviders(<App />);
    const table = await screen.findByRole('table', { name: 'Sổ theo dõi phản ánh, kiến nghị' });
    const row = within(table).getAllByRole('row')[1];
    expect(row.textContent).toContain('04/03/2021');
    expect(row.textContent).toContain('Hoài Hải');
    expect(row.textContent).toContain('Đường dây nóng');
    expect(fetchMock.mock.calls.map(([u]) => u)).toContain('/api/feedback?year=2021');
    const user = userEvent.setup();
    await user.click(within(row).getByLabelText(/Tình trạng: Chậm trả/));
    // Both the filter and the row render their options; the row's dropdown is the last one opened.
    await user.click((await screen.findAllByRole('option', { name: 'Đã giải quyết', hidden: true })).at(-1)!);
    await vi.waitFor(() => expect(fetchMock.mock.calls.some(([u, i]) => u === `/api/feedback/${item.id}` && i?.method === 'PATCH')).toBe(true));
    const [, init] = fetchMock.mock.calls.find(([u, i]) => u === `/api/feedback/${item.id}` && i?.method === 'PATCH')!;
    expect(JSON.parse(String(init!.body))).toMatchObject({ version: 1, status: 'resolved', resolvedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  });
});
