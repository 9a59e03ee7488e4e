import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { ImportResult, RegistryImport } from '../../../shared/api/registry.schemas.js';
import { appUser, registryImport } from '../../db/schema/index.js';
import type { DbOrTx } from '../../db/client.js';
import { FileStorage, storeBytesInDatabase } from '../../files/file-storage.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { defineJob } from '../../jobs/define.js';
import { enqueueJob } from '../../jobs/enqueue.js';
import { loadRoles } from '../session/session-store.js';
import { importRegistry, readRegistryWorkbook, WorkbookRejected } from './import-registry.js';

/** The largest workbook one import takes (a national registry export is about 2 MB). */
export const MAX_REGISTRY_IMPORT_BYTES = 8 * 1024 * 1024;
const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type ImportRow = typeof registryImport.$inferSelect;

/**
 * The registry import as a job (issue 12 §2): the request stores the file and enqueues this in
 * its transaction, so it answers at once; the job reads the workbook outside any transaction and
 * runs the rows a chunk per transaction, writing how far it has got, which the browser shows as
 * a progress bar. The requester is the author of every change (their rights, their audit).
 */
export const importRegistryJob = defineJob({
  name: 'registry.import',
  title: { vi: 'Nhập danh mục đơn vị, cơ quan từ tệp .xlsx', en: 'Import the registry from .xlsx' },
  payload: z.object({ importId: z.uuid() }),
  scoped: true,
  // A second attempt finds the rows the first one wrote by their codes and leaves them alone.
  retry: { limit: 1, delaySeconds: 10, backoff: false },
  expireInSeconds: 30 * 60,
  async handler({ importId }, ctx) {
    const files = ctx.deps.files ?? FileStorage.fromConfig(ctx.deps.config);
    const [imp] = await ctx.db.select().from(registryImport).where(eq(registryImport.id, importId));
    if (!imp || ['done', 'rejected', 'failed'].includes(imp.status)) return { skipped: true };
    try {
      await ctx.db.update(registryImport).set({ status: 'running', processed: 0 }).where(eq(registryImport.id, importId));
      const stored = await files.find(ctx.db, imp.fileSha256);
      if (!stored) throw new Error(`the file of registry import ${importId} is gone`);
      let sheets;
      try {
        sheets = await readRegistryWorkbook(await files.readBytes(ctx.db, stored));
      } catch (err) {
        if (!(err instanceof WorkbookRejected)) throw err;
        await ctx.db
          .update(registryImport)
          .set({ status: 'rejected', error: { code: err.code, message: err.message, ...(err.params ? { params: err.params } : {}) }, finishedAt: sql`now()` })
          .where(eq(registryImport.id, importId));
        return { rejected: err.code };
      }
      await ctx.db.update(registryImport).set({ total: sheets.total }).where(eq(registryImport.id, importId));
      const [user] = await ctx.db.select().from(appUser).where(eq(appUser.id, imp.requestedBy));
      const author: RequestContext = {
        actor: { userId: user.id, username: user.username, fullName: user.fullName, roles: await loadRoles(ctx.db, user.id), sessionId: '', csrfToken: '', mustChangePassword: false },
        ip: null,
        requestId: `job:registry.import:${importId}`,
      };
      const result = await importRegistry(ctx.db, author, sheets, {
        dryRun: imp.dryRun,
        progress: (tx, rows) => tx.update(registryImport).set({ processed: sql`${registryImport.processed} + ${rows}` }).where(eq(registryImport.id, importId)).then(() => undefined),
      });
      await ctx.db
        .update(registryImport)
        .set({ status: 'done', processed: sheets.total, result, finishedAt: sql`now()` })
        .where(eq(registryImport.id, importId));
      return { units: result.units, agencies: result.agencies, rejected: result.rejectedCount };
    } catch (err) {
      if (ctx.job.lastAttempt) await ctx.db.update(registryImport).set({ status: 'failed', finishedAt: sql`now()` }).where(eq(registryImport.id, importId));
      throw err;
    }
  },
});

/**
 * Records an import and enqueues it (the caller's transaction). The route has already refused
 * roles that cannot import, before reading a byte; here the file is checked for size and for
 * being a zip (every .xlsx is one), not parsed.
 */
export async function requestRegistryImport(tx: DbOrTx, ctx: RequestContext, input: { bytes: Buffer; fileName: string | null; dryRun: boolean }): Promise<ImportRow> {
  if (input.bytes.length > MAX_REGISTRY_IMPORT_BYTES) {
    throw AppError.invalid('body.file', 'file_too_large', `a registry workbook may be at most ${MAX_REGISTRY_IMPORT_BYTES / 1024 / 1024} MB`);
  }
  if (input.bytes.length < 4 || input.bytes.readUInt32LE(0) !== 0x04034b50) throw new AppError('UNSUPPORTED_FILE', 'the file is not an .xlsx workbook');
  const stored = await storeBytesInDatabase(tx, input.bytes, XLSX_MEDIA_TYPE);
  const [row] = await tx
    .insert(registryImport)
    .values({ dryRun: input.dryRun, fileSha256: stored.sha256, fileName: input.fileName, requestedBy: ctx.actor.userId })
    .returning();
  const jobId = await enqueueJob(tx, importRegistryJob, { importId: row.id }, { scope: { userId: ctx.actor.userId } });
  const [withJob] = await tx.update(registryImport).set({ jobId }).where(eq(registryImport.id, row.id)).returning();
  return withJob;
}

/** An import its requester follows (anyone else: 404). */
export async function findRegistryImport(db: DbOrTx, ctx: RequestContext, id: string): Promise<ImportRow> {
  const [row] = await db.select().from(registryImport).where(and(eq(registryImport.id, id), eq(registryImport.requestedBy, ctx.actor.userId)));
  if (!row) throw AppError.notFound('registry import');
  return row;
}

const json = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

export function presentRegistryImport(row: ImportRow): RegistryImport {
  return {
    id: row.id,
    dryRun: row.dryRun,
    fileName: row.fileName,
    status: row.status as RegistryImport['status'],
    total: row.total,
    processed: row.processed,
    result: row.result === null ? null : json<ImportResult>(row.result),
    error: row.error === null ? null : json<RegistryImport['error']>(row.error),
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
