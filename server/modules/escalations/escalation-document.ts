import type { EscalationContent } from '../../../shared/api/escalations.schemas.js';
import { documentSymbol, type DocumentTypeCode } from '../../../shared/domain/document-types.js';
import type { DbOrTx } from '../../db/client.js';
import { defineRecordDocumentKind, registeredFileName } from '../../documents/document-kinds.js';
import type { Block, DocumentModel } from '../../documents/model.js';
import { listAttachments } from '../../files/attachments.js';
import { documentDate, issuerInfo, type IssuerInfo } from '../document-register/issuer-header.js';
import { standingBodyForAgency } from '../registry/registry.repository.js';
import { findEscalation, findVisibleEscalation, type EscalationRow } from './escalations.repository.js';

export const EVIDENCE_PURPOSE = 'evidence';
export const escalationTypeCode = (form: string): DocumentTypeCode => (form === 'cong_van' ? 'cong_van' : 'to_trinh');

/** A công văn of the committee names its drafting unit after the slash ("UBND-NV"): the standing body's abbreviation. */
export async function draftingUnitAbbreviation(db: DbOrTx, issuer: IssuerInfo): Promise<string | null> {
  if (issuer.kind !== 'peoples_committee') return null;
  const id = await standingBodyForAgency(db, issuer.agencyId);
  return id && id !== issuer.agencyId ? ((await issuerInfo(db, id)).docAbbreviation ?? null) : null;
}

/** The texts a new proposal starts from (plan III.1): the office edits them and lists the findings. */
export function defaultEscalationContent(row: { agencyName: string }, issuer: IssuerInfo, committee: IssuerInfo): EscalationContent {
  const committeeName = committee.shortName ?? committee.name;
  const byCommittee = issuer.agencyId === committee.agencyId;
  return {
    summary: `Đề nghị kiểm tra công vụ tại ${row.agencyName}`,
    addressees: [`Đoàn kiểm tra công vụ ${committeeName.replace(/^UBND /, '')}.`],
    body: [
      `Qua kiểm tra công tác cải cách hành chính tại ${row.agencyName}, Đoàn kiểm tra phát hiện một số dấu hiệu vi phạm kỷ luật, kỷ cương hành chính trong thực thi công vụ (nêu tại danh sách kèm theo).`,
      `Để xác định rõ trách nhiệm của tập thể, cá nhân có liên quan, ${byCommittee ? committeeName : issuer.name} đề nghị Đoàn kiểm tra công vụ tổ chức kiểm tra, làm rõ và báo cáo, tham mưu xử lý theo quy định.`,
    ],
    recipients: ['Như trên;', `Chủ tịch ${committeeName} (để b/c);`, 'Lưu: VT, NV.'],
    signature: byCommittee ? { onBehalfOf: 'KT. CHỦ TỊCH', position: 'PHÓ CHỦ TỊCH', signerName: '' } : { position: issuer.name.startsWith('Phòng ') ? 'TRƯỞNG PHÒNG' : 'THỦ TRƯỞNG', signerName: issuer.headName ?? '' },
  };
}

/** The proposal as a Decree 30 document: a Tờ trình (Mẫu 1.4) or a công văn (Mẫu 1.5); the evidence attached is listed. */
export async function escalationDocumentModel(db: DbOrTx, row: EscalationRow): Promise<DocumentModel> {
  const issuer = await issuerInfo(db, row.issuingAgencyId);
  const content = row.content as EscalationContent;
  const issued = row.status !== 'draft' && row.number !== null;
  const evidence = await listAttachments(db, { ownerType: 'escalation', ownerId: row.id }, EVIDENCE_PURPOSE);
  const typeCode = escalationTypeCode(row.form);
  const body: Block[] = [
    ...content.body.map((p): Block => ({ kind: 'paragraph', content: p })),
    ...(evidence.length ? [{ kind: 'paragraph', content: 'Tài liệu, minh chứng kèm theo:', bold: true } satisfies Block, ...evidence.map((f, i): Block => ({ kind: 'bullet', content: `${f.fileName}${i === evidence.length - 1 ? '.' : ';'}` }))] : []),
    { kind: 'paragraph', content: 'Trân trọng./.' },
  ];
  const header = {
    issuer: issuer.body,
    ...(issued ? { number: row.number! } : {}),
    symbol: row.symbol ?? documentSymbol(typeCode, issuer.docAbbreviation ?? 'UBND', await draftingUnitAbbreviation(db, issuer)),
    placeName: issuer.placeName,
    date: issued && row.issuedOn ? documentDate(row.issuedOn) : { year: row.planYear },
    summary: content.summary,
    draft: !issued,
    recipients: content.recipients,
    signature: content.signature,
  };
  if (typeCode === 'cong_van') return { layout: 'letter', typeName: 'CÔNG VĂN', addressees: content.addressees, body, ...header };
  const to: Block = { kind: 'paragraph', content: `Kính gửi: ${content.addressees.join(' ')}`, centered: true };
  return { layout: 'typed', typeName: 'TỜ TRÌNH', body: [to, ...body], ...header };
}

export const escalationDocument = defineRecordDocumentKind({
  code: 'escalation',
  typeCode: 'to_trinh',
  template: 'Mẫu 1.4 (Tờ trình) / Mẫu 1.5 (công văn)',
  subjectType: 'escalation',
  recordName: 'escalation',
  findVisible: findVisibleEscalation,
  find: findEscalation,
  fileName: (_db, row) => registeredFileName('de-nghi-kiem-tra-cong-vu', row, row.planYear),
  model: escalationDocumentModel,
});
