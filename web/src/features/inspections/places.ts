import { useQuery } from '@tanstack/react-query';
import type { Agency, AgencyDetail } from '../../../../shared/api/registry.schemas.js';
import { api } from '../../lib/api-client.js';
import type { AgencyPage } from '../agencies/agencies.api.js';
import { AGENCY_PICKER_LIMIT } from '../plans/AgencyPickers.js';

export interface Place {
  agencyId: string;
  name: string;
  kind?: string;
}

const visitedKinds = new Set<Agency['kind']>(['one_stop_desk', 'reception_point']);

/**
 * The head office first, then the active one-stop desks and reception points among `agencies`
 * (the server's `placesOf` answer: the agency's subtree), by name.
 */
export function placesFrom(head: Pick<Agency, 'id' | 'name' | 'kind'>, agencies: readonly Agency[]): Place[] {
  const places = agencies.filter((a) => a.id !== head.id && a.active && visitedKinds.has(a.kind)).sort((x, y) => x.name.localeCompare(y.name, 'vi'));
  return [{ agencyId: head.id, name: head.name, kind: head.kind }, ...places.map((a) => ({ agencyId: a.id, name: a.name, kind: a.kind }))];
}

/**
 * The places an inspection of the agency may visit, from the registry: the first page of
 * GET /api/agencies?placesOf=… (the head office, its desks and reception points at any depth,
 * however many agencies its unit has), and how many there are in all, so the form can offer a
 * server search for the rest.
 */
export function usePlacesOf(agencyId: string | null) {
  return useQuery({
    queryKey: ['agencies', 'places-of', agencyId],
    enabled: !!agencyId,
    queryFn: async ({ signal }) => {
      const [head, page] = await Promise.all([
        api.get<AgencyDetail>(`/api/agencies/${encodeURIComponent(agencyId!)}`, undefined, signal),
        api.get<AgencyPage>('/api/agencies', { placesOf: agencyId!, limit: AGENCY_PICKER_LIMIT }, signal),
      ]);
      return { places: placesFrom(head, page.items), total: page.total };
    },
  });
}
