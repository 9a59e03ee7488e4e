// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { json, renderWithProviders } from '../test/render.js';
import { SessionProvider, useSession } from './session.js';

function Who() {
  const { session } = useSession();
  return <p>{session ? `Xin chào ${session.user.fullName}` : 'Chưa đăng nhập'}</p>;
}

describe('the session check on load', () => {
  it('asks GET /api/session/current, which answers 200 with null before sign-in: signed out, no failed request', async () => {
    const fetchMock = vi.fn(async () => json(null));
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(
      <SessionProvider fallback={null}>
        <Who />
      </SessionProvider>,
    );
    expect(await screen.findByText('Chưa đăng nhập')).toBeTruthy();
    expect((fetchMock.mock.calls as unknown as [string][]).map((c) => c[0])).toEqual(['/api/session/current']);
  });

  it('reads the signed-in session from the same answer', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json({
          user: { id: '6c1f3d0e-5555-4c1e-9d1a-0a0a0a0a0a0a', username: 'vanphong', fullName: 'Văn phòng', locale: 'vi', mustChangePassword: false },
          roles: [],
          capabilities: [],
          fieldRules: {},
          csrfToken: 'csrf',
          expiresAt: '2030-01-01T00:00:00Z',
        }),
      ),
    );
    renderWithProviders(
      <SessionProvider fallback={null}>
        <Who />
      </SessionProvider>,
    );
    expect(await screen.findByText('Xin chào Văn phòng')).toBeTruthy();
  });
});
