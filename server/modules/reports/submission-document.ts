import { eq } from 'drizzle-orm';
import type { SubmissionContent, TemplateBody } from '../../../shared/api/reports.schemas.js';
import { documentSymbol } from '../../../shared/domain/document-types.js';
import { vietnamLocalTime } from '../../../shared/domain/vietnam-time.js';
import type { DbOrTx } from '../../db/client.js';
import { agency } from '../../db/schema/index.js';
import { defineRecordDocumentKind } from '../../documents/document-kinds.js';
import type { PlanDocumentModel, SignatureModel } from '../../documents/model.js';
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

export async function headTitleOf(db: DbOrTx, agencyId: string): Promise<string | null> {
  const [row] = await db.select({ headTitle: agency.headTitle }).from(agency).where(eq(agency.id, agencyId));
  return row?.headTitle ?? null;
}

export const submissionFileName = (s: SubmissionRow, r: RequestRow) => `bao-cao-${fileSlug(`${r.title} ${s.agencyName}`)}`;

/** The unit's report with the request it answers; the app never registers it (the unit numbers it). */
type Subject = SubmissionRow & { request: RequestRow; registerEntryId: null };
const subject = async (db: DbOrTx, s: SubmissionRow | null): Promise<Subject | null> => (s ? { ...s, request: (await findRequest(db, s.requestId))!, registerEntryId: null } : null);

/** One unit's report as a document kind: whoever sees the report downloads it (.docx, PDF). */
export const submissionReportDocument = defineRecordDocumentKind<Subject>({
  code: 'report-submission',
  typeCode: 'bao_cao',
  template: 'Mẫu 1.4',
  subjectType: 'report_submission',
  recordName: 'report',
  findVisible: async (db, actor, id) => subject(db, await findVisibleSubmission(db, actor, id)),
  find: async (db, id) => subject(db, await findSubmission(db, id)),
  fileName: (_db, s) => submissionFileName(s, s.request),
  model: (db, s) => submissionReportModel(db, s, s.request),
});
