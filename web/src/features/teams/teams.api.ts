import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client.js';
import type { PlanSignature, Team, TeamMemberRole } from '../plans/plans.types.js';

export const teamKeys = {
  ofPlan: (planId: string) => ['teams', 'plan', planId] as const,
};

const teamPath = (id: string) => `/api/teams/${encodeURIComponent(id)}`;

/** The founding decision without its extension: add ".docx" or ".pdf". */
export const teamDecisionBase = (id: string) => `/api/documents/team-decision/${id}`;

export interface TeamMemberInput {
  honorific?: 'Ông' | 'Bà' | null;
  fullName: string;
  position: string;
  agencyId: string;
  role: TeamMemberRole;
  userId?: string | null;
}

/** Teams of every version of the plan. */
export function usePlanTeams(planId: string) {
  return useQuery({
    queryKey: teamKeys.ofPlan(planId),
    queryFn: ({ signal }) => api.get<{ items: Team[] }>(`/api/plans/${encodeURIComponent(planId)}/teams`, undefined, signal),
    select: (data) => data.items,
    // Not before a plan is chosen: `/api/plans//teams` is a 400.
    enabled: planId !== '',
  });
}

/** Replaces one team in the plan's list with the server's answer (which carries the warnings). */
function useStoreTeam(planId: string) {
  const queryClient = useQueryClient();
  return (team: Team) =>
    queryClient.setQueryData<{ items: Team[] }>(teamKeys.ofPlan(planId), (prev) => {
      const items = prev?.items ?? [];
      return { items: items.some((t) => t.id === team.id) ? items.map((t) => (t.id === team.id ? team : t)) : [...items, team] };
    });
}

export function useCreateTeam(planId: string) {
  const store = useStoreTeam(planId);
  return useMutation({
    mutationFn: (input: { name: string }) => api.post<Team>(`/api/plans/${encodeURIComponent(planId)}/teams`, input),
    onSuccess: store,
  });
}

export function useReplaceMembers(planId: string, teamId: string) {
  const store = useStoreTeam(planId);
  return useMutation({
    mutationFn: (input: { version: number; members: TeamMemberInput[] }) => api.put<Team>(`${teamPath(teamId)}/members`, input),
    onSuccess: store,
  });
}

export function useFoundTeam(planId: string, teamId: string) {
  const store = useStoreTeam(planId);
  return useMutation({
    mutationFn: (input: { version: number; issuedOn: string; signature?: PlanSignature }) => api.post<Team>(`${teamPath(teamId)}/found`, input),
    onSuccess: store,
  });
}
