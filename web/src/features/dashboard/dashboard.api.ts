import { useQuery } from '@tanstack/react-query';
import type { DashboardDto, UnitLevel } from '../../../../shared/api/dashboard.schemas.js';
import { api, withQuery } from '../../lib/api-client.js';

export interface DashboardFilter {
  /** null: the server's default (the latest season in the caller's scope up to this year). */
  year: number | null;
  unitId: string | null;
  level: UnitLevel | null;
  /** 'own': the unit's own plans only, its results report's figures (absent: every visit the caller sees). */
  issuer?: 'own' | null;
}
/** What the page asks for, from its URL. */
export type DashboardQuery = DashboardFilter;

const query = (f: DashboardFilter) => ({ year: f.year, unitId: f.unitId, level: f.level, issuer: f.issuer ?? null });

export function useDashboard(f: DashboardQuery) {
  return useQuery({
    queryKey: ['dashboard', f],
    queryFn: ({ signal }) => api.get<DashboardDto>('/api/dashboard', query(f), signal),
  });
}

/** The .xlsx of the same figures. */
export const dashboardExportUrl = (f: DashboardFilter) => withQuery('/api/dashboard.xlsx', query(f));
