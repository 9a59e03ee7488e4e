import type { SubmissionContent, TemplateBody, TemplateTable } from '../../../shared/api/reports.schemas.js';
import { documentSymbol, formatDocumentNumber } from '../../../shared/domain/document-types.js';
import { numericTypes, ratioPercent, withoutBlankRows, type TableColumnDef } from '../../../shared/domain/report-tables.js';
import { lowerFirst } from '../../../shared/domain/vietnamese.js';
import type { DbOrTx } from '../../db/client.js';
import type { FlatBlock, PlanDocumentModel } from '../../documents/model.js';
import { issuerInfo, shortDate } from '../document-register/issuer-header.js';
import { printCell } from './report-blocks.js';
import type { RequestRow } from './reports.repository.js';
import { tablesOf } from './submission-content.js';
import { headSignature, headTitleOf, reportSummary } from './submission-document.js';


/**
 * The compiled figures of a request's accepted reports, gathered one unit at a time (the job
 * reads them a page at a time): per table, each fixed row's (or, for a table the units add rows
 * to, all rows') sums of the number columns, and the yes/no answers counted. A cell then compiles
 * as the template says (compiledCell): a whole number or a totalled column summed, a ratio
 * recomputed from the sums of its columns, another percentage or decimal averaged over the units
 * (and labelled so), a yes/no as "Có: n/N đơn vị".
 */
export class CompiledFigures {
  units = 0;
  private readonly sums = new Map<string, { sum: number; n: number; yes: number }>();
  private readonly openRows = new Map<string, number>();

  constructor(private readonly body: TemplateBody) {}

  add(content: SubmissionContent): void {
    this.units++;
    for (const t of tablesOf(this.body)) {
      const rows = withoutBlankRows(!!t.fixedRows, content.tables[t.key] ?? []);
      if (!t.fixedRows) this.openRows.set(t.key, (this.openRows.get(t.key) ?? 0) + rows.length);
      rows.forEach((row, ri) => {
        for (const c of t.columns) {
          const v = row[c.key];
          if (!(typeof v === 'number' && Number.isFinite(v)) && typeof v !== 'boolean') continue;
          const k = this.key(t, t.fixedRows ? ri : -1, c.key);
          const acc = this.sums.get(k) ?? { sum: 0, n: 0, yes: 0 };
          if (typeof v === 'number') acc.sum += v;
          else if (v) acc.yes++;
          acc.n++;
          this.sums.set(k, acc);
        }
      });
    }
  }

  private key(t: TemplateTable, row: number, col: string) {
    return `${t.key}\u0000${row}\u0000${col}`;
  }

  /** The sum of a number column over the units (null when no unit gave one). */
  sumOf(t: TemplateTable, row: number, col: string): number | null {
    const acc = this.sums.get(this.key(t, row, col));
    return acc && acc.n ? Math.round(acc.sum * 1e6) / 1e6 : null;
  }

  /** A compiled cell as printed (compiledCell says how each column type compiles). */
  cell(t: TemplateTable, row: number, col: TableColumnDef): string {
    if (col.ratio) return printCell(ratioPercent(col.ratio, (k) => this.sumOf(t, row, k)), 'percent');
    const acc = this.sums.get(this.key(t, row, col.key));
    if (!acc || !acc.n) return '';
    switch (compiledAs(col)) {
      case 'sum':
        return printCell(Math.round(acc.sum * 1e6) / 1e6, col.type);
      case 'average':
        return printCell(Math.round((acc.sum / acc.n) * 10) / 10, col.type);
      case 'count_yes':
        return `Có: ${acc.yes}/${acc.n} đơn vị`;
      case 'ratio':
      case 'none':
        return '';
    }
  }

  rowsOf(t: TemplateTable): number {
    return this.openRows.get(t.key) ?? 0;
  }
}

/**
 * How a column compiles over the units: a count (whole number) or a totalled column is summed; a
 * ratio is recomputed from sums; a percentage or decimal of its own has no sum that means
 * anything, so its average over the units is shown, labelled as such; yes/no answers are
 * counted; text and dates are the units' own (read them in the .xlsx).
 */
