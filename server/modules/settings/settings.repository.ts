import { and, eq, sql } from 'drizzle-orm';
import { agency, setting, standingBody, unit } from '../../db/schema/index.js';
import { AppError } from '../../http/app-error.js';
import type { DbOrTx, Tx } from '../../db/client.js';

export interface StandingBodyRow {
  unitId: string;
  unitName: string;
  agencyId: string | null;
  agencyName: string | null;
  version: number | null;
}

/** The standing body of a unit's People's Committee with its agency's name (version null: never set). */
export async function readStandingBody(db: DbOrTx, unitId: string): Promise<StandingBodyRow> {
  const [row] = await db
    .select({ unitName: unit.name, agencyId: standingBody.agencyId, agencyName: agency.name, version: standingBody.version })
    .from(unit)
    .leftJoin(standingBody, eq(standingBody.unitId, unit.id))
    .leftJoin(agency, eq(agency.id, standingBody.agencyId))
    .where(eq(unit.id, unitId));
  return { unitId, unitName: row?.unitName ?? '', agencyId: row?.agencyId ?? null, agencyName: row?.agencyName ?? null, version: row?.version ?? null };
}

export async function insertStandingBody(tx: Tx, unitId: string, agencyId: string): Promise<boolean> {
  const inserted = await tx.insert(standingBody).values({ unitId, agencyId }).onConflictDoNothing().returning({ unitId: standingBody.unitId });
  return inserted.length > 0;
}

/** Updates the setting if it is still at `version`; false when someone changed it meanwhile. */
export async function updateStandingBody(tx: Tx, unitId: string, agencyId: string, version: number): Promise<boolean> {
  const updated = await tx
    .update(standingBody)
    .set({ agencyId, version: sql`${standingBody.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(standingBody.unitId, unitId), eq(standingBody.version, version)))
    .returning({ unitId: standingBody.unitId });
  return updated.length > 0;
}

/** The active People's Committee of a unit (the owner of its standard report templates). */
export async function committeeOfUnit(db: DbOrTx, unitId: string) {
  const [row] = await db
    .select({ id: agency.id, unitPath: agency.unitPath, path: agency.path })
    .from(agency)
    .where(and(eq(agency.unitId, unitId), eq(agency.kind, 'peoples_committee'), eq(agency.active, true)))
    .limit(1);
  return row ?? null;
}

/**
 * Writes a versioned row of `setting`: creates it when `version` is null, else updates it if it is
 * still at `version`; 409 VERSION_CONFLICT naming `what` when someone else got there first.
 */
export async function writeVersionedSetting(tx: Tx, key: string, value: unknown, version: number | null, what: string): Promise<void> {
  if (version === null) {
    const inserted = await tx.insert(setting).values({ key, value }).onConflictDoNothing().returning({ key: setting.key });
    if (!inserted.length) throw new AppError('VERSION_CONFLICT', `${what} was set by someone else meanwhile`);
    return;
  }
  const updated = await tx
    .update(setting)
    .set({ value, version: sql`${setting.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(setting.key, key), eq(setting.version, version)))
    .returning({ key: setting.key });
  if (!updated.length) throw new AppError('VERSION_CONFLICT', `${what} was changed by someone else`);
}
