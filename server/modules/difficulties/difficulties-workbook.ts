import ExcelJS from 'exceljs';
import type { Difficulty } from '../../../shared/api/difficulties.schemas.js';
import type { DifficultyStatus } from '../../../shared/domain/difficulty-status.js';
import { toVnDate } from '../registry/export-registry.js';

export const difficultyStatusLabels: Record<DifficultyStatus, string> = { raised: 'Mới phản ánh', forwarded: 'Đã chuyển lãnh đạo', answered: 'Đã trả lời', closed: 'Đã đóng' };

/** The list of difficulties as .xlsx (already presented, in list order): one row each, dates dd/mm/yyyy. */
export async function difficultiesWorkbook(items: Difficulty[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'PAR Inspect';
  const ws = wb.addWorksheet('Khó khăn, vướng mắc', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: 'TT', key: 'n', width: 5 },
    { header: 'Ngày phản ánh', key: 'raisedOn', width: 14 },
    { header: 'Đơn vị', key: 'agency', width: 32 },
    { header: 'Lĩnh vực CCHC', key: 'area', width: 30 },
    { header: 'Nội dung khó khăn, vướng mắc', key: 'title', width: 50 },
    { header: 'Chi tiết', key: 'body', width: 60 },
    { header: 'Tình trạng', key: 'status', width: 18 },
    { header: 'Người trả lời', key: 'answeredBy', width: 24 },
    { header: 'Ngày trả lời', key: 'answeredOn', width: 14 },
    { header: 'Nội dung trả lời', key: 'answer', width: 60 },
    { header: 'Thời gian trả lời (ngày làm việc)', key: 'days', width: 16 },
  ];
  ws.getRow(1).font = { bold: true };
  items.forEach((d, i) =>
    ws.addRow({
      n: i + 1,
      raisedOn: toVnDate(d.raisedOn),
      agency: d.agencyName,
      area: d.reformAreaName,
      title: d.title,
      body: d.body,
      status: difficultyStatusLabels[d.status],
      answeredBy: d.answeredByName ?? '',
      answeredOn: d.answeredOn ? toVnDate(d.answeredOn) : '',
      answer: d.answer ?? '',
      days: d.responseWorkingDays ?? d.waitingWorkingDays ?? '',
    }),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
