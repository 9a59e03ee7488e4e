import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { agencyColumns, agencyInReach } from '../../authz/scope.js';
import type { DbOrTx } from '../../db/client.js';
import { agency, appUser, documentRegisterEntry, reportPeriodRule, reportRequest, reportSubmission, reportSubmissionEvent, reportTemplate } from '../../db/schema/index.js';
import type { Actor } from '../../http/actor.js';
import { findFilterUnit } from '../../authz/guard.js';
import type { requestStatuses } from '../../../shared/api/reports.schemas.js';
import type { SubmissionDisplayStatus, SubmissionStatus } from '../../../shared/domain/report-status.js';
import { actorOnTeamOf } from '../inspections/inspections.policy.js';

/**
 * Reads of the reports module, each with its visibility rule in SQL:
 *  - templates and periodic rules: `report.read_all` in reach of the owner agency (the office, the leaders);
 *  - requests: the same, or an agency asked by an open request is in the actor's `report.submit` reach
 *    (a unit sees the requests made of it, never a draft);
 *  - submissions: `report.read_all` on the request's owner, or `report.submit` on the submission's agency
 *    (a unit sees its own report, never another unit's); a pre-visit report once sent, also by the
 *    members (and head) of its inspection's team — the plan sends it "về Đoàn kiểm tra".
 */
export const visibleTemplates = (actor: Actor): SQL =>
  sql`(select t.id from report_template t join agency oa on oa.id = t.owner_agency_id where ${agencyInReach(actor, 'report.read_all', agencyColumns('oa'))})`;

export const visibleRequests = (actor: Actor): SQL => sql`(
  select r.id from report_request r join agency oa on oa.id = r.owner_agency_id
   where ${agencyInReach(actor, 'report.read_all', agencyColumns('oa'))}
      or exists (select 1 from report_submission s join agency sa on sa.id = s.agency_id where s.request_id = r.id and ${agencyInReach(actor, 'report.submit', agencyColumns('sa'))}))`;

export const visibleSubmissions = (actor: Actor): SQL => sql`(
  select s.id from report_submission s join report_request r on r.id = s.request_id
    join agency oa on oa.id = r.owner_agency_id join agency sa on sa.id = s.agency_id
   where ${agencyInReach(actor, 'report.read_all', agencyColumns('oa'))} or ${agencyInReach(actor, 'report.submit', agencyColumns('sa'))}
      or (r.kind = 'pre_visit' and s.status in ('submitted','returned','accepted')
          and exists (select 1 from inspection i where i.id = r.inspection_id and ${actorOnTeamOf(actor, 'i')})))`;

const owner = alias(agency, 'report_owner');

// Templates.
export type TemplateRow = typeof reportTemplate.$inferSelect & { ownerAgencyName: string; ownerUnitPath: string; ownerPath: string };
const templateColumns = { t: reportTemplate, ownerAgencyName: owner.name, ownerUnitPath: owner.unitPath, ownerPath: owner.path };
const flatTemplate = ({ t, ...o }: { t: typeof reportTemplate.$inferSelect; ownerAgencyName: string; ownerUnitPath: string; ownerPath: string }): TemplateRow => ({ ...t, ...o });

