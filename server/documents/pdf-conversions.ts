import { createHash } from 'node:crypto';
import { and, asc, count, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Conversion } from '../../shared/api/documents.schemas.js';
import type { AppDeps } from '../app.js';
import type { Db, DbOrTx } from '../db/client.js';
import { documentConversion, storedFile } from '../db/schema/index.js';
import { FileStorage, storeBytesInDatabase } from '../files/file-storage.js';
import type { RequestContext } from '../http/actor.js';
import { AppError } from '../http/app-error.js';
import { defineJob } from '../jobs/define.js';
import { enqueueJob } from '../jobs/enqueue.js';
import { RENDERER_VERSION } from './decree30-docx.js';
import { documentKind } from './document-kinds.js';
import { loadDocument, renderDraft, type LoadedDocument } from './document-pipeline.js';
import { DOCX_MEDIA_TYPE } from './issued-documents.js';
import { convertDocxToPdf, isPdfAvailable, PdfConversionError } from './pdf.js';

export type ConversionRow = typeof documentConversion.$inferSelect;

/**
 * PDF conversion as a job (issue 12: "PDF downloads start one LibreOffice each without a limit").
 * A request records a conversion and enqueues it in the same transaction; a worker runs one
 * LibreOffice at a time (concurrency 1 per worker process); the result is cached by content:
 * the frozen .docx's hash for an issued document, the view model's hash for a draft, so the same
 * document is converted once however many people ask. Each person may have a few conversions
 * waiting, the installation a bounded number.
 */
export const convertPdfJob = defineJob({
  name: 'documents.convert-pdf',
  title: { vi: 'Tạo bản PDF của văn bản', en: 'Convert a document to PDF' },
  payload: z.object({ conversionId: z.uuid() }),
  scoped: true,
  // LibreOffice is slow to start on a loaded machine; a failed attempt is retried twice.
  retry: { limit: 2, delaySeconds: 20, backoff: true },
  expireInSeconds: 10 * 60,
  concurrency: 1,
  async handler({ conversionId }, ctx) {
    const files = ctx.deps.files ?? FileStorage.fromConfig(ctx.deps.config);
    return runConversion(ctx.db, files, conversionId, { lastAttempt: ctx.job.lastAttempt });
  },
});

const PENDING = ['queued', 'running'] as const;

/**
 * The cache key of a document's conversion. An issued document is keyed by its frozen bytes
 * (which name the document, so they differ per document). A draft is keyed by its kind, its
 * subject and what it says: two drafts with the same content are still two documents, and a
 * conversion row names one subject (its url, and who may follow it, come from that subject), so
 * sharing a row would show plan B to whoever asked for plan A.
 */
function cacheKeyOf(doc: LoadedDocument, subjectId: string): string {
  if (doc.state === 'issued') return `docx:${doc.frozen.docxSha256}`;
  const digest = createHash('sha256').update(`${doc.kind.code}\n${subjectId}\n${RENDERER_VERSION}\n${JSON.stringify(doc.model)}`).digest('hex');
  return `draft:${digest}`;
}

/** The conversion of this content that is done, or on its way. */
async function reusable(db: DbOrTx, cacheKey: string): Promise<ConversionRow | null> {
  const [row] = await db
    .select()
    .from(documentConversion)
    .where(and(eq(documentConversion.cacheKey, cacheKey), inArray(documentConversion.status, ['done', ...PENDING])))
    .orderBy(desc(sql`${documentConversion.status} = 'done'`), desc(documentConversion.createdAt))
    .limit(1);
  return row ?? null;
}

/** 503 PDF_UNAVAILABLE when the server cannot make PDFs at all (the client offers the .docx). */
export function assertPdfAvailable() {
  if (!isPdfAvailable()) throw new AppError('PDF_UNAVAILABLE', 'LibreOffice is not installed on the server; download the .docx instead');
}

