import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Agency, Unit, UnitDetail } from '../../../../shared/api/registry.schemas.js';
import { api } from '../../lib/api-client.js';

export interface UnitFilters {
  q?: string;
  asOf?: string | null;
  parentId?: string;
  includeInactive?: boolean;
}

export const unitKeys = {
  all: ['units'] as const,
  list: (filters: UnitFilters) => ['units', 'list', filters] as const,
  detail: (id: string) => ['units', 'detail', id] as const,
};

/** GET /api/units: already sorted in Vietnamese order by the server. */
export function useUnits(filters: UnitFilters) {
  return useQuery({
    queryKey: unitKeys.list(filters),
    queryFn: ({ signal }) =>
      api.get<{ items: Unit[] }>(
        '/api/units',
        {
          q: filters.q?.trim(),
          asOf: filters.asOf,
          parentId: filters.parentId,
          includeInactive: filters.includeInactive ? 'true' : undefined,
        },
        signal,
      ),
    select: (data) => data.items,
    // Keep the previous results on screen while the next search is in flight.
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
