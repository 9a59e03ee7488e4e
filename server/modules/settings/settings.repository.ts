import { and, eq, sql } from 'drizzle-orm';
import { agency, setting } from '../../db/schema/index.js';
import type { DbOrTx, Tx } from '../../db/client.js';
import { STANDING_BODY_KEY } from '../registry/registry.repository.js';

export interface StandingBodyRow {
  agencyId: string | null;
  agencyName: string | null;
  version: number | null;
}

/** The standing body setting with its agency's name (version null: never set). */
export async function readStandingBody(db: DbOrTx): Promise<StandingBodyRow> {
  const [row] = await db.select({ value: setting.value, version: setting.version }).from(setting).where(eq(setting.key, STANDING_BODY_KEY));
  const agencyId = (row?.value as { agencyId?: string } | undefined)?.agencyId ?? null;
  const [named] = agencyId ? await db.select({ name: agency.name }).from(agency).where(eq(agency.id, agencyId)) : [];
  return { agencyId, agencyName: named?.name ?? null, version: row?.version ?? null };
}

export async function insertStandingBody(tx: Tx, agencyId: string): Promise<void> {
  await tx.insert(setting).values({ key: STANDING_BODY_KEY, value: { agencyId } });
}

/** Updates the setting if it is still at `version`; false when someone changed it meanwhile. */
export async function updateStandingBody(tx: Tx, agencyId: string, version: number): Promise<boolean> {
  const updated = await tx
    .update(setting)
    .set({ value: { agencyId }, version: sql`${setting.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(setting.key, STANDING_BODY_KEY), eq(setting.version, version)))
    .returning({ key: setting.key });
  return updated.length > 0;
}
