import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Difficulty, DifficultyDetail, ReformArea } from '../../../../shared/api/difficulties.schemas.js';
import type { DifficultyStatus } from '../../../../shared/domain/difficulty-status.js';
import { api, withQuery } from '../../lib/api-client.js';

export const difficultyStates = ['open', 'answered'] as const;
export type DifficultyState = (typeof difficultyStates)[number];
export const stateParam = (v: string | null): DifficultyState | null => (difficultyStates as readonly string[]).includes(v ?? '') ? (v as DifficultyState) : null;

export interface DifficultyFilters {
  q?: string;
  status?: DifficultyStatus | null;
  /** open: raised or forwarded; answered: answered or closed (the dashboard's two counts). */
  state?: DifficultyState | null;
  reformAreaId?: string | null;
  year?: number | null;
  /** The dashboard's unit subtree. */
  unitId?: string | null;
  page: number;
}

const query = (f: Omit<DifficultyFilters, 'page'>) => ({ q: f.q?.trim() || undefined, status: f.status, state: f.state, reformAreaId: f.reformAreaId, year: f.year, unitId: f.unitId });

export const useReformAreas = () => useQuery({ queryKey: ['reform-areas'], queryFn: ({ signal }) => api.get<{ items: ReformArea[] }>('/api/reform-areas', undefined, signal), select: (d) => d.items });

export const useDifficulties = (f: DifficultyFilters) =>
  useQuery({
    queryKey: ['difficulties', 'list', f],
    queryFn: ({ signal }) => api.get<{ items: Difficulty[]; total: number; counts: { open: number; answered: number; averageResponseWorkingDays: number | null } }>('/api/difficulties', { ...query(f), page: f.page, pageSize: 50 }, signal),
    placeholderData: keepPreviousData,
  });

export const exportUrl = (f: Omit<DifficultyFilters, 'page'>) => withQuery('/api/difficulties/export.xlsx', query(f));

export const useDifficulty = (id: string) => useQuery({ queryKey: ['difficulties', 'detail', id], queryFn: ({ signal }) => api.get<DifficultyDetail>(`/api/difficulties/${id}`, undefined, signal) });

function useDifficultyMutation<V>(fn: (v: V) => Promise<DifficultyDetail>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (d) => {
      qc.setQueryData(['difficulties', 'detail', d.id], d);
      void qc.invalidateQueries({ queryKey: ['difficulties', 'list'] });
    },
  });
}
export const useRaiseDifficulty = () => useDifficultyMutation((body: Record<string, unknown>) => api.post<DifficultyDetail>('/api/difficulties', body));
export const useMoveDifficulty = (id: string) => useDifficultyMutation(({ move, ...body }: { move: 'forward' | 'answer' | 'close' } & Record<string, unknown>) => api.post<DifficultyDetail>(`/api/difficulties/${id}/${move}`, body));
