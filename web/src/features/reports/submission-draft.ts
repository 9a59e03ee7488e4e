import type { SubmissionContent, TemplateBody, TemplateTable } from '../../../../shared/api/reports.schemas.js';
import { tableCheckViolations, type CheckViolation } from '../../../../shared/domain/report-checks.js';
import { cellProblem, parseCellInput, tableTotals, type CellProblem, type CellType, type CellValue } from '../../../../shared/domain/report-tables.js';

/**
 * The unit's report as the person types it: answers as text, each table cell as the raw text
 * typed (so "12,5" or a half-typed date survives a reload), turned into the API's typed content
 * only when it is sent.
 */
export interface DraftState {
  answers: Record<string, string>;
  cells: Record<string, Record<string, string>[]>;
}

export const tablesOf = (body: TemplateBody): TemplateTable[] => body.items.filter((i): i is TemplateTable => i.type === 'table');

/** How a stored value is shown in its cell: Vietnamese decimal comma, dd/mm/yyyy, "true"/"false" for yes/no. */
export function cellText(type: CellType, value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value).replace('.', ',');
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return `${value.slice(8, 10)}/${value.slice(5, 7)}/${value.slice(0, 4)}`;
  return value;
}

export function draftFromContent(body: TemplateBody, content: SubmissionContent | { answers: Record<string, string>; tables: Record<string, Record<string, CellValue>[]> }): DraftState {
  const cells: DraftState['cells'] = {};
  for (const table of tablesOf(body)) {
    const rows = content.tables[table.key] ?? [];
    const count = table.fixedRows ? table.fixedRows.length : rows.length;
    cells[table.key] = Array.from({ length: count }, (_, r) => Object.fromEntries(table.columns.map((c) => [c.key, cellText(c.type, rows[r]?.[c.key])])));
  }
  return { answers: { ...content.answers }, cells };
}

/** Where a cell's problem is kept: "table.row.column". */
export const cellId = (table: string, row: number, column: string) => `${table}.${row}.${column}`;

/**
 * The typed content to send, and the problems of the cells that do not fit their type. A wrong
 * cell is left out of what is sent (the server would refuse the whole save); the text typed stays
 * in the browser's draft until it is corrected.
 */
export function contentOf(body: TemplateBody, state: DraftState): { content: SubmissionContent; problems: Record<string, CellProblem> } {
  const problems: Record<string, CellProblem> = {};
  const answers: Record<string, string> = {};
  for (const item of body.items) if (item.type === 'section' && item.answer && state.answers[item.key]) answers[item.key] = state.answers[item.key];
  const tables: SubmissionContent['tables'] = {};
  for (const table of tablesOf(body)) {
    tables[table.key] = (state.cells[table.key] ?? []).map((row, r) => {
      const out: Record<string, CellValue> = {};
      for (const column of table.columns) {
        const value = parseCellInput(column.type, row[column.key] ?? '');
        const problem = cellProblem(column.type, value);
        if (problem) problems[cellId(table.key, r, column.key)] = problem;
        else if (value !== null) out[column.key] = value;
      }
      return out;
    });
  }
  return { content: { answers, tables }, problems };
}

/**
 * The "Tổng cộng" row of a table as typed (wrong cells count as nothing; a ratio recomputed from
 * the totals), or null when the template's rows do not add up (tableTotals).
 */
export function totalsOf(table: TemplateTable, rows: Record<string, string>[]): Record<string, number | null> | null {
  const typed = rows.map((row) => Object.fromEntries(table.columns.map((c) => [c.key, parseCellInput(c.type, row[c.key] ?? '')])));
  return tableTotals(table, typed);
}

/**
 * The template's cross-field checks over a table as typed (wrong cells count as nothing), by the
 * cell that goes over: what the server will refuse on submit, shown under the cell as one types.
 */
export function checkViolationsOf(table: TemplateTable, rows: Record<string, string>[]): Map<string, CheckViolation> {
  if (!table.checks?.length) return new Map();
  const typed = rows.map((row) => Object.fromEntries(table.columns.map((c) => {
    const value = parseCellInput(c.type, row[c.key] ?? '');
    return [c.key, cellProblem(c.type, value) ? null : value];
  })));
  return new Map(tableCheckViolations(table, typed).map((v) => [cellId(table.key, v.row, v.column), v]));
}

/** Whether two drafts say the same thing (after typing, after a conflict). */
export const sameDraft = (a: DraftState, b: DraftState) => JSON.stringify(a) === JSON.stringify(b);

// The browser's copy: written on every keystroke, so a lost connection or a closed tab loses nothing.
export interface LocalDraft {
  /** The server version the changes were made on; a newer one on the server means a conflict. */
  baseVersion: number;
  state: DraftState;
  changedAt: string;
}
const storageKey = (id: string) => `par-inspect.report-draft.${id}`;

export function readLocalDraft(id: string): LocalDraft | null {
  try {
    const raw = globalThis.localStorage?.getItem(storageKey(id));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as LocalDraft;
    return typeof parsed.baseVersion === 'number' && parsed.state && typeof parsed.state.answers === 'object' && typeof parsed.state.cells === 'object' ? parsed : null;
  } catch {
    return null;
  }
}
export function writeLocalDraft(id: string, draft: LocalDraft): void {
  try {
    globalThis.localStorage?.setItem(storageKey(id), JSON.stringify(draft));
  } catch {
    // Storage full or disabled: the server autosave still runs.
  }
}
export function clearLocalDraft(id: string): void {
  try {
    globalThis.localStorage?.removeItem(storageKey(id));
  } catch {
    // Nothing to clear.
  }
}
