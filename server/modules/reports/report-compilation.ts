import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { ReportCompilation, SubmissionContent, TemplateBody } from '../../../shared/api/reports.schemas.js';
import { vietnamLocalTime } from '../../../shared/domain/vietnam-time.js';
import { inReach } from '../../authz/scope.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { agency, reportCompilation, reportSubmission } from '../../db/schema/index.js';
import { renderDraft } from '../../documents/document-pipeline.js';
import { DOCX_MEDIA_TYPE } from '../../documents/issued-documents.js';
import { FileStorage, storeBytesInDatabase } from '../../files/file-storage.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { defineJob } from '../../jobs/define.js';
import { enqueueJob } from '../../jobs/enqueue.js';
import { XLSX_MEDIA_TYPE } from '../../jobs/xlsx-import.js';
import { compilationReportModel, CompiledFigures, type CompilationCounts } from './compilation-report.js';
import { fileSlug } from './report-exports.js';
import { compilationWorkbook, type CompiledUnit } from './report-workbooks.js';
import { ownerPlace } from './reports.policy.js';
import { findRequest, findTemplate, findVisibleRequest } from './reports.repository.js';

/** Reports read per statement (and per progress step). */
export const COMPILATION_PAGE = 250;

type Row = typeof reportCompilation.$inferSelect;

/**
 * Compiling a request's accepted reports as a job (issue 9 §4; 47 s at 3,400 units when it ran in
 * the request): the request checks who asks — those who read every report of the owner (the
 * office, the leaders); a unit that sees the request gets 403, anyone else 404 — before any work,
 * records the compilation and enqueues this in its transaction. The job reads the reports a page
 * at a time outside any transaction, writing how many it has read (the browser's progress bar),
 * then stores the .xlsx (a sheet per table, a row per unit, totals) and the .docx skeleton of the
 * office's own report with the same figures. Only the requester follows and downloads it.
 */
export const compileReportsJob = defineJob({
  name: 'reports.compile',
  title: { vi: 'Tổng hợp báo cáo của các đơn vị', en: "Compile the units' reports" },
  payload: z.object({ compilationId: z.uuid() }),
  scoped: true,
  retry: { limit: 1, delaySeconds: 10, backoff: false },
  expireInSeconds: 15 * 60,
  async handler({ compilationId }, ctx) {
    try {
      return await runCompilation(ctx.db, compilationId, vietnamLocalTime(ctx.clock.now()).date);
    } catch (err) {
      if (ctx.job.lastAttempt) await ctx.db.update(reportCompilation).set({ status: 'failed', finishedAt: sql`now()` }).where(eq(reportCompilation.id, compilationId));
      throw err;
    }
  },
});

/** Records a compilation and enqueues it (the caller's transaction), after checking the caller may compile. */
export async function requestCompilation(tx: DbOrTx, ctx: RequestContext, requestId: string): Promise<Row> {
  const r = await findVisibleRequest(tx, ctx.actor, requestId);
  if (!r) throw AppError.notFound('report request');
  if (!inReach(ctx.actor, 'report.read_all', ownerPlace(r))) throw new AppError('FORBIDDEN', "only the office that asked compiles the units' reports");
  const [row] = await tx.insert(reportCompilation).values({ requestId, requestedBy: ctx.actor.userId }).returning();
  const jobId = await enqueueJob(tx, compileReportsJob, { compilationId: row.id }, { scope: { agencyId: r.ownerAgencyId } });
  const [withJob] = await tx.update(reportCompilation).set({ jobId }).where(eq(reportCompilation.id, row.id)).returning();
  return withJob;
}

/** A compilation its requester follows (anyone else: 404, as if it did not exist). */
export async function findCompilationForActor(db: DbOrTx, ctx: RequestContext, id: string): Promise<Row> {
  const [row] = await db.select().from(reportCompilation).where(and(eq(reportCompilation.id, id), eq(reportCompilation.requestedBy, ctx.actor.userId)));
  if (!row) throw AppError.notFound('report compilation');
  return row;
}

