import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  FrameworkDetail,
  FrameworkImport,
  FrameworkSummary,
  HistoryEntry,
  PointsKind,
  ResultRow,
  RiskRankingDto,
  SaveSheetBody,
  ScoreImport,
  Sheet,
} from '../../../../shared/api/indices.schemas.js';
import type { RiskWeights } from '../../../../shared/domain/risk-ranking.js';
import { api, request } from '../../lib/api-client.js';

export const indexKeys = {
  all: ['indices'] as const,
  frameworks: ['indices', 'frameworks'] as const,
  framework: (id: string) => ['indices', 'framework', id] as const,
  results: (id: string, year: number) => ['indices', 'results', id, year] as const,
  sheet: (id: string, unitId: string, year: number) => ['indices', 'sheet', id, unitId, year] as const,
  history: (unitId: string) => ['indices', 'history', unitId] as const,
  ranking: (parentUnitId: string, year: number) => ['indices', 'ranking', parentUnitId, year] as const,
  weights: (unitId: string) => ['indices', 'weights', unitId] as const,
  import: (id: string) => ['indices', 'import', id] as const,
  criteriaImport: (id: string) => ['indices', 'criteria-import', id] as const,
};

export const useFrameworks = () =>
  useQuery({ queryKey: indexKeys.frameworks, queryFn: ({ signal }) => api.get<{ items: FrameworkSummary[] }>('/api/index-frameworks', undefined, signal) });

export const useFramework = (id: string) =>
  useQuery({ queryKey: indexKeys.framework(id), queryFn: ({ signal }) => api.get<FrameworkDetail>(`/api/index-frameworks/${id}`, undefined, signal) });

/** A framework's results for a year, in a unit's subtree when given (the dashboard's links). */
export const useResults = (id: string, year: number, unitId: string | null = null) =>
  useQuery({
    queryKey: [...indexKeys.results(id, year), unitId],
    queryFn: ({ signal }) => api.get<{ average: number | null; averageOf: number; items: ResultRow[] }>(`/api/index-frameworks/${id}/results`, { year, unitId }, signal),
  });

export const useSheet = (id: string, unitId: string, year: number) =>
  useQuery({ queryKey: indexKeys.sheet(id, unitId, year), queryFn: ({ signal }) => api.get<Sheet>(`/api/index-frameworks/${id}/sheets/${unitId}/${year}`, undefined, signal) });

export function useSaveSheet(id: string, unitId: string, year: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveSheetBody) => api.put<Sheet>(`/api/index-frameworks/${id}/sheets/${unitId}/${year}`, body),
    onSuccess: (sheet) => {
      qc.setQueryData(indexKeys.sheet(id, unitId, year), sheet);
      void qc.invalidateQueries({ queryKey: indexKeys.results(id, year) });
      void qc.invalidateQueries({ queryKey: indexKeys.history(unitId) });
    },
  });
}

export const useUnitHistory = (unitId: string) =>
  useQuery({ queryKey: indexKeys.history(unitId), queryFn: ({ signal }) => api.get<{ unitName: string; items: HistoryEntry[] }>(`/api/units/${unitId}/index-history`, undefined, signal) });

export const useRiskRanking = (parentUnitId: string | null, year: number) =>
  useQuery({
    queryKey: indexKeys.ranking(parentUnitId ?? '', year),
    queryFn: ({ signal }) => api.get<RiskRankingDto>('/api/risk-ranking', { parentUnitId, year }, signal),
    enabled: !!parentUnitId,
  });

export interface WeightsDto {
  unitId: string;
  weights: RiskWeights;
  version: number | null;
  abilities: { update: boolean };
}
export const useRiskWeights = (unitId: string | null) =>
  useQuery({ queryKey: indexKeys.weights(unitId ?? ''), queryFn: ({ signal }) => api.get<WeightsDto>(`/api/risk-weights/${unitId}`, undefined, signal), enabled: !!unitId });

export function useSaveWeights(unitId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number | null; weights: RiskWeights }) => api.put<WeightsDto>(`/api/risk-weights/${unitId}`, body),
    onSuccess: (saved) => {
      qc.setQueryData(indexKeys.weights(unitId), saved);
      void qc.invalidateQueries({ queryKey: ['indices', 'ranking', unitId] });
    },
  });
}

/** Uploads a workbook; the import runs as a job, followed with useScoreImport. */
export function startScoreImport(frameworkId: string, file: File, query: { year: number; points: PointsKind; dryRun: boolean }) {
  const body = new FormData();
  body.append('file', file);
  return request<ScoreImport>('POST', `/api/index-frameworks/${frameworkId}/score-imports`, { body, query: { ...query, dryRun: String(query.dryRun) } });
}

/** Follows an import until it is finished (polling every second while it waits or runs). */
export const useScoreImport = (id: string | null) =>
  useQuery({
    queryKey: indexKeys.import(id ?? ''),
    queryFn: ({ signal }) => api.get<ScoreImport>(`/api/index-score-imports/${id}`, undefined, signal),
    enabled: !!id,
    refetchInterval: (q) => (q.state.data && ['queued', 'running'].includes(q.state.data.status) ? 1000 : false),
  });

/** Uploads a criteria workbook for a draft; the import runs as a job, followed with useCriteriaImport. */
export function startCriteriaImport(frameworkId: string, file: File, dryRun: boolean) {
  const body = new FormData();
  body.append('file', file);
  return request<FrameworkImport>('POST', `/api/index-frameworks/${frameworkId}/criteria-imports`, { body, query: { dryRun: String(dryRun) } });
}

/** Follows a criteria import until it is finished (polling every second while it waits or runs). */
export const useCriteriaImport = (id: string | null) =>
  useQuery({
    queryKey: indexKeys.criteriaImport(id ?? ''),
    queryFn: ({ signal }) => api.get<FrameworkImport>(`/api/index-framework-imports/${id}`, undefined, signal),
    enabled: !!id,
    refetchInterval: (q) => (q.state.data && ['queued', 'running'].includes(q.state.data.status) ? 1000 : false),
  });
