import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { agency, documentRegisterEntry, inspectionPlan, inspectionPlanTarget, inspectionTeam, inspectionTeamMember } from '../../db/schema/index.js';
import { queryRows, type DbOrTx, type Tx } from '../../db/client.js';
import type { Actor } from '../../http/actor.js';
import { visiblePlans } from '../plans/plans.policy.js';

export type TeamRow = typeof inspectionTeam.$inferSelect & { number: number | null; symbol: string | null; issuingAgencyId: string; seriesId: string };

const teamColumns = {
  team: inspectionTeam,
  number: documentRegisterEntry.number,
  symbol: documentRegisterEntry.symbol,
  issuingAgencyId: inspectionPlan.issuingAgencyId,
  seriesId: inspectionPlan.seriesId,
};
type Joined = { team: typeof inspectionTeam.$inferSelect; number: number | null; symbol: string | null; issuingAgencyId: string; seriesId: string };
const flatten = (r: Joined): TeamRow => ({ ...r.team, number: r.number, symbol: r.symbol, issuingAgencyId: r.issuingAgencyId, seriesId: r.seriesId });

function teams(tx: DbOrTx) {
  return tx
    .select(teamColumns)
    .from(inspectionTeam)
    .innerJoin(inspectionPlan, eq(inspectionPlan.id, inspectionTeam.planId))
    .leftJoin(documentRegisterEntry, eq(documentRegisterEntry.id, inspectionTeam.registerEntryId));
}

/** A team is visible exactly when its plan is. */
export async function findVisibleTeam(tx: DbOrTx, actor: Actor, id: string): Promise<TeamRow | null> {
  const [row] = await teams(tx).where(and(eq(inspectionTeam.id, id), sql`${inspectionTeam.planId} in ${visiblePlans(actor)}`));
  return row ? flatten(row) : null;
}

/** Teams of every version of a plan's series (an amendment keeps the teams already founded). */
export async function listTeamsOfSeries(tx: DbOrTx, seriesId: string): Promise<TeamRow[]> {
  const rows = await teams(tx).where(eq(inspectionPlan.seriesId, seriesId)).orderBy(asc(inspectionTeam.createdAt));
  return rows.map(flatten);
}

export async function teamMembers(tx: DbOrTx, teamIds: string[]) {
  if (!teamIds.length) return [];
  return tx
    .select({ member: inspectionTeamMember, agencyName: agency.name })
    .from(inspectionTeamMember)
    .innerJoin(agency, eq(agency.id, inspectionTeamMember.agencyId))
    .where(inArray(inspectionTeamMember.teamId, teamIds))
    .orderBy(asc(inspectionTeamMember.position));
}

export type MemberRow = Awaited<ReturnType<typeof teamMembers>>[number];

export async function replaceMembers(tx: Tx, teamId: string, members: Omit<typeof inspectionTeamMember.$inferInsert, 'teamId' | 'position'>[]) {
  await tx.delete(inspectionTeamMember).where(eq(inspectionTeamMember.teamId, teamId));
  if (members.length) await tx.insert(inspectionTeamMember).values(members.map((m, position) => ({ ...m, teamId, position })));
}

/**
 * Of the given agencies, those that are one of the plan's targets or lie under one (a member
 * from a ward's one-stop desk inspecting that ward's committee): the member would inspect their
 * own agency.
 */
export async function agenciesAmongTargets(tx: DbOrTx, planId: string, agencyIds: string[]): Promise<Set<string>> {
  if (!agencyIds.length) return new Set();
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`with recursive up(start_id, id, parent_id) as (
          select a.id, a.id, a.parent_agency_id from agency a where a.id in (${sql.join(agencyIds.map((id) => sql`${id}::uuid`), sql`, `)})
          union select up.start_id, p.id, p.parent_agency_id from agency p join up on p.id = up.parent_id)
        select distinct up.start_id as id from up
         join ${inspectionPlanTarget} t on t.agency_id = up.id and t.plan_id = ${planId}::uuid`,
  );
  return new Set(rows.map((r) => r.id));
}

/** User ids among the given ones that hold the inspector role. */
export async function inspectorUserIds(tx: DbOrTx, userIds: string[]): Promise<Set<string>> {
  if (!userIds.length) return new Set();
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`select distinct user_id as id from user_role where role = 'inspector' and user_id in (${sql.join(userIds.map((id) => sql`${id}::uuid`), sql`, `)})`,
  );
  return new Set(rows.map((r) => r.id));
}
