/**
 * Typed data tables of report templates (issue 9 §1): the type check of one cell and the column
 * totals, shared by the server (validation, compile, exports) and the web form (as one types).
 */
import { MAX_YEAR, MIN_YEAR } from './calendar/dates.js';

export const cellTypes = ['integer', 'decimal', 'percent', 'date', 'boolean', 'text'] as const;
export type CellType = (typeof cellTypes)[number];
export type CellValue = number | string | boolean | null;

export interface TableColumnDef {
  key: string;
  label: string;
  type: CellType;
  /** Sum the column (numeric types only). */
  total: boolean;
  /**
   * A percentage the template defines from other columns of the row (Tỷ lệ đúng hạn = đúng hạn /
   * (đúng hạn + quá hạn)): a total or a compilation recomputes it from the summed columns instead
   * of adding or averaging percentages. Absent: a figure of its own.
   */
  ratio?: ColumnRatio;
}

/** numerator / denominator × 100, each the sum of the named numeric columns of the same row. */
export interface ColumnRatio {
  numerator: string[];
  denominator: string[];
}

/** A table's shape as its totals need it: `totalRow: false` when its rows measure different things. */
export interface TotalledTable {
  columns: readonly TableColumnDef[];
  totalRow?: boolean;
}

export type CellProblem = 'not_a_whole_number' | 'not_a_number' | 'out_of_range' | 'invalid_date' | 'not_yes_no' | 'too_long';

/** The field-level code of a cell's problem (shared/api/errors.ts), which the web translates. */
export const cellProblemCode = <P extends CellProblem>(problem: P): `cell_${P}` => `cell_${problem}`;

/** A cell's problem in English, for the API's `reason` (logs and API users; never on a screen). */
export const cellProblemReason: Record<CellProblem, string> = {
  not_a_whole_number: 'not a whole number',
  not_a_number: 'not a number',
  out_of_range: 'out of range',
  invalid_date: 'not a date (YYYY-MM-DD)',
  not_yes_no: 'not yes or no',
  too_long: 'longer than 4,000 characters',
};

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
export const numericTypes: readonly CellType[] = ['integer', 'decimal', 'percent'];

