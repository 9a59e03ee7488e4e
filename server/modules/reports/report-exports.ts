import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { reportStatisticsQuery, SubmissionContent, TemplateBody } from '../../../shared/api/reports.schemas.js';
import type { DbOrTx } from '../../db/client.js';
import { agency, reportRequest, reportSubmission } from '../../db/schema/index.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { findRequest, findTemplate, findVisibleSubmission, submissionTimelinessSql, visibleSubmissions } from './reports.repository.js';
import { submissionTablesWorkbook } from './report-workbooks.js';

/** A file name from a title: ASCII, lower case, dashes ("bao-cao-cchc-quy-ii-nam-2021"). */
export const fileSlug = (title: string) =>
  title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80) || 'bao-cao';

/** One unit's report tables as .xlsx: whoever sees the report (the unit, the office, the leaders). */
export async function exportSubmissionTables(tx: DbOrTx, ctx: RequestContext, id: string) {
  const s = await findVisibleSubmission(tx, ctx.actor, id);
  if (!s) throw AppError.notFound('report');
  const r = (await findRequest(tx, s.requestId))!;
  const t = (await findTemplate(tx, r.templateId))!;
  const title = `${r.title} – ${s.agencyName}`;
  return { bytes: await submissionTablesWorkbook(t.body as TemplateBody, s.content as SubmissionContent, title), filename: `${fileSlug(title)}.xlsx` };
}

/**
 * On-time statistics per unit over the requests due in a year (open or closed), over the reports
 * the caller may see (a unit: its own), judged on `today` (the clock's day in Việt Nam). Each
 * report asked is on time, late, missing (not sent and past its due day) or pending (not sent,
 * not yet due) — the dashboard's predicates (submissionTimelinessSql), so its figures are these
 * summed. `returned` counts the reports back with the unit (also missing or pending). The rate is
 * on time over the reports due by today: a report not yet due is nobody's failure.
 */
export async function reportStatistics(tx: DbOrTx, ctx: RequestContext, q: z.output<typeof reportStatisticsQuery>, today: string) {
  const s = sql`report_submission`;
  const r = sql`report_request`;
  const rows = await tx
    .select({
      agencyId: agency.id,
      agencyName: agency.name,
      asked: sql<number>`count(*)::int`,
      onTime: sql<number>`count(*) filter (where ${submissionTimelinessSql('on_time', s, r, today)})::int`,
      late: sql<number>`count(*) filter (where ${submissionTimelinessSql('late', s, r, today)})::int`,
      returned: sql<number>`count(*) filter (where ${reportSubmission.status} = 'returned')::int`,
      missing: sql<number>`count(*) filter (where ${submissionTimelinessSql('missing', s, r, today)})::int`,
      pending: sql<number>`count(*) filter (where ${reportSubmission.status} not in ('submitted','accepted') and ${reportRequest.dueOn} >= ${today}::date)::int`,
    })
    .from(reportSubmission)
    .innerJoin(reportRequest, eq(reportRequest.id, reportSubmission.requestId))
    .innerJoin(agency, eq(agency.id, reportSubmission.agencyId))
    .where(
      and(
        sql`${reportSubmission.id} in ${visibleSubmissions(ctx.actor)}`,
        sql`${reportRequest.status} in ('open','closed')`,
        sql`extract(year from ${reportRequest.dueOn}) = ${q.year}`,
        q.kind ? eq(reportRequest.kind, q.kind) : undefined,
      ),
    )
    .groupBy(agency.id, agency.name, agency.sortKey)
    .orderBy(sql`${agency.sortKey} collate "C"`)
    .limit(5000);
  return {
    year: q.year,
    items: rows.map((row) => {
      const due = row.asked - row.pending;
      return { ...row, onTimeRate: due ? Math.round((1000 * row.onTime) / due) / 10 : null };
    }),
  };
}
