// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../App.js';
import { json, renderWithProviders } from '../../test/render.js';
import { frameworkSummary } from './framework.test-support.js';

const session = {
  user: { id: '44444444-4444-4444-8444-444444444444', username: 'leader', fullName: 'Phạm Trương', locale: 'vi', mustChangePassword: false },
  roles: [{ role: 'leader', agencyId: '55555555-5555-4555-8555-555555555555', agencyName: 'UBND thị xã' }],
  capabilities: ['registry.read', 'index.read'],
  fieldRules: {},
  csrfToken: 'csrf',
  expiresAt: '2030-01-01T00:00:00Z',
};
const framework = frameworkSummary({ ownerAgencyName: 'UBND tỉnh Bình Định', unitKinds: ['ward', 'commune'], maxPoints: 100, leafCount: 8 });

beforeEach(() => {
  window.history.pushState({}, '', '/indices');
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string) => {
      const url = new URL(input, 'http://localhost');
      if (url.pathname === '/api/session/current') return json(session);
      if (url.pathname === '/api/index-frameworks') return json({ items: [framework] });
      return json({ type: 'x', title: 'nf', status: 404, code: 'NOT_FOUND', requestId: 'r' }, 404);
    }),
  );
});

describe('the index frameworks list', () => {
  it('says how many criteria are scored as a phrase: "8 tiêu chí chấm điểm", not "8 số tiêu chí chấm điểm" (issue 12 review #6)', async () => {
    renderWithProviders(<App />);
    const link = await screen.findByRole('link', { name: 'Bộ chỉ số CCHC cấp xã' });
    const cell = link.closest('td')!;
    expect(within(cell).getByText(/PAR-XA/).textContent).toBe('PAR-XA · r1 · 8 tiêu chí chấm điểm');
  });
});
