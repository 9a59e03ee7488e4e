import type { RequestLetter, TemplateBody } from '../../../shared/api/reports.schemas.js';
import { documentSymbol, formatDocumentNumber } from '../../../shared/domain/document-types.js';
import type { DbOrTx } from '../../db/client.js';
import { defineRecordDocumentKind, registeredFileName } from '../../documents/document-kinds.js';
import type { LetterDocumentModel } from '../../documents/model.js';
import { documentDate, issuerInfo, shortDate } from '../document-register/issuer-header.js';
import { reportBlocks } from './report-blocks.js';
import { findRequest, findTemplate, findVisibleRequest, type RequestRow } from './reports.repository.js';


export function requestFileName(r: RequestRow): string {
  const year = r.dueOn.slice(0, 4);
  return registeredFileName('cong-van', r, year);
}

/** The ad hoc request as a công văn (Mẫu 1.5): "V/v …", Kính gửi, the body, the template's outline and tables as the annex. */
export async function requestLetterModel(db: DbOrTx, r: RequestRow): Promise<LetterDocumentModel> {
  const issuer = await issuerInfo(db, r.ownerAgencyId);
  const letter = r.letter as RequestLetter;
  const template = (await findTemplate(db, r.templateId))!;
  const issued = r.status !== 'draft' && r.number !== null;
  const symbol = r.symbol ?? documentSymbol('cong_van', issuer.docAbbreviation ?? 'UBND', issuer.kind === 'peoples_committee' ? 'NV' : null);
  return {
    layout: 'letter',
    issuer: issuer.body,
    ...(issued ? { number: r.number! } : {}),
    symbol,
    placeName: issuer.placeName,
    date: issued && r.issuedOn ? documentDate(r.issuedOn) : { year: Number(r.dueOn.slice(0, 4)) },
    typeName: 'CÔNG VĂN',
    summary: letter.summary,
    draft: !issued,
    addressees: letter.addressees,
    body: letter.paragraphs.map((p) => ({ kind: 'paragraph' as const, content: p })),
    recipients: letter.recipients,
    signature: letter.signature,
    annexes: [
      {
        label: 'Phụ lục',
        title: `ĐỀ CƯƠNG, BIỂU MẪU BÁO CÁO: ${template.name.toLocaleUpperCase('vi')}`,
        subtitle: `(Kèm theo Công văn số ${issued ? formatDocumentNumber(r.number!, symbol) : `     /${symbol}`}${issued && r.issuedOn ? ` ngày ${shortDate(r.issuedOn)}` : ''} của ${issuer.name})`,
        blocks: reportBlocks(template.body as TemplateBody, null),
      },
    ],
  };
}

/** The request letter as a document kind: who sees the request downloads it; frozen at issue. */
export const requestLetterDocument = defineRecordDocumentKind({
  code: 'report-request',
  typeCode: 'cong_van',
  template: 'Mẫu 1.5',
  subjectType: 'report_request',
  recordName: 'report request',
  findVisible: findVisibleRequest,
  find: findRequest,
  applies: (r) => r.kind === 'ad_hoc',
  fileName: (_db, r) => requestFileName(r),
  model: requestLetterModel,
});