export async function findTemplate(tx: DbOrTx, id: string): Promise<TemplateRow | null> {
  const [row] = await tx.select(templateColumns).from(reportTemplate).innerJoin(owner, eq(owner.id, reportTemplate.ownerAgencyId)).where(eq(reportTemplate.id, id));
  return row ? flatTemplate(row) : null;
}
export async function findVisibleTemplate(tx: DbOrTx, actor: Actor, id: string): Promise<TemplateRow | null> {
  const [row] = await tx
    .select(templateColumns)
    .from(reportTemplate)
    .innerJoin(owner, eq(owner.id, reportTemplate.ownerAgencyId))
    .where(and(eq(reportTemplate.id, id), sql`${reportTemplate.id} in ${visibleTemplates(actor)}`));
  return row ? flatTemplate(row) : null;
}
export async function listVisibleTemplates(tx: DbOrTx, actor: Actor, f: { kind?: string; status?: string }): Promise<TemplateRow[]> {
  const rows = await tx
    .select(templateColumns)
    .from(reportTemplate)
    .innerJoin(owner, eq(owner.id, reportTemplate.ownerAgencyId))
    .where(and(sql`${reportTemplate.id} in ${visibleTemplates(actor)}`, f.kind ? eq(reportTemplate.kind, f.kind) : undefined, f.status ? eq(reportTemplate.status, f.status) : undefined))
    .orderBy(asc(reportTemplate.kind), asc(reportTemplate.code), desc(reportTemplate.revision))
    .limit(500);
  return rows.map(flatTemplate);
}
/** The latest published revision of a template code of an owner agency. */
export async function latestPublished(tx: DbOrTx, ownerAgencyId: string, code: string): Promise<TemplateRow | null> {
  const [row] = await tx
    .select(templateColumns)
    .from(reportTemplate)
    .innerJoin(owner, eq(owner.id, reportTemplate.ownerAgencyId))
    .where(and(eq(reportTemplate.ownerAgencyId, ownerAgencyId), eq(reportTemplate.code, code), eq(reportTemplate.status, 'published')))
    .orderBy(desc(reportTemplate.revision))
    .limit(1);
  return row ? flatTemplate(row) : null;
}

// Periodic rules.
export type PeriodRuleRow = typeof reportPeriodRule.$inferSelect & { ownerAgencyName: string; ownerUnitPath: string; ownerPath: string };
const ruleColumns = { r: reportPeriodRule, ownerAgencyName: owner.name, ownerUnitPath: owner.unitPath, ownerPath: owner.path };
const flatRule = ({ r, ...o }: { r: typeof reportPeriodRule.$inferSelect; ownerAgencyName: string; ownerUnitPath: string; ownerPath: string }): PeriodRuleRow => ({ ...r, ...o });
export async function listVisibleRules(tx: DbOrTx, actor: Actor): Promise<PeriodRuleRow[]> {
  const rows = await tx
    .select(ruleColumns)
    .from(reportPeriodRule)
    .innerJoin(owner, eq(owner.id, reportPeriodRule.ownerAgencyId))
    .where(agencyInReach(actor, 'report.read_all', owner))
    .orderBy(asc(reportPeriodRule.ownerAgencyId), asc(reportPeriodRule.dueMonth), asc(reportPeriodRule.code));
  return rows.map(flatRule);
}
export async function findVisibleRule(tx: DbOrTx, actor: Actor, id: string): Promise<PeriodRuleRow | null> {
  const [row] = await tx
    .select(ruleColumns)
    .from(reportPeriodRule)
    .innerJoin(owner, eq(owner.id, reportPeriodRule.ownerAgencyId))
    .where(and(eq(reportPeriodRule.id, id), agencyInReach(actor, 'report.read_all', owner)));
  return row ? flatRule(row) : null;
}
export async function findRule(tx: DbOrTx, id: string): Promise<PeriodRuleRow | null> {
  const [row] = await tx.select(ruleColumns).from(reportPeriodRule).innerJoin(owner, eq(owner.id, reportPeriodRule.ownerAgencyId)).where(eq(reportPeriodRule.id, id));
  return row ? flatRule(row) : null;
}
/** Every active periodic rule of active owners (the daily job opens their requests). */
export async function listActiveRules(tx: DbOrTx): Promise<PeriodRuleRow[]> {
  const rows = await tx.select(ruleColumns).from(reportPeriodRule).innerJoin(owner, eq(owner.id, reportPeriodRule.ownerAgencyId)).where(and(eq(reportPeriodRule.active, true), eq(owner.active, true))).orderBy(asc(reportPeriodRule.ownerAgencyId), asc(reportPeriodRule.code));
  return rows.map(flatRule);
}

