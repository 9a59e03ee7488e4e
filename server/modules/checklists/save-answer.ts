import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { saveAnswerBody } from '../../../shared/api/checklists.schemas.js';
import { laterEdit, type AnswerType } from '../../../shared/domain/checklists.js';
import { inspectionChecklistItem, inspectionChecklistItemRevision } from '../../db/schema/index.js';
import type { Tx } from '../../db/client.js';
import { updateVersioned } from '../../db/versioned-update.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { issuerPlace } from '../plans/plans.policy.js';
import { findVisibleInspection } from '../inspections/inspections.repository.js';
import { assertFills } from './checklists.policy.js';
import { inspectionOfVisibleItem, type ChecklistItemRow } from './checklists.repository.js';

type Input = z.infer<typeof saveAnswerBody>;
export type SaveOutcome = 'saved' | 'kept_in_history' | 'already_saved';

/** The answer of an item as the 409 shows it (the other version; the caller has its own). */
export const answerOf = (item: ChecklistItemRow) => ({
  id: item.id,
  version: item.version,
  rating: item.rating,
  numberValue: item.numberValue,
  textValue: item.textValue,
  note: item.note,
  editedAt: item.editedAt?.toISOString() ?? null,
  editedBy: item.editedBy,
});

/** Only the value of the item's answer type may be given (a note goes with any). */
function checkAnswerType(answerType: AnswerType, input: Input): void {
  const given: [keyof Input, AnswerType][] = [
    ['rating', 'rating'],
    ['numberValue', 'number'],
    ['textValue', 'text'],
  ];
  for (const [field, type] of given) {
    if (input[field] !== null && type !== answerType) throw AppError.invalid(`body.${field}`, 'wrong_answer_type', `this item is answered as ${answerType}`);
  }
}

/**
 * Autosave of one item's answer and note by a member of the team. Every save is a revision in
 * the item's history. From the current version it becomes the answer. From a stale version (two
 * devices edited the item, one of them offline): 'reject' answers 409 VERSION_CONFLICT with the
 * current answer and saves nothing; 'keep_both' keeps this save in the history beside the other,
 * and the item shows whichever was typed later. A save sent twice (same clientRevisionId, a
 * device retrying after a lost answer) is kept once.
 */
export async function saveAnswer(tx: Tx, ctx: RequestContext, itemId: string, input: Input): Promise<{ item: ChecklistItemRow; outcome: SaveOutcome }> {
  const found = await inspectionOfVisibleItem(tx, ctx.actor, itemId);
  if (!found) throw AppError.notFound('checklist item');
  const inspection = (await findVisibleInspection(tx, ctx.actor, found.inspectionId))!;
  assertFills(ctx.actor, inspection);
  const item = found.item;
  const [replay] = await tx.select().from(inspectionChecklistItemRevision).where(eq(inspectionChecklistItemRevision.clientRevisionId, input.clientRevisionId));
  if (replay) {
    if (replay.itemId !== itemId) throw AppError.invalid('body.clientRevisionId', 'duplicate', 'this save id was used for another item');
    return { item, outcome: 'already_saved' };
  }
  checkAnswerType(item.answerType as AnswerType, input);

  const answer = { rating: input.rating, numberValue: input.numberValue, textValue: input.textValue, note: input.note };
  const editedAt = new Date(input.editedAt);
  const stale = input.version !== item.version;
  if (stale && input.onConflict === 'reject') {
    throw new AppError('VERSION_CONFLICT', `the item is at version ${item.version}, the answer was typed from version ${input.version}`, undefined, { current: answerOf(item) });
  }
  const shown = !stale || laterEdit({ editedAt: item.editedAt?.toISOString() ?? null }, { editedAt: input.editedAt }) === 'incoming';
  let after = item;
  if (shown) after = await updateVersioned(tx, inspectionChecklistItem, itemId, item.version, { ...answer, editedAt, editedBy: ctx.actor.userId });
  await tx.insert(inspectionChecklistItemRevision).values({
    itemId,
    clientRevisionId: input.clientRevisionId,
    itemVersion: shown ? after.version : null,
    baseVersion: input.version,
    conflictWithVersion: stale ? item.version : null,
    ...answer,
    editedAt,
    editedBy: ctx.actor.userId,
  });
  await recordAudit(tx, ctx, {
    action: 'checklist.answer_saved',
    entityType: 'inspection_checklist_item',
    entityId: itemId,
    scope: { places: [issuerPlace(inspection)] },
    before: answerOf(item),
    after: { ...answer, editedAt: input.editedAt, version: after.version, ...(stale ? { conflictWithVersion: item.version, shown } : {}) },
  });
  return { item: after, outcome: shown ? 'saved' : 'kept_in_history' };
}
