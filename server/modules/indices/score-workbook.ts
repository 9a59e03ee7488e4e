import ExcelJS from 'exceljs';
import { checkXlsx, refusalCode, type XlsxLimits } from '../../documents/xlsx-guard.js';
import type { ImportError } from '../../../shared/api/indices.schemas.js';
import { foldVietnamese } from '../../../shared/domain/vietnamese.js';
import type { CriterionRow } from './frameworks.repository.js';

/**
 * The .xlsx layout of scores as a province publishes them (issue 11 §2): one sheet per framework,
 * named by the framework's code; a header row; a row per unit; a column per criterion, headed by
 * the criterion's code ("1.2" or "1.2 Báo cáo đúng hạn"). Units are named by code ("Mã đơn vị")
 * or by name ("Tên đơn vị"). Other columns (STT, Tổng điểm, Ghi chú) are ignored.
 */
export const UNIT_CODE_HEADER = 'Mã đơn vị';
export const UNIT_NAME_HEADER = 'Tên đơn vị';

const fold = (s: string) => foldVietnamese(s).replace(/\s+/g, ' ').trim();
const CODE_AT_START = /^(\d+(?:\.\d+){0,3})(?:\s|$|[.:)–-])/;

/** A cell's text, whatever exceljs made of it (rich text, formula results, numbers). */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
    if (v instanceof Date) return v.toISOString();
  }
  return String(v);
}

/** A cell as points: a number, or text like "7,5" (a Vietnamese decimal comma); '' when empty. */
export function cellPoints(v: ExcelJS.CellValue): number | string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'object' && v !== null && 'result' in v) return cellPoints(v.result as ExcelJS.CellValue);
  const t = cellText(v).trim();
  if (t === '') return null;
  const n = t.replace(/\s/g, '').replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(n) ? Number(n) : t;
}

export interface ParsedRow {
  row: number;
  unitCode: string | null;
  unitName: string | null;
  values: Map<string, number>;
}

export interface ParsedWorkbook {
  sheet: string | null;
  rows: ParsedRow[];
  errors: ImportError[];
}

const error = (code: ImportError['code'], at: Partial<Omit<ImportError, 'code'>> = {}): ImportError => ({ code, sheet: null, row: null, column: null, value: null, params: {}, ...at });

/**
 * Reads the framework's sheet: checks the header against the leaves and every cell against its
 * leaf's maximum. Returns what it could read and every error it found (the caller writes nothing
 * while there is one).
 */
/** Rows one import may hold: every commune and ward of the country is about 3,400. */
export const MAX_SCORE_IMPORT_ROWS = 5000;
/** Checked before ExcelJS reads the workbook (docs/decisions/import-limits.md): 3,400 units × 100 criteria is about 10 MB of XML. */
export const SCORE_XLSX_LIMITS: XlsxLimits = { maxRows: MAX_SCORE_IMPORT_ROWS + 100, maxCells: (MAX_SCORE_IMPORT_ROWS + 100) * 200, maxUnzippedBytes: 16 * 1024 * 1024 };

