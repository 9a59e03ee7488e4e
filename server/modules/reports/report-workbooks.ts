import ExcelJS from 'exceljs';
import type { SubmissionContent, TemplateBody, TemplateTable } from '../../../shared/api/reports.schemas.js';
import { columnTotals, type CellValue } from '../../../shared/domain/report-tables.js';
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

/** A cell for Excel: numbers stay numbers (totals can be checked), dates dd/mm/yyyy, yes/no Có/Không. */
function excelCell(value: CellValue | undefined): string | number | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (typeof value === 'number') return value;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : value;
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
    const rows = content.tables[t.key] ?? [];
    ws.addRow(['TT', ...(t.fixedRows ? ['Nội dung'] : []), ...t.columns.map((c) => c.label)]);
    rows.forEach((row, i) => ws.addRow([i + 1, ...(t.fixedRows ? [t.fixedRows[i]?.label ?? ''] : []), ...t.columns.map((c) => excelCell(row[c.key]))]));
    const totals = columnTotals(t.columns, rows);
    if (t.columns.some((c) => totals[c.key] !== null)) ws.addRow(['Tổng cộng', ...(t.fixedRows ? [''] : []), ...t.columns.map((c) => totals[c.key] ?? null)]).font = { bold: true };
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
    const summed = cols.map((x) => x.c.total && x.c.type !== 'text');
    let n = 0;
    for (const u of units) {
      const rows = u.content.tables[t.key] ?? [];
      const lines = t.fixedRows ? [cols.map((x) => rows[x.ri]?.[x.c.key])] : rows.map((r) => cols.map((x) => r[x.c.key]));
      for (const line of lines) {
        line.forEach((v, i) => {
          if (summed[i] && typeof v === 'number') sums[i] += v;
        });
        ws.addRow([++n, u.agencyName, ...line.map(excelCell)]);
      }
    }
    if (summed.some(Boolean)) ws.addRow(['', 'Tổng cộng', ...sums.map((s, i) => (summed[i] ? Math.round(s * 1e6) / 1e6 : null))]).font = { bold: true };
    styleHeader(ws, header);
    ws.columns.forEach((col, i) => (col.width = i === 0 ? 6 : i === 1 ? 36 : 14));
  }
  if (!wb.worksheets.length) wb.addWorksheet('Biểu');
  return Buffer.from(await wb.xlsx.writeBuffer());
}