// Requests.
export type RequestRow = typeof reportRequest.$inferSelect & {
  ownerAgencyName: string;
  ownerUnitPath: string;
  ownerPath: string;
  templateName: string;
  templateRevision: number;
  number: number | null;
  symbol: string | null;
};
function selectRequests(tx: DbOrTx) {
  return tx
    .select({ r: reportRequest, ownerAgencyName: owner.name, ownerUnitPath: owner.unitPath, ownerPath: owner.path, templateName: reportTemplate.name, templateRevision: reportTemplate.revision, number: documentRegisterEntry.number, symbol: documentRegisterEntry.symbol })
    .from(reportRequest)
    .innerJoin(owner, eq(owner.id, reportRequest.ownerAgencyId))
    .innerJoin(reportTemplate, eq(reportTemplate.id, reportRequest.templateId))
    .leftJoin(documentRegisterEntry, eq(documentRegisterEntry.id, reportRequest.registerEntryId));
}
type RequestSelected = Awaited<ReturnType<ReturnType<typeof selectRequests>['where']>>[number];
const flatRequest = ({ r, ...rest }: RequestSelected): RequestRow => ({ ...r, ...rest });

export async function findRequest(tx: DbOrTx, id: string): Promise<RequestRow | null> {
  const [row] = await selectRequests(tx).where(eq(reportRequest.id, id));
  return row ? flatRequest(row) : null;
}
export async function findVisibleRequest(tx: DbOrTx, actor: Actor, id: string): Promise<RequestRow | null> {
  const [row] = await selectRequests(tx).where(and(eq(reportRequest.id, id), sql`${reportRequest.id} in ${visibleRequests(actor)}`));
  return row ? flatRequest(row) : null;
}
export async function listVisibleRequests(tx: DbOrTx, actor: Actor, f: { kind?: string; status?: string; year?: number }): Promise<RequestRow[]> {
  const rows = await selectRequests(tx)
    .where(
      and(
        sql`${reportRequest.id} in ${visibleRequests(actor)}`,
        f.kind ? eq(reportRequest.kind, f.kind) : undefined,
        f.status ? eq(reportRequest.status, f.status) : undefined,
        f.year ? sql`extract(year from ${reportRequest.dueOn}) = ${f.year}` : undefined,
      ),
    )
    .orderBy(desc(reportRequest.dueOn), asc(reportRequest.title))
    .limit(500);
  return rows.map(flatRequest);
}

/**
 * Submissions counted by shown status, per request, over those the actor may see; `sent` and
 * `late_sent` count the reports sent (submitted or accepted) and those of them sent late;
 * `missing` those not sent and past due by `today` (submissionTimelinessSql, as the statistics count).
 */
export async function countSubmissions(tx: DbOrTx, actor: Actor, requestIds: string[], today: string): Promise<Map<string, Record<string, number>>> {
  const out = new Map<string, Record<string, number>>();
  if (!requestIds.length) return out;
  const rows = await tx
    .select({
      requestId: reportSubmission.requestId,
      status: reportSubmission.status,
      late: reportSubmission.late,
      n: sql<number>`count(*)::int`,
      missing: sql<number>`count(*) filter (where ${submissionTimelinessSql('missing', sql`report_submission`, sql`report_request`, today)})::int`,
    })
    .from(reportSubmission)
    .innerJoin(reportRequest, eq(reportRequest.id, reportSubmission.requestId))
    .where(and(inArray(reportSubmission.requestId, requestIds), sql`${reportSubmission.id} in ${visibleSubmissions(actor)}`))
    .groupBy(reportSubmission.requestId, reportSubmission.status, reportSubmission.late);
  for (const r of rows) {
    const counts = out.get(r.requestId) ?? {};
    const key = r.status === 'submitted' ? (r.late ? 'submitted_late' : 'submitted_on_time') : r.status;
    counts[key] = (counts[key] ?? 0) + Number(r.n);
    counts.missing = (counts.missing ?? 0) + Number(r.missing);
    if (r.status === 'submitted' || r.status === 'accepted') {
      counts.sent = (counts.sent ?? 0) + Number(r.n);
      if (r.late) counts.late_sent = (counts.late_sent ?? 0) + Number(r.n);
    }
    out.set(r.requestId, counts);
  }
  return out;
}

