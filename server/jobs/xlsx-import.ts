import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { FastifyRequest } from 'fastify';
import { queryRows, type DbOrTx } from '../db/client.js';
import { checkXlsx, type XlsxLimits } from '../documents/xlsx-guard.js';
import { storeBytesInDatabase } from '../files/file-storage.js';
import type { RequestContext } from '../http/actor.js';
import { AppError } from '../http/app-error.js';
import type { JobContext, JobDefinition } from './define.js';
import { currentJobSchema, enqueueJob } from './enqueue.js';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Errors kept and shown for one import (a 100,000-row mistake made an 11 MB answer). */
export const MAX_IMPORT_ERRORS = 200;

/** The columns every import table has (index_score_import, assigned_task_import, registry_import, …). */
export type XlsxImportTable = PgTable & {
  id: PgColumn;
  fileSha256: PgColumn;
  fileName: PgColumn;
  status: PgColumn;
  jobId: PgColumn;
  requestedBy: PgColumn;
  finishedAt: PgColumn;
};

/** The statuses after which an import is left alone (the job is idempotent). */
export const FINISHED_IMPORT_STATUSES = ['done', 'rejected', 'failed'] as const;

export interface XlsxImportSpec<TTable extends XlsxImportTable> {
  table: TTable;
  /** Names the record in a 404 ("score import"). */
  what: string;
  /** The largest workbook one import reads (it is parsed in the server's thread). */
  maxBytes: number;
  /** Names the workbook in the "too large" message ("a score workbook"). */
  workbook: string;
  /** What the workbook may unpack to and hold, checked before it is parsed (server/documents/xlsx-guard.ts). */
  limits: XlsxLimits;
  /** The job that carries the import out; its payload is the import's id. */
  job: () => JobDefinition<{ importId: string }>;
}

/**
 * An import job pg-boss is done with although the import never finished: the process died under
 * it and the job expired (import jobs are not retried: a workbook that killed the process would
 * kill it again), or the job was cancelled or is gone.
 */
const abandoned = (jobState: string | null) => jobState === null || jobState === 'completed' || jobState === 'failed' || jobState === 'cancelled';

/**
 * The shared steps of every .xlsx import run as a job: the request (size cap, "is it a zip",
 * the file stored by its hash, the import row inserted and the job enqueued in the caller's
 * transaction, so a rolled-back request leaves no job), the requester-only read (anyone else:
 * 404), and "failed" written on the job's last attempt. What an import checks and writes stays
 * in its module.
 */
