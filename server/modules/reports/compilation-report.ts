import type { SubmissionContent, TemplateBody, TemplateTable } from '../../../shared/api/reports.schemas.js';
import { documentSymbol, formatDocumentNumber } from '../../../shared/domain/document-types.js';
import type { CellValue } from '../../../shared/domain/report-tables.js';
import type { DbOrTx } from '../../db/client.js';
import type { FlatBlock, PlanDocumentModel } from '../../documents/model.js';
import { issuerInfo, shortDate } from '../document-register/issuer-header.js';
import { printCell } from './report-blocks.js';
import type { RequestRow } from './reports.repository.js';
import { tablesOf } from './submission-content.js';
import { headSignature, headTitleOf, reportSummary } from './submission-document.js';

const lcFirst = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);

/**
 * The compiled figures of a request's accepted reports, gathered one unit at a time (the job
 * reads them a page at a time): per table, each fixed row's sums of the columns the template
 * totals and averages of its percentages; for a table the units add rows to, the rows counted
 * and the same sums over all of them.
 */
export class CompiledFigures {
  units = 0;
  private readonly sums = new Map<string, { sum: number; n: number }>();
  private readonly openRows = new Map<string, number>();

  constructor(private readonly body: TemplateBody) {}

  add(content: SubmissionContent): void {
    this.units++;
    for (const t of tablesOf(this.body)) {
      const rows = content.tables[t.key] ?? [];
      if (!t.fixedRows) this.openRows.set(t.key, (this.openRows.get(t.key) ?? 0) + rows.length);
      rows.forEach((row, ri) => {
        for (const c of t.columns) {
          const v = row[c.key];
          if (typeof v !== 'number' || !(c.total || c.type === 'percent')) continue;
          const k = this.key(t, t.fixedRows ? ri : -1, c.key);
          const acc = this.sums.get(k) ?? { sum: 0, n: 0 };
          acc.sum += v;
          acc.n++;
          this.sums.set(k, acc);
        }
      });
    }
  }

  private key(t: TemplateTable, row: number, col: string) {
    return `${t.key}\u0000${row}\u0000${col}`;
  }

  /** A compiled cell: the sum of a totalled column, the average of a percentage, else null. */
  cell(t: TemplateTable, row: number, col: TemplateTable['columns'][number]): CellValue {
    const acc = this.sums.get(this.key(t, row, col.key));
    if (!acc) return null;
    if (col.type === 'percent') return Math.round((acc.sum / acc.n) * 10) / 10;
    return col.total ? Math.round(acc.sum * 1e6) / 1e6 : null;
  }

  rowsOf(t: TemplateTable): number {
    return this.openRows.get(t.key) ?? 0;
  }
}

export interface CompilationCounts {
  asked: number;
  onTime: number;
  late: number;
  accepted: number;
  missing: number;
}

/** A compiled table as a document table: the template's rows (or one line for the rows the units added), sums and averages. */
function compiledTable(t: TemplateTable, f: CompiledFigures): FlatBlock {
  const fixed = t.fixedRows;
  const header = ['TT', fixed ? 'Nội dung' : 'Số dòng', ...t.columns.map((c) => (c.type === 'percent' ? `${c.label} (bình quân)` : c.label))];
  const rows = fixed
    ? fixed.map((r, ri) => ({ cells: [String(ri + 1), r.label, ...t.columns.map((c) => printCell(f.cell(t, ri, c), c.type))] }))
    : [{ cells: ['1', `${f.rowsOf(t)} dòng của ${f.units} đơn vị`, ...t.columns.map((c) => printCell(f.cell(t, -1, c), c.type))] }];
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
      content: `Thực hiện ${r.number !== null && r.symbol ? `Công văn số ${formatDocumentNumber(r.number, r.symbol)}` : 'yêu cầu báo cáo'} về ${lcFirst(reportSummary(r.title))}, đến ngày ${shortDate(today)} có ${counts.onTime + counts.late}/${counts.asked} cơ quan, đơn vị gửi báo cáo (${counts.onTime} đúng hạn, ${counts.late} muộn hạn), ${counts.missing} chưa gửi; ${counts.accepted} báo cáo đã được tiếp nhận và tổng hợp dưới đây.`,
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
