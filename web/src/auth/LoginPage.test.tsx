// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import type { Language } from '../i18n/i18n.js';
import { renderWithProviders } from '../test/render.js';
import { LoginForm } from './LoginPage.js';

function render(language: Language, onSignedIn = vi.fn()) {
  renderWithProviders(<LoginForm onSignedIn={onSignedIn} />, { language, queryClient: new QueryClient({ defaultOptions: { mutations: { retry: false } } }) });
  return onSignedIn;
}

async function signIn(username: string, password: string, labels: { username: string; password: string; submit: string }) {
  const user = userEvent.setup();
  // Required fields carry a "*" after their label.
  await user.type(screen.getByLabelText(new RegExp(`^${labels.username}`), { selector: 'input' }), username);
  await user.type(screen.getByLabelText(new RegExp(`^${labels.password}`), { selector: 'input' }), password);
  await user.click(screen.getByRole('button', { name: labels.submit }));
}

describe('LoginForm', () => {
  it('shows the INVALID_CREDENTIALS message in Vietnamese', async () => {
    const fetchMock = vi.fn(
      async () =>
        new Response(
          JSON.stringify({ type: 'x', title: 'Invalid credentials', status: 401, code: 'INVALID_CREDENTIALS', requestId: 'req-7' }),
          { status: 401, headers: { 'content-type': 'application/problem+json' } },
        ),
    );
    vi.stubGlobal('fetch', fetchMock);
    const onSignedIn = render('vi');

    await signIn('secretariat', 'wrong-password', { username: 'Tên đăng nhập', password: 'Mật khẩu', submit: 'Đăng nhập' });
    const alert = await screen.findByRole('alert');

    const calls = fetchMock.mock.calls as unknown as [string, RequestInit][];
    expect(calls[0][0]).toBe('/api/session');
    expect(JSON.parse(String(calls[0][1].body))).toEqual({ username: 'secretariat', password: 'wrong-password' });
    expect(alert.textContent).toContain('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(alert.textContent).toContain('req-7');
    expect(onSignedIn).not.toHaveBeenCalled();
  });

  it('hands the session over on success, in English too', async () => {
    const session = {
      user: { id: 'u', username: 'admin', fullName: 'Quản trị', locale: 'vi', mustChangePassword: false },
      roles: [],
      capabilities: [],
      fieldRules: {},
      csrfToken: 'c',
      expiresAt: '2030-01-01T00:00:00Z',
    };
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify(session), { status: 200 }));
    // The hand-over is the event waited for: a promise the callback resolves, no polling.
    let handedOver!: (value: unknown) => void;
    const handed = new Promise((resolve) => (handedOver = resolve));
    const onSignedIn = render('en', vi.fn((s: unknown) => handedOver(s)));
    await signIn('admin', 'correct horse', { username: 'Username', password: 'Password', submit: 'Sign in' });
    expect(await handed).toEqual(session);
    expect(onSignedIn).toHaveBeenCalledTimes(1);
  });
});
