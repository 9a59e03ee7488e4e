// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nProvider, type Language } from '../i18n/i18n.js';
import { LoginForm } from './LoginPage.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
let root: Root;

function render(language: Language, onSignedIn = vi.fn()) {
  const client = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  act(() => {
    root.render(
      <MantineProvider>
        <I18nProvider initial={language}>
          <QueryClientProvider client={client}>
            <LoginForm onSignedIn={onSignedIn} />
          </QueryClientProvider>
        </I18nProvider>
      </MantineProvider>,
    );
  });
  return onSignedIn;
}

/** The input whose <label> has this text: what a user (and Playwright's getByLabel) sees. */
function byLabel(text: string): HTMLInputElement {
  const label = [...container.querySelectorAll('label')].find((l) => l.textContent?.replace('*', '').trim() === text);
  if (!label) throw new Error(`no label ${text}`);
  return container.querySelector(`#${CSS.escape(label.htmlFor)}`) as HTMLInputElement;
}

function type(input: HTMLInputElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  setter.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

function button(text: string): HTMLButtonElement {
  const found = [...container.querySelectorAll('button')].find((b) => b.textContent?.trim() === text);
  if (!found) throw new Error(`no button ${text}`);
  return found;
}

async function settle() {
  for (let i = 0; i < 5; i += 1) await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
}

beforeEach(() => {
  container = document.createElement('div');
  document.body.appendChild(container);
  root = createRoot(container);
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
  vi.unstubAllGlobals();
});

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

    act(() => type(byLabel('Tên đăng nhập'), 'secretariat'));
    act(() => type(byLabel('Mật khẩu'), 'wrong-password'));
    act(() => button('Đăng nhập').click());
    await settle();

    const calls = fetchMock.mock.calls as unknown as [string, RequestInit][];
    expect(calls[0][0]).toBe('/api/session');
    expect(JSON.parse(String(calls[0][1].body))).toEqual({ username: 'secretariat', password: 'wrong-password' });
    const alert = container.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(alert?.textContent).toContain('req-7');
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
    const onSignedIn = render('en');
    act(() => type(byLabel('Username'), 'admin'));
    act(() => type(byLabel('Password'), 'correct horse'));
    act(() => button('Sign in').click());
    await settle();
    expect(onSignedIn).toHaveBeenCalledTimes(1);
    expect(onSignedIn.mock.calls[0][0]).toEqual(session);
  });
});
