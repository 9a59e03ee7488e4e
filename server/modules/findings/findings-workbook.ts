import type { FindingListItem } from '../../../shared/api/findings.schemas.js';
import type { FindingKind, FindingSeverity } from '../../../shared/domain/checklists.js';
import type { ListColumn } from '../../documents/list-workbook.js';

export const findingKindLabels: Record<FindingKind, string> = { good_practice: 'Cách làm hay', shortcoming: 'Tồn tại, hạn chế', violation: 'Vi phạm' };
export const findingSeverityLabels: Record<FindingSeverity, string> = { minor: 'Nhẹ', moderate: 'Trung bình', serious: 'Nghiêm trọng' };

/** The findings list's columns in its .xlsx (GET /api/findings/export.xlsx), in the list's order. */
export const findingColumns: ListColumn<FindingListItem>[] = [
  { header: 'TT', width: 6, kind: 'number', value: (_, i) => i + 1 },
  { header: 'Ngày kiểm tra', width: 13, kind: 'date', value: (f) => f.visitedOn },
  { header: 'Năm', width: 8, kind: 'number', value: (f) => f.year },
  { header: 'Cơ quan, đơn vị được kiểm tra', width: 36, value: (f) => f.agencyName },
  { header: 'Đơn vị hành chính', width: 24, value: (f) => f.unitName },
  { header: 'Loại', width: 16, value: (f) => findingKindLabels[f.kind] },
  { header: 'Mức độ', width: 14, value: (f) => (f.severity ? findingSeverityLabels[f.severity] : '') },
  { header: 'Nhóm nội dung', width: 30, value: (f) => f.contentGroupTitle },
  { header: 'Phát hiện', width: 60, value: (f) => f.title },
];