export function presentCompilation(row: Row): ReportCompilation {
  const done = row.status === 'done';
  return {
    id: row.id,
    requestId: row.requestId,
    status: row.status as ReportCompilation['status'],
    total: row.total,
    processed: row.processed,
    xlsxUrl: done && row.xlsxSha256 ? `/api/report-compilations/${row.id}/compilation.xlsx` : null,
    docxUrl: done && row.docxSha256 ? `/api/report-compilations/${row.id}/report.docx` : null,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/** One of a finished compilation's files, for its requester: 409 while it is not done. */
export async function compilationFile(db: DbOrTx, files: FileStorage, ctx: RequestContext, id: string, which: 'xlsx' | 'docx') {
  const row = await findCompilationForActor(db, ctx, id);
  const sha = which === 'xlsx' ? row.xlsxSha256 : row.docxSha256;
  if (row.status !== 'done' || !sha) throw new AppError('INVALID_STATE', 'the compilation is not finished');
  const stored = await files.find(db, sha);
  if (!stored) throw AppError.notFound('compiled file');
  const r = (await findRequest(db, row.requestId))!;
  const slug = fileSlug(r.title);
  return {
    bytes: await files.readBytes(db, stored),
    mediaType: which === 'xlsx' ? XLSX_MEDIA_TYPE : DOCX_MEDIA_TYPE,
    filename: which === 'xlsx' ? `tong-hop-${slug}.xlsx` : `bao-cao-tong-hop-${slug}-du-thao.docx`,
  };
}

async function submissionCounts(db: DbOrTx, requestId: string): Promise<CompilationCounts> {
  const [c] = await db
    .select({
      asked: sql<number>`count(*)::int`,
      onTime: sql<number>`count(*) filter (where ${reportSubmission.status} in ('submitted','accepted') and not coalesce(${reportSubmission.late}, false))::int`,
      late: sql<number>`count(*) filter (where ${reportSubmission.status} in ('submitted','accepted') and ${reportSubmission.late})::int`,
      accepted: sql<number>`count(*) filter (where ${reportSubmission.status} = 'accepted')::int`,
      missing: sql<number>`count(*) filter (where ${reportSubmission.status} in ('not_started','draft','returned'))::int`,
    })
    .from(reportSubmission)
    .where(eq(reportSubmission.requestId, requestId));
  return c;
}

/** The compilation's work, idempotent: a finished one is left as it is; a retry starts over. */
export async function runCompilation(db: Db, compilationId: string, today: string): Promise<Record<string, unknown>> {
  const [row] = await db.select().from(reportCompilation).where(eq(reportCompilation.id, compilationId));
  if (!row || row.status === 'done' || row.status === 'failed') return { skipped: true };
  const r = (await findRequest(db, row.requestId))!;
  const body = (await findTemplate(db, r.templateId))!.body as TemplateBody;
  const counts = await submissionCounts(db, r.id);
  await db.update(reportCompilation).set({ status: 'running', total: counts.accepted, processed: 0 }).where(eq(reportCompilation.id, compilationId));

  const units: CompiledUnit[] = [];
  const figures = new CompiledFigures(body);
  for (let offset = 0; ; offset += COMPILATION_PAGE) {
    const page = await db
      .select({ agencyName: agency.name, content: reportSubmission.content })
      .from(reportSubmission)
      .innerJoin(agency, eq(agency.id, reportSubmission.agencyId))
      .where(and(eq(reportSubmission.requestId, r.id), eq(reportSubmission.status, 'accepted')))
      .orderBy(sql`${agency.sortKey} collate "C"`, asc(agency.id))
      .limit(COMPILATION_PAGE)
      .offset(offset);
    for (const u of page) {
      const content = u.content as SubmissionContent;
      units.push({ agencyName: u.agencyName, content });
      figures.add(content);
    }
    if (page.length) await db.update(reportCompilation).set({ processed: units.length }).where(eq(reportCompilation.id, compilationId));
    if (page.length < COMPILATION_PAGE) break;
  }
  const xlsx = await compilationWorkbook(body, units, r.title);
  const docx = await renderDraft(db, await compilationReportModel(db, r, body, figures, counts, today));
  await db.transaction(async (tx) => {
    const [x, d] = [await storeBytesInDatabase(tx, xlsx, XLSX_MEDIA_TYPE), await storeBytesInDatabase(tx, docx, DOCX_MEDIA_TYPE)];
    await tx.update(reportCompilation).set({ status: 'done', processed: units.length, xlsxSha256: x.sha256, docxSha256: d.sha256, finishedAt: sql`now()` }).where(eq(reportCompilation.id, compilationId));
  });
  return { units: units.length, xlsxBytes: xlsx.length, docxBytes: docx.length };
}
