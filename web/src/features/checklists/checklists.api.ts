import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ChecklistItem, Evidence, InspectionChecklists } from '../../../../shared/api/checklists.schemas.js';
import { isAnswered, type ChecklistTemplateKind } from '../../../../shared/domain/checklists.js';
import { api } from '../../lib/api-client.js';

export interface TemplateSummary {
  id: string;
  ownerAgencyId: string;
  code: string;
  name: string;
  kind: ChecklistTemplateKind;
  revision: number;
  status: 'draft' | 'published';
  itemCount: number;
  /** The latest published revision of its code: the only one a new checklist is made from. */
  current: boolean;
}

export interface Revision {
  id: string;
  itemVersion: number | null;
  baseVersion: number;
  conflictWithVersion: number | null;
  rating: string | null;
  numberValue: number | null;
  textValue: string | null;
  note: string | null;
  editedAt: string;
  editedByName: string;
  receivedAt: string;
}

export const checklistKeys = {
  inspection: (inspectionId: string) => ['checklists', inspectionId] as const,
  templates: ['checklist-templates', 'published'] as const,
  history: (itemId: string) => ['checklists', 'history', itemId] as const,
};

/**
 * An inspection's checklists with answers and evidence. Kept in the cache for a day: the fill
 * page works from what was last loaded while the network is away.
 */
export const useChecklists = (inspectionId: string) =>
  useQuery({
    queryKey: checklistKeys.inspection(inspectionId),
    queryFn: ({ signal }) => api.get<InspectionChecklists>(`/api/inspections/${inspectionId}/checklists`, undefined, signal),
    gcTime: 24 * 3600_000,
    networkMode: 'offlineFirst',
  });

export const usePublishedTemplates = (enabled: boolean) =>
  useQuery({
    queryKey: checklistKeys.templates,
    queryFn: ({ signal }) => api.get<{ items: TemplateSummary[] }>('/api/checklist-templates', { status: 'published' }, signal),
    enabled,
  });

export function useAddChecklist(inspectionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (templateId: string) => api.post<InspectionChecklists>(`/api/inspections/${inspectionId}/checklists`, { templateId }),
    onSuccess: (data) => qc.setQueryData(checklistKeys.inspection(inspectionId), data),
  });
}

export const useItemHistory = (itemId: string | null) =>
  useQuery({
    queryKey: checklistKeys.history(itemId ?? ''),
    queryFn: ({ signal }) => api.get<{ items: Revision[] }>(`/api/checklist-items/${itemId}/history`, undefined, signal),
    enabled: !!itemId,
    staleTime: 0,
  });

/** Replaces one item in the cached checklists (an acknowledged save, new evidence). */
export function patchItem(qc: QueryClient, inspectionId: string, itemId: string, patch: (item: ChecklistItem) => ChecklistItem) {
  qc.setQueryData<InspectionChecklists>(checklistKeys.inspection(inspectionId), (data) =>
    data && {
      ...data,
      items: data.items.map((c) => {
        if (!c.items.some((i) => i.id === itemId)) return c;
        const items = c.items.map((i) => (i.id === itemId ? patch(i) : i));
        return { ...c, items, answered: items.filter(isAnswered).length };
      }),
    },
  );
}

export const withEvidence = (item: ChecklistItem, e: Evidence): ChecklistItem => (item.evidence.some((x) => x.id === e.id) ? item : { ...item, evidence: [...item.evidence, e] });

export function useRemoveEvidence(inspectionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (e: Evidence) => api.delete(`/api/checklist-evidence/${e.id}`),
    onSuccess: (_, e) => patchItem(qc, inspectionId, e.itemId, (i) => ({ ...i, evidence: i.evidence.filter((x) => x.id !== e.id) })),
  });
}
