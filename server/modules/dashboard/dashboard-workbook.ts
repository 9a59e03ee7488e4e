import ExcelJS from 'exceljs';
import type { DashboardDto } from '../../../shared/api/dashboard.schemas.js';
import { indexKindLabel, kindLabel, statusLabel } from './season-labels.js';

/**
 * The dashboard's figures as an .xlsx (the export beside each chart): one sheet per figure, the
 * same numbers as the page (one object in, no second query), numbers stored as numbers.
 */
export async function dashboardWorkbook(d: DashboardDto): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'PAR Inspect';
  const sheet = (name: string, title: string, header: string[], rows: (string | number | null)[][]) => {
    const ws = wb.addWorksheet(name);
    ws.addRow([title]).font = { bold: true };
    ws.addRow([`${d.unit.name} — năm ${d.year}`]);
    ws.addRow([]);
    const h = ws.addRow(header);
    h.font = { bold: true };
    for (const r of rows) ws.addRow(r);
    ws.columns.forEach((c, i) => (c.width = i === 0 ? 40 : 18));
  };
  const i = d.inspections;
  sheet('Theo trạng thái', 'Cuộc kiểm tra theo trạng thái', ['Trạng thái', 'Số cuộc'], [...i.byStatus.map((s) => [statusLabel[s.status], s.count]), ['Tổng số (không kể cuộc đã hủy)', i.total]]);
  sheet('Theo hình thức', 'Cuộc kiểm tra theo hình thức (không kể cuộc đã hủy)', ['Hình thức', 'Số cuộc'], i.byKind.map((k) => [kindLabel[k.kind], k.count]));
  sheet('Theo tháng', 'Cuộc kiểm tra theo tháng bắt đầu (không kể cuộc đã hủy)', ['Tháng', 'Số cuộc'], i.byMonth.map((m) => [`Tháng ${m.month}`, m.count]));
  sheet('Đoàn kiểm tra', 'Số cuộc của từng đoàn kiểm tra', ['Đoàn', 'Số cuộc', 'Đã kết thúc'], i.teams.map((t) => [t.teamName, t.count, t.closed]));
  sheet('Báo cáo', 'Báo cáo của đơn vị được kiểm tra', ['Nội dung', 'Số lượng'], [
    ['Báo cáo phải gửi (kiểm tra có báo trước, qua báo cáo)', i.reports.due],
    ['Đã đến hạn', i.reports.dueByToday],
  ]);
  for (const s of d.indices) {
    const label = indexKindLabel[s.kind];
    const short = s.kind === 'par' ? 'CCHC' : 'SIPAS';
    sheet(`${short} theo đơn vị`, `${label} năm ${d.year}${s.framework ? ` — ${s.framework.name}` : ''}`, ['Đơn vị', 'Chỉ số (%)', 'Xếp hạng', 'Số đơn vị có điểm', 'Tiêu chí chưa đạt'], [
      ...s.units.map((u) => [u.unitName, u.indexPct, u.rank, u.scored, u.unmetCount]),
      ['Bình quân', s.average, null, s.scored, s.unmetCount],
    ]);
    sheet(`${short} theo lĩnh vực`, `${label} theo lĩnh vực, bình quân các đơn vị`, ['Lĩnh vực', 'Bình quân (%)'], s.areas.map((a) => [`${a.code}. ${a.name}`, a.average]));
    sheet(`${short} qua các năm`, `${label} qua các năm, bình quân các đơn vị`, ['Năm', 'Bình quân (%)', 'Số đơn vị có điểm'], s.trend.map((t) => [t.year, t.average, t.scored]));
  }
  if (d.ranking) sheet('Xếp hạng rủi ro', 'Xếp hạng rủi ro (ưu tiên kiểm tra)', ['Hạng', 'Đơn vị', 'Điểm rủi ro', 'Giải thích'], d.ranking.items.map((r) => [r.rank, r.unitName, r.score, r.explanation.vi]));
  for (const s of d.sections) sheet(s.title.vi.slice(0, 31), s.title.vi, ['Nội dung', 'Số lượng'], s.items.map((it) => [it.label.vi, it.value]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