export async function parseScoreWorkbook(bytes: Buffer, frameworkCode: string, criteria: CriterionRow[], leafIds: Set<string>): Promise<ParsedWorkbook> {
  const refused = await checkXlsx(bytes, SCORE_XLSX_LIMITS);
  if (refused) return { sheet: null, rows: [], errors: [error(refusalCode(refused), { params: refused.params ?? {} })] };
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { sheet: null, rows: [], errors: [error('unreadable_file')] };
  }
  const names = wb.worksheets.map((w) => w.name);
  const ws = wb.worksheets.find((w) => fold(w.name) === fold(frameworkCode));
  if (!ws) return { sheet: null, rows: [], errors: [error('sheet_not_found', { value: frameworkCode, params: { found: names.join(', ') } })] };
  const sheet = ws.name;
  const errors: ImportError[] = [];
  if (ws.rowCount - 1 > MAX_SCORE_IMPORT_ROWS) return { sheet, rows: [], errors: [error('too_many_rows', { sheet, params: { found: ws.rowCount - 1, max: MAX_SCORE_IMPORT_ROWS } })] };
  const byCode = new Map(criteria.map((c) => [c.code, c]));

  // Header row: the unit columns and one column per leaf.
  let codeCol: number | null = null;
  let nameCol: number | null = null;
  const columns = new Map<number, CriterionRow>();
  const seenLeaf = new Map<string, string>();
  const header = ws.getRow(1);
  header.eachCell({ includeEmpty: false }, (cell, col) => {
    const text = cellText(cell.value).trim();
    const folded = fold(text);
    if (folded === fold(UNIT_CODE_HEADER)) return void (codeCol = col);
    if (folded === fold(UNIT_NAME_HEADER)) return void (nameCol = col);
    const m = CODE_AT_START.exec(text);
    if (!m) return;
    const at = { sheet, row: 1, column: cell.address.replace(/\d+$/, ''), value: text };
    const node = byCode.get(m[1]);
    if (!node) return void errors.push(error('unknown_criterion', at));
    if (!leafIds.has(node.id)) return void errors.push(error('not_a_leaf', at));
    if (seenLeaf.has(node.id)) return void errors.push(error('duplicate_column', { ...at, params: { first: seenLeaf.get(node.id)! } }));
    seenLeaf.set(node.id, at.column);
    columns.set(col, node);
  });
  if (codeCol === null && nameCol === null) errors.push(error('no_unit_column', { sheet, row: 1, params: { expected: `${UNIT_CODE_HEADER} / ${UNIT_NAME_HEADER}` } }));
  if (columns.size === 0) errors.push(error('no_criterion_columns', { sheet, row: 1 }));
  if (errors.some((e) => e.code === 'no_unit_column' || e.code === 'no_criterion_columns')) return { sheet, rows: [], errors };

  const rows: ParsedRow[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const unitCode = codeCol !== null ? cellText(row.getCell(codeCol).value).trim() || null : null;
    const unitName = nameCol !== null ? cellText(row.getCell(nameCol).value).trim() || null : null;
    const values = new Map<string, number>();
    let anyValue = false;
    for (const [col, leaf] of columns) {
      const cell = row.getCell(col);
      // A formula's cached result can differ from what Excel shows once recalculated: refused.
      if (cell.value && typeof cell.value === 'object' && ('formula' in cell.value || 'sharedFormula' in cell.value)) {
        anyValue = true;
        errors.push(error('formula', { sheet, row: r, column: cell.address.replace(/\d+$/, ''), value: String((cell.value as { formula?: string }).formula ?? '') }));
        continue;
      }
      const v = cellPoints(cell.value);
      if (v === null) continue;
      anyValue = true;
      const at = { sheet, row: r, column: cell.address.replace(/\d+$/, ''), value: String(v) };
      if (typeof v === 'string') errors.push(error('not_a_number', at));
      else if (v < 0) errors.push(error('negative', at));
      else if (Math.abs(v * 100 - Math.round(v * 100)) > 1e-6) errors.push(error('too_many_decimals', at));
      else if (v > leaf.maxPoints) errors.push(error('above_maximum', { ...at, params: { criterion: leaf.code, max: leaf.maxPoints } }));
      else values.set(leaf.id, v);
    }
    if (!unitCode && !unitName && !anyValue) continue; // a blank line
    rows.push({ row: r, unitCode, unitName, values });
  }
  return { sheet, rows, errors };
}

/** A workbook to fill in: the framework's sheet with the units and one column per leaf. */
export async function scoreTemplate(frameworkCode: string, leaves: CriterionRow[], units: { code: string | null; name: string }[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(frameworkCode);
  ws.addRow([UNIT_CODE_HEADER, UNIT_NAME_HEADER, ...leaves.map((l) => `${l.code} ${l.name} (tối đa ${String(l.maxPoints).replace('.', ',')})`)]);
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((c, i) => (c.width = i === 0 ? 16 : i === 1 ? 24 : 14));
  for (const u of units) ws.addRow([u.code ?? '', u.name]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
