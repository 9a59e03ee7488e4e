import type { QueryClient } from '@tanstack/react-query';

/**
 * The service worker keeps only the API answers it sees (web/vite.config.ts). It claims the open
 * tab as soon as it is active (clientsClaim), but the answers the tab fetched before that went
 * past it: when it takes control, the answers the open page shows are fetched again, through it,
 * so the page opened in the session the app was installed in reloads offline
 * (docs/decisions/offline-checklists.md).
 */
export function refetchWhenWorkerTakesControl(queryClient: QueryClient): void {
  const container = globalThis.navigator?.serviceWorker;
  if (!container) return;
  container.addEventListener('controllerchange', () => {
    void queryClient.refetchQueries({ type: 'active' });
  });
}
