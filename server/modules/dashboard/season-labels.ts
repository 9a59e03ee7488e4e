import type { InspectionKind, InspectionStatus } from '../../../shared/domain/inspection-status.js';

/** Vietnamese labels of the season's figures in the documents and workbooks the server writes (the web app has its own i18n). */
export const statusLabel: Record<InspectionStatus, string> = {
  planned: 'Đã lên lịch',
  notified: 'Đã thông báo',
  under_way: 'Đang kiểm tra',
  closed: 'Đã kết thúc',
  cancelled: 'Đã hủy',
};

export const kindLabel: Record<InspectionKind, string> = {
  report: 'Kiểm tra qua báo cáo',
  announced: 'Kiểm tra có báo trước',
  unannounced: 'Kiểm tra đột xuất',
  reinspection: 'Tái kiểm tra',
};

export const indexKindLabel = { par: 'Chỉ số CCHC', sipas: 'Chỉ số hài lòng (SIPAS)' } as const;

/** 85.25 → "85,25" (Vietnamese decimal comma); null → "—". */
export const viPct = (x: number | null, digits = 2): string => (x === null ? '—' : x.toFixed(digits).replace(/\.?0+$/, '').replace('.', ','));
