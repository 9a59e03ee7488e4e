import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ResultsReportContent, ResultsReportDto } from '../../../../shared/api/results-reports.schemas.js';
import { api } from '../../lib/api-client.js';

export type ReportSummary = Omit<ResultsReportDto, 'content' | 'figures'>;

/** The reports of a year, or (null) of every year in reach, latest first. */
export function useResultsReports(year: number | null, enabled = true) {
  return useQuery({
    queryKey: ['results-reports', year],
    queryFn: ({ signal }) => api.get<{ items: ReportSummary[] }>('/api/results-reports', { year }, signal),
    enabled,
  });
}

export function useResultsReport(id: string | undefined) {
  return useQuery({
    queryKey: ['results-reports', 'one', id],
    queryFn: ({ signal }) => api.get<ResultsReportDto>(`/api/results-reports/${id}`, undefined, signal),
    enabled: !!id,
  });
}

export function useCreateReport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (year: number) => api.post<ResultsReportDto>('/api/results-reports', { year }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['results-reports'] }),
  });
}

export function useSaveReport(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; content: Partial<ResultsReportContent> }) => api.patch<ResultsReportDto>(`/api/results-reports/${id}`, body),
    onSuccess: (r) => qc.setQueryData(['results-reports', 'one', id], r),
  });
}

/** The office discards its draft (the version it saw; an issued report stays: 409). */
export function useDeleteReport(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => api.delete<void>(`/api/results-reports/${id}?version=${version}`),
    onSuccess: () => {
      qc.removeQueries({ queryKey: ['results-reports', 'one', id] });
      return qc.invalidateQueries({ queryKey: ['results-reports'] });
    },
  });
}

export function useIssueReport(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; issuedOn: string; signature: ResultsReportContent['signature'] }) => api.post<ResultsReportDto>(`/api/results-reports/${id}/issue`, body),
    onSuccess: (r) => {
      qc.setQueryData(['results-reports', 'one', id], r);
      return qc.invalidateQueries({ queryKey: ['results-reports'] });
    },
  });
}