/** The problem of a cell's value for its column type, or null when it fits (empty always fits). */
export function cellProblem(type: CellType, value: CellValue): CellProblem | null {
  if (value === null || value === '') return null;
  switch (type) {
    case 'integer':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'not_a_number';
      if (!Number.isInteger(value)) return 'not_a_whole_number';
      // A whole-number cell of a report counts something (tasks, procedures, dossiers): never below 0.
      return value < 0 || value > 1e12 ? 'out_of_range' : null;
    case 'decimal':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'not_a_number';
      return Math.abs(value) > 1e12 ? 'out_of_range' : null;
    case 'percent':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'not_a_number';
      return value < 0 || value > 100 ? 'out_of_range' : null;
    case 'date': {
      if (typeof value !== 'string' || !isoDate.test(value)) return 'invalid_date';
      const [y, m, d] = value.split('-').map(Number);
      const dt = new Date(Date.UTC(y, m - 1, d));
      if (dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return 'invalid_date';
      // The calendar's years (1900–2199): "0001-01-01" is a slip of the keyboard, not a deadline.
      return y < MIN_YEAR || y > MAX_YEAR ? 'out_of_range' : null;
    }
    case 'boolean':
      return typeof value === 'boolean' ? null : 'not_yes_no';
    case 'text': {
      // Any text, digits included: a number or yes/no sent for a text column is its text (cellValueFor).
      const text = cellValueFor('text', value);
      return typeof text !== 'string' ? 'not_a_number' : text.length > 4000 ? 'too_long' : null;
    }
  }
}

/**
 * A value as its column keeps it: a text column takes a number or a yes/no as its text ("2021",
 * "Có") — a note, a document number or a code typed as digits is text, not a wrong number (an API
 * client or a spreadsheet sends 2021, not "2021"). Other types keep the value as it is.
 */
export function cellValueFor(type: CellType, value: CellValue): CellValue {
  if (type !== 'text') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  return value;
}

/** Why a column of a template is not valid: a total on a column that is not a number (text, date, yes/no). */
export function columnProblem(column: Pick<TableColumnDef, 'type' | 'total'>): 'total_not_numeric' | null {
  return column.total && !numericTypes.includes(column.type) ? 'total_not_numeric' : null;
}

/**
 * Why a column's ratio is not valid: only a percentage is a ratio (`invalid`), of number columns
 * of the same table other than itself (`not_found`, naming the first wrong key). Null when fine.
 */
export function ratioProblem(column: TableColumnDef, columns: readonly TableColumnDef[]): { code: 'invalid' | 'not_found'; reason: string } | null {
  if (!column.ratio) return null;
  if (column.type !== 'percent') return { code: 'invalid', reason: 'only a percentage column is a ratio of other columns' };
  const numeric = new Set(columns.filter((c) => c !== column && numericTypes.includes(c.type) && !c.ratio).map((c) => c.key));
  const wrong = [...column.ratio.numerator, ...column.ratio.denominator].find((k) => !numeric.has(k));
  return wrong ? { code: 'not_found', reason: `no number column ${wrong} in the table to compute the ratio from` } : null;
}

/** A ratio in percent with one decimal from the sums of its columns; null when the denominator is 0 or nothing was given. */
export function ratioPercent(ratio: ColumnRatio, sumOf: (key: string) => number | null): number | null {
  const sum = (keys: string[]) => keys.reduce<number | null>((acc, k) => {
    const v = sumOf(k);
    return v === null ? acc : (acc ?? 0) + v;
  }, null);
  const num = sum(ratio.numerator);
  const den = sum(ratio.denominator);
  if (num === null || den === null || den === 0) return null;
  return Math.round((1000 * num) / den) / 10;
}

/** A row with no value in any cell (an open table's line added and left empty). */
export const isBlankRow = (row: Record<string, CellValue>): boolean => Object.values(row).every((v) => v === null || v === '' || v === undefined);

/** An open table's rows without the blank ones (a fixed table keeps its rows: they are the template's). */
export const withoutBlankRows = (fixed: boolean, rows: Record<string, CellValue>[]): Record<string, CellValue>[] => (fixed ? rows : rows.filter((r) => !isBlankRow(r)));

/** Reads what a person typed into a cell ("1.234,5" or "1234.5", "có"/"không", dd/mm/yyyy) as a value of the type. */
export function parseCellInput(type: CellType, raw: string): CellValue {
  const s = raw.trim();
  if (s === '') return null;
  switch (type) {
    case 'integer':
    case 'decimal':
    case 'percent': {
      const normalised = s.replace(/\s|%/g, '').replace(/\.(?=\d{3}(\D|$))/g, '').replace(',', '.');
      const n = Number(normalised);
      return Number.isFinite(n) && normalised !== '' ? n : s;
    }
    case 'date': {
      const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
      return m ? `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : s;
    }
    case 'boolean': {
      const f = s.toLowerCase();
      if (['có', 'co', 'x', 'yes', 'true', '1'].includes(f)) return true;
      if (['không', 'khong', 'no', 'false', '0'].includes(f)) return false;
      return s;
    }
    case 'text':
      return s;
  }
}

/** Whether a table prints a "Tổng cộng" row: its rows are of one measure and some column totals (or is a ratio of totals). */
export function hasTotalRow(table: TotalledTable): boolean {
  return table.totalRow !== false && table.columns.some((c) => (c.total && numericTypes.includes(c.type)) || c.ratio);
}

/**
 * The "Tổng cộng" row of a table, or null when it has none (hasTotalRow): sums of the columns
 * marked `total`, a ratio column recomputed from the sums of its columns, null for the others.
 */
export function tableTotals(table: TotalledTable, rows: readonly Record<string, CellValue>[]): Record<string, number | null> | null {
  if (!hasTotalRow(table)) return null;
  const totals = columnTotals(table.columns, rows);
  const sumOf = (key: string) => {
    let sum: number | null = null;
    for (const r of rows) if (typeof r[key] === 'number' && Number.isFinite(r[key])) sum = (sum ?? 0) + (r[key] as number);
    return sum;
  };
  for (const c of table.columns) if (c.ratio) totals[c.key] = ratioPercent(c.ratio, sumOf);
  return totals;
}

/** Column totals of rows (numeric columns marked `total`); null for the others. */
export function columnTotals(columns: readonly TableColumnDef[], rows: readonly Record<string, CellValue>[]): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const c of columns) {
    if (!c.total || !numericTypes.includes(c.type)) {
      out[c.key] = null;
      continue;
    }
    let sum = 0;
    for (const r of rows) {
      const v = r[c.key];
      if (typeof v === 'number' && Number.isFinite(v)) sum += v;
    }
    // Decimal sums printed as people expect them (0.1 + 0.2 is 0.3).
    out[c.key] = Math.round(sum * 1e6) / 1e6;
  }
  return out;
}
