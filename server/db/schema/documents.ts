import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { storedFile } from './files.js';
import { appUser } from './identity.js';
import { documentRegisterEntry } from './plans.js';

/**
 * What an issued document said, frozen at issue against its register entry: the view model and
 * the bytes of the .docx (in stored_file, always in the database). Downloads of an issued
 * document serve these bytes; nothing edited later reaches them. Append-only: a trigger refuses
 * UPDATE and DELETE (docs/decisions/frozen-issued-documents.md).
 */
export const issuedDocument = pgTable(
  'issued_document',
  {
    id: uuid().primaryKey().defaultRandom(),
    registerEntryId: uuid()
      .notNull()
      .references(() => documentRegisterEntry.id),
    /** The document kind's code ('plan', 'team-decision'). */
    kind: text().notNull(),
    subjectType: text().notNull(),
    subjectId: uuid().notNull(),
    viewModel: jsonb().notNull(),
    docxSha256: text()
      .notNull()
      .references(() => storedFile.sha256),
    /** The builder version that made the bytes, for the record. */
    rendererVersion: text().notNull(),
    createdBy: uuid().references(() => appUser.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('issued_document_register_entry_key').on(t.registerEntryId), index('issued_document_subject_idx').on(t.kind, t.subjectId)],
);

/**
 * A PDF conversion, queued, running or done. The result is cached by `cacheKey`: the frozen
 * .docx's hash for an issued document, the hash of the view model for a draft; a second request
 * for the same content reuses it instead of starting LibreOffice again.
 */
export const documentConversion = pgTable(
  'document_conversion',
  {
    id: uuid().primaryKey().defaultRandom(),
    cacheKey: text().notNull(),
    kind: text().notNull(),
    subjectId: uuid().notNull(),
    sourceSha256: text()
      .notNull()
      .references(() => storedFile.sha256),
    resultSha256: text().references(() => storedFile.sha256),
    status: text().notNull().default('queued'),
    errorCode: text(),
    /** The queue's id for the conversion job, to follow it in the jobs admin page. */
    jobId: text(),
    requestedBy: uuid().references(() => appUser.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('document_conversion_cache_key_idx').on(t.cacheKey, t.status),
    // One live conversion per content: two people asking at once share it (a failed one may be retried).
    uniqueIndex('document_conversion_live_key').on(t.cacheKey).where(sql`${t.status} <> 'failed'`),
    index('document_conversion_requested_by_idx').on(t.requestedBy, t.status),
    check('document_conversion_status_check', sql`${t.status} in ('queued','running','done','failed')`),
    check('document_conversion_result_check', sql`(${t.status} = 'done') = (${t.resultSha256} is not null)`),
  ],
);
