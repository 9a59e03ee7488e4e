import type { MinutesContent } from '../../../shared/api/minutes.schemas.js';
import { formatVietnameseDate } from '../../../shared/domain/calendar/dates.js';
import { documentSymbol } from '../../../shared/domain/document-types.js';
import type { DbOrTx } from '../../db/client.js';
import { defineRecordDocumentKind, registeredFileName } from '../../documents/document-kinds.js';
import type { Block, MinutesDocumentModel } from '../../documents/model.js';
import { documentDate, issuerInfo } from '../document-register/issuer-header.js';
import { findMinutes, findVisibleMinutes, type MinutesRow } from './minutes.repository.js';

const pad = (n: number) => String(n).padStart(2, '0');
const upper = (s: string) => s.normalize('NFC').toLocaleUpperCase('vi');
/** "08:00" → "08 giờ 00". */
export const clockText = (hhmm: string) => `${hhmm.slice(0, 2)} giờ ${hhmm.slice(3, 5)}`;

/** The paragraphs between the title and the signatures: the opening, sections I–IV, the closing. */
export function minutesBody(content: MinutesContent, row: { agencyName: string; teamName: string; inspectionKind: string }): Block[] {
  const unannounced = row.inspectionKind === 'unannounced';
  const people = (xs: MinutesContent['teamPresent'], empty: string): Block[] =>
    xs.length ? xs.map((p): Block => ({ kind: 'bullet', content: `${p.name}${p.position ? ` – ${p.position}` : ''};` })) : [{ kind: 'paragraph', content: empty }];
  const lines = (xs: string[], empty: string): Block[] => (xs.length ? xs.map((x): Block => ({ kind: 'bullet', content: x })) : [{ kind: 'paragraph', content: empty }]);
  const copies = content.copies === 2 ? 'được lập thành 02 bản có giá trị như nhau, Đoàn kiểm tra giữ 01 bản, đơn vị được kiểm tra giữ 01 bản' : `được lập thành ${pad(content.copies)} bản có giá trị như nhau`;
  return [
    {
      kind: 'paragraph',
      content: `Hôm nay, vào lúc ${clockText(content.startTime)} ngày ${formatVietnameseDate(content.heldOn)}, tại ${content.place}, ${row.teamName} tiến hành ${unannounced ? 'kiểm tra đột xuất (không báo trước)' : 'kiểm tra'} công tác cải cách hành chính tại ${row.agencyName}.`,
    },
    { kind: 'heading', level: 'I', text: 'THÀNH PHẦN' },
    { kind: 'heading', level: '1', text: 'Đoàn kiểm tra' },
    ...people(content.teamPresent, 'Không ghi nhận.'),
    { kind: 'heading', level: '1', text: 'Đại diện đơn vị được kiểm tra' },
    ...people(content.unitRepresentatives, 'Không ghi nhận.'),
    { kind: 'heading', level: 'I', text: 'NỘI DUNG KIỂM TRA' },
    ...(content.contents.length
      ? content.contents.flatMap((g): Block[] => [{ kind: 'heading', level: '1', text: g.title }, ...lines(g.lines, 'Không có nội dung ghi nhận.')])
      : [{ kind: 'paragraph', content: 'Không có nội dung ghi nhận.' } satisfies Block]),
    { kind: 'heading', level: 'I', text: 'NHẬN XÉT, ĐÁNH GIÁ CỦA ĐOÀN KIỂM TRA' },
    { kind: 'heading', level: '1', text: 'Ưu điểm' },
    ...lines(content.strengths, 'Không có nội dung.'),
    { kind: 'heading', level: '1', text: 'Hạn chế, tồn tại' },
    ...lines(content.shortcomings, 'Không có nội dung.'),
    { kind: 'heading', level: '1', text: 'Đề nghị' },
    ...lines(content.requests, 'Không có nội dung.'),
    { kind: 'heading', level: 'I', text: 'Ý KIẾN CỦA ĐƠN VỊ ĐƯỢC KIỂM TRA' },
    ...lines(content.unitComments, 'Đơn vị thống nhất với nội dung biên bản.'),
    {
      kind: 'paragraph',
      content: `Buổi kiểm tra kết thúc vào lúc ${clockText(content.closingTime)} cùng ngày. Biên bản đã được đọc lại cho các thành phần tham dự cùng nghe, thống nhất ký tên và ${copies}./.`,
    },
  ];
}

/** Biên bản kiểm tra as a Decree 30 document (Mẫu 1.9): DỰ THẢO until final. */
export async function minutesDocumentModel(db: DbOrTx, row: MinutesRow): Promise<MinutesDocumentModel> {
  const content = row.content as MinutesContent;
  const committee = await issuerInfo(db, row.inspection.issuingAgencyId);
  const place = await issuerInfo(db, row.inspection.agencyId);
  const final = row.status === 'final' && row.number !== null;
  return {
    layout: 'minutes',
    issuer: { parent: upper(committee.shortName ?? committee.name), name: 'ĐOÀN KIỂM TRA CCHC' },
    ...(final ? { number: row.number! } : {}),
    symbol: row.symbol ?? documentSymbol('bien_ban', 'ĐKT'),
    placeName: place.placeName,
    date: documentDate(content.heldOn),
    typeName: 'BIÊN BẢN',
    summary: content.summary,
    draft: !final,
    ...(content.legalBases.length ? { legalBases: content.legalBases } : {}),
    body: minutesBody(content, { agencyName: row.inspection.agencyName, teamName: row.inspection.teamName, inspectionKind: row.inspection.kind }),
    signatures: [
      { authority: 'ĐẠI DIỆN ĐƠN VỊ ĐƯỢC KIỂM TRA', position: content.unitSignerPosition, signerName: content.unitSignerName },
      { position: 'TRƯỞNG ĐOÀN KIỂM TRA', signerName: content.teamLeaderName },
      { position: 'THƯ KÝ', signerName: content.secretaryName },
    ],
    ...(content.recipients.length ? { recipients: content.recipients } : {}),
  };
}

export function minutesFileName(row: MinutesRow): string {
  return registeredFileName('bien-ban', row, row.inspection.planYear);
}

/** The minutes as a document kind: whoever sees the minutes downloads them; frozen when final. */
export const minutesDocument = defineRecordDocumentKind({
  code: 'minutes',
  typeCode: 'bien_ban',
  template: 'Mẫu 1.9',
  subjectType: 'inspection_minutes',
  recordName: 'minutes',
  findVisible: findVisibleMinutes,
  find: findMinutes,
  fileName: (_db, row) => minutesFileName(row),
  model: minutesDocumentModel,
});
