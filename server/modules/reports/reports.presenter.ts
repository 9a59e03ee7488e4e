import type { PeriodRule, ReportRequest, RequestDueExtension, ReportTemplate, RequestLetter, Submission, SubmissionContent, SubmissionSummary, TemplateBody } from '../../../shared/api/reports.schemas.js';
import { awaitingUnit, displayStatus, submissionDisplayStatuses, type SubmissionStatus } from '../../../shared/domain/report-status.js';
import { formatDocumentNumber } from '../../../shared/domain/document-types.js';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../http/actor.js';
import { inReach } from '../../authz/scope.js';
import { listAgencies } from '../registry/registry.repository.js';
import { actorSubmissionMoves, mayManage, ownerPlace, requestAbilities, submissionAbilities, templateAbilities } from './reports.policy.js';
import { countSubmissions, findTemplate, submissionHistory, type PeriodRuleRow, type RequestRow, type SubmissionRow, type TemplateRow } from './reports.repository.js';

export function presentTemplate(actor: Actor, t: TemplateRow): ReportTemplate {
  return {
    id: t.id,
    ownerAgencyId: t.ownerAgencyId,
    ownerAgencyName: t.ownerAgencyName,
    code: t.code,
    revision: t.revision,
    name: t.name,
    kind: t.kind as ReportTemplate['kind'],
    year: t.year,
    status: t.status as ReportTemplate['status'],
    body: t.body as TemplateBody,
    basedOnId: t.basedOnId,
    publishedAt: t.publishedAt?.toISOString() ?? null,
    abilities: templateAbilities(actor, t),
    version: t.version,
  };
}

/**
 * Rules with their units named: one query for the units of every rule (scoped by the caller's
 * reach in the register, as GET /api/agencies is), never one per unit.
 */
export async function presentRules(tx: DbOrTx, actor: Actor, rows: PeriodRuleRow[]): Promise<PeriodRule[]> {
  const ids = [...new Set(rows.flatMap((r) => r.targetAgencyIds as string[]))];
  const named = ids.length ? await listAgencies(tx, actor, { ids, includeInactive: true }) : [];
  return rows.map((r) => {
    const asked = new Set(r.targetAgencyIds as string[]);
    return presentRule(actor, r, named.filter((a) => asked.has(a.id)).map((a) => ({ id: a.id, name: a.name, active: a.active })));
  });
}

function presentRule(actor: Actor, r: PeriodRuleRow, targetAgencies: PeriodRule['targetAgencies']): PeriodRule {
  return {
    id: r.id,
    ownerAgencyId: r.ownerAgencyId,
    ownerAgencyName: r.ownerAgencyName,
    code: r.code,
    name: r.name,
    templateCode: r.templateCode,
    fromMonth: r.fromMonth,
    fromDay: r.fromDay,
    fromYearOffset: r.fromYearOffset,
    toMonth: r.toMonth,
    toDay: r.toDay,
    dueMonth: r.dueMonth,
    dueDay: r.dueDay,
    opensDaysBeforeDue: r.opensDaysBeforeDue,
    remindWorkingDays: r.remindWorkingDays,
    escalateAfterWorkingDays: r.escalateAfterWorkingDays,
    targetAgencyIds: r.targetAgencyIds as string[],
    targetAgencies,
    active: r.active,
    canManage: mayManage(actor, r),
    version: r.version,
  };
}

/** `today`: the calendar date in Việt Nam, by which a report not sent is missing. */
export async function presentRequests(tx: DbOrTx, actor: Actor, rows: RequestRow[], today: string): Promise<ReportRequest[]> {
  const counts = await countSubmissions(tx, actor, rows.map((r) => r.id), today);
  return rows.map((r) => {
    const c = counts.get(r.id) ?? {};
    const sentLate = c.late_sent ?? 0;
    const manage = mayManage(actor, r);
    return {
      id: r.id,
      ownerAgencyId: r.ownerAgencyId,
      ownerAgencyName: r.ownerAgencyName,
      templateId: r.templateId,
      templateName: r.templateName,
      templateRevision: r.templateRevision,
      kind: r.kind as ReportRequest['kind'],
      status: r.status as ReportRequest['status'],
      title: r.title,
      periodFrom: r.periodFrom,
      periodTo: r.periodTo,
      dueOn: r.dueOn,
      dueExplanation: r.dueExplanation,
      inspectionId: r.inspectionId,
      // A unit learns which agencies were asked only through its own report.
      targetAgencyIds: manage || actorReadsAll(actor, r) ? (r.targetAgencyIds as string[]) : [],
      letter: (r.letter as RequestLetter | null) ?? null,
      documentNumber: r.number !== null && r.symbol ? formatDocumentNumber(r.number, r.symbol) : null,
      issuedOn: r.issuedOn,
      remindWorkingDays: r.remindWorkingDays,
      escalateAfterWorkingDays: r.escalateAfterWorkingDays,
      // A withdrawn request asks nothing more: its reports still with the unit are nobody's work (no "1 Chưa làm").
      counts: Object.fromEntries(submissionDisplayStatuses.map((s) => [s, r.status === 'withdrawn' && awaitingUnit(s as SubmissionStatus) ? 0 : (c[s] ?? 0)])) as ReportRequest['counts'],
      timeliness: { onTime: (c.sent ?? 0) - sentLate, late: sentLate, missing: r.status === 'withdrawn' ? 0 : (c.missing ?? 0) },
      dueExtensions: (r.dueExtensions as RequestDueExtension[] | null) ?? [],
      withdrawal: r.withdrawnAt ? { at: r.withdrawnAt.toISOString(), reason: r.withdrawReason ?? '' } : null,
      abilities: requestAbilities(actor, r),
      version: r.version,
    };
  });
}

const actorReadsAll = (actor: Actor, r: RequestRow) => inReach(actor, 'report.read_all', ownerPlace(r));

export function presentSubmissionSummary(s: SubmissionRow): SubmissionSummary {
  return {
    id: s.id,
    requestId: s.requestId,
    requestTitle: s.requestTitle,
    agencyId: s.agencyId,
    agencyName: s.agencyName,
    status: s.status as SubmissionStatus,
    displayStatus: displayStatus(s.status as SubmissionStatus, s.late),
    late: s.late,
    submittedAt: s.submittedAt?.toISOString() ?? null,
    returnReason: s.returnReason,
    version: s.version,
  };
}

export async function presentSubmission(tx: DbOrTx, actor: Actor, s: SubmissionRow, r: RequestRow): Promise<Submission> {
  const template = (await findTemplate(tx, r.templateId))!;
  const history = await submissionHistory(tx, s.id);
  return {
    ...presentSubmissionSummary(s),
    request: { id: r.id, title: r.title, kind: r.kind as Submission['request']['kind'], dueOn: r.dueOn, dueExplanation: r.dueExplanation, periodFrom: r.periodFrom, periodTo: r.periodTo, ownerAgencyName: r.ownerAgencyName, status: r.status as Submission['request']['status'] },
    template: { id: template.id, name: template.name, revision: template.revision, body: template.body as TemplateBody },
    content: s.content as SubmissionContent,
    updatedAt: s.updatedAt.toISOString(),
    updatedByName: s.updatedByName,
    history: history.map((h) => ({ action: h.action as 'submitted' | 'returned' | 'accepted', reason: h.reason, late: h.late, actorName: h.actorName, at: h.at.toISOString(), hasContent: h.content !== null })),
    allowedMoves: actorSubmissionMoves(actor, s, r),
    abilities: submissionAbilities(actor, s, r),
  };
}
