import { sql, type SQL } from 'drizzle-orm';
import { availablePlanActions, nextPlanStatus, planAcceptsTeams, planActionActors, type PlanAction, type PlanStatus } from '../../../shared/domain/plan-status.js';
import type { PlanAbilities } from '../../../shared/api/plans.schemas.js';
import type { GuardedResource } from '../../authz/guard.js';
import { agencyColumns, agencyInReach, inReach, type Place } from '../../authz/scope.js';
import { hasRole, type Actor } from '../../http/actor.js';
import { findVisiblePlan, type PlanRow } from './plans.repository.js';

/**
 * Who does what with a plan, placed by its issuing agency (a People's Committee), per
 * shared/domain/capabilities.ts:
 *  - the standing office (`plan.draft`) drafts, edits, submits, amends, and prepares teams;
 *  - the leader (`plan.issue`) returns, issues (approves and signs), and founds teams;
 *  - both start and close;
 *  - `plan.read_drafts` (admins, leaders, the standing office) reads every version, drafts included;
 *  - `plan.read_issued` reads the issued versions (issued, in progress, closed, superseded): so
 *    does an inspector listed on a team of the plan's series (a ward's official on the town's
 *    team), never a draft (issue 2: "sees what their teams work on");
 *  - `plan.read_targeted` (a unit officer) reads an issued plan when one of its target agencies
 *    is in reach.
 */

/** Statuses in which a plan has left the office: what inspectors and inspected units may read. */
export const ISSUED_PLAN_STATUSES = sql.raw(`('issued','in_progress','closed','superseded')`);

/**
 * SQL condition on a team alias: the actor is listed on it as a member. Only an account that
 * holds the inspector role counts (a member link is granted to inspectors only, and a role
 * withdrawn later must withdraw the access too).
 */
export const actorIsMemberOf = (actor: Actor, teamAlias: string): SQL =>
  hasRole(actor, 'inspector')
    ? sql`exists (select 1 from inspection_team_member m where m.team_id = ${sql.raw(teamAlias)}.id and m.user_id = ${actor.userId}::uuid)`
    : sql`false`;

/**
 * SQL on a plan alias and its issuing agency's alias: the actor may see the plan (the one
 * visibility rule: lists, records, history, teams). A condition on the row itself, not an
 * `id in (…)`, so that for a national admin it folds to `true` and a list walks its index.
 */
export const planVisible = (actor: Actor, planAlias: string, issuerAlias: string): SQL => {
  const p = sql.raw(planAlias);
  return sql`(${agencyInReach(actor, 'plan.read_drafts', agencyColumns(issuerAlias))}
      or (${p}.status in ${ISSUED_PLAN_STATUSES}
          and (${agencyInReach(actor, 'plan.read_issued', agencyColumns(issuerAlias))}
               or exists (select 1 from inspection_team tm join inspection_plan tp on tp.id = tm.plan_id
                           where tp.series_id = ${p}.series_id and ${actorIsMemberOf(actor, 'tm')})
               or exists (select 1 from inspection_plan_target t join agency ta on ta.id = t.agency_id
                           where t.plan_id = ${p}.id and ${agencyInReach(actor, 'plan.read_targeted', agencyColumns('ta'))}))))`;
};

/** SQL: ids of the plans the actor may see (planVisible as a set, for records joined otherwise). */
export const visiblePlans = (actor: Actor): SQL => sql`(
  select p.id from inspection_plan p join agency ia on ia.id = p.issuing_agency_id where ${planVisible(actor, 'p', 'ia')})`;

/** SQL on an issuing agency's columns: the actor reads its plans' drafts (and its draft teams). */
export const readsDraftsOf = (actor: Actor, issuingAgencyAlias: string): SQL => agencyInReach(actor, 'plan.read_drafts', agencyColumns(issuingAgencyAlias));

/** Where a plan sits: its issuing agency. */
export const issuerPlace = (row: { issuerUnitPath: string; issuerPath: string }): Place => ({ unitPath: row.issuerUnitPath, agencyPath: row.issuerPath });

export interface PlanRoles {
  drafter: boolean;
  issuer: boolean;
  /** Prepares teams under the issuing agency's plans (`team.prepare`). */
  teamPreparer: boolean;
}

/** Whether the actor drafts, issues and prepares teams for the issuing agency at this place. */
export function planRoles(actor: Actor, place: Place): PlanRoles {
  return { drafter: inReach(actor, 'plan.draft', place), issuer: inReach(actor, 'plan.issue', place), teamPreparer: inReach(actor, 'team.prepare', place) };
}

/**
 * Plans for the guard (server/authz/guard.ts): invisible → 404; not the caller's side of the
 * office → 403; stale → 409; not possible in the plan's status → 409 INVALID_STATE.
 */
export const planResource: GuardedResource<PlanRow, PlanAction> = {
  name: 'plan',
  findVisible: findVisiblePlan,
  allows(actor, plan, action) {
    const roles = planRoles(actor, issuerPlace(plan));
    const who = planActionActors(action);
    return (roles.drafter && who.includes('drafter')) || (roles.issuer && who.includes('issuer'));
  },
  refusal: (plan, action) =>
    nextPlanStatus(plan.status as PlanStatus, action) === null
      ? `a plan in status ${plan.status} cannot be ${action === 'edit' ? 'edited' : `given the action ${action}`}`
      : null,
};

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
    createTeam: roles.teamPreparer && planAcceptsTeams(status),
  };
}
