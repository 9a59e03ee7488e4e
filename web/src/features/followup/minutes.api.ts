import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Minutes, MinutesContent } from '../../../../shared/api/minutes.schemas.js';
import { api } from '../../lib/api-client.js';

export const minutesKeys = { inspection: (id: string) => ['minutes', id] as const };

/** GET /api/minutes?inspectionId=: none or one, as the caller may see them. */
export const useMinutes = (inspectionId: string) =>
  useQuery({ queryKey: minutesKeys.inspection(inspectionId), queryFn: ({ signal }) => api.get<{ items: Minutes[] }>('/api/minutes', { inspectionId }, signal) });

function useMinutesMutation<V>(inspectionId: string, fn: (v: V) => Promise<Minutes>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void qc.invalidateQueries({ queryKey: minutesKeys.inspection(inspectionId) }) });
}

export const useDraftMinutes = (inspectionId: string) => useMinutesMutation(inspectionId, () => api.post<Minutes>('/api/minutes', { inspectionId }));
export const useFinalizeMinutes = (inspectionId: string) => useMinutesMutation(inspectionId, (m: Minutes) => api.post<Minutes>(`/api/minutes/${m.id}/finalize`, { version: m.version }));
/** PATCH /api/minutes/{id}: the draft's content, with the version read (409 when stale). */
export const useSaveMinutes = (inspectionId: string) =>
  useMinutesMutation(inspectionId, ({ id, ...body }: { id: string; version: number; content: Partial<MinutesContent> }) => api.patch<Minutes>(`/api/minutes/${id}`, body));
