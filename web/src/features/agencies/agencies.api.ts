import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Agency, AgencyDetail, AgencyKind } from '../../../../shared/api/registry.schemas.js';
import { api } from '../../lib/api-client.js';

export interface AgencyFilters {
  q?: string;
  unitId?: string | null;
  kind?: AgencyKind | null;
  includeInactive?: boolean;
}

export const agencyKeys = {
  all: ['agencies'] as const,
  list: (filters: AgencyFilters) => ['agencies', 'list', filters] as const,
  detail: (id: string) => ['agencies', 'detail', id] as const,
  standingBody: ['settings', 'standing-body'] as const,
};

export function useAgencies(filters: AgencyFilters, enabled = true) {
  return useQuery({
    queryKey: agencyKeys.list(filters),
    queryFn: ({ signal }) =>
      api.get<{ items: Agency[] }>(
        '/api/agencies',
        {
          q: filters.q?.trim(),
          unitId: filters.unitId,
          kind: filters.kind,
          includeInactive: filters.includeInactive ? 'true' : undefined,
        },
        signal,
      ),
    select: (data) => data.items,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useAgency(id: string) {
  return useQuery({
    queryKey: agencyKeys.detail(id),
    queryFn: ({ signal }) => api.get<AgencyDetail>(`/api/agencies/${encodeURIComponent(id)}`, undefined, signal),
  });
}
