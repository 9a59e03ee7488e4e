import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AssignedTask, AssignedTaskDetail, TaskImport } from '../../../../shared/api/assigned-tasks.schemas.js';
import type { AssignedTaskStatus, Timeliness } from '../../../../shared/domain/assigned-task-status.js';
import { api, request, withQuery } from '../../lib/api-client.js';

export interface TaskFilters {
  q?: string;
  status?: AssignedTaskStatus | null;
  timeliness?: Timeliness | null;
  agencyId?: string | null;
  year?: number | null;
  page: number;
}

export const taskKeys = {
  all: ['assigned-tasks'] as const,
  list: (f: TaskFilters) => ['assigned-tasks', 'list', f] as const,
  detail: (id: string) => ['assigned-tasks', 'detail', id] as const,
  import: (id: string) => ['assigned-tasks', 'import', id] as const,
};

const query = (f: Omit<TaskFilters, 'page'>) => ({ q: f.q?.trim() || undefined, status: f.status, timeliness: f.timeliness, agencyId: f.agencyId, year: f.year });

export const useTasks = (f: TaskFilters) =>
  useQuery({
    queryKey: taskKeys.list(f),
    queryFn: ({ signal }) => api.get<{ items: AssignedTask[]; total: number; counts: { open: number; overdue: number; completed: number } }>('/api/assigned-tasks', { ...query(f), page: f.page, pageSize: 50 }, signal),
    placeholderData: keepPreviousData,
  });

/** The export's address with the list's filters. */
export const exportUrl = (f: Omit<TaskFilters, 'page'>) => withQuery('/api/assigned-tasks/export.xlsx', query(f));

export const useTask = (id: string) => useQuery({ queryKey: taskKeys.detail(id), queryFn: ({ signal }) => api.get<AssignedTaskDetail>(`/api/assigned-tasks/${id}`, undefined, signal) });

/** Invalidates the register after a change, and puts the answer in the record's cache. */
function useTaskMutation<V>(fn: (v: V) => Promise<AssignedTaskDetail>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (task) => {
      qc.setQueryData(taskKeys.detail(task.id), task);
      void qc.invalidateQueries({ queryKey: ['assigned-tasks', 'list'] });
    },
  });
}

export const useCreateTask = () => useTaskMutation((body: Record<string, unknown>) => api.post<AssignedTaskDetail>('/api/assigned-tasks', body));
export const useUpdateTask = (id: string) => useTaskMutation((body: Record<string, unknown>) => api.patch<AssignedTaskDetail>(`/api/assigned-tasks/${id}`, body));
export const useReportProgress = (id: string) => useTaskMutation((body: Record<string, unknown>) => api.post<AssignedTaskDetail>(`/api/assigned-tasks/${id}/progress`, body));

/** Uploads a workbook; the import runs as a job, followed with useTaskImport. */
export function startTaskImport(file: File, q: { assigningAgencyId: string; dryRun: boolean }) {
  const body = new FormData();
  body.append('file', file);
  return request<TaskImport>('POST', '/api/assigned-tasks/imports', { body, query: { ...q, dryRun: String(q.dryRun) } });
}

/** Follows an import until it is finished (every second while it waits or runs). */
export const useTaskImport = (id: string | null) =>
  useQuery({
    queryKey: taskKeys.import(id ?? ''),
    queryFn: ({ signal }) => api.get<TaskImport>(`/api/assigned-task-imports/${id}`, undefined, signal),
    enabled: !!id,
    refetchInterval: (q) => (q.state.data && ['queued', 'running'].includes(q.state.data.status) ? 1000 : false),
  });
