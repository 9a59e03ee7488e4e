import { nextPlanStatus, planActionActors, type PlanAction, type PlanStatus } from '../../../shared/domain/plan-status.js';
import type { DbOrTx } from '../../db/client.js';
import { assertVersion } from '../../db/versioned-update.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { planRoles, type PlanRoles } from './plans.policy.js';
import { findVisiblePlan, type PlanRow } from './plans.repository.js';

/**
 * The checks every plan use case starts with, in a fixed order:
 * invisible → 404; not the caller's role → 403; stale version → 409 VERSION_CONFLICT;
 * not possible in the current status → 409 INVALID_STATE.
 */
export async function planForAction(
  tx: DbOrTx,
  ctx: RequestContext,
  id: string,
  action: PlanAction,
  version: number,
): Promise<{ plan: PlanRow; roles: PlanRoles; next: PlanStatus }> {
  const plan = await findVisiblePlan(tx, ctx.actor, id);
  if (!plan) throw AppError.notFound('plan');
  const roles = await planRoles(tx, ctx.actor, plan.issuingAgencyId);
  const who = planActionActors(action);
  if (!((roles.drafter && who.includes('drafter')) || (roles.issuer && who.includes('issuer')))) {
    throw new AppError('FORBIDDEN', `you may not ${action} this plan`);
  }
  assertVersion(plan, version);
  const next = nextPlanStatus(plan.status as PlanStatus, action);
  if (next === null) throw new AppError('INVALID_STATE', `a plan in status ${plan.status} cannot be ${action === 'edit' ? 'edited' : `given the action ${action}`}`);
  return { plan, roles, next };
}

export function checkPeriod(periodFrom: string, periodTo: string) {
  if (periodTo < periodFrom) throw AppError.invalid('body.periodTo', 'before_period_from', 'the window ends before it starts');
}
