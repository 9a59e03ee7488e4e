import type { ReactNode } from 'react';
import { cleanup, configure, render, type RenderResult } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { I18nProvider, type Language } from '../i18n/i18n.js';
import { createQueryClient } from '../lib/query-client.js';
import { useLocation, useNavigate } from 'react-router';

/**
 * Component tests wait for the event they expect (Testing Library's `findBy…`, which watches the
 * DOM for it), never for a fixed time. The timeout below is only how long a test may take to fail
 * on a loaded 2-core machine; a passing test resolves as soon as the element appears.
 */
configure({ asyncUtilTimeout: 30_000 });
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** Renders `ui` inside the app's providers (Mantine, i18n, React Query). */
export function renderWithProviders(ui: ReactNode, opts: { language?: Language; queryClient?: QueryClient } = {}): RenderResult {
  return render(
    <MantineProvider>
      <I18nProvider initial={opts.language ?? 'vi'}>
        <QueryClientProvider client={opts.queryClient ?? createQueryClient()}>{ui}</QueryClientProvider>
      </I18nProvider>
    </MantineProvider>,
  );
}

/** A JSON response as the API sends it. */
export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' } });

/** Beside a page under a router: the address it is at (data-testid address), and the browser's back button ("Quay lại"). */
export function Browser() {
  const location = useLocation();
  const navigate = useNavigate();
  return (
    <>
      <output data-testid="address">{location.pathname + location.search}</output>
      <button type="button" onClick={() => void navigate(-1)}>
        Quay lại
      </button>
    </>
  );
}
