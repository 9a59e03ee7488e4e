import { eq } from 'drizzle-orm';
import type { PlanContent } from '../../../shared/api/plans.schemas.js';
import { inspectionPlan } from '../../db/schema/index.js';
import type { Tx } from '../../db/client.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { maxRevision, openVersionsOf } from './issue-plan.js';
import { loadForAction } from '../../authz/guard.js';
import { planResource } from './plans.policy.js';
import { planTargets, replaceTargets } from './plans.repository.js';

/**
 * Starts an amending version of an issued plan: a new draft in the same series, linked to the
 * issued version and copying its content and targets. The issued version stays as it was (its
 * history is kept) until the amendment is issued and supersedes it.
 */
export async function amendPlan(tx: Tx, ctx: RequestContext, id: string, input: { version: number }) {
  const plan = await loadForAction(tx, ctx, planResource, id, 'amend', input.version);
  // Serialise amendments of one plan: lock the issued version's row.
  await tx.select({ id: inspectionPlan.id }).from(inspectionPlan).where(eq(inspectionPlan.id, id)).for('update');
  if ((await openVersionsOf(tx, plan.seriesId)).length) {
    throw new AppError('INVALID_STATE', 'an amending version of this plan is already being prepared');
  }
  const [{ n }] = await maxRevision(tx, plan.seriesId);
  const targets = await planTargets(tx, id);
  const [row] = await tx
    .insert(inspectionPlan)
    .values({
      seriesId: plan.seriesId,
      revision: Number(n) + 1,
      amendsPlanId: id,
      issuingAgencyId: plan.issuingAgencyId,
      year: plan.year,
      status: 'draft',
      periodFrom: plan.periodFrom,
      periodTo: plan.periodTo,
      content: plan.content as PlanContent,
      createdBy: ctx.actor.userId,
    })
    .returning();
  await replaceTargets(tx, row.id, targets.map((t) => t.agencyId));
  await recordAudit(tx, ctx, { action: 'plan.amendment_created', entityType: 'inspection_plan', entityId: row.id, scope: { agencies: [row.issuingAgencyId] }, after: { ...row, amends: id } });
  return row;
}
