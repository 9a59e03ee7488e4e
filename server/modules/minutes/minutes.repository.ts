import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { documentRegisterEntry, inspectionMinutes } from '../../db/schema/index.js';
import { inReach } from '../../authz/scope.js';
import type { Actor } from '../../http/actor.js';
import { findInspection, findVisibleInspection, type InspectionRow } from '../inspections/inspections.repository.js';
import { issuerPlace } from '../plans/plans.policy.js';
import { fillsChecklistsOf } from '../checklists/checklists.policy.js';

export type MinutesRecord = typeof inspectionMinutes.$inferSelect;
/** The minutes with their inspection (as the caller sees it) and register number. */
export type MinutesRow = MinutesRecord & { inspection: InspectionRow; number: number | null; symbol: string | null };

async function load(db: DbOrTx, where: ReturnType<typeof eq>) {
  const [row] = await db
    .select({ minutes: inspectionMinutes, number: documentRegisterEntry.number, symbol: documentRegisterEntry.symbol })
    .from(inspectionMinutes)
    .leftJoin(documentRegisterEntry, eq(documentRegisterEntry.id, inspectionMinutes.registerEntryId))
    .where(where);
  return row ?? null;
}

/**
 * Whether the actor sees these minutes: whoever sees the inspection (visibleInspections: an
 * unannounced visit stays secret from the unit until it starts) sees the final minutes; a draft
 * is the team's, the standing office's and the leaders' (`inspection.read_all`).
 */
export function seesMinutes(actor: Actor, inspection: InspectionRow, status: string): boolean {
  return status === 'final' || fillsChecklistsOf(actor, inspection) || inReach(actor, 'inspection.read_all', issuerPlace(inspection));
}

export async function findVisibleMinutes(db: DbOrTx, actor: Actor, id: string): Promise<MinutesRow | null> {
  const row = await load(db, eq(inspectionMinutes.id, id));
  if (!row) return null;
  const inspection = await findVisibleInspection(db, actor, row.minutes.inspectionId);
  if (!inspection || !seesMinutes(actor, inspection, row.minutes.status)) return null;
  return { ...row.minutes, inspection, number: row.number, symbol: row.symbol };
}

/** Without a caller (the document pipeline's loader, after findForActor said yes). */
export async function findMinutes(db: DbOrTx, id: string): Promise<MinutesRow | null> {
  const row = await load(db, eq(inspectionMinutes.id, id));
  if (!row) return null;
  const inspection = await findInspection(db, row.minutes.inspectionId);
  return inspection ? { ...row.minutes, inspection, number: row.number, symbol: row.symbol } : null;
}

/** The minutes of an inspection the actor sees (none, or one). */
export async function listVisibleMinutes(db: DbOrTx, actor: Actor, inspectionId: string): Promise<MinutesRow[]> {
  const inspection = await findVisibleInspection(db, actor, inspectionId);
  if (!inspection) return [];
  const rows = await db
    .select({ minutes: inspectionMinutes, number: documentRegisterEntry.number, symbol: documentRegisterEntry.symbol })
    .from(inspectionMinutes)
    .leftJoin(documentRegisterEntry, eq(documentRegisterEntry.id, inspectionMinutes.registerEntryId))
    .where(eq(inspectionMinutes.inspectionId, inspectionId))
    .orderBy(asc(inspectionMinutes.createdAt));
  return rows.filter((r) => seesMinutes(actor, inspection, r.minutes.status)).map((r) => ({ ...r.minutes, inspection, number: r.number, symbol: r.symbol }));
}
