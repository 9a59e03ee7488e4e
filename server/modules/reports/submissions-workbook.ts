import type { SubmissionSummary, SubmissionTimeliness } from '../../../shared/api/reports.schemas.js';
import type { SubmissionDisplayStatus } from '../../../shared/domain/report-status.js';
import { vietnamLocalTime } from '../../../shared/domain/vietnam-time.js';
import type { ListColumn } from '../../documents/list-workbook.js';

export const displayStatusLabels: Record<SubmissionDisplayStatus, string> = {
  not_started: 'Chưa làm',
  draft: 'Đang soạn',
  submitted_on_time: 'Đã gửi đúng hạn',
  submitted_late: 'Đã gửi muộn',
  returned: 'Bị trả lại',
  accepted: 'Đã chấp nhận',
};
export const submissionTimelinessLabels: Record<SubmissionTimeliness, string> = { on_time: 'Đúng hạn', late: 'Trễ hạn', missing: 'Chưa gửi (quá hạn)' };

/** The report-submissions list's columns in its .xlsx (GET /api/report-submissions/export.xlsx). */
export const submissionColumns: ListColumn<SubmissionSummary>[] = [
  { header: 'TT', width: 6, kind: 'number', value: (_, i) => i + 1 },
  { header: 'Cơ quan, đơn vị', width: 40, value: (s) => s.agencyName },
  { header: 'Yêu cầu báo cáo', width: 50, value: (s) => s.requestTitle },
  { header: 'Trạng thái', width: 18, value: (s) => displayStatusLabels[s.displayStatus] },
  // The day it was sent, in Việt Nam.
  { header: 'Ngày gửi', width: 13, kind: 'date', value: (s) => (s.submittedAt ? vietnamLocalTime(new Date(s.submittedAt)).date : null) },
  { header: 'Lý do trả lại', width: 40, value: (s) => s.returnReason ?? '' },
];
