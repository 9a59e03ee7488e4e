import { sql } from 'drizzle-orm';
import { boolean, check, jsonb, text, timestamp, uuid, type PgColumn } from 'drizzle-orm/pg-core';
import { appUser } from '../db/schema/identity.js';

/**
 * The columns of a record of work run as a job for one person (an .xlsx import, a report
 * compilation): its job and status, the requester (the only reader), when it was asked and when
 * it finished. Only drizzle here: schema files import it (drizzle-kit loads them).
 */
export function jobRecordColumns() {
  return {
    id: uuid().primaryKey().defaultRandom(),
    /** 'queued' | 'running' | 'done' | 'failed', and 'rejected' for an import (jobStatusCheck). */
    status: text().notNull().default('queued'),
    jobId: text(),
    requestedBy: uuid()
      .notNull()
      .references(() => appUser.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  };
}

/**
 * The columns every .xlsx import table has (index_score_import, index_framework_import,
 * assigned_task_import, registry_import), for the shared steps of server/jobs/xlsx-import.ts:
 * a job record (jobRecordColumns) with the file stored by its hash and what the requester asked
 * (a dry run or not). Each table adds its own.
 */
export function xlsxImportColumns() {
  const { id, ...job } = jobRecordColumns();
  return {
    id,
    dryRun: boolean().notNull(),
    fileSha256: text().notNull(),
    fileName: text(),
    ...job,
  };
}

/** What an import that reports row by row keeps: its row errors (capped) and its counts. */
export function xlsxImportReportColumns() {
  return {
    errors: jsonb().notNull().default([]),
    summary: jsonb(),
  };
}

/** The status check of a job record's table (named after the table, as drizzle-kit expects). */
export const jobStatusCheck = (table: string, status: PgColumn, statuses: readonly string[]) =>
  check(`${table}_status_check`, sql`${status} in (${sql.raw(statuses.map((s) => `'${s}'`).join(','))})`);

/** The status check of an import table. */
export const xlsxImportStatusCheck = (table: string, status: PgColumn) => jobStatusCheck(table, status, ['queued', 'running', 'done', 'rejected', 'failed']);
