import type { SubmissionContent, TemplateBody, TemplateTable } from '../../../shared/api/reports.schemas.js';
import { cellProblem, cellProblemCode, cellProblemReason, cellValueFor, withoutBlankRows, type CellValue } from '../../../shared/domain/report-tables.js';
import { tableCheckViolations, type CheckViolation } from '../../../shared/domain/report-checks.js';
import { AppError, type FieldIssue } from '../../http/app-error.js';

/** A report not started: empty answers, each fixed-row table with its rows and empty cells. */
export function emptyContent(body: TemplateBody): SubmissionContent {
  const tables: SubmissionContent['tables'] = {};
  for (const item of body.items) if (item.type === 'table') tables[item.key] = item.fixedRows ? item.fixedRows.map(() => ({})) : [];
  return { answers: {}, tables };
}

export const tablesOf = (body: TemplateBody): TemplateTable[] => body.items.filter((i): i is TemplateTable => i.type === 'table');

/**
 * The content checked against its template: only the template's sections and tables, a fixed
 * table with exactly its rows, an open one within its maximum, each cell of its column's type
 * (a text column keeps a number sent for it as its text).
 * 400 naming the first wrong field (`body.content.tables.dossiers.3.received`).
 */
export function checkContent(body: TemplateBody, content: SubmissionContent, field = 'body.content'): SubmissionContent {
  const sections = new Set(body.items.filter((i) => i.type === 'section').map((i) => i.key));
  for (const key of Object.keys(content.answers)) if (!sections.has(key)) throw AppError.invalid(`${field}.answers.${key}`, 'unknown', 'no such section in the template');
  const tables = new Map(tablesOf(body).map((t) => [t.key, t]));
  for (const key of Object.keys(content.tables)) if (!tables.has(key)) throw AppError.invalid(`${field}.tables.${key}`, 'unknown', 'no such table in the template');
  const out: SubmissionContent = { answers: { ...content.answers }, tables: {} };
  for (const [key, table] of tables) {
    const rows = content.tables[key] ?? (table.fixedRows ? table.fixedRows.map(() => ({})) : []);
    if (table.fixedRows && rows.length !== table.fixedRows.length) throw AppError.invalid(`${field}.tables.${key}`, 'wrong_row_count', `the table has ${table.fixedRows.length} fixed rows`);
    if (!table.fixedRows && rows.length > table.maxRows) throw AppError.invalid(`${field}.tables.${key}`, 'too_big', `at most ${table.maxRows} rows`);
    const columns = new Map(table.columns.map((c) => [c.key, c]));
    out.tables[key] = rows.map((row, r) => {
      const clean: Record<string, CellValue> = {};
      for (const [col, sent] of Object.entries(row)) {
        const column = columns.get(col);
        if (!column) throw AppError.invalid(`${field}.tables.${key}.${r}.${col}`, 'unknown', 'no such column');
        const value = cellValueFor(column.type, sent);
        const problem = cellProblem(column.type, value);
        if (problem) {
          const reason = `${column.label}: ${cellProblemReason[problem]}`;
          throw new AppError('VALIDATION_FAILED', reason, [{ name: `${field}.tables.${key}.${r}.${col}`, code: cellProblemCode(problem), reason, params: { column: column.label } }]);
        }
        if (value !== null && value !== '') clean[col] = value;
      }
      return clean;
    });
  }
  return out;
}

/**
 * The content as stored: an open table's lines left entirely empty are dropped (they would print
 * as numbered blank rows); a fixed table keeps its rows. Applied after the checks, whose field
 * names count the rows as sent.
 */
export function withoutBlankLines(body: TemplateBody, content: SubmissionContent): SubmissionContent {
  const tables = { ...content.tables };
  for (const t of tablesOf(body)) if (tables[t.key]) tables[t.key] = withoutBlankRows(!!t.fixedRows, tables[t.key]);
  return { ...content, tables };
}

/** Sections a submitted report must answer (when no report made outside is attached). */
export function unansweredSections(body: TemplateBody, content: SubmissionContent): { key: string; index: number }[] {
  return body.items.flatMap((item, index) => (item.type === 'section' && item.answer && !(content.answers[item.key] ?? '').trim() ? [{ key: item.key, index }] : []));
}

/** A broken cross-field check as the field error the API answers and the web translates. */
export function checkIssue(name: string, v: CheckViolation): FieldIssue {
  return { name, code: 'cell_above_limit', reason: `${v.columnLabel}: ${v.sum} is more than ${v.otherLabel} (${v.limit})`, params: { column: v.columnLabel, other: v.otherLabel, limit: v.limit } };
}

/** The template's cross-field checks (a part at most its whole): each cell that goes over (`body.content.tables.dossiers.0.online`). */
export function tableRuleIssues(body: TemplateBody, content: SubmissionContent, field = 'body.content'): FieldIssue[] {
  return tablesOf(body).flatMap((t) => tableCheckViolations(t, content.tables[t.key] ?? []).map((v) => checkIssue(`${field}.tables.${t.key}.${v.row}.${v.column}`, v)));
}

