// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../App.js';
import { json, renderWithProviders } from '../../test/render.js';

/**
 * Where the dashboard's section numbers lead (server/modules/*\/dashboard-section.ts): the lists
 * open filtered as the link says.
 */
const session = {
  user: { id: '44444444-4444-4444-8444-444444444444', username: 'leader', fullName: 'Phạm Trương', locale: 'vi', mustChangePassword: false },
  roles: [{ role: 'leader', agencyId: '55555555-5555-4555-8555-555555555555', agencyName: 'UBND thị xã Hoài Nhơn' }],
  capabilities: ['registry.read', 'plan.read', 'dashboard.read', 'difficulty.read', 'action.read'],
  fieldRules: {},
  csrfToken: 'csrf',
  expiresAt: '2030-01-01T00:00:00Z',
};
const urls: string[] = [];
const fetchMock = vi.fn(async (input: string) => {
  urls.push(input);
  const url = new URL(input, 'http://localhost');
  if (url.pathname === '/api/session') return json(session);
  if (url.pathname === '/api/corrective-actions/board') return json({ asOf: '2021-12-20', total: { open: 0, overdue: 0, closed: 0 }, byAgency: [], agencyCount: 0, byContentGroup: [] });
  if (url.pathname === '/api/corrective-actions') return json({ items: [], total: 0 });
  if (url.pathname === '/api/difficulties') return json({ items: [], total: 0, counts: { open: 0, answered: 0, averageResponseWorkingDays: null } });
  if (url.pathname === '/api/reform-areas') return json({ items: [] });
  return json({ type: 'x', title: 'nf', status: 404, code: 'NOT_FOUND', requestId: 'r' }, 404);
});

beforeEach(() => {
  urls.length = 0;
  vi.stubGlobal('fetch', fetchMock);
});
const requested = (path: string) => urls.filter((u) => u.startsWith(`${path}?`)).map((u) => new URL(u, 'http://x').searchParams);

describe("the dashboard's links", () => {
  it('open the corrective actions of the year, overdue only', async () => {
    window.history.pushState({}, '', '/corrective-actions?year=2021&overdue=1');
    renderWithProviders(<App />);
    expect(await screen.findByRole('checkbox', { checked: true })).toBeTruthy();
    const list = requested('/api/corrective-actions').at(-1)!;
    expect([list.get('year'), list.get('overdue')]).toEqual(['2021', 'true']);
  });

  it('open the corrective actions of the year, closed only', async () => {
    window.history.pushState({}, '', '/corrective-actions?year=2021&status=closed');
    renderWithProviders(<App />);
    expect(await screen.findByDisplayValue('Đã hoàn thành')).toBeTruthy();
    const list = requested('/api/corrective-actions').at(-1)!;
    expect([list.get('year'), list.get('status'), list.get('overdue')]).toEqual(['2021', 'closed', null]);
  });

  it('open the difficulties raised that year', async () => {
    window.history.pushState({}, '', '/difficulties?year=2021');
    renderWithProviders(<App />);
    expect(await screen.findByDisplayValue('2021')).toBeTruthy();
    expect(requested('/api/difficulties').at(-1)!.get('year')).toBe('2021');
  });
});