/** A conversion as the API shows it. */
export async function presentConversion(db: DbOrTx, row: ConversionRow): Promise<Conversion> {
  let position: number | null = null;
  if (row.status === 'queued') {
    const [ahead] = await db
      .select({ n: count() })
      .from(documentConversion)
      .where(and(inArray(documentConversion.status, [...PENDING]), lt(documentConversion.createdAt, row.createdAt)));
    position = ahead.n;
  }
  return {
    id: row.id,
    kind: row.kind,
    subjectId: row.subjectId,
    status: row.status as Conversion['status'],
    position,
    url: row.status === 'done' ? `/api/documents/${row.kind}/${row.subjectId}.pdf` : null,
    errorCode: row.errorCode,
  };
}

/**
 * Retry-After of a refused conversion: a conversion takes seconds, so one of the caller's own is
 * likely done within half a minute; a full queue drains more slowly ("a few minutes").
 */
const PDF_RETRY_AFTER_SECONDS = { mine: 30, queue: 120 };

/**
 * Asks for the PDF of a document: authorizes (404 if the caller may not see it), then answers
 * the cached conversion, the one already under way, or a new one, queued in the transaction.
 * 429 PDF_LIMIT_REACHED when the caller already waits for their share; 503 PDF_QUEUE_FULL when
 * the installation's queue is full; 503 PDF_UNAVAILABLE without LibreOffice.
 */
export async function requestPdfConversion(deps: AppDeps, ctx: RequestContext, kindCode: string, subjectId: string): Promise<ConversionRow> {
  const { db } = deps.database;
  const doc = await loadDocument(db, ctx, kindCode, subjectId);
  assertPdfAvailable();
  const cacheKey = cacheKeyOf(doc, subjectId);
  const existing = await reusable(db, cacheKey);
  if (existing) return existing;
  // A draft is rendered now, outside the transaction; an issued document's bytes are stored.
  const draftDocx = doc.state === 'draft' ? await renderDraft(db, doc.model) : null;
  return db.transaction(async (tx) => {
    const again = await reusable(tx, cacheKey);
    if (again) return again;
    const [mine] = await tx
      .select({ n: count() })
      .from(documentConversion)
      .where(and(eq(documentConversion.requestedBy, ctx.actor.userId), inArray(documentConversion.status, [...PENDING])));
    if (mine.n >= deps.config.pdf.pendingPerUser) {
      throw AppError.retryLater('PDF_LIMIT_REACHED', `you already wait for ${mine.n} PDF conversions; wait for them to finish`, PDF_RETRY_AFTER_SECONDS.mine);
    }
    const [all] = await tx.select({ n: count() }).from(documentConversion).where(inArray(documentConversion.status, [...PENDING]));
    if (all.n >= deps.config.pdf.queueMax) throw AppError.retryLater('PDF_QUEUE_FULL', 'the PDF queue is full; try again in a few minutes', PDF_RETRY_AFTER_SECONDS.queue);
    const sourceSha256 = doc.state === 'issued' ? doc.frozen.docxSha256 : (await storeBytesInDatabase(tx, draftDocx!, DOCX_MEDIA_TYPE)).sha256;
    const [row] = await tx
      .insert(documentConversion)
      .values({ cacheKey, kind: doc.kind.code, subjectId, sourceSha256, requestedBy: ctx.actor.userId })
      .onConflictDoNothing({ target: documentConversion.cacheKey, where: sql`${documentConversion.status} <> 'failed'` })
      .returning();
    // Someone asked for the same content at the same moment and committed first: share theirs.
    if (!row) {
      const theirs = await reusable(tx, cacheKey);
      if (theirs) return theirs;
      throw new AppError('VERSION_CONFLICT', 'the PDF was being requested at the same moment; try again');
    }
    const jobId = await enqueueJob(tx, convertPdfJob, { conversionId: row.id }, { scope: { userId: ctx.actor.userId } });
    const [withJob] = await tx.update(documentConversion).set({ jobId }).where(eq(documentConversion.id, row.id)).returning();
    return withJob;
  });
}

