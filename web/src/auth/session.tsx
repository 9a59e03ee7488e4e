import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionResponse } from '../../../shared/api/session.schemas.js';
import type { Capability } from '../../../shared/domain/capabilities.js';
import { api, setCsrfToken, setUnauthenticatedHandler } from '../lib/api-client.js';

export const sessionKey = ['session'] as const;

/**
 * GET /api/session/current: the session, or null when not signed in — a 200 either way, so loading
 * the app before sign-in logs no 401 in the browser's console (GET /api/session would).
 */
async function fetchSession(): Promise<SessionResponse | null> {
  return (await api.get<SessionResponse | null>('/api/session/current')) ?? null;
}

interface SessionValue {
  session: SessionResponse | null;
  /**
   * Whether the user holds the capability somewhere (GET /api/session `capabilities`): what the
   * app offers at all. What may be done with one record comes with the record (`abilities`).
   */
  can: (capability: Capability) => boolean;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

/** Loads the session once, keeps the CSRF token in memory and drops to login on any 401. */
export function SessionProvider({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: sessionKey, queryFn: fetchSession, retry: false, staleTime: Infinity });
  const session = query.data ?? null;

  useEffect(() => {
    setCsrfToken(session?.csrfToken ?? null);
  }, [session]);

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      setCsrfToken(null);
      queryClient.setQueryData(sessionKey, null);
    });
    return () => setUnauthenticatedHandler(null);
  }, [queryClient]);

  const signOut = useMutation({
    mutationFn: () => api.delete('/api/session'),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.setQueryData(sessionKey, null);
      // Drop every cached record of the previous user; the next user must not see them.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
      // And the service worker's offline copies of API answers (web/vite.config.ts).
      void globalThis.caches?.keys().then((names) => Promise.all(names.filter((n) => n.startsWith('par-api')).map((n) => caches.delete(n))));
    },
  });

  if (query.isPending) return <>{fallback}</>;

  const value: SessionValue = {
    session,
    can: (capability) => !!session && session.capabilities.includes(capability),
    signOut: async () => {
      await signOut.mutateAsync().catch(() => undefined);
    },
  };
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

/** Stores a fresh session (after sign-in) so the app re-renders signed in. */
export function useAcceptSession(): (session: SessionResponse) => void {
  const queryClient = useQueryClient();
  return (session) => {
    setCsrfToken(session.csrfToken);
    queryClient.setQueryData(sessionKey, session);
    // Read once more with GET, so a service worker already in control keeps it for offline reloads.
    void queryClient.invalidateQueries({ queryKey: sessionKey });
  };
}
