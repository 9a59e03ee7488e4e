import { useQuery } from '@tanstack/react-query';
import type { DashboardDto, UnitLevel } from '../../../../shared/api/dashboard.schemas.js';
import { api, withQuery } from '../../lib/api-client.js';

export interface DashboardFilter {
  year: number;
  unitId: string | null;
  level: UnitLevel | null;
}

const query = (f: DashboardFilter) => ({ year: f.year, unitId: f.unitId, level: f.level });

export function useDashboard(f: DashboardFilter) {
  return useQuery({
    queryKey: ['dashboard', f],
    queryFn: ({ signal }) => api.get<DashboardDto>('/api/dashboard', query(f), signal),
  });
}

/** The .xlsx of the same figures. */
export const dashboardExportUrl = (f: DashboardFilter) => withQuery('/api/dashboard.xlsx', query(f));
