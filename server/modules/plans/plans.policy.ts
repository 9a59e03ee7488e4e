import { sql, type SQL } from 'drizzle-orm';
import type { RoleName } from '../../../shared/api/session.schemas.js';
import { availablePlanActions, planAcceptsTeams, type PlanStatus } from '../../../shared/domain/plan-status.js';
import type { PlanAbilities } from '../../../shared/api/plans.schemas.js';
import { queryRows, type DbOrTx } from '../../db/client.js';
import type { Actor } from '../../http/actor.js';
import { scopeAgencies } from '../registry/registry.policy.js';

/**
 * Who does what with a plan, scoped by the issuing agency (a People's Committee):
 *  - the standing office (secretariat) drafts, edits, submits, amends, and prepares teams;
 *  - the leader returns, issues (approves and signs), and founds teams;
 *  - both start and close;
 *  - admins, leaders, secretariat and inspectors in scope read every version;
 *  - a unit officer reads an issued plan (issued, in progress, closed, superseded) only when one
 *    of the plan's target agencies is in their scope.
 */
export const PLAN_DRAFTERS: RoleName[] = ['secretariat'];
export const PLAN_ISSUERS: RoleName[] = ['leader'];
export const PLAN_READERS: RoleName[] = ['admin', 'leader', 'secretariat', 'inspector'];

/** SQL: ids of the plans the actor may see. */
export const visiblePlans = (actor: Actor): SQL => sql`(
  select p.id from inspection_plan p
   where p.issuing_agency_id in ${scopeAgencies(actor, PLAN_READERS)}
      or (p.status in ('issued','in_progress','closed','superseded')
          and exists (select 1 from inspection_plan_target t
                       where t.plan_id = p.id and t.agency_id in ${scopeAgencies(actor, ['unit_officer'])})))`;

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
