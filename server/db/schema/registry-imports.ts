import { index, integer, jsonb, pgTable } from 'drizzle-orm/pg-core';
import { xlsxImportColumns, xlsxImportStatusCheck } from '../../jobs/xlsx-import-columns.js';

/**
 * A registry .xlsx import, run as a job (issue 12 §2): the uploaded file (stored by hash), what
 * it was asked to do, how far the job has got and what it found. Only its requester reads it.
 */
export const registryImport = pgTable(
  'registry_import',
  {
    ...xlsxImportColumns(),
    /** Rows of both sheets, once the workbook is read. */
    total: integer(),
    processed: integer().notNull().default(0),
    /** ImportResult once done; the workbook's own error ({ code, message }) once rejected. */
    result: jsonb(),
    error: jsonb(),
  },
  (t) => [
    index('registry_import_requested_by_idx').on(t.requestedBy),
    xlsxImportStatusCheck('registry_import', t.status),
  ],
);
