import { eq } from 'drizzle-orm';
import type { SubmissionContent, TemplateBody } from '../../../shared/api/reports.schemas.js';
import { documentSymbol } from '../../../shared/domain/document-types.js';
import { vietnamLocalTime } from '../../../shared/domain/vietnam-time.js';
import type { DbOrTx } from '../../db/client.js';
import { agency } from '../../db/schema/index.js';
import { defineDocumentKind } from '../../documents/document-kinds.js';
import type { PlanDocumentModel, SignatureModel } from '../../documents/model.js';
import { AppError } from '../../http/app-error.js';
import { documentDate, issuerInfo, type IssuerInfo } from '../document-register/issuer-header.js';
import { fileSlug } from './report-exports.js';
import { reportBlocks } from './report-blocks.js';
import { findRequest, findSubmission, findTemplate, findVisibleSubmission, type RequestRow, type SubmissionRow } from './reports.repository.js';

/** "Báo cáo CCHC quý II năm 2021" → "CCHC quý II năm 2021": the title already says BÁO CÁO. */
export function reportSummary(title: string): string {
  const rest = title.replace(/^\s*báo cáo\s+/iu, '').trim();
  return rest ? rest[0].toLocaleUpperCase('vi') + rest.slice(1) : title;
}

/** Who signs a unit's report: the committee's chairman for the committee (TM.), else the agency's head. */
export function headSignature(issuer: IssuerInfo, headTitle: string | null): SignatureModel {
  if (issuer.kind === 'peoples_committee') return { authority: 'TM. ỦY BAN NHÂN DÂN', position: 'CHỦ TỊCH', signerName: issuer.headName ?? '' };
  return { position: (headTitle ?? 'Thủ trưởng cơ quan').toLocaleUpperCase('vi'), signerName: issuer.headName ?? '' };
}

/**
 * A unit's report as a Decree 30 report (Mẫu 1.4, BC) of the unit: its header, "BÁO CÁO" and the
 * request's subject, each section's heading with the unit's answer, each table with its rows and
 * totals, the recipients (the office that asked) and the head's signature. The unit numbers and
 * signs it itself, so the number stays blank; DỰ THẢO until it is submitted; dated the day it was
 * submitted. The content is the report's as it stands (frozen once accepted).
 */
export async function submissionReportModel(db: DbOrTx, s: SubmissionRow, r: RequestRow): Promise<PlanDocumentModel> {
  const issuer = await issuerInfo(db, s.agencyId);
  const template = (await findTemplate(db, r.templateId))!;
  const sent = s.status === 'submitted' || s.status === 'accepted';
  const year = Number((r.periodTo ?? r.dueOn).slice(0, 4));
  return {
    layout: 'typed',
    issuer: issuer.body,
    symbol: documentSymbol('bao_cao', issuer.docAbbreviation ?? 'UBND'),
    placeName: issuer.placeName,
    date: sent && s.submittedAt ? documentDate(vietnamLocalTime(s.submittedAt).date) : { year },
    typeName: 'BÁO CÁO',
    summary: reportSummary(r.title),
    draft: !sent,
    body: reportBlocks(template.body as TemplateBody, s.content as SubmissionContent),
    recipients: [`${r.ownerAgencyName};`, 'Lưu: VT.'],
    signature: headSignature(issuer, await headTitleOf(db, s.agencyId)),
  };
}

async function headTitleOf(db: DbOrTx, agencyId: string): Promise<string | null> {
  const [row] = await db.select({ headTitle: agency.headTitle }).from(agency).where(eq(agency.id, agencyId));
  return row?.headTitle ?? null;
}

export const submissionFileName = (s: SubmissionRow, r: RequestRow) => `bao-cao-${fileSlug(`${r.title} ${s.agencyName}`)}`;

/** One unit's report as a document kind: whoever sees the report downloads it (.docx, PDF); never registered by the app. */
export const submissionReportDocument = defineDocumentKind({
  code: 'report-submission',
  typeCode: 'bao_cao',
  template: 'Mẫu 1.4',
  subjectType: 'report_submission',
  async findForActor(db, actor, id) {
    const s = await findVisibleSubmission(db, actor, id);
    if (!s) return null;
    const r = (await findRequest(db, s.requestId))!;
    return { registerEntryId: null, fileName: submissionFileName(s, r) };
  },
  async viewModel(db, id) {
    const s = await findSubmission(db, id);
    if (!s) throw AppError.notFound('report');
    return submissionReportModel(db, s, (await findRequest(db, s.requestId))!);
  },
});
