import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { agency, documentRegisterEntry, inspectionPlan, inspectionPlanTarget, inspectionTeam, inspectionTeamMember } from '../../db/schema/index.js';
import { queryRows, type DbOrTx, type Tx } from '../../db/client.js';
import type { Actor } from '../../http/actor.js';
import { isUnderIssuer } from '../plans/plans.repository.js';
import { visibleTeams } from './teams.policy.js';

/** A team with what its use cases and presenter need of its plan (no second query per team). */
/** A team with what its use cases, policy and presenter need of its plan (no second query per team). */
export type TeamRow = typeof inspectionTeam.$inferSelect & {
  number: number | null;
  symbol: string | null;
  issuingAgencyId: string;
  /** Where the plan's issuing agency sits: what the policies check (teams.policy.ts). */
  issuerUnitPath: string;
  issuerPath: string;
  seriesId: string;
  planStatus: string;
};

const teamColumns = {
  team: inspectionTeam,
  number: documentRegisterEntry.number,
  symbol: documentRegisterEntry.symbol,
  issuingAgencyId: inspectionPlan.issuingAgencyId,
  issuerUnitPath: agency.unitPath,
  issuerPath: agency.path,
  seriesId: inspectionPlan.seriesId,
  planStatus: inspectionPlan.status,
};
const flatten = ({ team, ...joined }: { team: typeof inspectionTeam.$inferSelect } & Omit<TeamRow, keyof typeof inspectionTeam.$inferSelect>): TeamRow => ({ ...team, ...joined });

function teams(tx: DbOrTx) {
  return tx
    .select(teamColumns)
    .from(inspectionTeam)
    .innerJoin(inspectionPlan, eq(inspectionPlan.id, inspectionTeam.planId))
    .innerJoin(agency, eq(agency.id, inspectionPlan.issuingAgencyId))
    .leftJoin(documentRegisterEntry, eq(documentRegisterEntry.id, inspectionTeam.registerEntryId));
}

/** One team the actor may see (teams.policy.ts), or null (the caller answers 404). */
export async function findVisibleTeam(tx: DbOrTx, actor: Actor, id: string): Promise<TeamRow | null> {
  const [row] = await teams(tx).where(and(eq(inspectionTeam.id, id), sql`${inspectionTeam.id} in ${visibleTeams(actor)}`));
  return row ? flatten(row) : null;
}

/** One team, unscoped (documents frozen at issue; callers authorize first). */
export async function findTeam(tx: DbOrTx, id: string): Promise<TeamRow | null> {
  const [row] = await teams(tx).where(eq(inspectionTeam.id, id));
  return row ? flatten(row) : null;
}

/** The teams of every version of a plan's series that the actor may see, oldest first. */
export async function listVisibleTeamsOfSeries(tx: DbOrTx, actor: Actor, seriesId: string): Promise<TeamRow[]> {
  const rows = await teams(tx)
    .where(and(eq(inspectionPlan.seriesId, seriesId), sql`${inspectionTeam.id} in ${visibleTeams(actor)}`))
    .orderBy(asc(inspectionTeam.createdAt));
  return rows.map(flatten);
}

/** Teams of every version of a plan's series (an amendment keeps the teams already founded), unscoped. */
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
 * Of the given (plan, agency) pairs, those where the agency is one of the plan's targets or lies
 * under one (a member from a ward's one-stop desk inspecting that ward's committee): the member
 * would inspect their own agency. One query for a whole list of teams. Keys are `plan:agency`.
 */
export async function agenciesAmongTargets(tx: DbOrTx, pairs: { planId: string; agencyId: string }[]): Promise<Set<string>> {
  if (!pairs.length) return new Set();
  const values = sql.join(pairs.map((p) => sql`(${p.planId}::uuid, ${p.agencyId}::uuid)`), sql`, `);
  const rows = await queryRows<{ plan_id: string; id: string }>(
    tx,
    sql`with recursive pair(plan_id, agency_id) as (select distinct * from (values ${values}) as v(plan_id, agency_id)),
        up(plan_id, start_id, id, parent_id) as (
          select pair.plan_id, a.id, a.id, a.parent_agency_id from pair join agency a on a.id = pair.agency_id
          union select up.plan_id, up.start_id, p.id, p.parent_agency_id from agency p join up on p.id = up.parent_id)
        select distinct up.plan_id, up.start_id as id from up
         join ${inspectionPlanTarget} t on t.agency_id = up.id and t.plan_id = up.plan_id`,
  );
  return new Set(rows.map((r) => `${r.plan_id}:${r.id}`));
}

/**
 * Of the given user ids, the active accounts holding the inspector role granted within the scope
 * of the issuing agency (on an agency in its territorial unit or below): only they may be linked
 * to a member of its teams. Other authorities' inspectors, unknown ids and other roles are all
 * simply absent, so the caller's answer reveals nothing about accounts elsewhere.
 */
export async function inspectorUserIds(tx: DbOrTx, issuingAgencyId: string, userIds: string[]): Promise<Set<string>> {
  if (!userIds.length) return new Set();
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`select distinct r.user_id as id from user_role r join app_user u on u.id = r.user_id join agency ra on ra.id = r.agency_id
         where r.role = 'inspector' and u.active
           and ${isUnderIssuer('ra', issuingAgencyId)}
           and r.user_id in (${sql.join(userIds.map((id) => sql`${id}::uuid`), sql`, `)})`,
  );
  return new Set(rows.map((r) => r.id));
}