export function xlsxImports<TTable extends XlsxImportTable>(spec: XlsxImportSpec<TTable>) {
  type Row = TTable['$inferSelect'];
  type Insert = TTable['$inferInsert'];
  const t = spec.table;

  /**
   * 400 `file_too_large` past the cap; 415 when the bytes are not a zip (every .xlsx is one);
   * 400 `workbook_too_large` when it unpacks to, or holds, more than the import's limits (a few
   * milliseconds, nothing kept in memory: the upload is refused at once, not the job's process
   * brought down by ExcelJS). Anything else about the workbook is the job's to say.
   */
  async function checkWorkbookBytes(bytes: Buffer): Promise<void> {
    if (bytes.length > spec.maxBytes) {
      throw AppError.invalid('body.file', 'file_too_large', `${spec.workbook} may be at most ${spec.maxBytes / 1024 / 1024} MB`);
    }
    if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) throw new AppError('UNSUPPORTED_FILE', 'the file is not an .xlsx workbook');
    const refused = await checkXlsx(bytes, spec.limits);
    if (refused?.code === 'workbook_too_large') throw AppError.invalid('body.file', 'workbook_too_large', refused.reason);
  }

  /**
   * 409 `IMPORT_IN_PROGRESS` while the caller has an import of this kind queued or running: one
   * at a time per user and kind. Serialized per user and kind by a transaction-scoped advisory
   * lock, so two uploads at once cannot both pass. An import whose job pg-boss has given up on
   * (failed or expired: the process died under it, and import jobs are not retried) or lost is
   * marked failed here, so it neither blocks the user nor shows as running for ever.
   */
  async function assertNoneRunning(tx: DbOrTx, userId: string): Promise<void> {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`xlsx-import:${spec.what}:${userId}`}))`);
    for (const row of await unfinished(tx, sql`i.requested_by = ${userId}`)) {
      if (abandoned(row.job_state)) await markFailed(tx, row.id);
      else throw new AppError('IMPORT_IN_PROGRESS', `your previous ${spec.what} is still ${row.job_state === 'active' ? 'running' : 'waiting'}: wait until it finishes, then send the file again`);
    }
  }

  /** The caller's imports not finished, with their job's state (null: the job is gone). */
  function unfinished(db: DbOrTx, where: SQL): Promise<{ id: string; job_state: string | null }[]> {
    return queryRows(
      db,
      sql`select i.id, j.state::text as job_state
            from ${t} i left join ${sql.raw(`"${currentJobSchema()}".job`)} j on j.name = ${spec.job().name} and j.id::text = i.job_id
           where ${where} and i.status not in (${sql.join(FINISHED_IMPORT_STATUSES.map((x) => sql`${x}`), sql`, `)})`,
    );
  }

  /** Marks the import failed (finished now). */
  async function markFailed(db: DbOrTx, importId: string): Promise<void> {
    await db.update(t).set({ status: 'failed', finishedAt: sql`now()` } as never).where(eq(t.id, importId));
  }

  return {
    checkWorkbookBytes,

    /**
     * Records the import and enqueues its job, in the caller's transaction. `values` are the
     * import's own columns (its framework, year, dry run…); the file and the requester are set here.
     */
    async request(tx: DbOrTx, ctx: RequestContext, input: { bytes: Buffer; fileName: string | null; values: Omit<Insert, 'fileSha256' | 'fileName' | 'requestedBy'> }): Promise<Row> {
      await assertNoneRunning(tx, ctx.actor.userId);
      await checkWorkbookBytes(input.bytes);
      const stored = await storeBytesInDatabase(tx, input.bytes, XLSX_MEDIA_TYPE);
      const values = { ...input.values, fileSha256: stored.sha256, fileName: input.fileName, requestedBy: ctx.actor.userId };
      const [row] = (await tx.insert(t).values(values as never).returning()) as Row[];
      const id = (row as { id: string }).id;
      const jobId = await enqueueJob(tx, spec.job(), { importId: id }, { scope: { userId: ctx.actor.userId } });
      const [withJob] = (await tx.update(t).set({ jobId } as never).where(eq(t.id, id)).returning()) as Row[];
      return withJob;
    },

    /** An import its requester follows (anyone else: 404, as if it did not exist). */
    async findForActor(db: DbOrTx, ctx: RequestContext, id: string): Promise<Row> {
      const [row] = (await db.select().from(t as PgTable).where(and(eq(t.id, id), eq(t.requestedBy, ctx.actor.userId)))) as Row[];
      if (!row) throw AppError.notFound(spec.what);
      // A finished import needs no look at its job (every progress poll comes here).
      if ((FINISHED_IMPORT_STATUSES as readonly string[]).includes((row as { status: string }).status)) return row;
      const [open] = await unfinished(db, sql`i.id = ${id}`);
      if (open && abandoned(open.job_state)) {
        // Its job is over without having finished it: the process died under it (not retried).
        await markFailed(db, id);
        return (await db.select().from(t as PgTable).where(eq(t.id, id)))[0] as Row;
      }
      return row;
    },

    markFailed,

    /** Runs the job's work; when it throws on the last attempt, the import is marked failed first. */
    async failOnLastAttempt<R>(ctx: JobContext, importId: string, work: () => Promise<R>): Promise<R> {
      try {
        return await work();
      } catch (err) {
        if (ctx.job.lastAttempt) await markFailed(ctx.db, importId);
        throw err;
      }
    },
  };
}

/**
 * Reads the one .xlsx of a multipart upload (field "file"), refusing past `maxBytes` while it
 * streams. Call it after authorizing: reading the file is the expensive part. busboy's own errors
 * (no boundary, truncated body) are the client's: 400 `malformed`, never a 500. A second file
 * fails the whole request (400 `one_file_per_request`, as /api/files): reading the first and
 * dropping the other would import a workbook the user did not mean.
 */
export async function readXlsxUpload(
  request: FastifyRequest,
  options: { maxBytes: number; workbook: string; cleanName?: (raw: string) => string | null },
): Promise<{ bytes: Buffer; fileName: string | null }> {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_FILE', 'send the file as multipart/form-data, field "file"');
  const tooLarge = () => AppError.invalid('body.file', 'file_too_large', `${options.workbook} may be at most ${options.maxBytes / 1024 / 1024} MB`);
  const oneFile = () => AppError.invalid('body.file', 'one_file_per_request', 'send one file per request (field "file")');
  try {
    // files: 2 so that a second file is seen (and refused) rather than silently cut by the parser.
    const parts = request.parts({ limits: { fileSize: options.maxBytes + 1, files: 2 } });
    let found: { bytes: Buffer; fileName: string | null } | null = null;
    for await (const part of parts) {
      if (part.type !== 'file') continue;
      if (found) {
        part.file.resume();
        throw oneFile();
      }
      const raw = part.filename ?? '';
      const fileName = options.cleanName ? (raw ? options.cleanName(raw) : null) : stripControls(raw);
      found = { bytes: await part.toBuffer(), fileName };
    }
    if (!found) throw AppError.invalid('body.file', 'required', 'attach an .xlsx file');
    return found;
  } catch (err) {
    if (err instanceof AppError) throw err;
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    if ((err as { code?: string }).code === 'FST_FILES_LIMIT') throw oneFile();
    if ((err as { statusCode?: number }).statusCode) throw err;
    throw AppError.invalid('body.file', 'malformed', 'the upload is not valid multipart/form-data');
  }
}

/** A file name is shown and stored: no control characters, at most 200 characters. */
function stripControls(raw: string): string | null {
  // eslint-disable-next-line no-control-regex -- stripping them is the point
  return raw.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 200) || null;
}
