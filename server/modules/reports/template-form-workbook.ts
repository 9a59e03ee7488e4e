import ExcelJS from 'exceljs';
import { checkXlsx, type XlsxLimits } from '../../documents/xlsx-guard.js';
import type { SubmissionContent, TemplateBody, TemplateTable } from '../../../shared/api/reports.schemas.js';
import type { FieldErrorCode } from '../../../shared/api/errors.js';
import { cellProblem, cellProblemCode, cellProblemReason, cellValueFor, parseCellInput, type CellType, type CellValue } from '../../../shared/domain/report-tables.js';
import { tableCheckViolations } from '../../../shared/domain/report-checks.js';
import { sheetName } from './report-workbooks.js';
import { checkIssue, tablesOf } from './submission-content.js';

/**
 * The .xlsx form of a template version (issue 9 §3: "the data tables filled from an .xlsx that the
 * app generated for that template"): a sheet per table, its header row, typed columns (number
 * formats and Excel data validation: whole number, decimal, 0–100, date, Có/Không), a fixed-row
 * table's rows with their code and label filled in, and a hidden sheet "_mau" naming the template,
 * its version and where each table is. The unit fills it offline and uploads it back to its draft;
 * the reading refuses a workbook of another template or version, formulas, unknown rows, cells of
 * the wrong type, more rows than the table takes, and oversized or inflated files, each error with
 * its sheet and cell.
 */

export const FORM_META_SHEET = '_mau';
/** The upload cap: a filled form of the largest template is a few hundred kilobytes. */
export const MAX_FORM_BYTES = 2 * 1024 * 1024;
/** What the zip may inflate to (a zip bomb of a few kilobytes would unpack to gigabytes). */
export const MAX_FORM_UNZIPPED_BYTES = 40 * 1024 * 1024;
/** Errors reported for one upload. */
export const MAX_FORM_ERRORS = 200;

export interface FormTemplate {
  id: string;
  code: string;
  revision: number;
  name: string;
  body: TemplateBody;
}

interface MetaTable {
  key: string;
  sheet: string;
  /** Column keys from column C (fixed rows: A = code, B = label; open tables: A = TT, B unused). */
  columns: string[];
}
interface Meta {
  templateId: string;
  code: string;
  revision: number;
  tables: MetaTable[];
}

const HEADER_ROW = 2;
const FIRST_DATA_ROW = 3;
const FIRST_VALUE_COL = 3;

const numFmt: Record<CellType, string | undefined> = { integer: '#,##0', decimal: '#,##0.####', percent: '0.0#', date: 'dd/mm/yyyy', boolean: undefined, text: '@' };

function validation(type: CellType): ExcelJS.DataValidation | null {
  const error = { showErrorMessage: true, errorStyle: 'stop' as const, errorTitle: 'Giá trị không hợp lệ' };
  switch (type) {
    case 'integer':
      return { type: 'whole', operator: 'between', formulae: [-1e12, 1e12], allowBlank: true, ...error, error: 'Nhập số nguyên.' };
    case 'decimal':
      return { type: 'decimal', operator: 'between', formulae: [-1e12, 1e12], allowBlank: true, ...error, error: 'Nhập số.' };
    case 'percent':
      return { type: 'decimal', operator: 'between', formulae: [0, 100], allowBlank: true, ...error, error: 'Nhập tỷ lệ từ 0 đến 100.' };
    case 'date':
      return { type: 'date', operator: 'greaterThan', formulae: [new Date(Date.UTC(1900, 0, 2))], allowBlank: true, ...error, error: 'Nhập ngày dd/mm/yyyy.' };
    case 'boolean':
      return { type: 'list', formulae: ['"Có,Không"'], allowBlank: true, ...error, error: 'Chọn Có hoặc Không.' };
    case 'text':
      return null;
  }
}

