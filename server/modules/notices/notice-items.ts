import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { noticeItemInput } from '../../../shared/api/notices.schemas.js';
import { inspection } from '../../db/schema/index.js';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../http/app-error.js';

/** "Lãnh đạo UBND, công chức phụ trách CCHC" by default; a one-stop desk's staff when one is visited. */
export const DEFAULT_ATTENDEES = 'Lãnh đạo đơn vị và công chức phụ trách công tác cải cách hành chính';

/**
 * The items of a notice: announced inspections of the plan, each once, still planned (a notified
 * one already has its notice; a rescheduled one is planned again and needs a new one).
 */
export async function checkedItems(tx: DbOrTx, planId: string, items: z.infer<typeof noticeItemInput>[]) {
  const ids = items.map((i) => i.inspectionId);
  if (new Set(ids).size !== ids.length) throw AppError.invalid('body.items', 'duplicate', 'an inspection is listed twice');
  const rows = await tx.select({ id: inspection.id, kind: inspection.kind, status: inspection.status }).from(inspection).where(and(eq(inspection.planId, planId), inArray(inspection.id, ids)));
  const byId = new Map(rows.map((r) => [r.id, r]));
  items.forEach((item, i) => {
    const row = byId.get(item.inspectionId);
    if (!row) throw AppError.invalid(`body.items.${i}.inspectionId`, 'not_an_inspection_of_plan', 'no such inspection under this plan');
    if (row.kind !== 'announced') throw AppError.invalid(`body.items.${i}.inspectionId`, 'not_announced', 'only announced visits are notified');
    if (row.status !== 'planned') throw AppError.invalid(`body.items.${i}.inspectionId`, 'not_planned', `the inspection is ${row.status}`);
  });
  return items.map((i) => ({ inspectionId: i.inspectionId, attendees: i.attendees || DEFAULT_ATTENDEES }));
}
