import type { ReportRequest, ReportTemplate } from '../../../../shared/api/reports.schemas.js';
import type { SubmissionDisplayStatus } from '../../../../shared/domain/report-status.js';
import type { CellProblem, CellType } from '../../../../shared/domain/report-tables.js';
import type { MessageKey } from '../../i18n/messages.vi.js';

export const displayStatusKey = (s: SubmissionDisplayStatus): MessageKey => `reporting.status.${s}`;
export const displayStatusColor: Record<SubmissionDisplayStatus, string> = {
  not_started: 'gray',
  draft: 'yellow',
  submitted_on_time: 'blue',
  submitted_late: 'orange',
  returned: 'red',
  accepted: 'green',
};
export const requestKindKey = (k: ReportRequest['kind']): MessageKey => `reporting.requestKind.${k}`;
export const requestStatusKey = (s: ReportRequest['status']): MessageKey => `reporting.requestStatus.${s}`;
export const templateKindKey = (k: ReportTemplate['kind']): MessageKey => `reporting.templateKind.${k}`;
export const templateStatusKey = (s: ReportTemplate['status']): MessageKey => `reporting.templateStatus.${s}`;
export const cellTypeKey = (c: CellType): MessageKey => `reporting.cellType.${c}`;
export const cellProblemKey = (p: CellProblem): MessageKey => `reporting.cellProblem.${p}`;
