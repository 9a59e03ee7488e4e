import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ActionInput, Conclusion, ConclusionContent } from '../../../../shared/api/conclusions.schemas.js';
import type { ActionBoard, CorrectiveAction, CorrectiveActionDetail } from '../../../../shared/api/corrective-actions.schemas.js';
import type { Escalation, EscalationContent } from '../../../../shared/api/escalations.schemas.js';
import type { SessionResponse } from '../../../../shared/api/session.schemas.js';
import type { Capability } from '../../../../shared/domain/capabilities.js';
import type { EscalationForm, ReinspectionActionMove, ReviewActionMove, UnitActionMove } from '../../../../shared/domain/follow-up.js';
import { sessionKey } from '../../auth/session.js';
import { api, type QueryValue } from '../../lib/api-client.js';

/**
 * The follow-up of an inspection (issue 10 §5–7) as the web app reads it: conclusion notices,
 * corrective actions and their board, escalations to the public-service inspection.
 */
export const followupKeys = {
  conclusions: (inspectionId: string) => ['conclusions', 'inspection', inspectionId] as const,
  conclusion: (id: string) => ['conclusions', id] as const,
  actions: (query: Record<string, QueryValue>) => ['corrective-actions', 'list', query] as const,
  action: (id: string) => ['corrective-actions', id] as const,
  board: (query: Record<string, QueryValue>) => ['corrective-actions', 'board', query] as const,
  escalations: (inspectionId: string) => ['escalations', 'inspection', inspectionId] as const,
  escalation: (id: string) => ['escalations', id] as const,
};

/**
 * Whether the signed-in user holds a capability, read from the session the app loaded at start;
 * false where no session was loaded (a panel rendered alone). Only to offer a button: the server
 * decides.
 */
export function useHasCapability(capability: Capability): boolean {
  const qc = useQueryClient();
  return !!qc.getQueryData<SessionResponse | null>(sessionKey)?.capabilities.includes(capability);
}

function useInvalidating<V, R>(fn: (v: V) => Promise<R>, prefixes: string[]) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => Promise.all(prefixes.map((p) => qc.invalidateQueries({ queryKey: [p] }))) });
}

// --- Conclusions ------------------------------------------------------------------------------

export const useInspectionConclusions = (inspectionId: string) =>
  useQuery({ queryKey: followupKeys.conclusions(inspectionId), queryFn: ({ signal }) => api.get<{ items: Conclusion[] }>('/api/conclusions', { inspectionId }, signal) });

export const useConclusion = (id: string) =>
  useQuery({ queryKey: followupKeys.conclusion(id), queryFn: ({ signal }) => api.get<Conclusion>(`/api/conclusions/${encodeURIComponent(id)}`, undefined, signal) });

export const useDraftConclusion = () =>
  useInvalidating((body: { inspectionId: string; issuingAgencyId?: string }) => api.post<Conclusion>('/api/conclusions', body), ['conclusions']);

export const useSaveConclusion = (id: string) =>
  useInvalidating(
    (body: { version: number; content?: Partial<Omit<ConclusionContent, 'signature'>>; actions?: ActionInput[] }) => api.patch<Conclusion>(`/api/conclusions/${encodeURIComponent(id)}`, body),
    ['conclusions'],
  );

export const useIssueConclusion = (id: string) =>
  useInvalidating(
    (body: { version: number; issuedOn: string; signature?: ConclusionContent['signature'] }) => api.post<Conclusion>(`/api/conclusions/${encodeURIComponent(id)}/issue`, body),
    ['conclusions', 'corrective-actions'],
  );

export const useReinspect = (id: string) =>
  useInvalidating(
    (body: { teamId: string; startsOn: string; actionIds?: string[] }) => api.post<{ inspectionId: string; actionIds: string[] }>(`/api/conclusions/${encodeURIComponent(id)}/reinspection`, body),
    ['conclusions', 'corrective-actions', 'inspections'],
  );

