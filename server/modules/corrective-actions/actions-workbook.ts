import type { ActionState, CorrectiveAction } from '../../../shared/api/corrective-actions.schemas.js';
import type { ActionStatus } from '../../../shared/domain/follow-up.js';
import type { ListColumn } from '../../documents/list-workbook.js';

export const actionStatusLabels: Record<ActionStatus, string> = { draft: 'Dự thảo', open: 'Chưa thực hiện', in_progress: 'Đang thực hiện', reported: 'Đã báo cáo, chờ xem xét', closed: 'Đã hoàn thành' };
export const actionStateLabels: Record<ActionState, string> = { open: 'Đang thực hiện', overdue: 'Quá hạn', closed: 'Đã hoàn thành' };

/** An action as its export shows it: with its content group's title (as the findings list names it). */
export type ExportedAction = CorrectiveAction & { contentGroupTitle: string | null };

/** The corrective-actions list's columns in its .xlsx (GET /api/corrective-actions/export.xlsx), in the list's order. */
export const actionColumns: ListColumn<ExportedAction>[] = [
  { header: 'TT', width: 6, kind: 'number', value: (_, i) => i + 1 },
  { header: 'Nội dung yêu cầu khắc phục', width: 60, value: (a) => a.content },
  { header: 'Cơ quan, đơn vị được kiểm tra', width: 36, value: (a) => a.agencyName },
  { header: 'Đơn vị chịu trách nhiệm', width: 36, value: (a) => a.responsibleAgencyName },
  { header: 'Thông báo kết luận số', width: 18, value: (a) => a.conclusionNumber ?? '' },
  { header: 'Ngày ban hành', width: 13, kind: 'date', value: (a) => a.conclusionIssuedOn },
  { header: 'Nhóm nội dung', width: 30, value: (a) => a.contentGroupTitle ?? a.contentGroup ?? '' },
  { header: 'Hạn hoàn thành', width: 13, kind: 'date', value: (a) => a.dueOn },
  { header: 'Hạn báo cáo', width: 13, kind: 'date', value: (a) => a.reportDueOn },
  { header: 'Trạng thái', width: 22, value: (a) => actionStatusLabels[a.status] },
  { header: 'Quá hạn', width: 9, value: (a) => (a.overdue ? 'Có' : '') },
];
