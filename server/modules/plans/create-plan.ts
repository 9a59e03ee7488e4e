import type { z } from 'zod';
import type { createPlanBody, createPlanFromPreviousBody, DroppedTarget, PlanContent } from '../../../shared/api/plans.schemas.js';
import { inspectionPlan } from '../../db/schema/index.js';
import type { Tx } from '../../db/client.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { findVisibleAgency } from '../registry/registry.repository.js';

import { moveContentToYear, shiftYearMonth } from './plan-body.js';
import { authorize } from '../../authz/guard.js';
import { inReach } from '../../authz/scope.js';
import { agencyPlace } from '../registry/registry.policy.js';
import { agencyLifecycle, findVisiblePlan, planTargets, replaceTargets, targetProblems, windowDates, type TargetProblem } from './plans.repository.js';

const targetProblemText: Record<TargetProblem, string> = {
  out_of_scope: "the agency is not under the issuing agency's area",
  inactive: 'the agency has been deactivated',
  not_valid_in_period: 'the agency does not exist during the inspection window',
};

/**
 * The issuing agency must be an active People's Committee in the drafter's scope that exists
 * during the window. `field` names the input the agency came from (the body's issuingAgencyId,
 * or the source plan when copying).
 */
async function checkIssuingAgency(tx: Tx, ctx: RequestContext, issuingAgencyId: string, window: { from: string; to: string }, field = 'body.issuingAgencyId') {
  const issuer = await findVisibleAgency(tx, ctx.actor, issuingAgencyId);
  if (!issuer) throw AppError.invalid(field, 'not_found', 'the agency does not exist');
  if (issuer.kind !== 'peoples_committee') throw AppError.invalid(field, 'not_peoples_committee', "a plan is issued by a People's Committee");
  if (!inReach(ctx.actor, 'plan.draft', agencyPlace(issuer))) {
    throw AppError.invalid(field, 'out_of_scope', 'you do not draft plans for this agency');
  }
  const life = await agencyLifecycle(tx, issuingAgencyId, window);
  if (!life?.active) throw AppError.invalid(field, 'inactive', targetProblemText.inactive);
  if (!life.valid) throw AppError.invalid(field, 'not_valid_in_period', targetProblemText.not_valid_in_period);
}

/**
 * Every chosen target must be under the issuing agency, active, and exist during the window;
 * 400 names the first bad one. Targets the draft already had are only checked for scope.
 */
export async function checkTargets(
  tx: Tx,
  ctx: RequestContext,
  plan: { issuingAgencyId: string; periodFrom: string; periodTo: string },
  targetAgencyIds: string[],
  alreadyTargets: ReadonlySet<string> = new Set(),
) {
  const problems = await targetProblems(tx, ctx.actor, plan.issuingAgencyId, targetAgencyIds, windowDates(plan.periodFrom, plan.periodTo), alreadyTargets);
  const bad = targetAgencyIds.findIndex((id) => problems.has(id));
  if (bad >= 0) {
    const problem = problems.get(targetAgencyIds[bad])!;
    throw AppError.invalid(`body.targetAgencyIds.${bad}`, problem, targetProblemText[problem]);
  }
}

/** The inspection window cannot end before it starts. */
export function checkPeriod(periodFrom: string, periodTo: string) {
  if (periodTo < periodFrom) throw AppError.invalid('body.periodTo', 'before_period_from', 'the window ends before it starts');
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
  authorize(ctx.actor, 'plan.draft', 'only the standing office drafts plans');
  checkPeriod(input.periodFrom, input.periodTo);
  await checkIssuingAgency(tx, ctx, input.issuingAgencyId, windowDates(input.periodFrom, input.periodTo));
  await checkTargets(tx, ctx, input, input.targetAgencyIds);
  const { targetAgencyIds, ...values } = input;
  const row = await insertDraft(tx, ctx, values, targetAgencyIds);
  await recordAudit(tx, ctx, { action: 'plan.created', entityType: 'inspection_plan', entityId: row.id, scope: { agencies: [row.issuingAgencyId] }, after: { ...row, targetAgencyIds } });
  return row;
}

/**
 * "Start from last year's plan": a new draft with the source's content, targets, recipients and
 * signer; the year, the inspection window and every "năm <year>" in the text move forward.
 * The copied targets go through the same checks as chosen ones, against the new window: those
 * that can no longer be inspected (deactivated, merged away, out of the drafter's scope) are
 * left out and returned, so the caller can say which.
 */
export async function createPlanFromPrevious(
  tx: Tx,
  ctx: RequestContext,
  input: z.infer<typeof createPlanFromPreviousBody>,
): Promise<{ row: typeof inspectionPlan.$inferSelect; droppedTargets: DroppedTarget[] }> {
  authorize(ctx.actor, 'plan.draft', 'only the standing office drafts plans');
  const source = await findVisiblePlan(tx, ctx.actor, input.sourcePlanId);
  if (!source) throw AppError.invalid('body.sourcePlanId', 'not_found', 'the plan does not exist');
  const year = input.year ?? source.year + 1;
  const shift = year - source.year;
  const periodFrom = shiftYearMonth(source.periodFrom, shift);
  const periodTo = shiftYearMonth(source.periodTo, shift);
  const window = windowDates(periodFrom, periodTo);
  await checkIssuingAgency(tx, ctx, source.issuingAgencyId, window, 'body.sourcePlanId');

  const targets = await planTargets(tx, source.id);
  const problems = await targetProblems(tx, ctx.actor, source.issuingAgencyId, targets.map((t) => t.agencyId), window);
  const droppedTargets = targets.flatMap((t) => {
    const reason = problems.get(t.agencyId);
    return reason ? [{ ...t, reason }] : [];
  });
  const kept = targets.filter((t) => !problems.has(t.agencyId)).map((t) => t.agencyId);

  const row = await insertDraft(
    tx,
    ctx,
    { issuingAgencyId: source.issuingAgencyId, year, periodFrom, periodTo, content: moveContentToYear(source.content as PlanContent, source.year, year) },
    kept,
  );
  await recordAudit(tx, ctx, {
    action: 'plan.created',
    entityType: 'inspection_plan',
    entityId: row.id,
    scope: { agencies: [row.issuingAgencyId] },
    after: { ...row, copiedFrom: source.id, targetAgencyIds: kept, droppedTargets: droppedTargets.map((t) => ({ agencyId: t.agencyId, reason: t.reason })) },
  });
  return { row, droppedTargets };
}
