import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { Agency, AgencyDetail, AgencyKind } from '../../../../shared/api/registry.schemas.js';
import { api } from '../../lib/api-client.js';

export interface AgencyFilters {
  q?: string;
  unitId?: string | null;
  kind?: AgencyKind | null;
  includeInactive?: boolean;
  /** Only the places an inspection of this agency may visit (itself, its one-stop desks and reception points). */
  placesOf?: string | null;
  /** At most this many (the server's default is 100). */
  limit?: number;
}

export const agencyKeys = {
  all: ['agencies'] as const,
  list: (filters: AgencyFilters) => ['agencies', 'list', filters] as const,
  detail: (id: string) => ['agencies', 'detail', id] as const,
  standingBody: ['settings', 'standing-body'] as const,
};

export interface AgencyPage {
  items: Agency[];
  nextCursor: string | null;
  total: number;
}

function agencyQuery(filters: AgencyFilters) {
  return {
    q: filters.q?.trim(),
    unitId: filters.unitId,
    kind: filters.kind,
    includeInactive: filters.includeInactive ? 'true' : undefined,
    placesOf: filters.placesOf ?? undefined,
    limit: filters.limit,
  };
}

/** The first page of matching agencies (pickers: the user narrows by typing). */
export function useAgencies(filters: AgencyFilters, enabled = true) {
  return useQuery({
    queryKey: agencyKeys.list(filters),
    queryFn: ({ signal }) => api.get<AgencyPage>('/api/agencies', agencyQuery(filters), signal),
    select: (data) => data.items,
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Page after page of agencies, by the server's keyset cursor (the agencies page). */
export function useAgencyPages(filters: AgencyFilters) {
  return useInfiniteQuery({
    queryKey: [...agencyKeys.list(filters), 'pages'] as const,
    queryFn: ({ signal, pageParam }) =>
      api.get<AgencyPage>('/api/agencies', { ...agencyQuery(filters), after: pageParam ?? undefined }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useAgency(id: string, enabled = true) {
  return useQuery({
    queryKey: agencyKeys.detail(id),
    queryFn: ({ signal }) => api.get<AgencyDetail>(`/api/agencies/${encodeURIComponent(id)}`, undefined, signal),
    enabled,
  });
}
