import type { SubmissionContent, TemplateBody, TemplateTable } from '../../../shared/api/reports.schemas.js';
import { hasTotalRow, tableTotals, withoutBlankRows, type CellValue } from '../../../shared/domain/report-tables.js';
import type { FlatBlock } from '../../documents/model.js';

/** A cell as printed: numbers Vietnamese style (1.234,5), yes/no as Có/Không, dates dd/mm/yyyy. */
export function printCell(value: CellValue | undefined, type?: string): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (typeof value === 'number') return value.toLocaleString('vi-VN', { maximumFractionDigits: 4 }) + (type === 'percent' ? '%' : '');
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : value;
}

/**
 * One template table as a document table: a TT column, the row labels of a fixed table, the
 * columns, a total row when the template's rows add up (tableTotals). A blank outline (`rows`
 * null: the letter's annex) prints empty lines and an empty total row, never "0"; an open table's
 * blank lines a unit added are left out.
 */
export function tableBlock(table: TemplateTable, rows: Record<string, CellValue>[] | null): FlatBlock {
  const fixed = table.fixedRows;
  const labelCols = fixed ? 1 : 0;
  const shown: Record<string, CellValue>[] = rows ? withoutBlankRows(!!fixed, rows) : fixed ? fixed.map(() => ({})) : [{}, {}, {}];
  const totals = rows ? tableTotals(table, shown) : null;
  const anyTotal = hasTotalRow(table);
  const n = 1 + labelCols + table.columns.length;
  return {
    kind: 'table',
    caption: table.title,
    columns: [{ width: 6, align: 'center' }, ...(fixed ? [{ width: 34 }] : []), ...table.columns.map((c) => ({ width: Math.max(8, Math.round(60 / table.columns.length)), align: c.type === 'text' ? ('left' as const) : ('center' as const) }))],
    header: [{ cells: ['TT', ...(fixed ? ['Nội dung'] : []), ...table.columns.map((c) => c.label)] }],
    rows: [
      ...shown.map((row, i) => ({ cells: [String(i + 1), ...(fixed ? [fixed[i]?.label ?? ''] : []), ...table.columns.map((c) => printCell(row[c.key], c.type))] })),
      ...(anyTotal ? [{ total: true, cells: [{ content: 'Tổng cộng', colSpan: 1 + labelCols }, ...table.columns.map((c) => printCell(totals?.[c.key] ?? null, c.type))] }] : []),
    ],
    fontSize: n > 7 ? 11 : 12,
  };
}

/**
 * The template as document blocks: each section's heading with the unit's answer (or its
 * guidance, in italics, for a blank outline), each table with its rows and totals.
 */
export function reportBlocks(body: TemplateBody, content: SubmissionContent | null): FlatBlock[] {
  const out: FlatBlock[] = [];
  for (const item of body.items) {
    if (item.type === 'section') {
      out.push({ kind: 'paragraph', content: item.heading, bold: true });
      const answer = content?.answers[item.key]?.trim();
      if (answer) for (const line of answer.split('\n').filter((l) => l.trim())) out.push({ kind: 'paragraph', content: line });
      else if (!content && item.guidance.trim()) out.push({ kind: 'paragraph', content: item.guidance, italic: true });
    } else {
      if (!content && item.guidance.trim()) out.push({ kind: 'paragraph', content: item.guidance, italic: true });
      out.push(tableBlock(item, content ? (content.tables[item.key] ?? null) : null));
    }
  }
  body.attachments.forEach((a, i) => {
    if (i === 0) out.push({ kind: 'paragraph', content: 'Tài liệu gửi kèm:', bold: true });
    out.push({ kind: 'bullet', content: `${a.label}${a.required ? '' : ' (nếu có)'}` });
  });
  return out;
}
