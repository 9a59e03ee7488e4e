import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { createTemplateBody, TemplateDetail, templateSummarySchema, updateTemplateBody } from '../../../../shared/api/checklists.schemas.js';
import { api } from '../../lib/api-client.js';

export type TemplateSummaryRow = z.infer<typeof templateSummarySchema>;
export type CreateTemplateInput = z.input<typeof createTemplateBody>;
export type UpdateTemplateInput = z.input<typeof updateTemplateBody>;

/** Every checklist-template query starts with this key: a publish refreshes the teams' pickers too. */
export const templateKeys = {
  all: ['checklist-templates'] as const,
  list: ['checklist-templates', 'all'] as const,
  detail: (id: string) => ['checklist-templates', 'detail', id] as const,
};

export const useTemplateList = () =>
  useQuery({ queryKey: templateKeys.list, queryFn: ({ signal }) => api.get<{ items: TemplateSummaryRow[] }>('/api/checklist-templates', undefined, signal) });

export const useTemplateDetail = (id: string) =>
  useQuery({ queryKey: templateKeys.detail(id), queryFn: ({ signal }) => api.get<TemplateDetail>(`/api/checklist-templates/${id}`, undefined, signal), enabled: !!id });

/** A mutation that answers the template: cached as its detail, the lists refreshed. */
function useTemplateMutation<V>(send: (v: V) => Promise<TemplateDetail>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (saved) => {
      qc.setQueryData(templateKeys.detail(saved.id), saved);
      void qc.invalidateQueries({ queryKey: templateKeys.all, predicate: (q) => q.queryKey[1] !== 'detail' });
    },
  });
}

export const useCreateTemplate = () => useTemplateMutation((body: CreateTemplateInput) => api.post<TemplateDetail>('/api/checklist-templates', body));
export const useUpdateTemplate = (id: string) => useTemplateMutation((body: UpdateTemplateInput) => api.put<TemplateDetail>(`/api/checklist-templates/${id}`, body));
export const usePublishTemplate = (id: string) => useTemplateMutation((version: number) => api.post<TemplateDetail>(`/api/checklist-templates/${id}/publish`, { version }));
export const useNewTemplateVersion = (id: string) => useTemplateMutation((version: number) => api.post<TemplateDetail>(`/api/checklist-templates/${id}/versions`, { version }));
