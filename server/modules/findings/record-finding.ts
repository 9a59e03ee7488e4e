import type { z } from 'zod';
import type { createFindingBody, updateFindingBody } from '../../../shared/api/findings.schemas.js';
import type { Clock } from '../../clock.js';
import { finding } from '../../db/schema/index.js';
import type { Tx } from '../../db/client.js';
import { assertVersion, updateVersioned } from '../../db/versioned-update.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { issuerPlace } from '../plans/plans.policy.js';
import { findVisibleInspection, type InspectionRow } from '../inspections/inspections.repository.js';
import { assertFills } from '../checklists/checklists.policy.js';
import { evidenceOfInspection } from '../checklists/checklists.repository.js';
import { evidenceIdsOf, findVisibleFinding, groupCodesOf, itemOfInspection, replaceFindingEvidence } from './findings.repository.js';

type Content = Omit<z.infer<typeof updateFindingBody>, 'version'>;

/** A finding's content checked against its inspection: severity by kind, a known group, its own evidence. */
async function checkContent(tx: Tx, inspection: InspectionRow, input: Content): Promise<void> {
  if (input.kind === 'good_practice' && input.severity !== null) throw AppError.invalid('body.severity', 'severity_not_allowed', 'a good practice has no severity');
  if (input.kind !== 'good_practice' && input.severity === null) throw AppError.invalid('body.severity', 'severity_required', 'a shortcoming or a violation has a severity');
  if (!(await groupCodesOf(tx, inspection.id)).has(input.contentGroup)) throw AppError.invalid('body.contentGroup', 'unknown_group', 'not a content group of this inspection’s checklists');
  const own = new Set(await evidenceOfInspection(tx, inspection.id, input.evidenceIds));
  const index = input.evidenceIds.findIndex((id) => !own.has(id));
  if (index >= 0) throw AppError.invalid(`body.evidenceIds[${index}]`, 'not_in_inspection', 'evidence of another inspection');
}

async function inspectionFor(tx: Tx, ctx: RequestContext, inspectionId: string): Promise<InspectionRow> {
  const inspection = await findVisibleInspection(tx, ctx.actor, inspectionId);
  if (!inspection) throw AppError.notFound('inspection');
  assertFills(ctx.actor, inspection);
  return inspection;
}

/** The team records a finding, from a checklist item of the inspection or free. */
export async function recordFinding(tx: Tx, ctx: RequestContext, inspectionId: string, input: z.infer<typeof createFindingBody>) {
  const inspection = await inspectionFor(tx, ctx, inspectionId);
  if (input.checklistItemId && !(await itemOfInspection(tx, inspectionId, input.checklistItemId))) {
    throw AppError.invalid('body.checklistItemId', 'not_in_inspection', 'not an item of this inspection’s checklists');
  }
  await checkContent(tx, inspection, input);
  const { evidenceIds, ...fields } = input;
  const [row] = await tx
    .insert(finding)
    .values({ inspectionId, ...fields, createdBy: ctx.actor.userId })
    .returning();
  await replaceFindingEvidence(tx, row.id, evidenceIds);
  await recordAudit(tx, ctx, { action: 'finding.created', entityType: 'finding', entityId: row.id, scope: { places: [issuerPlace(inspection)] }, after: { ...row, evidenceIds } });
  return row;
}

async function loadForChange(tx: Tx, ctx: RequestContext, id: string, version: number) {
  const row = await findVisibleFinding(tx, ctx.actor, id);
  if (!row) throw AppError.notFound('finding');
  const inspection = await inspectionFor(tx, ctx, row.inspectionId);
  assertVersion(row, version);
  if (row.withdrawnAt) throw new AppError('INVALID_STATE', 'the finding was withdrawn');
  return { row, inspection };
}

/** Edits a finding (kind, group, severity, texts, evidence), versioned. */
export async function updateFinding(tx: Tx, ctx: RequestContext, id: string, input: z.infer<typeof updateFindingBody>) {
  const { row, inspection } = await loadForChange(tx, ctx, id, input.version);
  await checkContent(tx, inspection, input);
  const { version, evidenceIds, ...fields } = input;
  const beforeEvidence = (await evidenceIdsOf(tx, [id])).get(id) ?? [];
  const after = await updateVersioned(tx, finding, id, version, fields);
  await replaceFindingEvidence(tx, id, evidenceIds);
  const { checklistItemCode: _c, ...before } = row;
  await recordAudit(tx, ctx, { action: 'finding.updated', entityType: 'finding', entityId: id, scope: { places: [issuerPlace(inspection)] }, before: { ...before, evidenceIds: beforeEvidence }, after: { ...after, evidenceIds } });
  return after;
}

/** Withdraws a finding: kept for the record, left out of the minutes and the library. */
export async function withdrawFinding(tx: Tx, ctx: RequestContext, clock: Clock, id: string, version: number) {
  const { inspection } = await loadForChange(tx, ctx, id, version);
  const after = await updateVersioned(tx, finding, id, version, { withdrawnAt: clock.now() });
  await recordAudit(tx, ctx, { action: 'finding.withdrawn', entityType: 'finding', entityId: id, scope: { places: [issuerPlace(inspection)] }, before: { version }, after: { withdrawnAt: after.withdrawnAt, version: after.version } });
  return after;
}
