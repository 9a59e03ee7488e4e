import ExcelJS from 'exceljs';
import type { SubmissionContent, TemplateBody, TemplateTable } from '../../../shared/api/reports.schemas.js';
import { ratioPercent, tableTotals, withoutBlankRows, type CellType, type CellValue } from '../../../shared/domain/report-tables.js';
import { tablesOf } from './submission-content.js';

/**
 * Report tables as .xlsx (issue 9 §3–4): one unit's tables (a sheet per table, as in the
 * template) and the compilation of a request (a sheet per table, a row per unit, a total row).
 * Sheet names are the tables' titles cut to Excel's 31 characters and made unique.
 */

export const sheetName = (title: string, used: Set<string>) => {
  const base = title.replace(/[\\/?*[\]:]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 28) || 'Biểu';
  let name = base;
  for (let i = 2; used.has(name.toLocaleLowerCase('vi')); i++) name = `${base.slice(0, 26)} ${i}`;
  used.add(name.toLocaleLowerCase('vi'));
  return name;
};

/**
 * A cell for Excel: numbers stay numbers (totals can be checked), a date column's dates real
 * Excel dates (shown dd/mm/yyyy by DATE_FORMAT, sortable and computable), yes/no Có/Không; a text
 * column's text stays text even when it looks like a date.
 */
