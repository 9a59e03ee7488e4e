import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { FrameworkImport, ImportError } from '../../../shared/api/indices.schemas.js';
import { loadForAction } from '../../authz/guard.js';
import { appUser, indexFrameworkImport } from '../../db/schema/index.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { FileStorage } from '../../files/file-storage.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { defineJob, NO_RETRY, type JobDefinition } from '../../jobs/define.js';
import { FINISHED_IMPORT_STATUSES, MAX_IMPORT_ERRORS, xlsxImports } from '../../jobs/xlsx-import.js';
import { loadRoles } from '../session/session-store.js';
import { CRITERIA_XLSX_LIMITS, parseCriteriaWorkbook, treeSummary } from './criteria-workbook.js';
import { updateFramework } from './framework-use-cases.js';
import { frameworkResource } from './indices.policy.js';

/** The largest criteria workbook one import reads: a framework's tree is a few kilobytes. */
export const MAX_CRITERIA_IMPORT_BYTES = 1024 * 1024;
type ImportRow = typeof indexFrameworkImport.$inferSelect;

const criteriaImports = xlsxImports({
  table: indexFrameworkImport,
  what: 'framework import',
  maxBytes: MAX_CRITERIA_IMPORT_BYTES,
  workbook: 'a criteria workbook',
  limits: CRITERIA_XLSX_LIMITS,
  job: (): JobDefinition<{ importId: string }> => importCriteriaJob,
});

/**
 * A draft framework's criteria tree from .xlsx, as a job (issue 11 §1): the request checks that
 * the caller may edit the draft and stores the file; the job reads the workbook outside any
 * transaction and reports every row-level error, or (not a dry run) replaces the draft's tree in
 * one transaction through the same use case as the browser's edit, with the requester's rights,
 * the draft's version and its audit. A draft published in between is left alone ("failed").
 */
export const importCriteriaJob = defineJob({
  name: 'indices.import-criteria',
  title: { vi: 'Nhập cấu trúc bộ chỉ số từ tệp .xlsx', en: 'Import a framework’s criteria from .xlsx' },
  payload: z.object({ importId: z.uuid() }),
  scoped: true,
  // Never run again by itself: an attempt that died with its process would kill the next one too.
  retry: NO_RETRY,
  expireInSeconds: 5 * 60,
  async handler({ importId }, ctx) {
    const files = ctx.deps.files ?? FileStorage.fromConfig(ctx.deps.config);
    return criteriaImports.failOnLastAttempt(ctx, importId, () => runCriteriaImport(ctx.db, files, importId));
  },
});

/** Records the import and enqueues it (the caller's transaction): 404 unseen, 403 not the manager, 409 published. */
export async function requestCriteriaImport(tx: DbOrTx, ctx: RequestContext, frameworkId: string, input: { dryRun: boolean; bytes: Buffer; fileName: string | null }): Promise<ImportRow> {
  const framework = await loadForAction(tx, ctx, frameworkResource, frameworkId, 'update');
  return criteriaImports.request(tx, ctx, { bytes: input.bytes, fileName: input.fileName, values: { frameworkId: framework.id, dryRun: input.dryRun } });
}

/** An import its requester follows (anyone else: 404). */
export function findCriteriaImportForActor(db: DbOrTx, ctx: RequestContext, id: string): Promise<ImportRow> {
  return criteriaImports.findForActor(db, ctx, id);
}

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
export function presentCriteriaImport(row: ImportRow): FrameworkImport {
  return {
    id: row.id,
    frameworkId: row.frameworkId,
    dryRun: row.dryRun,
    fileName: row.fileName,
    status: row.status as FrameworkImport['status'],
    errors: json<ImportError[]>(row.errors),
    summary: json<FrameworkImport['summary']>(row.summary) ?? null,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/** The import's work, idempotent: a finished import is left as it is. */
export async function runCriteriaImport(db: Db, files: FileStorage, importId: string): Promise<Record<string, unknown>> {
  const [imp] = await db.select().from(indexFrameworkImport).where(eq(indexFrameworkImport.id, importId));
  if (!imp || (FINISHED_IMPORT_STATUSES as readonly string[]).includes(imp.status)) return { skipped: true };
  await db.update(indexFrameworkImport).set({ status: 'running' }).where(eq(indexFrameworkImport.id, importId));
  const stored = await files.find(db, imp.fileSha256);
  if (!stored) throw new Error(`the file of framework import ${importId} is gone`);
  const parsed = await parseCriteriaWorkbook(await files.readBytes(db, stored));
  const summary = treeSummary(parsed.criteria, parsed.rows);
  const { errors } = parsed;
  if (errors.length || imp.dryRun) {
    const shown: ImportError[] = errors.length > MAX_IMPORT_ERRORS ? [...errors.slice(0, MAX_IMPORT_ERRORS), { code: 'too_many_errors', sheet: null, row: null, column: null, value: null, params: { shown: MAX_IMPORT_ERRORS, total: errors.length } }] : errors;
    await db.update(indexFrameworkImport).set({ status: errors.length ? 'rejected' : 'done', errors: shown, summary, finishedAt: sql`now()` }).where(eq(indexFrameworkImport.id, importId));
    return { errors: errors.length, dryRun: imp.dryRun };
  }
  // The requester is the author of the change (the job only carries it out), with today's rights.
  const [user] = await db.select().from(appUser).where(eq(appUser.id, imp.requestedBy));
  const author: RequestContext = {
    actor: { userId: user.id, username: user.username, fullName: user.fullName, roles: await loadRoles(db, user.id), sessionId: '', csrfToken: '', mustChangePassword: false },
    ip: null,
    requestId: `job:indices.import-criteria:${importId}`,
  };
  try {
    await db.transaction(async (tx) => {
      const framework = await loadForAction(tx, author, frameworkResource, imp.frameworkId, 'update');
      await updateFramework(tx, author, framework.id, { version: framework.version, criteria: parsed.criteria } as Parameters<typeof updateFramework>[3]);
      await tx.update(indexFrameworkImport).set({ status: 'done', errors: [], summary, finishedAt: sql`now()` }).where(eq(indexFrameworkImport.id, importId));
    });
  } catch (err) {
    // Refused now (the draft was published, or the requester lost the right): nothing written.
    if (!(err instanceof AppError)) throw err;
    await criteriaImports.markFailed(db, importId);
    return { refused: err.code };
  }
  return summary;
}
