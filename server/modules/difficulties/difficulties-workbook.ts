import type { Difficulty } from '../../../shared/api/difficulties.schemas.js';
import type { DifficultyStatus } from '../../../shared/domain/difficulty-status.js';
import { listTitle, listWorkbook, type ListColumn } from '../../documents/list-workbook.js';

export const difficultyStatusLabels: Record<DifficultyStatus, string> = { raised: 'Mới phản ánh', forwarded: 'Đã chuyển lãnh đạo', answered: 'Đã trả lời', closed: 'Đã đóng' };

const columns: ListColumn<Difficulty>[] = [
  { header: 'TT', width: 5, kind: 'number', value: (_, i) => i + 1 },
  { header: 'Ngày phản ánh', width: 14, kind: 'date', value: (d) => d.raisedOn },
  { header: 'Đơn vị', width: 32, value: (d) => d.agencyName },
  { header: 'Lĩnh vực CCHC', width: 30, value: (d) => d.reformAreaName },
  { header: 'Nội dung khó khăn, vướng mắc', width: 50, value: (d) => d.title },
  { header: 'Chi tiết', width: 60, value: (d) => d.body },
  { header: 'Tình trạng', width: 18, value: (d) => difficultyStatusLabels[d.status] },
  { header: 'Người trả lời', width: 24, value: (d) => d.answeredByName },
  { header: 'Ngày trả lời', width: 14, kind: 'date', value: (d) => d.answeredOn },
  { header: 'Nội dung trả lời', width: 60, value: (d) => d.answer },
  { header: 'Thời gian trả lời (ngày làm việc)', width: 16, kind: 'number', value: (d) => d.responseWorkingDays ?? d.waitingWorkingDays },
];

/**
 * The list of difficulties as .xlsx (already presented, in list order), through the shared list
 * builder like every other list export: a title row naming the scope and the filters, the
 * headers, a row each, dates as real dates shown dd/mm/yyyy.
 */
export function difficultiesWorkbook(items: Difficulty[], scope: string, filters: readonly (readonly [string, string | number | null | undefined])[]): Promise<Buffer> {
  return listWorkbook({ sheet: 'Khó khăn, vướng mắc', title: listTitle('Khó khăn, vướng mắc của các đơn vị', scope, filters), columns, rows: items });
}
