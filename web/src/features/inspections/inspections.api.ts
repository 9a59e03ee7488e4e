import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Inspection, ScheduleIssue } from '../../../../shared/api/inspections.schemas.js';
import type { InspectionKind, InspectionStatus, RequestedMove } from '../../../../shared/domain/inspection-status.js';
import { api, isApiError } from '../../lib/api-client.js';

export interface InspectionFilters {
  planId?: string | null;
  teamId?: string | null;
  agencyId?: string | null;
  kind?: InspectionKind | null;
  /** One status or several (sent as `planned,notified`). */
  status?: InspectionStatus | readonly InspectionStatus[] | null;
  from?: string | null;
  to?: string | null;
  /** The dashboard's filters: visits starting in the year (its month), under the unit, cancelled left out. */
  year?: number | null;
  month?: number | null;
  unitId?: string | null;
  live?: boolean;
  /** Only those whose unit's report is still awaited. */
  reportPending?: boolean;
  /** The dashboard's reports due: a due day set / due on or before the day. */
  reportDue?: boolean;
  reportDueBy?: string | null;
  sort?: 'startsOn' | 'reportDueOn';
  page?: number;
  pageSize?: number;
}

export const inspectionKeys = {
  all: ['inspections'] as const,
  list: (f: InspectionFilters) => ['inspections', 'list', f] as const,
  detail: (id: string) => ['inspections', 'detail', id] as const,
};

const path = (id: string) => `/api/inspections/${encodeURIComponent(id)}`;

/** GET /api/inspections: what the caller may see (a unit never sees an unannounced visit before it starts). */
export function useInspections(f: InspectionFilters, enabled = true) {
  return useQuery({
    queryKey: inspectionKeys.list(f),
    queryFn: ({ signal }) =>
      api.get<{ items: Inspection[]; total: number }>(
        '/api/inspections',
        {
          planId: f.planId,
          teamId: f.teamId,
          agencyId: f.agencyId,
          kind: f.kind,
          status: Array.isArray(f.status) ? f.status.join(',') : (f.status as InspectionStatus | null | undefined),
          from: f.from,
          to: f.to,
          reportPending: f.reportPending,
          reportDue: f.reportDue ? 'true' : undefined,
          reportDueBy: f.reportDueBy,
          sort: f.sort,
          year: f.year,
          month: f.month,
          unitId: f.unitId,
          live: f.live ? 'true' : undefined,
          page: f.page,
          pageSize: f.pageSize ?? 500,
        },
        signal,
      ),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useInspection(id: string) {
  return useQuery({ queryKey: inspectionKeys.detail(id), queryFn: ({ signal }) => api.get<Inspection>(path(id), undefined, signal) });
}

export interface ScheduleInput {
  planId: string;
  agencyId: string;
  teamId: string;
  kind: InspectionKind;
  startsOn: string;
  endsOn?: string;
  startTime?: string | null;
  places?: string[];
  note?: string | null;
  reinspectionOfId?: string | null;
  overrideReason?: string;
}

export function useScheduleInspection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ScheduleInput) => api.post<Inspection>('/api/inspections', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inspectionKeys.all }),
  });
}

export function useMoveInspection(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ move, body }: { move: RequestedMove; body: Record<string, unknown> }) => api.post<Inspection>(`${path(id)}/${move}`, body),
    onSuccess: (inspection) => {
      queryClient.setQueryData(inspectionKeys.detail(id), inspection);
      void queryClient.invalidateQueries({ queryKey: ['inspections', 'list'] });
    },
  });
}

/** The rules a refused schedule broke (409 SCHEDULE_CONFLICT), each naming the other record. */
export function scheduleConflicts(error: unknown): ScheduleIssue[] {
  if (!isApiError(error, 'SCHEDULE_CONFLICT')) return [];
  const conflicts = (error.problem as { conflicts?: ScheduleIssue[] }).conflicts;
  return Array.isArray(conflicts) ? conflicts : [];
}