/** The caller's authority's standing office (Văn phòng), which may issue a notice under authorisation. */
export const useStandingBody = (enabled: boolean) =>
  useQuery({
    queryKey: ['settings', 'standing-body'],
    queryFn: ({ signal }) => api.get<{ agencyId: string | null; agencyName: string | null }>('/api/settings/standing-body', undefined, signal),
    enabled,
    retry: false,
  });

// --- Corrective actions -----------------------------------------------------------------------

export const useActions = (query: Record<string, QueryValue>) =>
  useQuery({ queryKey: followupKeys.actions(query), queryFn: ({ signal }) => api.get<{ items: CorrectiveAction[]; total: number }>('/api/corrective-actions', query, signal) });

export const useActionBoard = (query: Record<string, QueryValue>) =>
  useQuery({ queryKey: followupKeys.board(query), queryFn: ({ signal }) => api.get<ActionBoard>('/api/corrective-actions/board', query, signal) });

export const useAction = (id: string) =>
  useQuery({ queryKey: followupKeys.action(id), queryFn: ({ signal }) => api.get<CorrectiveActionDetail>(`/api/corrective-actions/${encodeURIComponent(id)}`, undefined, signal) });

export type ActionStep =
  | { kind: 'update'; move: UnitActionMove; note: string }
  | { kind: 'review'; move: ReviewActionMove; note?: string }
  | { kind: 'reinspection'; move: ReinspectionActionMove; note?: string };

const stepPath: Record<ActionStep['kind'], string> = { update: 'updates', review: 'review', reinspection: 'reinspection-result' };

/** One move on an action: the unit's plan/progress/report, the office's accept/return, a re-inspection's result. */
export const useActionStep = (action: { id: string; version: number }) =>
  useInvalidating((step: ActionStep) => {
    const body =
      step.kind === 'update'
        ? { version: action.version, move: step.move, note: step.note }
        : step.kind === 'review'
          ? { version: action.version, decision: step.move, ...(step.note ? { note: step.note } : {}) }
          : { version: action.version, result: step.move, ...(step.note ? { note: step.note } : {}) };
    return api.post<CorrectiveActionDetail>(`/api/corrective-actions/${encodeURIComponent(action.id)}/${stepPath[step.kind]}`, body);
  }, ['corrective-actions', 'conclusions']);

// --- Escalations ------------------------------------------------------------------------------

export const useInspectionEscalations = (inspectionId: string) =>
  useQuery({ queryKey: followupKeys.escalations(inspectionId), queryFn: ({ signal }) => api.get<{ items: Escalation[] }>('/api/escalations', { inspectionId }, signal) });

export const useEscalation = (id: string) =>
  useQuery({ queryKey: followupKeys.escalation(id), queryFn: ({ signal }) => api.get<Escalation>(`/api/escalations/${encodeURIComponent(id)}`, undefined, signal) });

export const useDraftEscalation = () => useInvalidating((body: { inspectionId: string; form: EscalationForm; findingIds?: string[] }) => api.post<Escalation>('/api/escalations', body), ['escalations']);

export type EscalationStep =
  | { kind: 'edit'; form?: EscalationForm; content: Partial<Omit<EscalationContent, 'signature'>> }
  | { kind: 'issue'; issuedOn: string; signature?: EscalationContent['signature'] }
  | { kind: 'decision'; decision: 'accept' | 'decline'; decidedOn: string; note?: string }
  | { kind: 'result'; resultOn: string; result: string };

/** One move on an escalation: edit the draft, issue it, record the answer, record the result. */
export const useEscalationStep = (e: { id: string; version: number }) =>
  useInvalidating((step: EscalationStep) => {
    const base = `/api/escalations/${encodeURIComponent(e.id)}`;
    const { kind, ...rest } = step;
    if (kind === 'edit') return api.patch<Escalation>(base, { version: e.version, ...rest });
    return api.post<Escalation>(`${base}/${kind}`, { version: e.version, ...rest });
  }, ['escalations']);
