import { useQuery } from '@tanstack/react-query';
import type { Agency, AgencyDetail } from '../../../../shared/api/registry.schemas.js';
import { api } from '../../lib/api-client.js';

export interface Place {
  agencyId: string;
  name: string;
  kind: Agency['kind'];
}

const visitedKinds = new Set<Agency['kind']>(['one_stop_desk', 'reception_point']);

/** The head office first, then the active one-stop desks and reception points under it (any depth), by name. */
export function placesUnder(head: Pick<Agency, 'id' | 'name' | 'kind'>, unitAgencies: readonly Agency[]): Place[] {
  const children = new Map<string, Agency[]>();
  for (const a of unitAgencies) if (a.parentAgencyId) children.set(a.parentAgencyId, [...(children.get(a.parentAgencyId) ?? []), a]);
  const below: Agency[] = [];
  const walk = (id: string) => {
    for (const child of children.get(id) ?? []) {
      below.push(child);
      walk(child.id);
    }
  };
  walk(head.id);
  const places = below.filter((a) => a.active && visitedKinds.has(a.kind)).sort((x, y) => x.name.localeCompare(y.name, 'vi'));
  return [{ agencyId: head.id, name: head.name, kind: head.kind }, ...places.map((a) => ({ agencyId: a.id, name: a.name, kind: a.kind }))];
}

/** The places an inspection of the agency may visit, from the registry (its unit's agencies). */
export function usePlacesOf(agencyId: string | null) {
  return useQuery({
    queryKey: ['agencies', 'places-of', agencyId],
    enabled: !!agencyId,
    queryFn: async ({ signal }) => {
      const head = await api.get<AgencyDetail>(`/api/agencies/${encodeURIComponent(agencyId!)}`, undefined, signal);
      const page = await api.get<{ items: Agency[] }>('/api/agencies', { unitId: head.unitId, limit: 500 }, signal);
      return placesUnder(head, page.items);
    },
  });
}
