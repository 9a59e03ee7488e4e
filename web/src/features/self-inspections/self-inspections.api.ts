import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SelfInspection, SelfInspectionOverview } from '../../../../shared/api/self-inspections.schemas.js';
import { api } from '../../lib/api-client.js';

export const selfInspectionKeys = {
  list: (year: number | null) => ['self-inspections', 'list', year] as const,
  overview: (year: number) => ['self-inspections', 'overview', year] as const,
  detail: (id: string) => ['self-inspections', 'detail', id] as const,
};

export const useSelfInspections = (year: number | null) =>
  useQuery({ queryKey: selfInspectionKeys.list(year), queryFn: ({ signal }) => api.get<{ items: SelfInspection[] }>('/api/self-inspections', { year: year ?? undefined }, signal) });

export const useSelfInspectionOverview = (year: number, enabled: boolean) =>
  useQuery({ queryKey: selfInspectionKeys.overview(year), queryFn: ({ signal }) => api.get<SelfInspectionOverview>('/api/self-inspections/overview', { year }, signal), enabled });

export const useSelfInspection = (id: string) => useQuery({ queryKey: selfInspectionKeys.detail(id), queryFn: ({ signal }) => api.get<SelfInspection>(`/api/self-inspections/${id}`, undefined, signal) });

function useSelfInspectionMutation<V>(fn: (v: V) => Promise<SelfInspection>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (s) => {
      qc.setQueryData(selfInspectionKeys.detail(s.id), s);
      void qc.invalidateQueries({ queryKey: ['self-inspections', 'list'] });
      void qc.invalidateQueries({ queryKey: ['self-inspections', 'overview'] });
    },
  });
}

export const useCreateSelfInspection = () => useSelfInspectionMutation((body: Record<string, unknown>) => api.post<SelfInspection>('/api/self-inspections', body));
export const useUpdateSelfInspection = (id: string) => useSelfInspectionMutation((body: Record<string, unknown>) => api.patch<SelfInspection>(`/api/self-inspections/${id}`, body));
export const useRecordResults = (id: string) => useSelfInspectionMutation((body: Record<string, unknown>) => api.put<SelfInspection>(`/api/self-inspections/${id}/results`, body));
