import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { ImportResult, RegistryImport } from '../../../shared/api/registry.schemas.js';
import { appUser, registryImport } from '../../db/schema/index.js';
import type { DbOrTx } from '../../db/client.js';
import { FileStorage } from '../../files/file-storage.js';
import type { RequestContext } from '../../http/actor.js';
import { defineJob, NO_RETRY, type JobDefinition } from '../../jobs/define.js';
import { FINISHED_IMPORT_STATUSES, xlsxImports } from '../../jobs/xlsx-import.js';
import { loadRoles } from '../session/session-store.js';
import { importRegistry, readRegistryWorkbook, REGISTRY_XLSX_LIMITS, WorkbookRejected } from './import-registry.js';

/** The largest workbook one import takes (a national registry export is about 2 MB). */
export const MAX_REGISTRY_IMPORT_BYTES = 8 * 1024 * 1024;

type ImportRow = typeof registryImport.$inferSelect;

const registryImports = xlsxImports({ table: registryImport, what: 'registry import', maxBytes: MAX_REGISTRY_IMPORT_BYTES, workbook: 'a registry workbook', limits: REGISTRY_XLSX_LIMITS, job: (): JobDefinition<{ importId: string }> => importRegistryJob });

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
  // Never run again by itself: an attempt that died with its process would kill the next one too.
  // (Run again by an admin, it finds the rows the first one wrote by their codes and leaves them alone.)
  retry: NO_RETRY,
  expireInSeconds: 30 * 60,
  async handler({ importId }, ctx) {
    const files = ctx.deps.files ?? FileStorage.fromConfig(ctx.deps.config);
    const [imp] = await ctx.db.select().from(registryImport).where(eq(registryImport.id, importId));
    if (!imp || (FINISHED_IMPORT_STATUSES as readonly string[]).includes(imp.status)) return { skipped: true };
    return registryImports.failOnLastAttempt(ctx, importId, async () => {
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
      const advance = (db: DbOrTx, rows: number) => db.update(registryImport).set({ processed: sql`${registryImport.processed} + ${rows}` }).where(eq(registryImport.id, importId)).then(() => undefined);
      const result = await importRegistry(ctx.db, author, sheets, {
        dryRun: imp.dryRun,
        // A real import counts its rows in each chunk's transaction. A dry run's transaction is
        // rolled back, so its count goes beside it, on a connection of its own (PostgreSQL). The
        // embedded database has one connection, held by the dry run until its end: nobody could
        // read a count before then, and writing one would wait for the dry run itself.
        progress: imp.dryRun ? (ctx.deps.database.kind === 'pglite' ? async () => {} : (_tx, rows) => advance(ctx.db, rows)) : (tx, rows) => advance(tx, rows),
      });
      await ctx.db
        .update(registryImport)
        .set({ status: 'done', processed: sheets.total, result, finishedAt: sql`now()` })
        .where(eq(registryImport.id, importId));
      return { units: result.units, agencies: result.agencies, rejected: result.rejectedCount };
    });
  },
});

/**
 * Records an import and enqueues it (the caller's transaction). The route has already refused
 * roles that cannot import, before reading a byte; here the file is checked for size and for
 * being a zip (every .xlsx is one), not parsed.
 */
export async function requestRegistryImport(tx: DbOrTx, ctx: RequestContext, input: { bytes: Buffer; fileName: string | null; dryRun: boolean }): Promise<ImportRow> {
  return registryImports.request(tx, ctx, { bytes: input.bytes, fileName: input.fileName, values: { dryRun: input.dryRun } });
}

/** An import its requester follows (anyone else: 404). */
export async function findRegistryImport(db: DbOrTx, ctx: RequestContext, id: string): Promise<ImportRow> {
  return registryImports.findForActor(db, ctx, id);
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
