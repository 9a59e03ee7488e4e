import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Finding, GoodPractice } from '../../../../shared/api/findings.schemas.js';
import type { FindingKind, FindingSeverity } from '../../../../shared/domain/checklists.js';
import { api } from '../../lib/api-client.js';

export interface FindingInput {
  kind: FindingKind;
  contentGroup: string;
  severity: FindingSeverity | null;
  title: string;
  text: string;
  recommendation: string | null;
  evidenceIds: string[];
}

export const findingKeys = {
  inspection: (id: string) => ['findings', id] as const,
  goodPractices: (f: GoodPracticeFilters) => ['good-practices', f] as const,
};

export const useFindings = (inspectionId: string) =>
  useQuery({ queryKey: findingKeys.inspection(inspectionId), queryFn: ({ signal }) => api.get<{ items: Finding[] }>(`/api/inspections/${inspectionId}/findings`, undefined, signal) });

function useFindingMutation<V>(inspectionId: string, fn: (v: V) => Promise<Finding>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: findingKeys.inspection(inspectionId) });
      void qc.invalidateQueries({ queryKey: ['good-practices'] });
    },
  });
}

export const useRecordFinding = (inspectionId: string) =>
  useFindingMutation(inspectionId, (body: FindingInput & { checklistItemId: string | null }) => api.post<Finding>(`/api/inspections/${inspectionId}/findings`, body));

export const useUpdateFinding = (inspectionId: string) =>
  useFindingMutation(inspectionId, ({ id, ...body }: FindingInput & { id: string; version: number }) => api.patch<Finding>(`/api/findings/${id}`, body));

export const useWithdrawFinding = (inspectionId: string) =>
  useFindingMutation(inspectionId, (f: Finding) => api.post<Finding>(`/api/findings/${f.id}/withdraw`, { version: f.version }));

export interface GoodPracticeFilters {
  q: string;
  year: number | null;
  contentGroup: string | null;
  page: number;
}

export const useGoodPractices = (f: GoodPracticeFilters) =>
  useQuery({
    queryKey: findingKeys.goodPractices(f),
    queryFn: ({ signal }) =>
      api.get<{ items: GoodPractice[]; total: number }>('/api/good-practices', { q: f.q.trim() || undefined, year: f.year, contentGroup: f.contentGroup, page: f.page, pageSize: 20 }, signal),
    placeholderData: keepPreviousData,
  });
