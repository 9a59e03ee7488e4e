import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { issuePlanBody, PlanContent } from '../../../shared/api/plans.schemas.js';
import { nextPlanStatus, type PlanStatus } from '../../../shared/domain/plan-status.js';
import { inspectionPlan } from '../../db/schema/index.js';
import type { Tx } from '../../db/client.js';
import { updateVersioned } from '../../db/versioned-update.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { registerDocument } from '../document-register/document-register.js';
import { freezeIssuedDocument } from '../../documents/issued-documents.js';
import { planDocument } from './plan-document.js';
import { loadForAction } from '../../authz/guard.js';
import { issuerPlace, planResource } from './plans.policy.js';
import { findPlan } from './plans.repository.js';
import { notifyPlanApproved } from './plan-notifications.js';

/**
 * The leader issues a submitted plan: the register gives it the next number of the issuing
 * agency for the year of issue, the date and the signer are recorded, and the document is frozen
 * (view model and .docx bytes, against the register entry).
 * Issuing an amending version supersedes the version it amends, in the same transaction.
 */
export async function issuePlan(tx: Tx, ctx: RequestContext, id: string, input: z.infer<typeof issuePlanBody>, today: string) {
  const plan = await loadForAction(tx, ctx, planResource, id, 'issue', input.version);
  const next = nextPlanStatus(plan.status as PlanStatus, 'issue')!;
  const content: PlanContent = { ...(plan.content as PlanContent), ...(input.signature ? { signature: input.signature } : {}) };
  if (!content.signature.signerName.trim()) throw AppError.invalid('body.signature.signerName', 'required', 'who signs the plan?');
  if (!content.signature.position.trim()) throw AppError.invalid('body.signature.position', 'required', 'the post of the signer');

  if (plan.amendsPlanId) {
    // Lock the amended version so two amendments cannot both supersede it.
    const [amended] = await tx.select().from(inspectionPlan).where(eq(inspectionPlan.id, plan.amendsPlanId)).for('update');
    if (!amended || nextPlanStatus(amended.status as PlanStatus, 'supersede') === null) {
      throw new AppError('INVALID_STATE', `the plan this version amends is ${amended?.status ?? 'missing'} and cannot be superseded`);
    }
    const superseded = await updateVersioned(tx, inspectionPlan, amended.id, amended.version, { status: 'superseded' });
    await recordAudit(tx, ctx, {
      action: 'plan.superseded',
      entityType: 'inspection_plan',
      entityId: amended.id,
      scope: { places: [issuerPlace(plan)] },
      before: { status: amended.status, version: amended.version },
      after: { status: superseded.status, version: superseded.version, supersededBy: id },
    });
  }

  const entry = await registerDocument(tx, ctx, {
    notAfter: today,
    agencyId: plan.issuingAgencyId,
    typeCode: 'ke_hoach',
    summary: content.summary,
    issuedOn: input.issuedOn,
    signerName: content.signature.signerName,
    signerPosition: [content.signature.authority, content.signature.onBehalfOf, content.signature.position].filter(Boolean).join(' / '),
    subjectType: 'plan',
    subjectId: id,
  });
  const after = await updateVersioned(tx, inspectionPlan, id, input.version, {
    status: next,
    content,
    registerEntryId: entry.id,
    issuedOn: input.issuedOn,
    issuedBy: ctx.actor.userId,
  });
  // The issued plan is a legal record: what it says now is what it will always say.
  await freezeIssuedDocument(tx, ctx, planDocument, { subjectId: id, registerEntryId: entry.id });
  await recordAudit(tx, ctx, {
    action: 'plan.issued',
    entityType: 'inspection_plan',
    entityId: id,
    scope: { places: [issuerPlace(plan)] },
    before: { status: plan.status, version: plan.version },
    after: { status: after.status, version: after.version, number: entry.number, symbol: entry.symbol, issuedOn: input.issuedOn, signature: content.signature },
  });
  const issued = (await findPlan(tx, id))!;
  await notifyPlanApproved(tx, ctx, issued);
  return issued;
}

/** Open (draft or submitted) versions of a series: at most one amendment is prepared at a time. */
export async function openVersionsOf(tx: Tx, seriesId: string) {
  return tx
    .select({ id: inspectionPlan.id })
    .from(inspectionPlan)
    .where(and(eq(inspectionPlan.seriesId, seriesId), inArray(inspectionPlan.status, ['draft', 'submitted'])));
}

export const maxRevision = (tx: Tx, seriesId: string) =>
  tx.select({ n: sql<number>`max(${inspectionPlan.revision})::int` }).from(inspectionPlan).where(eq(inspectionPlan.seriesId, seriesId));