// Submissions.
const subAgency = alias(agency, 'submission_agency');
const editor = alias(appUser, 'submission_editor');
export type SubmissionRow = typeof reportSubmission.$inferSelect & { agencyName: string; agencyUnitPath: string; agencyPath: string; updatedByName: string | null; requestTitle: string };
function selectSubmissions(tx: DbOrTx) {
  return tx
    .select({ s: reportSubmission, agencyName: subAgency.name, agencyUnitPath: subAgency.unitPath, agencyPath: subAgency.path, updatedByName: editor.fullName, requestTitle: reportRequest.title })
    .from(reportSubmission)
    .innerJoin(reportRequest, eq(reportRequest.id, reportSubmission.requestId))
    .innerJoin(subAgency, eq(subAgency.id, reportSubmission.agencyId))
    .leftJoin(editor, eq(editor.id, reportSubmission.updatedBy));
}
type SubmissionSelected = Awaited<ReturnType<ReturnType<typeof selectSubmissions>['where']>>[number];
const flatSubmission = ({ s, ...rest }: SubmissionSelected): SubmissionRow => ({ ...s, ...rest });

export async function findSubmission(tx: DbOrTx, id: string): Promise<SubmissionRow | null> {
  const [row] = await selectSubmissions(tx).where(eq(reportSubmission.id, id));
  return row ? flatSubmission(row) : null;
}
export async function findVisibleSubmission(tx: DbOrTx, actor: Actor, id: string): Promise<SubmissionRow | null> {
  const [row] = await selectSubmissions(tx).where(and(eq(reportSubmission.id, id), sql`${reportSubmission.id} in ${visibleSubmissions(actor)}`));
  return row ? flatSubmission(row) : null;
}
/** Reports sent and waiting for review on open requests whose owner is in the actor's `report.manage` reach. */
const awaitingReviewBy = (actor: Actor): SQL => sql`${reportSubmission.status} = 'submitted' and ${reportSubmission.requestId} in (
  select r.id from report_request r join agency oa on oa.id = r.owner_agency_id where r.status = 'open' and ${agencyInReach(actor, 'report.manage', agencyColumns('oa'))})`;

/** The dashboard's filters on the units' reports (reports/dashboard-section.ts counts with the same predicates). */
export interface SubmissionDashboardFilter {
  dueYear?: number;
  unitId?: string;
  timeliness?: 'on_time' | 'late' | 'missing';
  /** The calendar date in Việt Nam: what is missing is past due by today. */
  today: string;
}

/** SQL on report_submission `s` joined to its request `r`: sent on time, sent late, or missing by today. */
export function submissionTimelinessSql(timeliness: 'on_time' | 'late' | 'missing', s: SQL, r: SQL, today: string): SQL {
  const sent = sql`${s}.status in ('submitted','accepted')`;
  if (timeliness === 'on_time') return sql`(${sent} and ${s}.late is not true)`;
  if (timeliness === 'late') return sql`(${sent} and ${s}.late is true)`;
  return sql`(not ${sent} and ${r}.due_on < ${today}::date)`;
}

export interface SubmissionListFilter extends Partial<SubmissionDashboardFilter> {
  requestId?: string;
  mine?: boolean;
  toReview?: boolean;
  /** With unitId: the reports the unit's own agencies asked for (docs/decisions/results-report-scope.md). */
  issuer?: 'own';
  /** What people see (displayStatus): the stored status, a submission split into on time and late. */
  status?: SubmissionDisplayStatus;
}

