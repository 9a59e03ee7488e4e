import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { documentEvidenceBody } from '../../../shared/api/checklists.schemas.js';
import { checklistEvidence, fileAttachment } from '../../db/schema/index.js';
import type { DbOrTx, Tx } from '../../db/client.js';
import type { Actor, RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { attachFile } from '../../files/attachments.js';
import type { FileStorage, ReceivedFile } from '../../files/file-storage.js';
import type { AttachmentPurpose } from '../../files/record-access.js';
import { recordAudit } from '../audit/audit-log.js';
import { issuerPlace } from '../plans/plans.policy.js';
import { findVisibleInspection, type InspectionRow } from '../inspections/inspections.repository.js';
import { assertFills } from './checklists.policy.js';
import { inspectionOfVisibleItem, visibleEvidence, type ChecklistItemRow } from './checklists.repository.js';

/** Photos: a phone's, resized in the browser (a full-size camera picture is refused). */
export const PHOTO_MAX_BYTES = 8 * 1024 * 1024;
export const evidencePurposes: Record<'photo' | 'file', AttachmentPurpose> = {
  photo: { accept: ['jpeg', 'png', 'heic'], maxBytes: PHOTO_MAX_BYTES, maxFiles: 50 },
  file: { accept: ['pdf', 'docx', 'xlsx', 'jpeg', 'png', 'heic'], maxFiles: 50 },
};

/**
 * The item and its inspection, for adding evidence: 404 when the inspection is not visible,
 * 403 unless the actor is on the team (or the office), 409 once it is closed. Asked before a
 * byte of an upload is read.
 */
export async function itemForEvidence(db: DbOrTx, actor: Actor, itemId: string): Promise<{ item: ChecklistItemRow; inspection: InspectionRow }> {
  const found = await inspectionOfVisibleItem(db, actor, itemId);
  if (!found) throw AppError.notFound('checklist item');
  const inspection = (await findVisibleInspection(db, actor, found.inspectionId))!;
  assertFills(actor, inspection);
  return { item: found.item, inspection };
}

/** Evidence already stored under this device id (an offline upload sent again), for this item. */
export async function evidenceByClientId(db: DbOrTx, itemId: string, clientId: string) {
  const [row] = await db.select().from(checklistEvidence).where(eq(checklistEvidence.clientId, clientId));
  if (row && row.itemId !== itemId) throw AppError.invalid('query.clientId', 'duplicate', 'this evidence id was used for another item');
  return row ?? null;
}

/** A reference to a document the team sighted (title, number, date). */
export async function addDocumentEvidence(tx: Tx, ctx: RequestContext, itemId: string, input: z.infer<typeof documentEvidenceBody>) {
  const { inspection } = await itemForEvidence(tx, ctx.actor, itemId);
  const existing = await evidenceByClientId(tx, itemId, input.clientId);
  if (existing) return existing;
  const [row] = await tx
    .insert(checklistEvidence)
    .values({ itemId, clientId: input.clientId, kind: 'document', documentTitle: input.documentTitle, documentNumber: input.documentNumber, documentDate: input.documentDate, note: input.note, createdBy: ctx.actor.userId })
    .returning();
  await recordAudit(tx, ctx, { action: 'checklist.evidence_added', entityType: 'inspection_checklist_item', entityId: itemId, scope: { places: [issuerPlace(inspection)] }, after: row });
  return row;
}

/** A photo or a file received by the route (already checked for kind and size), stored and linked. */
export async function addFileEvidence(
  tx: Tx,
  ctx: RequestContext,
  files: FileStorage,
  input: { itemId: string; kind: 'photo' | 'file'; clientId: string; capturedAt: string | null; file: ReceivedFile },
) {
  const { inspection } = await itemForEvidence(tx, ctx.actor, input.itemId);
  const existing = await evidenceByClientId(tx, input.itemId, input.clientId);
  if (existing) return existing;
  const scope = { places: [issuerPlace(inspection)] };
  const attachment = await attachFile(tx, ctx, files, { ownerType: 'checklist_item', ownerId: input.itemId, purpose: input.kind, file: input.file, maxFiles: evidencePurposes[input.kind].maxFiles, scope });
  const [row] = await tx
    .insert(checklistEvidence)
    .values({ itemId: input.itemId, clientId: input.clientId, kind: input.kind, attachmentId: attachment.id, capturedAt: input.capturedAt ? new Date(input.capturedAt) : null, createdBy: ctx.actor.userId })
    .returning();
  await recordAudit(tx, ctx, { action: 'checklist.evidence_added', entityType: 'inspection_checklist_item', entityId: input.itemId, scope, after: { ...row, fileName: attachment.fileName, sha256: attachment.sha256 } });
  return row;
}

/** Removes a piece of evidence (and its file's link: the bytes go when nothing refers to them). */
export async function removeEvidence(tx: Tx, ctx: RequestContext, evidenceId: string) {
  const found = await visibleEvidence(tx, ctx.actor, evidenceId);
  if (!found) throw AppError.notFound('evidence');
  const inspection = (await findVisibleInspection(tx, ctx.actor, found.inspectionId))!;
  assertFills(ctx.actor, inspection);
  await tx.delete(checklistEvidence).where(eq(checklistEvidence.id, evidenceId));
  if (found.evidence.attachmentId) await tx.delete(fileAttachment).where(eq(fileAttachment.id, found.evidence.attachmentId));
  await recordAudit(tx, ctx, { action: 'checklist.evidence_removed', entityType: 'inspection_checklist_item', entityId: found.evidence.itemId, scope: { places: [issuerPlace(inspection)] }, before: found.evidence });
}
