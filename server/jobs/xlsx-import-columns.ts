import { sql } from 'drizzle-orm';
import { boolean, check, jsonb, text, timestamp, uuid, type PgColumn } from 'drizzle-orm/pg-core';
import { appUser } from '../db/schema/identity.js';

/**
 * The columns every .xlsx import table has (index_score_import, index_framework_import,
 * assigned_task_import, registry_import), for the shared steps of server/jobs/xlsx-import.ts:
 * the file stored by its hash, what the requester asked (a dry run or not), the job and its
 * status, the requester (the only reader) and when it finished. Each table adds its own.
 * Only drizzle here: schema files import it (drizzle-kit loads them).
 */
export function xlsxImportColumns() {
  return {
    id: uuid().primaryKey().defaultRandom(),
    dryRun: boolean().notNull(),
    fileSha256: text().notNull(),
    fileName: text(),
    /** 'queued' | 'running' | 'done' | 'rejected' | 'failed'. */
    status: text().notNull().default('queued'),
    jobId: text(),
    requestedBy: uuid()
      .notNull()
      .references(() => appUser.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  };
}

/** What an import that reports row by row keeps: its row errors (capped) and its counts. */
export function xlsxImportReportColumns() {
  return {
    errors: jsonb().notNull().default([]),
    summary: jsonb(),
  };
}

/** The status check of an import table (named after the table, as drizzle-kit expects). */
export const xlsxImportStatusCheck = (table: string, status: PgColumn) =>
  check(`${table}_status_check`, sql`${status} in ('queued','running','done','rejected','failed')`);
