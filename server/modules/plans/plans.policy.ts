import { sql, type SQL } from 'drizzle-orm';
import type { RoleName } from '../../../shared/api/session.schemas.js';
import { availablePlanActions, planAcceptsTeams, type PlanStatus } from '../../../shared/domain/plan-status.js';
import type { PlanAbilities } from '../../../shared/api/plans.schemas.js';
import { queryRows, type DbOrTx } from '../../db/client.js';
import { hasRole, type Actor } from '../../http/actor.js';
import { scopeAgencies } from '../registry/registry.policy.js';

/**
 * Who does what with a plan, scoped by the issuing agency (a People's Committee):
 *  - the standing office (secretariat) drafts, edits, submits, amends, and prepares teams;
 *  - the leader returns, issues (approves and signs), and founds teams;
 *  - both start and close;
 *  - admins, leaders and the standing office in scope read every version, drafts included;
 *  - an inspector reads an issued plan (issued, in progress, closed, superseded) of their scope,
 *    or one whose series has a team listing them as a member (a ward's official on the town's
 *    team); never a draft or submitted version (issue 2: "sees what their teams work on");
 *  - a unit officer reads an issued plan only when one of the plan's target agencies is in their
 *    scope.
 */
export const PLAN_DRAFTERS: RoleName[] = ['secretariat'];
export const PLAN_ISSUERS: RoleName[] = ['leader'];
/** Roles that read every version of a plan of their scope, drafts included. */
export const PLAN_READERS: RoleName[] = ['admin', 'leader', 'secretariat'];

/** Statuses in which a plan has left the office: what inspectors and inspected units may read. */
export const ISSUED_PLAN_STATUSES = sql.raw(`('issued','in_progress','closed','superseded')`);

/** SQL: the agencies whose plans (and teams) the actor reads in full, drafts included. */
export const planReaderAgencies = (actor: Actor): SQL => scopeAgencies(actor, PLAN_READERS);

/**
 * SQL condition on a team alias: the actor is listed on it as a member. Only an account that
 * holds the inspector role counts (a member link is granted to inspectors only, and a role
 * withdrawn later must withdraw the access too).
 */
export const actorIsMemberOf = (actor: Actor, teamAlias: string): SQL =>
  hasRole(actor, 'inspector')
    ? sql`exists (select 1 from inspection_team_member m where m.team_id = ${sql.raw(teamAlias)}.id and m.user_id = ${actor.userId}::uuid)`
    : sql`false`;

/** SQL: ids of the plans the actor may see (the one visibility rule: lists, records, history, teams). */
export const visiblePlans = (actor: Actor): SQL => sql`(
  select p.id from inspection_plan p
   where p.issuing_agency_id in ${planReaderAgencies(actor)}
      or (p.status in ${ISSUED_PLAN_STATUSES}
          and (${hasRole(actor, 'inspector') ? sql`p.issuing_agency_id in ${scopeAgencies(actor, ['inspector'])}` : sql`false`}
               or exists (select 1 from inspection_team tm join inspection_plan tp on tp.id = tm.plan_id
                           where tp.series_id = p.series_id and ${actorIsMemberOf(actor, 'tm')})
               or exists (select 1 from inspection_plan_target t
                           where t.plan_id = p.id and t.agency_id in ${scopeAgencies(actor, ['unit_officer'])}))))`;

export interface PlanRoles {
  drafter: boolean;
  issuer: boolean;
}

/** Whether the actor drafts and/or issues for this issuing agency. */
export async function planRoles(tx: DbOrTx, actor: Actor, issuingAgencyId: string): Promise<PlanRoles> {
  const [row] = await queryRows<{ drafter: boolean; issuer: boolean }>(
    tx,
    sql`select ${issuingAgencyId}::uuid in ${scopeAgencies(actor, PLAN_DRAFTERS)} as drafter,
               ${issuingAgencyId}::uuid in ${scopeAgencies(actor, PLAN_ISSUERS)} as issuer`,
  );
  return { drafter: row?.drafter === true, issuer: row?.issuer === true };
}

/** planRoles for several issuing agencies in one query (lists of teams across a series). */
export async function planRolesByAgency(tx: DbOrTx, actor: Actor, issuingAgencyIds: string[]): Promise<Map<string, PlanRoles>> {
  const ids = [...new Set(issuingAgencyIds)];
  if (!ids.length) return new Map();
  const rows = await queryRows<{ id: string; drafter: boolean; issuer: boolean }>(
    tx,
    sql`select v.id, v.id in ${scopeAgencies(actor, PLAN_DRAFTERS)} as drafter, v.id in ${scopeAgencies(actor, PLAN_ISSUERS)} as issuer
          from (values ${sql.join(ids.map((id) => sql`(${id}::uuid)`), sql`, `)}) as v(id)`,
  );
  return new Map(rows.map((r) => [r.id, { drafter: r.drafter === true, issuer: r.issuer === true }]));
}

export function planAbilities(status: PlanStatus, roles: PlanRoles): PlanAbilities {
  const actions = new Set(availablePlanActions(status, roles));
  return {
    update: actions.has('edit'),
    submit: actions.has('submit'),
    return: actions.has('return'),
    issue: actions.has('issue'),
    start: actions.has('start'),
    close: actions.has('close'),
    amend: actions.has('amend'),
    createTeam: roles.drafter && planAcceptsTeams(status),
  };
}
