import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FailedJobsResponse, JobOverview } from '../../../../shared/api/job-admin.schemas.js';
import { api } from '../../lib/api-client.js';

export const jobKeys = {
  all: ['admin-jobs'] as const,
  overview: ['admin-jobs', 'overview'] as const,
  failed: (page: number) => ['admin-jobs', 'failed', page] as const,
};

/** GET /api/admin/jobs: the queues counted by state, the daily run time, whether e-mail is on. */
export function useJobOverview() {
  return useQuery({
    queryKey: jobKeys.overview,
    queryFn: ({ signal }) => api.get<JobOverview>('/api/admin/jobs', undefined, signal),
    refetchInterval: 30_000,
  });
}

export function useFailedJobs(page: number) {
  return useQuery({
    queryKey: jobKeys.failed(page),
    queryFn: ({ signal }) => api.get<FailedJobsResponse>('/api/admin/jobs/failed', { page, pageSize: 20 }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useRetryJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (job: { queue: string; id: string }) => api.post<{ state: string }>(`/api/admin/jobs/${encodeURIComponent(job.queue)}/${job.id}/retry`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: jobKeys.all }),
  });
}

export function useSetDailyRunTime() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { time: string; version: number | null }) => api.put<{ time: string; version: number | null }>('/api/admin/jobs/daily-run-time', body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: jobKeys.overview }),
  });
}
