import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { Agency, Unit, UnitDetail } from '../../../../shared/api/registry.schemas.js';
import { api } from '../../lib/api-client.js';

export interface UnitFilters {
  q?: string;
  asOf?: string | null;
  parentId?: string;
  includeInactive?: boolean;
  /** Units per page (the server's default is 1,000; a picker asks for fewer). */
  limit?: number;
}

export const unitKeys = {
  all: ['units'] as const,
  list: (filters: UnitFilters) => ['units', 'list', filters] as const,
  detail: (id: string) => ['units', 'detail', id] as const,
};

interface UnitPage {
  items: Unit[];
  nextCursor: string | null;
  total: number;
}

const unitQuery = (filters: UnitFilters) => ({
  q: filters.q?.trim(),
  asOf: filters.asOf,
  parentId: filters.parentId,
  includeInactive: filters.includeInactive ? 'true' : undefined,
  limit: filters.limit,
});

/**
 * GET /api/units, first page (1,000 units, already sorted in Vietnamese order by the server):
 * what a province's pickers need; a national admin narrows by search.
 */
export function useUnits(filters: UnitFilters) {
  return useQuery({
    queryKey: unitKeys.list(filters),
    queryFn: ({ signal }) => api.get<UnitPage>('/api/units', unitQuery(filters), signal),
    select: (data) => data.items,
    // Keep the previous results on screen while the next search is in flight.
    placeholderData: keepPreviousData,
  });
}

/** Every page of GET /api/units, one "Xem thêm" at a time (the units page). */
export function useUnitPages(filters: UnitFilters) {
  return useInfiniteQuery({
    queryKey: [...unitKeys.list(filters), 'pages'] as const,
    queryFn: ({ signal, pageParam }) => api.get<UnitPage>('/api/units', { ...unitQuery(filters), after: pageParam ?? undefined }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useUnit(id: string) {
  return useQuery({
    queryKey: unitKeys.detail(id),
    queryFn: ({ signal }) => api.get<UnitDetail>(`/api/units/${encodeURIComponent(id)}`, undefined, signal),
  });
}

export function useUnitAgencies(unitId: string) {
  return useQuery({
    queryKey: ['agencies', 'list', { unitId }],
    queryFn: ({ signal }) =>
      api.get<{ items: Agency[]; nextCursor: string | null; total: number }>('/api/agencies', { unitId, includeInactive: 'true', limit: 500 }, signal),
    select: (data) => data.items,
  });
}
