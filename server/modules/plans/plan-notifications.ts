import { and, eq, sql } from 'drizzle-orm';
import type { PlanContent } from '../../../shared/api/plans.schemas.js';
import { auditEvent } from '../../db/schema/index.js';
import type { Tx } from '../../db/client.js';
import type { RequestContext } from '../../http/actor.js';
import { notify, settleNotifications } from '../../notifications/notify.js';
import { usersReaching } from '../../notifications/recipients.js';
import { issuerPlace } from './plans.policy.js';
import type { PlanRow } from './plans.repository.js';

/**
 * Who is told what about a plan, in the transaction of the change:
 *  - submitted → the leaders who may issue it (`plan.issue` reaches its issuing agency);
 *  - approved (issued) or returned → its drafters: who created it and who submitted it; the
 *    approvers' "awaiting approval" is then marked read for all of them (settleNotifications).
 */

const planLink = (plan: PlanRow) => ({ type: 'inspection_plan' as const, id: plan.id, path: `/plans/${plan.id}` });
const titleOf = (plan: PlanRow) => (plan.content as PlanContent).summary || `Kế hoạch kiểm tra năm ${plan.year}`;
const actorName = (ctx: RequestContext) => ctx.actor.fullName;

/** The plan's drafters: its author and everyone who submitted this version. */
async function drafters(tx: Tx, plan: PlanRow): Promise<string[]> {
  const submitters = await tx
    .selectDistinct({ id: auditEvent.actorId })
    .from(auditEvent)
    .where(and(eq(auditEvent.entityType, 'inspection_plan'), eq(auditEvent.entityId, plan.id), eq(auditEvent.action, 'plan.submitted'), sql`${auditEvent.actorId} is not null`));
  return [...(plan.createdBy ? [plan.createdBy] : []), ...submitters.map((s) => s.id!)];
}

export async function notifyPlanSubmitted(tx: Tx, ctx: RequestContext, plan: PlanRow) {
  return notify(tx, ctx, {
    kind: 'plan.submitted',
    recipients: await usersReaching(tx, 'plan.issue', issuerPlace(plan)),
    params: { planTitle: titleOf(plan), year: plan.year, actorName: actorName(ctx) },
    link: planLink(plan),
  });
}

export async function notifyPlanReturned(tx: Tx, ctx: RequestContext, plan: PlanRow, reason: string | undefined) {
  // The approvers' "awaiting approval" is answered.
  await settleNotifications(tx, { kinds: ['plan.submitted'], subjectId: plan.id });
  return notify(tx, ctx, {
    kind: 'plan.returned',
    recipients: await drafters(tx, plan),
    params: { planTitle: titleOf(plan), year: plan.year, actorName: actorName(ctx), reason: reason?.trim() || null },
    link: planLink(plan),
  });
}

/** After issue: `plan` is the issued row (with its number and symbol). */
export async function notifyPlanApproved(tx: Tx, ctx: RequestContext, plan: PlanRow) {
  await settleNotifications(tx, { kinds: ['plan.submitted'], subjectId: plan.id });
  return notify(tx, ctx, {
    kind: 'plan.approved',
    recipients: await drafters(tx, plan),
    params: {
      planTitle: titleOf(plan),
      year: plan.year,
      actorName: actorName(ctx),
      documentNumber: `${String(plan.number ?? '').padStart(2, '0')}/${plan.symbol ?? ''}`,
      issuedOn: plan.issuedOn ?? '',
    },
    link: planLink(plan),
  });
}
