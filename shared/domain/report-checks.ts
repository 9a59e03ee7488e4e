import { numericTypes, type CellValue, type TableColumnDef } from './report-tables.js';

/**
 * Cross-field checks of a report table (issue 9 §1, reviewer finding): a figure that is part of
 * another ("Trong đó: trực tuyến" ≤ "Hồ sơ tiếp nhận"; "Tồn tại đã khắc phục" ≤ "Tồn tại phát
 * hiện"). They are data of the template, edited by the office, never hard-coded: the same code
 * checks them on submit, on an .xlsx import and as the unit types.
 *
 * - `across: 'columns'`: in every row, the sum of the `parts` columns is at most the `whole` column.
 * - `across: 'rows'` (fixed-row tables): in every numeric column (or those `in` names), the sum of
 *   the `parts` rows is at most the `whole` row.
 *
 * Empty cells are not checked (a draft in progress; completeness is another rule): a check applies
 * when the whole and at least one part hold a number.
 */
export interface TableCheck {
  across: 'columns' | 'rows';
  parts: string[];
  whole: string;
  /** Rows checks only: the columns it applies to (all numeric columns when absent). */
  in?: string[];
}

export interface CheckedTable {
  columns: readonly TableColumnDef[];
  fixedRows: readonly { key: string; label: string }[] | null;
  checks?: readonly TableCheck[];
}

/** A broken check, named by the cell that goes over: its row index and column key. */
export interface CheckViolation {
  row: number;
  column: string;
  /** The sum of the parts, and the whole it must not exceed. */
  sum: number;
  limit: number;
  /** Labels for the message: the cell's column (and row), and what it is compared with. */
  columnLabel: string;
  otherLabel: string;
}

const num = (v: CellValue | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const round = (n: number) => Math.round(n * 1e6) / 1e6;

/** Every broken check of a table's rows, in row then column order. */
export function tableCheckViolations(table: CheckedTable, rows: readonly Record<string, CellValue>[]): CheckViolation[] {
  const out: CheckViolation[] = [];
  const columnLabel = new Map(table.columns.map((c) => [c.key, c.label]));
  const rowIndex = new Map((table.fixedRows ?? []).map((r, i) => [r.key, i]));
  for (const check of table.checks ?? []) {
    if (check.across === 'columns') {
      rows.forEach((row, r) => {
        const whole = num(row[check.whole]);
        const filled = check.parts.filter((p) => num(row[p]) !== null);
        if (whole === null || !filled.length) return;
        const sum = round(filled.reduce((s, p) => s + num(row[p])!, 0));
        if (sum > whole) {
          const column = filled[filled.length - 1];
          const label = check.parts.length > 1 ? check.parts.map((p) => columnLabel.get(p) ?? p).join(' + ') : (columnLabel.get(column) ?? column);
          out.push({ row: r, column, sum, limit: whole, columnLabel: label, otherLabel: columnLabel.get(check.whole) ?? check.whole });
        }
      });
    } else {
      const wholeRow = rowIndex.get(check.whole);
      if (wholeRow === undefined || !table.fixedRows) continue;
      const partRows = check.parts.map((p) => rowIndex.get(p)).filter((i): i is number => i !== undefined);
      const rowLabel = (i: number) => table.fixedRows![i].label;
      for (const c of table.columns) {
        if (!numericTypes.includes(c.type) || (check.in && !check.in.includes(c.key))) continue;
        const whole = num(rows[wholeRow]?.[c.key]);
        const filled = partRows.filter((i) => num(rows[i]?.[c.key]) !== null);
        if (whole === null || !filled.length) continue;
        const sum = round(filled.reduce((s, i) => s + num(rows[i][c.key])!, 0));
        if (sum > whole) {
          const row = filled[filled.length - 1];
          out.push({ row, column: c.key, sum, limit: whole, columnLabel: `${partRows.map(rowLabel).join(' + ')} — ${c.label}`, otherLabel: rowLabel(wholeRow) });
        }
      }
    }
  }
  return out.sort((a, b) => a.row - b.row || table.columns.findIndex((c) => c.key === a.column) - table.columns.findIndex((c) => c.key === b.column));
}

/**
 * What is wrong with a table's checks themselves (keys it names, types), as [path, reason] — the
 * template builder refuses them before publishing. Path is relative to the check ("parts.1").
 */
export function tableCheckProblems(table: CheckedTable): { index: number; path: string; reason: string }[] {
  const out: { index: number; path: string; reason: string }[] = [];
  const numeric = new Set(table.columns.filter((c) => numericTypes.includes(c.type)).map((c) => c.key));
  const rows = new Set((table.fixedRows ?? []).map((r) => r.key));
  (table.checks ?? []).forEach((check, index) => {
    if (check.across === 'columns') {
      check.parts.forEach((p, j) => numeric.has(p) || out.push({ index, path: `parts.${j}`, reason: `no numeric column ${p}` }));
      if (!numeric.has(check.whole)) out.push({ index, path: 'whole', reason: `no numeric column ${check.whole}` });
      if (check.in) out.push({ index, path: 'in', reason: 'only a check across rows names columns' });
    } else {
      if (!table.fixedRows) out.push({ index, path: 'across', reason: 'a table whose unit adds rows has no rows to compare' });
      check.parts.forEach((p, j) => rows.has(p) || out.push({ index, path: `parts.${j}`, reason: `no row ${p}` }));
      if (!rows.has(check.whole)) out.push({ index, path: 'whole', reason: `no row ${check.whole}` });
      (check.in ?? []).forEach((k, j) => numeric.has(k) || out.push({ index, path: `in.${j}`, reason: `no numeric column ${k}` }));
    }
    if (check.parts.includes(check.whole)) out.push({ index, path: 'whole', reason: 'the whole is one of its parts' });
  });
  return out;
}