/** A stored value as an Excel cell (dates as dates, yes/no as Có/Không). */
function toExcel(type: CellType, value: CellValue | undefined): ExcelJS.CellValue {
  if (value === null || value === undefined || value === '') return null;
  if (type === 'boolean') return value === true ? 'Có' : value === false ? 'Không' : String(value);
  if (type === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T00:00:00Z`);
  return value as ExcelJS.CellValue;
}

/** The form of a template, its cells filled with `content` (a unit's draft) when given. */
export async function templateFormWorkbook(template: FormTemplate, content: SubmissionContent | null): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'PAR Inspect';
  wb.title = `${template.name} (phiên bản ${template.revision})`;
  const used = new Set<string>([FORM_META_SHEET]);
  const meta: Meta = { templateId: template.id, code: template.code, revision: template.revision, tables: [] };
  for (const t of tablesOf(template.body)) {
    const name = sheetName(t.title, used);
    meta.tables.push({ key: t.key, sheet: name, columns: t.columns.map((c) => c.key) });
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 2 }] });
    ws.getCell(1, 1).value = t.title;
    ws.getCell(1, 1).font = { bold: true };
    const header = ws.getRow(HEADER_ROW);
    header.values = [t.fixedRows ? 'Mã dòng' : 'TT', t.fixedRows ? 'Nội dung' : '', ...t.columns.map((c) => c.label)];
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    const rows = content?.tables[t.key] ?? [];
    const count = t.fixedRows ? t.fixedRows.length : Math.max(rows.length, 0);
    for (let i = 0; i < count; i++) {
      const r = ws.getRow(FIRST_DATA_ROW + i);
      r.getCell(1).value = t.fixedRows ? t.fixedRows[i].key : i + 1;
      if (t.fixedRows) r.getCell(2).value = t.fixedRows[i].label;
      t.columns.forEach((c, ci) => (r.getCell(FIRST_VALUE_COL + ci).value = toExcel(c.type, rows[i]?.[c.key])));
    }
    // Types on the whole data area: the rows there are and those a unit adds.
    const lastRow = FIRST_DATA_ROW + (t.fixedRows ? t.fixedRows.length : t.maxRows) - 1;
    t.columns.forEach((c, ci) => {
      const col = ws.getColumn(FIRST_VALUE_COL + ci);
      col.width = c.type === 'text' ? 30 : 16;
      const fmt = numFmt[c.type];
      const v = validation(c.type);
      for (let r = FIRST_DATA_ROW; r <= lastRow; r++) {
        const cell = ws.getCell(r, FIRST_VALUE_COL + ci);
        if (fmt) cell.numFmt = fmt;
        if (v) cell.dataValidation = v;
      }
    });
    ws.getColumn(1).width = t.fixedRows ? 14 : 6;
    ws.getColumn(2).width = t.fixedRows ? 40 : 4;
  }
  const m = wb.addWorksheet(FORM_META_SHEET, { state: 'veryHidden' });
  m.addRow(['Biểu mẫu', template.code]);
  m.addRow(['Phiên bản', template.revision]);
  m.addRow(['Mã', template.id]);
  m.addRow(['Cấu trúc', JSON.stringify(meta)]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface FormError {
  /** "Biểu 1. Hồ sơ thủ tục hành c!C4", or null for the whole workbook. */
  at: string | null;
  code: FieldErrorCode;
  reason: string;
  /** Data the translated message names (the cell's column label). */
  params?: Record<string, string | number>;
}

export type FormReading = { ok: true; tables: SubmissionContent['tables']; rows: number } | { ok: false; errors: FormError[] };

/** What a form may unpack to and hold, checked before ExcelJS reads it (server/documents/xlsx-guard.ts). */
export const FORM_XLSX_LIMITS: XlsxLimits = { maxRows: 20_000, maxCells: 500_000, maxUnzippedBytes: MAX_FORM_UNZIPPED_BYTES };

/** Is it a zip within the limits? (Its central directory, then its parts a chunk at a time, before ExcelJS unpacks it.) */
async function zipProblem(bytes: Buffer): Promise<FormError | null> {
  const refused = await checkXlsx(bytes, FORM_XLSX_LIMITS);
  if (!refused) return null;
  return refused.code === 'workbook_too_large' ? { at: null, code: 'too_large', reason: refused.reason } : { at: null, code: 'unreadable_workbook', reason: refused.reason };
}

/** Excel's day numbers of 1/1/1990 and 31/12/2100: a date a report's text cell may plausibly hold. */
const SERIAL_1990 = 32874;
const SERIAL_2100 = 73415;

/**
 * A text column's number that is really a date: in a cell formatted as text ("@", as the form
 * makes text columns), whatever one types stays text, so a whole number there arrived as a date
 * pasted as its value (Excel keeps the day number, 46387 for 30/12/2026). Within 1990–2100 it is
 * read back as the date the unit saw, dd/mm/yyyy; other numbers (a year, a code) stay as typed.
 */
function textCellDate(raw: number, numFmt: string | undefined): string | null {
  if (numFmt !== '@' || !Number.isInteger(raw) || raw < SERIAL_1990 || raw > SERIAL_2100) return null;
  return new Date(Date.UTC(1899, 11, 30) + raw * 86_400_000).toISOString().slice(0, 10).split('-').reverse().join('/');
}

/** A cell as the column's value, or the problem with it (`numFmt`: the cell's number format). */
function readCell(type: CellType, raw: ExcelJS.CellValue, numFmt?: string): { value: CellValue } | { problem: FieldErrorCode; reason: string } {
  if (raw === null || raw === undefined) return { value: null };
  if (typeof raw === 'object' && !(raw instanceof Date)) {
    if ('formula' in raw || 'sharedFormula' in raw) return { problem: 'formula', reason: 'formulas are not read: type the value' };
    if ('richText' in raw) raw = raw.richText.map((r) => r.text).join('');
    else if ('text' in raw) raw = String(raw.text);
    else if ('error' in raw) return { problem: 'cell_excel_error', reason: `an Excel error (${String(raw.error)})` };
    else return { problem: 'invalid_cell', reason: 'an unreadable cell' };
  }
  let value: CellValue;
  if (raw instanceof Date) {
    // A text column takes any text: what Excel turned into a date is kept as the unit sees it (dd/mm/yyyy).
    if (type === 'text') value = raw.toISOString().slice(0, 10).split('-').reverse().join('/');
    else if (type !== 'date') return { problem: 'cell_date_in_other_column', reason: 'a date in a column that is not a date' };
    else value = raw.toISOString().slice(0, 10);
  } else if (typeof raw === 'number') {
    value = type === 'boolean' ? (raw === 1 ? true : raw === 0 ? false : raw) : type === 'text' ? (textCellDate(raw, numFmt) ?? cellValueFor(type, raw)) : cellValueFor(type, raw);
  } else if (typeof raw === 'boolean') {
    value = type === 'boolean' || type === 'text' ? cellValueFor(type, raw) : String(raw);
  } else {
    value = parseCellInput(type, String(raw));
  }
  const problem = cellProblem(type, value);
  return problem ? { problem: cellProblemCode(problem), reason: cellProblemReason[problem] } : { value };
}

/**
 * Reads a filled form back into the template's tables. `expect` is the template of the draft:
 * a workbook of another template (or none of ours) or of another version is refused as a whole;
 * otherwise every bad cell or row is listed (up to MAX_FORM_ERRORS) and nothing is read.
 */
export async function readTemplateForm(bytes: Buffer, expect: FormTemplate): Promise<FormReading> {
  const zip = await zipProblem(bytes);
  if (zip) return { ok: false, errors: [zip] };
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { ok: false, errors: [{ at: null, code: 'unreadable_workbook', reason: 'the file is not a readable .xlsx workbook' }] };
  }
  const metaSheet = wb.getWorksheet(FORM_META_SHEET);
  let meta: Meta | null = null;
  try {
    meta = metaSheet ? (JSON.parse(String(metaSheet.getCell(4, 2).value ?? '')) as Meta) : null;
  } catch {
    meta = null;
  }
  if (!meta || typeof meta.templateId !== 'string' || !Array.isArray(meta.tables)) return { ok: false, errors: [{ at: null, code: 'wrong_template', reason: 'this workbook is not a form generated by the app: download the form of this report and fill it' }] };
  if (meta.templateId !== expect.id && meta.code !== expect.code) return { ok: false, errors: [{ at: null, code: 'wrong_template', reason: `the form of another template (${meta.code})` }] };
  if (meta.templateId !== expect.id || meta.revision !== expect.revision) return { ok: false, errors: [{ at: null, code: 'wrong_template_version', reason: `the form of version ${meta.revision}; this report uses version ${expect.revision}` }] };

  const errors: FormError[] = [];
  const push = (e: FormError) => errors.length <= MAX_FORM_ERRORS && errors.push(e);
  const tables: SubmissionContent['tables'] = {};
  let rowsRead = 0;
  const byKey = new Map(meta.tables.map((t) => [t.key, t]));
  for (const t of tablesOf(expect.body)) {
    const where = byKey.get(t.key);
    const ws = where ? wb.getWorksheet(where.sheet) : undefined;
    if (!ws || !where) {
      push({ at: where?.sheet ?? t.title, code: 'sheet_missing', reason: `the sheet of table “${t.title}” is missing` });
      continue;
    }
    const cols = t.columns;
    const header = ws.getRow(HEADER_ROW);
    const moved = cols.findIndex((c, ci) => String(header.getCell(FIRST_VALUE_COL + ci).value ?? '').trim() !== c.label.trim());
    if (moved >= 0) {
      push({ at: `${ws.name}!${header.getCell(FIRST_VALUE_COL + moved).address}`, code: 'header_changed', reason: `the column must stay “${cols[moved].label}”` });
      continue;
    }
    const read = readTable(ws, t, push);
    tables[t.key] = read.rows;
    rowsRead += read.rows.filter((r) => Object.keys(r).length).length;
    // The template's cross-field checks, named by the cell that goes over.
    for (const v of tableCheckViolations(t, read.rows)) {
      const issue = checkIssue('', v);
      push({ at: `${ws.name}!${ws.getCell(read.sheetRows[v.row] ?? FIRST_DATA_ROW + v.row, FIRST_VALUE_COL + t.columns.findIndex((c) => c.key === v.column)).address}`, code: issue.code, reason: issue.reason, params: issue.params });
    }
  }
  if (errors.length > MAX_FORM_ERRORS) errors.splice(MAX_FORM_ERRORS, errors.length, { at: null, code: 'too_many_rows', reason: `more than ${MAX_FORM_ERRORS} errors: the first ${MAX_FORM_ERRORS} are shown` });
  return errors.length ? { ok: false, errors } : { ok: true, tables, rows: rowsRead };
}

/** A table's rows as read, and the sheet row each came from (to name a cell of a broken check). */
function readTable(ws: ExcelJS.Worksheet, t: TemplateTable, push: (e: FormError) => void): { rows: Record<string, CellValue>[]; sheetRows: number[] } {
  const fixed = t.fixedRows;
  const out: Record<string, CellValue>[] = fixed ? fixed.map(() => ({})) : [];
  const sheetRows: number[] = [];
  const rowIndex = new Map((fixed ?? []).map((r, i) => [r.key, i]));
  const seen = new Map<string, number>();
  const last = ws.rowCount;
  for (let r = FIRST_DATA_ROW; r <= last; r++) {
    const row = ws.getRow(r);
    const values = t.columns.map((_, ci) => row.getCell(FIRST_VALUE_COL + ci).value);
    const code = String(row.getCell(1).value ?? '').trim();
    if (!code && values.every((v) => v === null || v === undefined || v === '')) continue; // a blank line
    let target: Record<string, CellValue>;
    if (fixed) {
      const at = `${ws.name}!${row.getCell(1).address}`;
      const i = rowIndex.get(code);
      if (i === undefined) {
        push({ at, code: 'unknown_row', reason: `no row “${code}” in the template` });
        continue;
      }
      if (seen.has(code)) {
        push({ at, code: 'duplicate_in_file', reason: `row “${code}” twice (first at row ${seen.get(code)})` });
        continue;
      }
      seen.set(code, r);
      target = out[i];
      sheetRows[i] = r;
    } else {
      if (values.every((v) => v === null || v === undefined || v === '')) continue; // only a number in TT
      if (out.length >= t.maxRows) {
        push({ at: `${ws.name}!A${r}`, code: 'too_many_rows', reason: `the table takes at most ${t.maxRows} rows` });
        break;
      }
      target = {};
      sheetRows[out.length] = r;
      out.push(target);
    }
    t.columns.forEach((c, ci) => {
      const read = readCell(c.type, values[ci], row.getCell(FIRST_VALUE_COL + ci).numFmt);
      if ('problem' in read) push({ at: `${ws.name}!${row.getCell(FIRST_VALUE_COL + ci).address}`, code: read.problem, reason: `${c.label}: ${read.reason}`, params: { column: c.label } });
      else if (read.value !== null && read.value !== '') target[c.key] = read.value;
    });
  }
  return { rows: out, sheetRows };
}
