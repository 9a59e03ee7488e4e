import ExcelJS from 'exceljs';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../http/actor.js';
import type { InspectionKind, InspectionStatus } from '../../../shared/domain/inspection-status.js';
import { listInspections, placesOf, type InspectionFilter } from './inspections.repository.js';

export const SCHEDULE_SHEET = 'Lịch kiểm tra';
/** The most rows one export carries; a national season is exported per plan or per month. */
export const SCHEDULE_EXPORT_MAX = 10_000;

const kindLabels: Record<InspectionKind, string> = { report: 'Qua báo cáo', announced: 'Có báo trước', unannounced: 'Đột xuất', reinspection: 'Tái kiểm tra' };
const statusLabels: Record<InspectionStatus, string> = { planned: 'Đã lên lịch', notified: 'Đã thông báo', under_way: 'Đang kiểm tra', closed: 'Đã kết thúc', cancelled: 'Đã hủy' };

export const scheduleColumns = [
  { header: 'TT', key: 'n', width: 5 },
  { header: 'Ngày kiểm tra', key: 'startsOn', width: 13 },
  { header: 'Đến ngày', key: 'endsOn', width: 13 },
  { header: 'Giờ', key: 'startTime', width: 7 },
  { header: 'Cơ quan, đơn vị được kiểm tra', key: 'agency', width: 40 },
  { header: 'Đơn vị hành chính', key: 'unit', width: 22 },
  { header: 'Hình thức', key: 'kind', width: 14 },
  { header: 'Đoàn kiểm tra', key: 'team', width: 28 },
  { header: 'Địa điểm', key: 'places', width: 40 },
  { header: 'Hạn gửi báo cáo', key: 'reportDueOn', width: 15 },
  { header: 'Trạng thái', key: 'status', width: 14 },
] as const;

const DATE_KEYS = new Set<string>(['startsOn', 'endsOn', 'reportDueOn']);
/** 'YYYY-MM-DD' as an Excel date (midnight UTC: no shift by the reader's zone). */
const excelDate = (iso: string | null): Date | null => (iso ? new Date(`${iso}T00:00:00Z`) : null);

/**
 * The schedule the actor may see, as an .xlsx (one row per inspection, by date): the same rule as
 * the list (an unannounced visit is absent for the unit until it starts). Dates are Excel dates
 * (sortable, filterable) shown dd/mm/yyyy: the day at 00:00 UTC, which Excel stores without a zone.
 */
export async function exportSchedule(tx: DbOrTx, actor: Actor, filter: Omit<InspectionFilter, 'page' | 'pageSize'>): Promise<Buffer> {
  const { rows } = await listInspections(tx, actor, { ...filter, page: 1, pageSize: SCHEDULE_EXPORT_MAX });
  const places = await placesOf(tx, rows.map((r) => r.id));
  const wb = new ExcelJS.Workbook();
  wb.creator = 'PAR Inspect';
  const ws = wb.addWorksheet(SCHEDULE_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = scheduleColumns.map((c) => ({ header: c.header, key: c.key, width: c.width, ...(DATE_KEYS.has(c.key) ? { style: { numFmt: 'dd/mm/yyyy' } } : {}) }));
  rows.forEach((r, i) => {
    ws.addRow({
      n: i + 1,
      startsOn: excelDate(r.startsOn),
      endsOn: excelDate(r.endsOn),
      startTime: r.startTime ?? '',
      agency: r.agencyName,
      unit: r.unitName,
      kind: kindLabels[r.kind as InspectionKind],
      team: r.teamName,
      places: places.filter((p) => p.inspectionId === r.id).map((p) => p.name).join('; '),
      reportDueOn: excelDate(r.reportDueOn),
      status: statusLabels[r.status as InspectionStatus],
    });
  });
  ws.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
