import { nextPlanStatus, type PlanStatus } from '../../../shared/domain/plan-status.js';
import type { PlanContent } from '../../../shared/api/plans.schemas.js';
import type { AuditAction } from '../audit/audit-log.js';
import { inspectionPlan } from '../../db/schema/index.js';
import type { Tx } from '../../db/client.js';
import { updateVersioned } from '../../db/versioned-update.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { loadForAction } from '../../authz/guard.js';
import { issuerPlace, planResource } from './plans.policy.js';
import { notifyPlanReturned, notifyPlanSubmitted } from './plan-notifications.js';

export type SimplePlanTransition = 'submit' | 'return' | 'start' | 'close';

const auditOf: Record<SimplePlanTransition, AuditAction> = {
  submit: 'plan.submitted',
  return: 'plan.returned',
  start: 'plan.started',
  close: 'plan.closed',
};

/** A draft goes to the leader only when it has what the document needs to print. */
function checkComplete(content: PlanContent) {
  if (!content.summary.trim()) throw AppError.invalid('content.summary', 'required', 'the plan needs a summary (trích yếu)');
  if (!content.recipients.length) throw AppError.invalid('content.recipients', 'required', 'the plan needs its recipients (nơi nhận)');
}

/** Submit (draft → submitted), return for changes (submitted → draft), start, close. */
export async function changePlanStatus(tx: Tx, ctx: RequestContext, id: string, action: SimplePlanTransition, input: { version: number; reason?: string }) {
  const plan = await loadForAction(tx, ctx, planResource, id, action, input.version);
  const next = nextPlanStatus(plan.status as PlanStatus, action)!;
  if (action === 'submit') checkComplete(plan.content as PlanContent);
  const after = await updateVersioned(tx, inspectionPlan, id, input.version, { status: next });
  await recordAudit(tx, ctx, {
    action: auditOf[action],
    entityType: 'inspection_plan',
    entityId: id,
    scope: { places: [issuerPlace(plan)] },
    before: { status: plan.status, version: plan.version },
    after: { status: after.status, version: after.version, ...(input.reason ? { reason: input.reason } : {}) },
  });
  if (action === 'submit') await notifyPlanSubmitted(tx, ctx, plan);
  if (action === 'return') await notifyPlanReturned(tx, ctx, plan, input.reason);
  return after;
}