/** SQL twin of displayStatus (shared/domain/report-status.ts): the report shows this status. */
function displayStatusSql(status: SubmissionDisplayStatus): SQL {
  if (status === 'submitted_on_time') return sql`(${reportSubmission.status} = 'submitted' and ${reportSubmission.late} is not true)`;
  if (status === 'submitted_late') return sql`(${reportSubmission.status} = 'submitted' and ${reportSubmission.late} is true)`;
  return eq(reportSubmission.status, status);
}

/**
 * A page of the reports the actor may see, with how many match (limit/offset like the other lists;
 * the review queue oldest first, the rest in the register's order of the units, then by request).
 */
export async function listVisibleSubmissions(tx: DbOrTx, actor: Actor, f: SubmissionListFilter, page: { page: number; pageSize: number }): Promise<{ rows: SubmissionRow[]; total: number }> {
  // A unit the caller does not see, as a filter: not found (issue 12 review), never an empty page.
  if (f.unitId) await findFilterUnit(tx, actor, f.unitId);
  const where = and(
    sql`${reportSubmission.id} in ${visibleSubmissions(actor)}`,
    f.requestId ? eq(reportSubmission.requestId, f.requestId) : undefined,
    f.mine ? agencyInReach(actor, 'report.submit', subAgency) : undefined,
    f.toReview ? awaitingReviewBy(actor) : undefined,
    f.dueYear || f.timeliness ? sql`${reportRequest.status} in ('open','closed')` : undefined,
    f.dueYear ? sql`${reportRequest.dueOn} between ${`${f.dueYear}-01-01`}::date and ${`${f.dueYear}-12-31`}::date` : undefined,
    f.unitId ? sql`${subAgency.unitPath} like (select u.path from unit u where u.id = ${f.unitId}::uuid) || '%'` : undefined,
    f.issuer === 'own' && f.unitId ? sql`${reportRequest.ownerAgencyId} in (select oa.id from agency oa where oa.unit_id = ${f.unitId}::uuid)` : undefined,
    f.timeliness && f.today ? submissionTimelinessSql(f.timeliness, sql`report_submission`, sql`report_request`, f.today) : undefined,
    f.status ? displayStatusSql(f.status) : undefined,
  );
  const rows = await selectSubmissions(tx)
    .where(where)
    .orderBy(...(f.toReview ? [asc(reportSubmission.submittedAt), asc(reportSubmission.id)] : [asc(subAgency.sortKey), asc(reportRequest.dueOn), asc(reportSubmission.id)]))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const [count] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(reportSubmission)
    .innerJoin(reportRequest, eq(reportRequest.id, reportSubmission.requestId))
    .innerJoin(subAgency, eq(subAgency.id, reportSubmission.agencyId))
    .where(where);
  return { rows: rows.map(flatSubmission), total: Number(count?.n ?? 0) };
}
export async function submissionHistory(tx: DbOrTx, submissionId: string) {
  return tx.select().from(reportSubmissionEvent).where(eq(reportSubmissionEvent.submissionId, submissionId)).orderBy(asc(reportSubmissionEvent.at), asc(reportSubmissionEvent.id));
}

/** The pre-visit report of an inspection as far as the actor may read it (its first agency asked: one per visit). */
export async function preVisitReportOf(tx: DbOrTx, actor: Actor, inspectionId: string) {
  const [row] = await tx
    .select({ submissionId: reportSubmission.id, status: reportSubmission.status, late: reportSubmission.late, dueOn: reportRequest.dueOn, requestStatus: reportRequest.status })
    .from(reportSubmission)
    .innerJoin(reportRequest, eq(reportRequest.id, reportSubmission.requestId))
    .where(and(eq(reportRequest.inspectionId, inspectionId), sql`${reportSubmission.id} in ${visibleSubmissions(actor)}`))
    .orderBy(asc(reportSubmission.createdAt))
    .limit(1);
  return row ? { ...row, status: row.status as SubmissionStatus, requestStatus: row.requestStatus as (typeof requestStatuses)[number] } : null;
}
