import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { appUser } from './identity.js';

/**
 * A registry .xlsx import, run as a job (issue 12 §2): the uploaded file (stored by hash), what
 * it was asked to do, how far the job has got and what it found. Only its requester reads it.
 */
export const registryImport = pgTable(
  'registry_import',
  {
    id: uuid().primaryKey().defaultRandom(),
    dryRun: boolean().notNull(),
    fileSha256: text().notNull(),
    fileName: text(),
    /** 'queued' | 'running' | 'done' | 'rejected' | 'failed'. */
    status: text().notNull().default('queued'),
    /** Rows of both sheets, once the workbook is read. */
    total: integer(),
    processed: integer().notNull().default(0),
    /** ImportResult once done; the workbook's own error ({ code, message }) once rejected. */
    result: jsonb(),
    error: jsonb(),
    jobId: text(),
    requestedBy: uuid()
      .notNull()
      .references(() => appUser.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('registry_import_requested_by_idx').on(t.requestedBy),
    check('registry_import_status_check', sql`${t.status} in ('queued','running','done','rejected','failed')`),
  ],
);
