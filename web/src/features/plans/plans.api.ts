import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client.js';
import type { PlanContent, PlanDetail, PlanFromPrevious, PlanSignature, PlanStatus, PlanSummary, UpdatePlanBody } from './plans.types.js';

export interface PlanFilters {
  year?: number | null;
  status?: PlanStatus | null;
  page?: number;
  pageSize?: number;
}

export const planKeys = {
  all: ['plans'] as const,
  list: (filters: PlanFilters) => ['plans', 'list', filters] as const,
  detail: (id: string) => ['plans', 'detail', id] as const,
  pdfAvailability: ['documents', 'pdf-availability'] as const,
};

const planPath = (id: string) => `/api/plans/${encodeURIComponent(id)}`;

/** The plan's document without its extension: add ".docx" or ".pdf". */
export const planDocumentBase = (id: string) => `/api/documents/plan/${id}`;

/** GET /api/plans: a page of the plans in the caller's scope, newest year first, and whether more follow. */
export function usePlans(filters: PlanFilters) {
  return useQuery({
    queryKey: planKeys.list(filters),
    queryFn: ({ signal }) =>
      api.get<{ items: PlanSummary[]; hasMore: boolean }>('/api/plans', { year: filters.year, status: filters.status, page: filters.page, pageSize: filters.pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

/** One plan; asks nothing until the id is known (an empty id would be `/api/plans/`, a 400). */
export function usePlan(id: string) {
  return useQuery({
    queryKey: planKeys.detail(id),
    queryFn: ({ signal }) => api.get<PlanDetail>(planPath(id), undefined, signal),
    enabled: id !== '',
  });
}

/** Whether the server has LibreOffice, so the .pdf endpoints work. */
export function usePdfAvailability() {
  return useQuery({
    queryKey: planKeys.pdfAvailability,
    queryFn: ({ signal }) => api.get<{ available: boolean }>('/api/documents/pdf-availability', undefined, signal),
    select: (data) => data.available,
    staleTime: 5 * 60_000,
  });
}

export interface CreatePlanInput {
  issuingAgencyId: string;
  year: number;
  periodFrom: string;
  periodTo: string;
  targetAgencyIds: string[];
  content: PlanContent;
}

/** Puts an answered plan into the cache and refreshes the lists. */
function useStorePlan() {
  const queryClient = useQueryClient();
  return (plan: PlanDetail) => {
    queryClient.setQueryData(planKeys.detail(plan.id), plan);
    void queryClient.invalidateQueries({ queryKey: ['plans', 'list'] });
  };
}

export function useCreatePlan() {
  const store = useStorePlan();
  return useMutation({
    mutationFn: (input: CreatePlanInput) => api.post<PlanDetail>('/api/plans', input),
    onSuccess: store,
  });
}

/**
 * "Start from last year's plan": the year defaults to the source's + 1 on the server. The answer
 * also lists the source's targets that were not copied (deactivated, merged away, out of scope).
 */
export function useCreatePlanFromPrevious() {
  const store = useStorePlan();
  return useMutation({
    mutationFn: (input: { sourcePlanId: string; year?: number }) => api.post<PlanFromPrevious>('/api/plans/from-previous', input),
    onSuccess: ({ droppedTargets: _dropped, ...plan }) => store(plan),
  });
}

export function useUpdatePlan(id: string) {
  const store = useStorePlan();
  return useMutation({
    mutationFn: (body: UpdatePlanBody) => api.patch<PlanDetail>(planPath(id), body),
    onSuccess: store,
  });
}

export type PlanTransition = 'submit' | 'start' | 'close';

/** submit / start / close / return / issue: each answers the plan as it now is. */
export function usePlanTransition(id: string) {
  const store = useStorePlan();
  return useMutation({
    mutationFn: (input:
      | { action: PlanTransition; version: number }
      | { action: 'return'; version: number; reason?: string }
      | { action: 'issue'; version: number; issuedOn: string; signature?: PlanSignature }) => {
      const { action, ...body } = input;
      return api.post<PlanDetail>(`${planPath(id)}/${action}`, body);
    },
    onSuccess: store,
  });
}

/** Starts an amending version (a new linked draft) of an issued plan. */
export function useAmendPlan(id: string) {
  const store = useStorePlan();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => api.post<PlanDetail>(`${planPath(id)}/amendments`, { version }),
    onSuccess: (amendment) => {
      store(amendment);
      // The amended plan's history now lists the new version.
      void queryClient.invalidateQueries({ queryKey: planKeys.detail(id) });
    },
  });
}
