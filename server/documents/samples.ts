/**
 * Sample documents with every building block, written as the coming documents will use them
 * (results table, minutes, công văn, report with a landscape table and annexes): the block tests
 * read them back and `npm run render:plan` renders them for a person to look at.
 */
import { seedPlan2021 } from '../db/seed/plan-2021.js';
import type { LetterDocumentModel, MinutesDocumentModel, PlanDocumentModel, TableBlock } from './model.js';

/** The results of three wards: a header row, a merged and bold total row, a row span. */
export const sampleScores: TableBlock = {
  kind: 'table',
  caption: 'Bảng 1. Kết quả tự chấm điểm',
  columns: [{ width: 8, align: 'center' }, { width: 52 }, { width: 20, align: 'right' }, { width: 20, align: 'right' }],
  header: [{ cells: ['STT', 'Đơn vị', 'Điểm tự chấm', 'Điểm thẩm định'] }],
  rows: [
    { cells: ['1', 'Phường Bồng Sơn', '85,50', '82,00'] },
    { cells: ['2', 'Phường Tam Quan', { content: '78,25', rowSpan: 2, align: 'center' }, '75,00'] },
    { cells: ['3', 'Xã Hoài Hải', '70,00'] },
    { total: true, cells: [{ content: 'Bình quân', colSpan: 2 }, '77,92', '75,67'] },
  ],
};

/** Biên bản kiểm tra (Mẫu 1.9), signed by the unit, the head of the team and the secretary. */
export const sampleMinutes: MinutesDocumentModel = {
  layout: 'minutes',
  issuer: { parent: 'UBND THỊ XÃ HOÀI NHƠN', name: 'ĐOÀN KIỂM TRA CCHC' },
  symbol: 'BB-ĐKT',
  number: 3,
  placeName: 'Bồng Sơn',
  date: { year: 2021, month: 9, day: 9 },
  typeName: 'BIÊN BẢN',
  summary: 'Kiểm tra công tác cải cách hành chính tại UBND phường Bồng Sơn',
  body: [{ kind: 'paragraph', content: 'Hôm nay, vào lúc 08 giờ 00 ngày 09/9/2021, tại UBND phường Bồng Sơn…' }],
  signatures: [
    { authority: 'ĐẠI DIỆN ĐƠN VỊ ĐƯỢC KIỂM TRA', position: 'CHỦ TỊCH UBND PHƯỜNG', signerName: 'Trần Văn An' },
    { position: 'TRƯỞNG ĐOÀN KIỂM TRA', signerName: 'Nguyễn Văn Hùng' },
    { position: 'THƯ KÝ', signerName: 'Đặng Thị Mỹ Linh' },
  ],
  recipients: ['UBND phường Bồng Sơn;', 'Lưu: ĐKT.'],
};

/** A công văn of the standing office to the units (Mẫu 1.5). */
export const sampleLetter: LetterDocumentModel = {
  layout: 'letter',
  issuer: { parent: 'UBND THỊ XÃ HOÀI NHƠN', name: 'PHÒNG NỘI VỤ' },
  number: 12,
  symbol: 'UBND-NV',
  placeName: 'Hoài Nhơn',
  date: { year: 2021, month: 8, day: 20 },
  typeName: 'CÔNG VĂN',
  summary: 'báo cáo kết quả tự kiểm tra công tác cải cách hành chính năm 2021',
  addressees: ['UBND các xã, phường;', 'Các cơ quan, đơn vị thuộc UBND thị xã.'],
  body: [{ kind: 'paragraph', content: 'Thực hiện Kế hoạch số 15/KH-UBND ngày 05/5/2021…' }],
  recipients: ['Như trên;', 'Lưu: VT, NV.'],
  signature: { onBehalfOf: 'KT. CHỦ TỊCH', position: 'PHÓ CHỦ TỊCH', signerName: 'Nguyễn Văn Hùng' },
};

/** A document with a landscape table in its body and two annexes, one landscape. */
export const sampleReport: PlanDocumentModel = {
  ...seedPlan2021,
  number: 15,
  date: { year: 2021, month: 5, day: 5 },
  body: [...seedPlan2021.body.slice(0, 3), { kind: 'landscape', blocks: [sampleScores] }, { kind: 'paragraph', content: 'Sau bảng ngang.' }],
  annexes: [
    { label: 'Phụ lục I', title: 'Danh sách đơn vị được kiểm tra', blocks: [{ kind: 'bullet', content: 'Phường Bồng Sơn;' }] },
    { label: 'Phụ lục II', title: 'Bảng điểm', subtitle: '(Kèm theo Kế hoạch số 15/KH-UBND ngày 05/5/2021 của UBND thị xã)', landscape: true, blocks: [sampleScores] },
  ],
};
