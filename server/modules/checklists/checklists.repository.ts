import { and, asc, count, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { appUser, checklistEvidence, fileAttachment, inspectionChecklist, inspectionChecklistItem, inspectionChecklistItemRevision } from '../../db/schema/index.js';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../http/actor.js';
import { visibleInspections } from '../inspections/inspections.policy.js';

export type ChecklistRow = typeof inspectionChecklist.$inferSelect;
export type ChecklistItemRow = typeof inspectionChecklistItem.$inferSelect;
export type EvidenceRow = typeof checklistEvidence.$inferSelect & { fileName: string | null; mediaType: string | null; size: number | null };

export async function checklistsOf(db: DbOrTx, inspectionId: string): Promise<ChecklistRow[]> {
  return db.select().from(inspectionChecklist).where(eq(inspectionChecklist.inspectionId, inspectionId)).orderBy(asc(inspectionChecklist.createdAt), asc(inspectionChecklist.id));
}

export async function itemsOf(db: DbOrTx, checklistIds: string[]): Promise<(ChecklistItemRow & { editedByName: string | null })[]> {
  if (!checklistIds.length) return [];
  const rows = await db
    .select({ item: inspectionChecklistItem, editedByName: appUser.fullName })
    .from(inspectionChecklistItem)
    .leftJoin(appUser, eq(appUser.id, inspectionChecklistItem.editedBy))
    .where(inArray(inspectionChecklistItem.checklistId, checklistIds))
    .orderBy(asc(inspectionChecklistItem.checklistId), asc(inspectionChecklistItem.position));
  return rows.map((r) => ({ ...r.item, editedByName: r.editedByName }));
}

export async function evidenceOf(db: DbOrTx, itemIds: string[]): Promise<EvidenceRow[]> {
  if (!itemIds.length) return [];
  const rows = await db
    .select({ evidence: checklistEvidence, fileName: fileAttachment.fileName, mediaType: fileAttachment.mediaType, size: fileAttachment.size })
    .from(checklistEvidence)
    .leftJoin(fileAttachment, eq(fileAttachment.id, checklistEvidence.attachmentId))
    .where(inArray(checklistEvidence.itemId, itemIds))
    .orderBy(asc(checklistEvidence.createdAt), asc(checklistEvidence.id));
  return rows.map((r) => ({ ...r.evidence, fileName: r.fileName, mediaType: r.mediaType, size: r.size === null ? null : Number(r.size) }));
}

/** Saves kept from stale versions, per item. */
export async function conflictCounts(db: DbOrTx, itemIds: string[]): Promise<Map<string, number>> {
  if (!itemIds.length) return new Map();
  const rows = await db
    .select({ id: inspectionChecklistItemRevision.itemId, n: count() })
    .from(inspectionChecklistItemRevision)
    .where(and(inArray(inspectionChecklistItemRevision.itemId, itemIds), isNotNull(inspectionChecklistItemRevision.conflictWithVersion)))
    .groupBy(inspectionChecklistItemRevision.itemId);
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

/** The inspection an item belongs to, if the actor may see that inspection. */
export async function inspectionOfVisibleItem(db: DbOrTx, actor: Actor, itemId: string): Promise<{ item: ChecklistItemRow; inspectionId: string } | null> {
  const [row] = await db
    .select({ item: inspectionChecklistItem, inspectionId: inspectionChecklist.inspectionId })
    .from(inspectionChecklistItem)
    .innerJoin(inspectionChecklist, eq(inspectionChecklist.id, inspectionChecklistItem.checklistId))
    .where(and(eq(inspectionChecklistItem.id, itemId), sql`${inspectionChecklist.inspectionId} in ${visibleInspections(actor)}`));
  return row ?? null;
}

/** The inspection of a piece of evidence, if the actor may see that inspection. */
export async function visibleEvidence(db: DbOrTx, actor: Actor, evidenceId: string): Promise<{ evidence: typeof checklistEvidence.$inferSelect; inspectionId: string } | null> {
  const [row] = await db
    .select({ evidence: checklistEvidence, inspectionId: inspectionChecklist.inspectionId })
    .from(checklistEvidence)
    .innerJoin(inspectionChecklistItem, eq(inspectionChecklistItem.id, checklistEvidence.itemId))
    .innerJoin(inspectionChecklist, eq(inspectionChecklist.id, inspectionChecklistItem.checklistId))
    .where(and(eq(checklistEvidence.id, evidenceId), sql`${inspectionChecklist.inspectionId} in ${visibleInspections(actor)}`));
  return row ?? null;
}

export async function revisionsOf(db: DbOrTx, itemId: string) {
  return db
    .select({ revision: inspectionChecklistItemRevision, editedByName: appUser.fullName })
    .from(inspectionChecklistItemRevision)
    .innerJoin(appUser, eq(appUser.id, inspectionChecklistItemRevision.editedBy))
    .where(eq(inspectionChecklistItemRevision.itemId, itemId))
    .orderBy(asc(inspectionChecklistItemRevision.receivedAt), asc(inspectionChecklistItemRevision.editedAt), asc(inspectionChecklistItemRevision.id));
}

/** Evidence rows of one inspection among the given ids (a finding's evidence must be of its inspection). */
export async function evidenceOfInspection(db: DbOrTx, inspectionId: string, ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await db
    .select({ id: checklistEvidence.id })
    .from(checklistEvidence)
    .innerJoin(inspectionChecklistItem, eq(inspectionChecklistItem.id, checklistEvidence.itemId))
    .innerJoin(inspectionChecklist, eq(inspectionChecklist.id, inspectionChecklistItem.checklistId))
    .where(and(inArray(checklistEvidence.id, ids), eq(inspectionChecklist.inspectionId, inspectionId)));
  return rows.map((r) => r.id);
}
