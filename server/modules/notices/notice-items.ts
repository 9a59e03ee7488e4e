import { and, eq, inArray, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { noticeItemInput } from '../../../shared/api/notices.schemas.js';
import { inspection, inspectionNotice, inspectionNoticeItem } from '../../db/schema/index.js';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../http/app-error.js';

/** "Lãnh đạo UBND, công chức phụ trách CCHC" by default; a one-stop desk's staff when one is visited. */
export const DEFAULT_ATTENDEES = 'Lãnh đạo đơn vị và công chức phụ trách công tác cải cách hành chính';

/**
 * The items of a notice: announced inspections of the plan, each once, still planned (a notified
 * one already has its notice; a rescheduled one is planned again and needs a new one) and in no
 * other draft (two drafts of one visit would tell the unit twice, maybe of two dates).
 */
export async function checkedItems(tx: DbOrTx, planId: string, items: z.infer<typeof noticeItemInput>[], exceptNoticeId?: string) {
  const ids = items.map((i) => i.inspectionId);
  if (new Set(ids).size !== ids.length) throw AppError.invalid('body.items', 'duplicate', 'an inspection is listed twice');
  const rows = await tx.select({ id: inspection.id, kind: inspection.kind, status: inspection.status }).from(inspection).where(and(eq(inspection.planId, planId), inArray(inspection.id, ids)));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const drafted = await tx
    .select({ inspectionId: inspectionNoticeItem.inspectionId })
    .from(inspectionNoticeItem)
    .innerJoin(inspectionNotice, eq(inspectionNotice.id, inspectionNoticeItem.noticeId))
    .where(and(inArray(inspectionNoticeItem.inspectionId, ids), eq(inspectionNotice.status, 'draft'), ...(exceptNoticeId ? [ne(inspectionNotice.id, exceptNoticeId)] : [])));
  const inOtherDraft = new Set(drafted.map((d) => d.inspectionId));
  items.forEach((item, i) => {
    const row = byId.get(item.inspectionId);
    if (!row) throw AppError.invalid(`body.items.${i}.inspectionId`, 'not_an_inspection_of_plan', 'no such inspection under this plan');
    if (row.kind !== 'announced') throw AppError.invalid(`body.items.${i}.inspectionId`, 'not_announced', 'only announced visits are notified');
    if (row.status !== 'planned') throw AppError.invalid(`body.items.${i}.inspectionId`, 'not_planned', `the inspection is ${row.status}`);
    if (inOtherDraft.has(row.id)) throw AppError.invalid(`body.items.${i}.inspectionId`, 'in_other_draft', 'the inspection is already in another draft notice');
  });
  return items.map((i) => ({ inspectionId: i.inspectionId, attendees: i.attendees || DEFAULT_ATTENDEES }));
}
