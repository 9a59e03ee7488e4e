import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { createResultsReportBody, ResultsReportContent } from '../../../shared/api/results-reports.schemas.js';
import { formatDocumentNumber } from '../../../shared/domain/document-types.js';
import { authorize } from '../../authz/guard.js';
import { inReach } from '../../authz/scope.js';
import { agency, resultsReport, unit } from '../../db/schema/index.js';
import { queryRows, type DbOrTx, type Tx } from '../../db/client.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { loadWorkingCalendar } from '../calendar/calendar.service.js';
import { listDifficultiesForYear, type DifficultyForReport } from '../difficulties/difficulties-for-report.js';
import { issuerInfo } from '../document-register/issuer-header.js';
import { difficultyProposals } from './difficulty-paragraphs.js';
import { draftTexts } from './draft-texts.js';
import { formatVietnameseDate } from '../../../shared/domain/calendar/dates.js';
import { reportFigures } from './report-figures.js';
import { reportWording } from './report-wording.js';

/**
 * The texts a new report starts from, for the office to edit before a leader issues it: the
 * year's plan and teams as bases, narrative to complete, the proposals (the difficulties still
 * waiting, who follows up) and the recipients by the authority's level (report-wording.ts). No
 * figure: the data writes each one into the document from the live figures (draft-texts.ts
 * factParagraphs), so the texts never disagree with them.
 */
export async function defaultContent(tx: DbOrTx, agencyId: string, year: number, difficulties: DifficultyForReport[] = [], today?: string): Promise<ResultsReportContent> {
  const issuer = await issuerInfo(tx, agencyId);
  const [root] = await tx.select({ id: unit.id, name: unit.name, kind: unit.kind, path: unit.path, parentId: unit.parentId }).from(agency).innerJoin(unit, eq(unit.id, agency.unitId)).where(eq(agency.id, agencyId));
  const [parent] = root.parentId ? await tx.select({ name: unit.name, kind: unit.kind }).from(unit).where(eq(unit.id, root.parentId)) : [];
  const wording = reportWording(root, parent ?? null);
  // The narrative follows the figures the report starts with (no conclusion issued → none claimed).
  const figures = await reportFigures(tx, { status: 'draft', year, figures: null, unitId: root.id, unitName: root.name, unitKind: root.kind, unitPath: root.path }, today);
  const drafted = draftTexts(figures);
  const committee = issuer.shortName ?? issuer.name;
  const plans = await queryRows<{ number: number; symbol: string; issued_on: string; summary: string | null }>(
    tx,
    sql`select e.number, e.symbol, e.issued_on::text as issued_on, p.content->>'summary' as summary
          from inspection_plan p join document_register_entry e on e.id = p.register_entry_id
         where p.issuing_agency_id = ${agencyId}::uuid and p.year = ${year} order by e.issued_on`,
  );
  const teams = await queryRows<{ name: string; number: number; symbol: string; issued_on: string }>(
    tx,
    sql`select t.name, e.number, e.symbol, e.issued_on::text as issued_on
          from inspection_team t join inspection_plan p on p.id = t.plan_id join document_register_entry e on e.id = t.register_entry_id
         where p.issuing_agency_id = ${agencyId}::uuid and p.year = ${year} order by e.number`,
  );
  const planRefs = plans.map((p) => `Kế hoạch số ${formatDocumentNumber(p.number, p.symbol)} ngày ${formatVietnameseDate(p.issued_on)}`);
  return {
    summary: `Kết quả kiểm tra công tác cải cách hành chính năm ${year}`,
    legalBases: [],
    organisation: planRefs.length
      ? `Thực hiện ${planRefs.join(', ')} của ${committee} về kiểm tra công tác cải cách hành chính năm ${year}, ${teams.length ? teams.map((t) => `${t.name} (thành lập theo Quyết định số ${formatDocumentNumber(t.number, t.symbol)} ngày ${formatVietnameseDate(t.issued_on)})`).join(', ') : 'Đoàn kiểm tra'} đã tiến hành kiểm tra tại các cơ quan, đơn vị theo kế hoạch.`
      : `Thực hiện kế hoạch kiểm tra công tác cải cách hành chính năm ${year} của ${committee}, Đoàn kiểm tra đã tiến hành kiểm tra tại các cơ quan, đơn vị.`,
    strengths: drafted.strengths,
    shortcomings: drafted.shortcomings,
    measures: drafted.measures,
    proposals: [
      difficultyProposals(difficulties),
      'Đề nghị Thủ trưởng các cơ quan, đơn vị chỉ đạo khắc phục ngay các tồn tại, hạn chế đã nêu; tập trung cải thiện các tiêu chí, tiêu chí thành phần của Chỉ số cải cách hành chính chưa đạt.',
      wording.followUp,
    ]
      .filter(Boolean)
      .join('\n'),
    recipients: wording.recipients,
    signature: { onBehalfOf: 'TM. ỦY BAN NHÂN DÂN', position: 'CHỦ TỊCH', signerName: issuer.headName ?? '' },
  };
}

