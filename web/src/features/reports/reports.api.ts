import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReportCompilation, ReportRequest, ReportTemplate, Submission, SubmissionContent, SubmissionSummary } from '../../../../shared/api/reports.schemas.js';
import { api, request } from '../../lib/api-client.js';

export const reportKeys = {
  all: ['reports'] as const,
  templates: (f: TemplateFilters) => ['reports', 'templates', f] as const,
  template: (id: string) => ['reports', 'template', id] as const,
  requests: (f: RequestFilters) => ['reports', 'requests', f] as const,
  request: (id: string) => ['reports', 'request', id] as const,
  submissions: (f: SubmissionFilters) => ['reports', 'submissions', f] as const,
  submission: (id: string) => ['reports', 'submission', id] as const,
};

export interface TemplateFilters {
  kind?: ReportTemplate['kind'];
  status?: ReportTemplate['status'];
}
export interface RequestFilters {
  kind?: ReportRequest['kind'];
  status?: ReportRequest['status'];
  year?: number;
}
export interface SubmissionFilters {
  requestId?: string;
  mine?: boolean;
  status?: SubmissionSummary['displayStatus'];
  /** A page of the server's (1-based; pageSize 200 unless given). */
  page?: number;
  pageSize?: number;
}

export const useTemplates = (f: TemplateFilters = {}) =>
  useQuery({ queryKey: reportKeys.templates(f), queryFn: ({ signal }) => api.get<{ items: ReportTemplate[] }>('/api/report-templates', { ...f }, signal) });
export const useTemplate = (id: string) =>
  useQuery({ queryKey: reportKeys.template(id), queryFn: ({ signal }) => api.get<ReportTemplate>(`/api/report-templates/${id}`, undefined, signal), enabled: id !== '' });
export const useRequests = (f: RequestFilters = {}) =>
  useQuery({ queryKey: reportKeys.requests(f), queryFn: ({ signal }) => api.get<{ items: ReportRequest[] }>('/api/report-requests', { ...f }, signal) });
export const useRequest = (id: string) =>
  useQuery({ queryKey: reportKeys.request(id), queryFn: ({ signal }) => api.get<ReportRequest>(`/api/report-requests/${id}`, undefined, signal) });
export const useSubmissions = (f: SubmissionFilters, enabled = true) =>
  useQuery({
    queryKey: reportKeys.submissions(f),
    queryFn: ({ signal }) =>
      api.get<{ items: SubmissionSummary[]; total: number }>('/api/report-submissions', { requestId: f.requestId, mine: f.mine ? 'true' : undefined, status: f.status, page: f.page, pageSize: f.pageSize ?? 200 }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
export const useSubmission = (id: string) =>
  useQuery({ queryKey: reportKeys.submission(id), queryFn: ({ signal }) => api.get<Submission>(`/api/report-submissions/${id}`, undefined, signal) });

/** A change that answers with the record: the record's cache updated, the lists refetched. */
function useRecordMutation<V, R extends { id: string }>(fn: (v: V) => Promise<R>, key: (id: string) => readonly unknown[]) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (saved) => {
      qc.setQueryData(key(saved.id), saved);
      void qc.invalidateQueries({ queryKey: reportKeys.all });
    },
  });
}

export const useCreateTemplate = () => useRecordMutation((body: Record<string, unknown>) => api.post<ReportTemplate>('/api/report-templates', body), reportKeys.template);
export const useUpdateTemplate = (id: string) => useRecordMutation((body: Record<string, unknown>) => api.patch<ReportTemplate>(`/api/report-templates/${id}`, body), reportKeys.template);
export const usePublishTemplate = (id: string) => useRecordMutation((version: number) => api.post<ReportTemplate>(`/api/report-templates/${id}/publish`, { version }), reportKeys.template);
export const useCopyTemplate = (id: string) => useRecordMutation((body: { year?: number | null; name?: string; code?: string }) => api.post<ReportTemplate>(`/api/report-templates/${id}/copies`, body), reportKeys.template);

export const useCreateRequest = () => useRecordMutation((body: Record<string, unknown>) => api.post<ReportRequest>('/api/report-requests', body), reportKeys.request);
export const useUpdateRequest = (id: string) => useRecordMutation((body: Record<string, unknown>) => api.patch<ReportRequest>(`/api/report-requests/${id}`, body), reportKeys.request);
export const useIssueRequest = (id: string) => useRecordMutation((body: Record<string, unknown>) => api.post<ReportRequest>(`/api/report-requests/${id}/issue`, body), reportKeys.request);

export const saveDraft = (id: string, version: number, content: SubmissionContent) => api.put<Submission>(`/api/report-submissions/${id}/draft`, { version, content });
export const submitReport = (id: string, version: number, content: SubmissionContent) => api.post<Submission>(`/api/report-submissions/${id}/submit`, { version, content });
export const useReviewSubmission = (id: string) =>
  useRecordMutation(
    (v: { move: 'accept' | 'return'; version: number; reason?: string }) =>
      api.post<Submission>(`/api/report-submissions/${id}/${v.move}`, v.move === 'return' ? { version: v.version, reason: v.reason } : { version: v.version }),
    reportKeys.submission,
  );

/** The ad hoc request's công văn (Mẫu 1.5): `${base}.docx`, PDF through the conversion queue. */
export const requestLetterBase = (id: string) => `/api/documents/report-request/${id}`;
/** One unit's report as a Decree 30 report (Mẫu 1.4, BC): .docx and PDF through the document pipeline. */
export const submissionReportBase = (id: string) => `/api/documents/report-submission/${id}`;

/** The .xlsx form of a report's template version, with its tables as they stand. */
export const submissionFormUrl = (id: string) => `/api/report-submissions/${id}/form.xlsx`;

/** Fills the draft's tables from its filled .xlsx form (answers kept); 400 lists each bad cell. */
export function uploadSubmissionForm(id: string, version: number, file: File) {
  const body = new FormData();
  body.append('file', file);
  return request<Submission>('POST', `/api/report-submissions/${id}/form`, { body, query: { version: String(version) } });
}

/** Starts compiling a request's accepted reports (a job). */
export const startCompilation = (requestId: string) => api.post<ReportCompilation>(`/api/report-requests/${requestId}/compilations`);

/** Follows a compilation until it is finished (every second while it waits or runs). */
export const useCompilation = (id: string | null) =>
  useQuery({
    queryKey: ['report-compilation', id ?? ''],
    queryFn: ({ signal }) => api.get<ReportCompilation>(`/api/report-compilations/${id}`, undefined, signal),
    enabled: !!id,
    refetchInterval: (q) => (q.state.data && ['queued', 'running'].includes(q.state.data.status) ? 1000 : false),
  });

/** A sent request: extend its due day (later only, with a reason) or withdraw it (with a reason). */
export const useExtendRequest = (id: string) => useRecordMutation((body: { version: number; dueOn: string; reason: string }) => api.post<ReportRequest>(`/api/report-requests/${id}/extend`, body), reportKeys.request);
export const useWithdrawRequest = (id: string) => useRecordMutation((body: { version: number; reason: string }) => api.post<ReportRequest>(`/api/report-requests/${id}/withdraw`, body), reportKeys.request);
