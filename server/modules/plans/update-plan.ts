import type { z } from 'zod';
import type { PlanContent, updatePlanBody } from '../../../shared/api/plans.schemas.js';
import { inspectionPlan } from '../../db/schema/index.js';
import type { Tx } from '../../db/client.js';
import { updateVersioned } from '../../db/versioned-update.js';
import type { RequestContext } from '../../http/actor.js';
import { recordAudit } from '../audit/audit-log.js';
import { checkPeriod, checkTargets } from './create-plan.js';
import { loadForAction } from '../../authz/guard.js';
import { issuerPlace, planResource } from './plans.policy.js';
import { planTargets, replaceTargets } from './plans.repository.js';

/** Edits a draft: only the sections named in `content` change; issued plans are frozen (409). */
export async function updatePlan(tx: Tx, ctx: RequestContext, id: string, input: z.infer<typeof updatePlanBody>) {
  const plan = await loadForAction(tx, ctx, planResource, id, 'edit', input.version);
  const periodFrom = input.periodFrom ?? plan.periodFrom;
  const periodTo = input.periodTo ?? plan.periodTo;
  checkPeriod(periodFrom, periodTo);
  const beforeTargets = (await planTargets(tx, id)).map((t) => t.agencyId);
  if (input.targetAgencyIds) await checkTargets(tx, ctx, { issuingAgencyId: plan.issuingAgencyId, periodFrom, periodTo }, input.targetAgencyIds, new Set(beforeTargets));
  const content: PlanContent = { ...(plan.content as PlanContent), ...(input.content ?? {}) };
  const after = await updateVersioned(tx, inspectionPlan, id, input.version, {
    ...(input.year !== undefined ? { year: input.year } : {}),
    periodFrom,
    periodTo,
    content,
  });
  if (input.targetAgencyIds) await replaceTargets(tx, id, input.targetAgencyIds);
  const { issuingAgencyName: _n, number: _no, symbol: _s, ...before } = plan;
  await recordAudit(tx, ctx, {
    action: 'plan.updated',
    entityType: 'inspection_plan',
    entityId: id,
    scope: { places: [issuerPlace(plan)] },
    before: { ...before, targetAgencyIds: beforeTargets },
    after: { ...after, targetAgencyIds: input.targetAgencyIds ?? beforeTargets },
  });
  return after;
}