function excelCell(value: CellValue | undefined, type: CellType): string | number | Date | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (typeof value === 'number') return value;
  if (type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T00:00:00Z`);
  return value;
}

/** How Excel shows a date column (Việt Nam: day first). */
export const DATE_FORMAT = 'dd/mm/yyyy';

/** Each date column of the sheet (1-based positions) shown as dd/mm/yyyy. */
function formatDateColumns(ws: ExcelJS.Worksheet, positions: number[]) {
  for (const p of positions) ws.getColumn(p).numFmt = DATE_FORMAT;
}

function styleHeader(ws: ExcelJS.Worksheet, rows: number) {
  for (let r = 1; r <= rows; r++) {
    const row = ws.getRow(r);
    row.font = { bold: true };
    row.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  }
}

/** The columns of a compiled fixed-row table: each (row, column) pair, numbers first-class. */
const compiledColumns = (t: TemplateTable) => (t.fixedRows ? t.fixedRows.flatMap((r, ri) => t.columns.map((c) => ({ ri, row: r.label, c }))) : t.columns.map((c) => ({ ri: -1, row: '', c })));

/** One unit's report tables. */
export async function submissionTablesWorkbook(body: TemplateBody, content: SubmissionContent, title: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'PAR Inspect';
  wb.title = title;
  const used = new Set<string>();
  for (const t of tablesOf(body)) {
    const ws = wb.addWorksheet(sheetName(t.title, used), { views: [{ state: 'frozen', ySplit: 1 }] });
    const rows = withoutBlankRows(!!t.fixedRows, content.tables[t.key] ?? []);
    ws.addRow(['TT', ...(t.fixedRows ? ['Nội dung'] : []), ...t.columns.map((c) => c.label)]);
    rows.forEach((row, i) => ws.addRow([i + 1, ...(t.fixedRows ? [t.fixedRows[i]?.label ?? ''] : []), ...t.columns.map((c) => excelCell(row[c.key], c.type))]));
    // No figures yet (an unfilled report): the total row stays empty rather than 0.
    const totals = tableTotals(t, rows);
    const filled = rows.some((r) => Object.keys(r).length);
    if (totals) ws.addRow(['Tổng cộng', ...(t.fixedRows ? [''] : []), ...t.columns.map((c) => (filled ? (totals[c.key] ?? null) : null))]).font = { bold: true };
    formatDateColumns(ws, t.columns.flatMap((c, ci) => (c.type === 'date' ? [2 + (t.fixedRows ? 1 : 0) + ci] : [])));
    styleHeader(ws, 1);
    ws.columns.forEach((col, i) => (col.width = i === 0 ? 6 : t.fixedRows && i === 1 ? 36 : 16));
  }
  if (!wb.worksheets.length) wb.addWorksheet('Biểu');
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface CompiledUnit {
  agencyName: string;
  content: SubmissionContent;
}

/**
 * A request's accepted reports compiled: a sheet per table; a fixed-row table gets a row per unit
 * with a column per (row, column) of the template (two header rows: the row label over its
 * columns), an open table a row per unit's row with the unit's name; a total row sums the
 * columns the template totals.
 */
export async function compilationWorkbook(body: TemplateBody, units: CompiledUnit[], title: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'PAR Inspect';
  wb.title = title;
  const used = new Set<string>();
  for (const t of tablesOf(body)) {
    const ws = wb.addWorksheet(sheetName(t.title, used), { views: [{ state: 'frozen', ySplit: t.fixedRows ? 2 : 1, xSplit: 2 }] });
    const cols = compiledColumns(t);
    let header = 1;
    if (t.fixedRows) {
      ws.addRow(['TT', 'Cơ quan, đơn vị', ...cols.map((x) => x.row)]);
      ws.addRow(['', '', ...cols.map((x) => x.c.label)]);
      ws.mergeCells(1, 1, 2, 1);
      ws.mergeCells(1, 2, 2, 2);
      t.fixedRows.forEach((_, ri) => {
        const first = 3 + ri * t.columns.length;
        if (t.columns.length > 1) ws.mergeCells(1, first, 1, first + t.columns.length - 1);
      });
      header = 2;
    } else ws.addRow(['TT', 'Cơ quan, đơn vị', ...cols.map((x) => x.c.label)]);
    const sums = cols.map(() => 0);
    const filled = cols.map(() => false);
    const summed = cols.map((x) => x.c.total && x.c.type !== 'text');
    let n = 0;
    for (const u of units) {
      const rows = withoutBlankRows(!!t.fixedRows, u.content.tables[t.key] ?? []);
      const lines = t.fixedRows ? [cols.map((x) => rows[x.ri]?.[x.c.key])] : rows.map((r) => cols.map((x) => r[x.c.key]));
      for (const line of lines) {
        line.forEach((v, i) => {
          if (typeof v === 'number') {
            sums[i] += v;
            filled[i] = true;
          }
        });
        ws.addRow([++n, u.agencyName, ...line.map((v, i) => excelCell(v, cols[i].c.type))]);
      }
    }
    // A ratio column is recomputed from the summed columns of its row, never added up.
    const sumAt = (ri: number, key: string) => {
      const i = cols.findIndex((x) => x.ri === ri && x.c.key === key);
      return i >= 0 && filled[i] ? sums[i] : null;
    };
    const totals = cols.map((x, i) => (x.c.ratio ? ratioPercent(x.c.ratio, (k) => sumAt(x.ri, k)) : summed[i] ? Math.round(sums[i] * 1e6) / 1e6 : null));
    if (totals.some((v) => v !== null)) ws.addRow(['', 'Tổng cộng', ...totals]).font = { bold: true };
    styleHeader(ws, header);
    formatDateColumns(ws, cols.flatMap((x, i) => (x.c.type === 'date' ? [3 + i] : [])));
    ws.columns.forEach((col, i) => (col.width = i === 0 ? 6 : i === 1 ? 36 : 14));
  }
  if (!wb.worksheets.length) wb.addWorksheet('Biểu');
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A unit's on-time figures of a year, as /api/report-statistics answers them (`pending`: not yet due). */
export interface UnitStatisticsLine {
  agencyName: string;
  asked: number;
  onTime: number;
  late: number;
  returned: number;
  missing: number;
  pending: number;
  onTimeRate: number | null;
}

/** The on-time statistics of a year as one sheet: a row per unit, figures as numbers, the rate as a percentage. */
export async function statisticsWorkbook(year: number, lines: readonly UnitStatisticsLine[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'PAR Inspect';
  wb.title = `Tỷ lệ báo cáo đúng hạn năm ${year}`;
  const ws = wb.addWorksheet(`Năm ${year}`, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(['TT', 'Cơ quan, đơn vị', 'Được yêu cầu', 'Đúng hạn', 'Muộn hạn', 'Bị trả lại', 'Chưa gửi (quá hạn)', 'Chưa đến hạn', 'Tỷ lệ đúng hạn']);
  lines.forEach((l, i) => ws.addRow([i + 1, l.agencyName, l.asked, l.onTime, l.late, l.returned, l.missing, l.pending, l.onTimeRate === null ? null : l.onTimeRate / 100]));
  ws.getColumn(ws.columnCount).numFmt = '0.0%';
  styleHeader(ws, 1);
  ws.columns.forEach((col, i) => (col.width = i === 0 ? 6 : i === 1 ? 40 : 14));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