export function compiledAs(col: TableColumnDef): 'sum' | 'ratio' | 'average' | 'count_yes' | 'none' {
  if (col.ratio) return 'ratio';
  if (col.type === 'integer' || (col.total && numericTypes.includes(col.type))) return 'sum';
  if (col.type === 'percent' || col.type === 'decimal') return 'average';
  if (col.type === 'boolean') return 'count_yes';
  return 'none';
}

/** A compiled table's column heading: an average says it is one, a ratio that it is computed from the totals. */
function compiledLabel(col: TableColumnDef): string {
  const how = compiledAs(col);
  return how === 'average' ? `${col.label} (bình quân các đơn vị)` : how === 'ratio' ? `${col.label} (tính trên số tổng hợp)` : col.label;
}

export interface CompilationCounts {
  asked: number;
  onTime: number;
  late: number;
  accepted: number;
  missing: number;
}

/** A compiled table as a document table: the template's rows (or one line for the rows the units added), each cell compiled as its column says. */
function compiledTable(t: TemplateTable, f: CompiledFigures): FlatBlock {
  const fixed = t.fixedRows;
  const header = ['TT', fixed ? 'Nội dung' : 'Số dòng', ...t.columns.map(compiledLabel)];
  const rows = fixed
    ? fixed.map((r, ri) => ({ cells: [String(ri + 1), r.label, ...t.columns.map((c) => f.cell(t, ri, c))] }))
    : [{ cells: ['1', `${f.rowsOf(t)} dòng của ${f.units} đơn vị`, ...t.columns.map((c) => f.cell(t, -1, c))] }];
  return {
    kind: 'table',
    caption: t.title,
    columns: [{ width: 6, align: 'center' }, { width: 30 }, ...t.columns.map((c) => ({ width: Math.max(8, Math.round(64 / t.columns.length)), align: c.type === 'text' ? ('left' as const) : ('center' as const) }))],
    header: [{ cells: header }],
    rows,
    fontSize: header.length > 7 ? 11 : 12,
  };
}

/**
 * The .docx skeleton of the office's own report (Mẫu 1.4, BC, DỰ THẢO) from the compilation:
 * the request's subject, a paragraph of who reported (on time, late, missing), each section of the
 * template as a heading for the office to write under, and each data table with the compiled
 * figures. Signed by the owner's head; the recipients are left for the office to fill.
 */
export async function compilationReportModel(db: DbOrTx, r: RequestRow, body: TemplateBody, f: CompiledFigures, counts: CompilationCounts, today: string): Promise<PlanDocumentModel> {
  const issuer = await issuerInfo(db, r.ownerAgencyId);
  const blocks: FlatBlock[] = [
    {
      kind: 'paragraph',
      content: `Thực hiện ${r.number !== null && r.symbol ? `Công văn số ${formatDocumentNumber(r.number, r.symbol)}` : 'yêu cầu báo cáo'} về ${lowerFirst(reportSummary(r.title))}, đến ngày ${shortDate(today)} có ${counts.onTime + counts.late}/${counts.asked} cơ quan, đơn vị gửi báo cáo (${counts.onTime} đúng hạn, ${counts.late} muộn hạn), ${counts.missing} chưa gửi; ${counts.accepted} báo cáo đã được tiếp nhận và tổng hợp dưới đây.`,
    },
  ];
  for (const item of body.items) {
    if (item.type === 'section') {
      blocks.push({ kind: 'paragraph', content: item.heading, bold: true });
      if (item.answer) blocks.push({ kind: 'paragraph', content: item.guidance.trim() || '(Tổng hợp từ báo cáo của các cơ quan, đơn vị.)', italic: true });
    } else blocks.push(compiledTable(item, f));
  }
  return {
    layout: 'typed',
    issuer: issuer.body,
    symbol: documentSymbol('bao_cao', issuer.docAbbreviation ?? 'UBND'),
    placeName: issuer.placeName,
    date: { year: Number(today.slice(0, 4)) },
    typeName: 'BÁO CÁO',
    summary: reportSummary(r.title),
    draft: true,
    body: blocks,
    recipients: ['……… (để báo cáo);', 'Lưu: VT.'],
    signature: headSignature(issuer, await headTitleOf(db, r.ownerAgencyId)),
  };
}
