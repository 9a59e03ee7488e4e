import type { Team, TeamDecision, TeamMemberRole } from '../../../shared/api/teams.schemas.js';
import { formatDocumentNumber } from '../../../shared/domain/document-types.js';
import { planAcceptsTeams, type PlanStatus } from '../../../shared/domain/plan-status.js';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../http/actor.js';
import { planRoles } from '../plans/plans.policy.js';
import { findPlan } from '../plans/plans.repository.js';
import { agenciesAmongTargets, teamMembers, type TeamRow } from './teams.repository.js';

/** A team with its members, its warnings (members inspecting their own agency) and the caller's abilities. */
export async function presentTeams(tx: DbOrTx, actor: Actor, rows: TeamRow[]): Promise<Team[]> {
  const members = await teamMembers(tx, rows.map((r) => r.id));
  const out: Team[] = [];
  for (const row of rows) {
    const own = members.filter((m) => m.member.teamId === row.id);
    const plan = (await findPlan(tx, row.planId))!;
    const amongTargets = await agenciesAmongTargets(tx, row.planId, own.map((m) => m.member.agencyId));
    const roles = await planRoles(tx, actor, row.issuingAgencyId);
    const open = row.status === 'draft' && planAcceptsTeams(plan.status as PlanStatus);
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
      warnings: own.flatMap((m, memberIndex) =>
        amongTargets.has(m.member.agencyId) ? [{ code: 'member_inspects_own_agency' as const, memberIndex, agencyId: m.member.agencyId, agencyName: m.agencyName }] : [],
      ),
      abilities: { update: open && roles.drafter, found: open && roles.issuer },
      version: row.version,
    });
  }
  return out;
}
