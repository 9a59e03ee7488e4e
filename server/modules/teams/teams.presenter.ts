import type { Team, TeamDecision, TeamMemberRole } from '../../../shared/api/teams.schemas.js';
import { formatDocumentNumber } from '../../../shared/domain/document-types.js';
import { planAcceptsTeams, type PlanStatus } from '../../../shared/domain/plan-status.js';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../http/actor.js';
import { managesTeam, teamAbilities } from './teams.policy.js';
import { agenciesAmongTargets, teamMembers, type TeamRow } from './teams.repository.js';

/**
 * Teams with their members, their warnings (members inspecting their own agency; for who manages
 * the team) and the caller's
 * abilities. A fixed number of queries for any number of teams: members, own-agency warnings and
 * the caller's roles are each fetched once for the whole list (the plan's status comes with the row).
 */
export async function presentTeams(tx: DbOrTx, actor: Actor, rows: TeamRow[]): Promise<Team[]> {
  if (!rows.length) return [];
  const members = await teamMembers(tx, rows.map((r) => r.id));
  const teamPlan = new Map(rows.map((r) => [r.id, r.planId]));
  const amongTargets = await agenciesAmongTargets(
    tx,
    members.map((m) => ({ planId: teamPlan.get(m.member.teamId)!, agencyId: m.member.agencyId })),
  );
  const out: Team[] = [];
  for (const row of rows) {
    const own = members.filter((m) => m.member.teamId === row.id);
    const open = row.status === 'draft' && planAcceptsTeams(row.planStatus as PlanStatus);
    out.push({
      id: row.id,
      planId: row.planId,
      name: row.name,
      status: row.status as Team['status'],
      decision: row.decision as TeamDecision,
      members: own.map((m) => ({
        id: m.member.id,
        honorific: (m.member.honorific as 'Ông' | 'Bà' | null) ?? null,
        fullName: m.member.fullName,
        position: m.member.title,
        agencyId: m.member.agencyId,
        agencyName: m.agencyName,
        role: m.member.role as TeamMemberRole,
        userId: m.member.userId,
      })),
      documentNumber: row.number !== null && row.symbol ? formatDocumentNumber(row.number, row.symbol) : null,
      number: row.number,
      issuedOn: row.issuedOn,
      // The office's own concern, for those who prepare or found the team only (rev8b #8).
      warnings: managesTeam(actor, row)
        ? own.flatMap((m, memberIndex) =>
            amongTargets.has(`${row.planId}:${m.member.agencyId}`) ? [{ code: 'member_inspects_own_agency' as const, memberIndex, agencyId: m.member.agencyId, agencyName: m.agencyName }] : [],
          )
        : [],
      abilities: teamAbilities(actor, row, open),
      version: row.version,
    });
  }
  return out;
}