/**
 * The standing office drafts the year's results report of its authority (the People's
 * Committee of its unit, or one it names within its reach). One per authority and year: a second
 * is 409 DUPLICATE (edit the draft instead).
 */
export async function createResultsReport(tx: Tx, ctx: RequestContext, input: z.infer<typeof createResultsReportBody>, today: string) {
  authorize(ctx.actor, 'results_report.draft', 'you may not draft results reports');
  // A year not begun has no season to report (today in Việt Nam, by the clock).
  if (input.year > Number(today.slice(0, 4))) throw AppError.invalid('body.year', 'in_future', `no results report for a year not begun (this year is ${today.slice(0, 4)})`);
  let issuing;
  if (input.issuingAgencyId) {
    [issuing] = await tx.select().from(agency).where(eq(agency.id, input.issuingAgencyId));
    if (!issuing || !inReach(ctx.actor, 'results_report.draft', { unitPath: issuing.unitPath, agencyPath: issuing.path })) {
      throw AppError.invalid('body.issuingAgencyId', 'not_found', 'no agency you report for has this id');
    }
  } else {
    const unitIds = ctx.actor.roles.map((g) => g.unitId);
    const committees = unitIds.length
      ? await tx.select().from(agency).where(and(eq(agency.kind, 'peoples_committee'), eq(agency.active, true), sql`${agency.unitId} in (${sql.join(unitIds.map((id) => sql`${id}::uuid`), sql`, `)})`))
      : [];
    issuing = committees.find((a) => inReach(ctx.actor, 'results_report.draft', { unitPath: a.unitPath, agencyPath: a.path }));
    if (!issuing) throw AppError.invalid('body.issuingAgencyId', 'required', 'name the People’s Committee that reports');
  }
  if (issuing.kind !== 'peoples_committee') throw AppError.invalid('body.issuingAgencyId', 'not_peoples_committee', 'a results report is the People’s Committee’s');
  const [existing] = await tx.select({ id: resultsReport.id }).from(resultsReport).where(and(eq(resultsReport.issuingAgencyId, issuing.id), eq(resultsReport.year, input.year)));
  if (existing) throw new AppError('DUPLICATE', `the ${input.year} results report of this authority exists already (${existing.id})`);
  // The difficulties raised to the committee that the office handled (reference §7), as it sees them.
  const difficulties = await listDifficultiesForYear(tx, ctx.actor, { today, calendar: (await loadWorkingCalendar(tx)).calendar }, input.year);
  const content = await defaultContent(tx, issuing.id, input.year, difficulties, today);
  const [row] = await tx.insert(resultsReport).values({ issuingAgencyId: issuing.id, unitId: issuing.unitId, year: input.year, content, createdBy: ctx.actor.userId }).returning();
  await recordAudit(tx, ctx, { action: 'results_report.drafted', entityType: 'results_report', entityId: row.id, scope: { places: [{ unitPath: issuing.unitPath, agencyPath: issuing.path }] }, after: row });
  return row;
}
