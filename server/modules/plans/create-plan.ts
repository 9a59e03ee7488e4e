import type { z } from 'zod';
import type { createPlanBody, createPlanFromPreviousBody, PlanContent } from '../../../shared/api/plans.schemas.js';
import { inspectionPlan } from '../../db/schema/index.js';
import type { Tx } from '../../db/client.js';
import { hasRole, type RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { findVisibleAgency } from '../registry/registry.repository.js';
import { checkPeriod } from './plan-access.js';
import { moveContentToYear, shiftYearMonth } from './plan-body.js';
import { planRoles } from './plans.policy.js';
import { findVisiblePlan, invalidTargetIndex, planTargets, replaceTargets } from './plans.repository.js';

/** The issuing agency must be a People's Committee in the drafter's scope. */
async function checkIssuingAgency(tx: Tx, ctx: RequestContext, issuingAgencyId: string) {
  const issuer = await findVisibleAgency(tx, ctx.actor, issuingAgencyId);
  if (!issuer) throw AppError.invalid('body.issuingAgencyId', 'not_found', 'the agency does not exist');
  if (issuer.kind !== 'peoples_committee') throw AppError.invalid('body.issuingAgencyId', 'not_peoples_committee', "a plan is issued by a People's Committee");
  if (!(await planRoles(tx, ctx.actor, issuingAgencyId)).drafter) {
    throw AppError.invalid('body.issuingAgencyId', 'out_of_scope', 'you do not draft plans for this agency');
  }
}

export async function checkTargets(tx: Tx, ctx: RequestContext, issuingAgencyId: string, targetAgencyIds: string[]) {
  const bad = await invalidTargetIndex(tx, ctx.actor, issuingAgencyId, targetAgencyIds);
  if (bad >= 0) throw AppError.invalid(`body.targetAgencyIds.${bad}`, 'out_of_scope', "the agency is not under the issuing agency's area");
}

async function insertDraft(
  tx: Tx,
  ctx: RequestContext,
  values: { issuingAgencyId: string; year: number; periodFrom: string; periodTo: string; content: PlanContent; seriesId?: string; revision?: number; amendsPlanId?: string },
  targetAgencyIds: string[],
) {
  const id = crypto.randomUUID();
  const [row] = await tx
    .insert(inspectionPlan)
    .values({ id, seriesId: values.seriesId ?? id, revision: values.revision ?? 1, amendsPlanId: values.amendsPlanId ?? null, ...values, status: 'draft', createdBy: ctx.actor.userId })
    .returning();
  await replaceTargets(tx, row.id, targetAgencyIds);
  return row;
}

/** The standing office starts a new plan (status draft). */
export async function createPlan(tx: Tx, ctx: RequestContext, input: z.infer<typeof createPlanBody>) {
  if (!hasRole(ctx.actor, 'secretariat')) throw new AppError('FORBIDDEN', 'only the standing office drafts plans');
  await checkIssuingAgency(tx, ctx, input.issuingAgencyId);
  checkPeriod(input.periodFrom, input.periodTo);
  await checkTargets(tx, ctx, input.issuingAgencyId, input.targetAgencyIds);
  const { targetAgencyIds, ...values } = input;
  const row = await insertDraft(tx, ctx, values, targetAgencyIds);
  await recordAudit(tx, ctx, { action: 'plan.created', entityType: 'inspection_plan', entityId: row.id, after: { ...row, targetAgencyIds } });
  return row;
}

/**
 * "Start from last year's plan": a new draft with the source's content, targets, recipients and
 * signer; the year, the inspection window and every "năm <year>" in the text move forward.
 */
export async function createPlanFromPrevious(tx: Tx, ctx: RequestContext, input: z.infer<typeof createPlanFromPreviousBody>) {
  if (!hasRole(ctx.actor, 'secretariat')) throw new AppError('FORBIDDEN', 'only the standing office drafts plans');
  const source = await findVisiblePlan(tx, ctx.actor, input.sourcePlanId);
  if (!source) throw AppError.invalid('body.sourcePlanId', 'not_found', 'the plan does not exist');
  await checkIssuingAgency(tx, ctx, source.issuingAgencyId);
  const year = input.year ?? source.year + 1;
  const shift = year - source.year;
  const targets = await planTargets(tx, source.id);
  const row = await insertDraft(
    tx,
    ctx,
    {
      issuingAgencyId: source.issuingAgencyId,
      year,
      periodFrom: shiftYearMonth(source.periodFrom, shift),
      periodTo: shiftYearMonth(source.periodTo, shift),
      content: moveContentToYear(source.content as PlanContent, source.year, year),
    },
    targets.map((t) => t.agencyId),
  );
  await recordAudit(tx, ctx, { action: 'plan.created', entityType: 'inspection_plan', entityId: row.id, after: { ...row, copiedFrom: source.id } });
  return row;
}
