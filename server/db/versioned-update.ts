import { and, eq, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './client.js';
import { AppError } from '../http/app-error.js';

type VersionedTable = PgTable & { id: PgColumn; version: PgColumn; updatedAt: PgColumn };

/**
 * Optimistic concurrency: updates the row only if it still has the version the caller read.
 * A stale version answers 409 VERSION_CONFLICT and writes nothing.
 */
export async function updateVersioned<T extends VersionedTable>(
  tx: DbOrTx,
  table: T,
  id: string,
  expectedVersion: number,
  changes: Record<string, unknown>,
): Promise<T['$inferSelect']> {
  const rows = await tx
    .update(table)
    .set({ ...changes, version: sql`${table.version} + 1`, updatedAt: sql`now()` } as never)
    .where(and(eq(table.id, id), eq(table.version, expectedVersion)))
    .returning();
  const row = (rows as T['$inferSelect'][])[0];
  if (!row) throw new AppError('VERSION_CONFLICT', `the record was changed by someone else (expected version ${expectedVersion})`);
  return row;
}

/** Throws 409 before any work when the caller's version is already stale. */
export function assertVersion(current: { version: number }, expected: number) {
  if (current.version !== expected) {
    throw new AppError('VERSION_CONFLICT', `the record is at version ${current.version}, the request was made from version ${expected}`);
  }
}
