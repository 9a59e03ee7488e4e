import type { z } from 'zod';
import type { createEscalationBody, EscalationContent, updateEscalationBody } from '../../../shared/api/escalations.schemas.js';
import { loadForAction } from '../../authz/guard.js';
import { inReach } from '../../authz/scope.js';
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client.js';
import { escalation, finding } from '../../db/schema/index.js';
import { updateVersioned } from '../../db/versioned-update.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { assertUnderPlanIssuer } from '../conclusions/create-conclusion.js';
import { issuerInfo } from '../document-register/issuer-header.js';
import { findVisibleInspection } from '../inspections/inspections.repository.js';
import { issuerPlace } from '../plans/plans.policy.js';
import { defaultEscalationContent } from './escalation-document.js';
import { assertEscalationMove, escalationResource } from './escalations.policy.js';

/** The findings named exist, belong to the inspection and are not withdrawn (400 `not_in_inspection` on the first that is not). */
async function checkedFindings(tx: DbOrTx, inspectionId: string, ids: string[] | undefined): Promise<string[] | undefined> {
  if (!ids) return undefined;
  const unique = [...new Set(ids)];
  const rows = unique.length ? await tx.select({ id: finding.id, withdrawnAt: finding.withdrawnAt }).from(finding).where(and(eq(finding.inspectionId, inspectionId), inArray(finding.id, unique))) : [];
  const ok = new Set(rows.filter((r) => !r.withdrawnAt).map((r) => r.id));
  ids.forEach((id, i) => {
    if (!ok.has(id)) throw AppError.invalid(`body.findingIds.${i}`, 'not_in_inspection', 'not a finding of this inspection');
  });
  return unique;
}

/** The standing office drafts a proposal for a public-service inspection after a visit that found signs of breaches. */
export async function createEscalation(tx: Tx, ctx: RequestContext, input: z.infer<typeof createEscalationBody>) {
  const row = await findVisibleInspection(tx, ctx.actor, input.inspectionId);
  if (!row) throw AppError.notFound('inspection');
  if (!inReach(ctx.actor, 'conclusion.draft', issuerPlace(row))) throw new AppError('FORBIDDEN', 'only the standing office drafts escalations');
  if (row.status !== 'under_way' && row.status !== 'closed') throw new AppError('INVALID_STATE', `the inspection is ${row.status}: an escalation follows the visit`);
  const issuingAgencyId = input.issuingAgencyId ?? row.issuingAgencyId;
  await assertUnderPlanIssuer(tx, row.issuingAgencyId, issuingAgencyId);
  const content: EscalationContent = { ...defaultEscalationContent(row, await issuerInfo(tx, issuingAgencyId), await issuerInfo(tx, row.issuingAgencyId)), ...input.content };
  const findingIds = (await checkedFindings(tx, row.id, input.findingIds)) ?? [];
  const [created] = await tx.insert(escalation).values({ inspectionId: row.id, issuingAgencyId, form: input.form, content, findingIds, createdBy: ctx.actor.userId }).returning();
  await recordAudit(tx, ctx, { action: 'escalation.created', entityType: 'escalation', entityId: created.id, scope: { places: [issuerPlace(row)] }, after: created });
  return created;
}

/** Edits a draft proposal (versioned); once issued it is frozen (409 INVALID_TRANSITION). */
export async function updateEscalation(tx: Tx, ctx: RequestContext, id: string, input: z.infer<typeof updateEscalationBody>) {
  const row = await loadForAction(tx, ctx, escalationResource, id, 'edit', input.version);
  assertEscalationMove(row, 'edit');
  const content = input.content ? { ...(row.content as EscalationContent), ...input.content } : undefined;
  const findingIds = await checkedFindings(tx, row.inspectionId, input.findingIds);
  const after = await updateVersioned(tx, escalation, id, input.version, { ...(content ? { content } : {}), ...(input.form ? { form: input.form } : {}), ...(findingIds ? { findingIds } : {}) });
  await recordAudit(tx, ctx, {
    action: 'escalation.updated',
    entityType: 'escalation',
    entityId: id,
    scope: { places: [issuerPlace(row)] },
    before: { version: row.version, form: row.form, ...(content ? { content: row.content } : {}), ...(findingIds ? { findingIds: row.findingIds } : {}) },
    after: { version: after.version, form: after.form, ...(content ? { content } : {}), ...(findingIds ? { findingIds } : {}) },
  });
  return after;
}