/**
 * A conversion the caller may follow: one they asked for, or one of a document they may see. Two
 * people asking for the same PDF get the same conversion (one LibreOffice run), so the second must
 * be able to follow it too; a conversion of a document the caller may not see is not found (404).
 */
export async function findConversionForActor(db: DbOrTx, ctx: RequestContext, id: string): Promise<ConversionRow> {
  const [row] = await db.select().from(documentConversion).where(eq(documentConversion.id, id));
  if (!row) throw AppError.notFound('conversion');
  if (row.requestedBy === ctx.actor.userId) return row;
  const kind = documentKind(row.kind);
  if (!kind || !(await kind.findForActor(db, ctx.actor, row.subjectId))) throw AppError.notFound('conversion');
  return row;
}

/**
 * What a PDF download finds, without changing anything (a GET must not queue work: a cross-site
 * link would otherwise start conversions): authorizes through the document kind, then looks the
 * content up in the cache. `pdf` is the finished file, else `pending` the conversion under way,
 * else both are null and the client must ask with POST …/conversions.
 */
export async function cachedPdf(
  db: Db,
  ctx: RequestContext,
  kindCode: string,
  subjectId: string,
): Promise<{ doc: LoadedDocument; pdf: typeof storedFile.$inferSelect | null; pending: ConversionRow | null }> {
  const doc = await loadDocument(db, ctx, kindCode, subjectId);
  const cacheKey = cacheKeyOf(doc, subjectId);
  const [row] = await db
    .select({ file: storedFile })
    .from(documentConversion)
    .innerJoin(storedFile, eq(storedFile.sha256, documentConversion.resultSha256))
    .where(and(eq(documentConversion.cacheKey, cacheKey), eq(documentConversion.status, 'done')))
    .orderBy(asc(documentConversion.createdAt))
    .limit(1);
  if (row) return { doc, pdf: row.file, pending: null };
  const [pending] = await db
    .select()
    .from(documentConversion)
    .where(and(eq(documentConversion.cacheKey, cacheKey), inArray(documentConversion.status, [...PENDING])))
    .orderBy(desc(documentConversion.createdAt))
    .limit(1);
  return { doc, pdf: null, pending: pending ?? null };
}

/**
 * Runs one conversion (the job's body; idempotent): LibreOffice outside any transaction, the
 * result stored and the row marked done in one short transaction. A missing LibreOffice fails
 * the conversion for good; other failures are retried, and marked failed on the last attempt.
 */
export async function runConversion(db: Db, files: FileStorage, conversionId: string, options: { lastAttempt: boolean }): Promise<{ status: string }> {
  const [row] = await db
    .update(documentConversion)
    .set({ status: 'running', startedAt: sql`now()` })
    .where(and(eq(documentConversion.id, conversionId), inArray(documentConversion.status, [...PENDING])))
    .returning();
  if (!row) return { status: 'skipped' };
  const fail = async (code: string) => {
    await db.update(documentConversion).set({ status: 'failed', errorCode: code, finishedAt: sql`now()` }).where(eq(documentConversion.id, conversionId));
    return { status: 'failed', errorCode: code };
  };
  let pdf: Buffer;
  try {
    const source = await files.find(db, row.sourceSha256);
    if (!source) return fail('CONVERSION_FAILED');
    pdf = await convertDocxToPdf(await files.readBytes(db, source));
  } catch (err) {
    if (err instanceof PdfConversionError && err.code === 'LIBREOFFICE_UNAVAILABLE') return fail('PDF_UNAVAILABLE');
    if (options.lastAttempt) await fail(err instanceof PdfConversionError ? err.code : 'CONVERSION_FAILED');
    throw err;
  }
  await db.transaction(async (tx) => {
    const stored = await files.storeBytes(tx, pdf, 'application/pdf');
    await tx
      .update(documentConversion)
      .set({ status: 'done', resultSha256: stored.sha256, errorCode: null, finishedAt: sql`now()` })
      .where(eq(documentConversion.id, conversionId));
  });
  return { status: 'done' };
}
