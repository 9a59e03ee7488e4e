import type { ReportFigures } from './report-figures.js';
import type { ResultsReportContent } from '../../../shared/api/results-reports.schemas.js';
import { documentSymbol } from '../../../shared/domain/document-types.js';
import type { DbOrTx } from '../../db/client.js';
import { defineRecordDocumentKind, registeredFileName } from '../../documents/document-kinds.js';
import type { Block, FlatBlock, PlanDocumentModel } from '../../documents/model.js';
import { storeBytesInDatabase } from '../../files/file-storage.js';
import { documentDate, issuerInfo } from '../document-register/issuer-header.js';
import { indexKindLabel, kindLabel, statusLabel, viPct } from '../dashboard/season-labels.js';
import { reportFigures } from './report-figures.js';
import { sectionSentence, topAndBottom } from './draft-texts.js';
import { barChartSvg, svgToPng, trendChartSvg } from './report-charts.js';
import { findReport, findVisibleReport, type ReportRow } from './results-reports.repository.js';

const paragraphs = (text: string): Block[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => ({ kind: 'paragraph', content: l }));

/** Renders a chart and keeps its PNG in the database (content-addressed: the same chart is stored once). */
async function chart(db: DbOrTx, svg: string): Promise<string> {
  return (await storeBytesInDatabase(db, svgToPng(svg), 'image/png')).sha256;
}

/** The sentences the data writes (the office writes the rest around them). */
export function figureSentences(f: ReportFigures): { organisation: string; indices: string[]; shortcomings: string[] } {
  const i = f.inspections;
  const kinds = i.byKind.filter((k) => k.count > 0).map((k) => `${k.count} cuộc ${kindLabel[k.kind].toLocaleLowerCase('vi')}`);
  const statuses = i.byStatus.filter((s) => s.count > 0).map((s) => `${s.count} cuộc ${statusLabel[s.status].toLocaleLowerCase('vi')}`);
  const organisation = `Năm ${f.year}, trên địa bàn ${f.unit.name} có ${i.total} cuộc kiểm tra tại ${i.agencies} cơ quan, đơn vị${kinds.length ? ` (${kinds.join(', ')})` : ''}; đến nay ${statuses.join(', ') || 'chưa có cuộc kiểm tra nào'}. Các đơn vị phải gửi ${i.reports.due} báo cáo phục vụ kiểm tra, ${i.reports.dueByToday} báo cáo đã đến hạn.`;
  const indices: string[] = [];
  const shortcomings: string[] = [];
  for (const s of f.indices) {
    const label = indexKindLabel[s.kind];
    if (!s.framework || s.average === null) {
      indices.push(`${label} năm ${f.year}: chưa có kết quả.`);
      continue;
    }
    const tb = topAndBottom(s);
    const prev = s.trend.filter((t) => t.year < f.year && t.average !== null).at(-1);
    const change = prev ? `, ${s.average >= prev.average! ? 'tăng' : 'giảm'} ${viPct(Math.abs(s.average - prev.average!))} điểm so với năm ${prev.year}` : '';
    indices.push(
      `${label} năm ${f.year} của ${s.scored} đơn vị bình quân đạt ${viPct(s.average)}%${change}; cao nhất: ${tb?.top || '—'}${tb?.bottom ? `; thấp nhất: ${tb.bottom}` : ''}.`,
    );
    const weakAreas = s.areas.filter((a) => a.average !== null).sort((a, b) => a.average! - b.average!).slice(0, 3);
    if (s.unmetCount || weakAreas.length) {
      shortcomings.push(
        `${label}: ${s.unmetCount} tiêu chí chưa đạt ở các đơn vị${weakAreas.length ? `; các lĩnh vực có kết quả thấp nhất: ${weakAreas.map((a) => `${a.name} (${viPct(a.average)}%)`).join(', ')}` : ''}.`,
      );
    }
  }
  return { organisation, indices, shortcomings };
}

/** The annex table: each unit with its PAR index, SIPAS and ranks. */
function annexTable(f: ReportFigures): FlatBlock {
  const par = f.indices.find((s) => s.kind === 'par');
  const sipas = f.indices.find((s) => s.kind === 'sipas');
  const ids = [...new Set([...(par?.units ?? []), ...(sipas?.units ?? [])].map((u) => u.unitId))];
  const byId = (s: typeof par, id: string) => s?.units.find((u) => u.unitId === id);
  const rows = ids.map((id, n) => {
    const p = byId(par, id);
    const q = byId(sipas, id);
    return { cells: [String(n + 1), (p ?? q)!.unitName, viPct(p?.indexPct ?? null), p?.rank ? String(p.rank) : '—', p ? String(p.unmetCount) : '—', viPct(q?.indexPct ?? null), q?.rank ? String(q.rank) : '—'] };
  });
  return {
    kind: 'table',
    columns: [{ width: 7, align: 'center' }, { width: 29 }, { width: 13, align: 'center' }, { width: 11, align: 'center' }, { width: 14, align: 'center' }, { width: 13, align: 'center' }, { width: 13, align: 'center' }],
    header: [{ cells: ['TT', 'Đơn vị', 'Chỉ số CCHC (%)', 'Xếp hạng', 'Tiêu chí chưa đạt', 'SIPAS (%)', 'Xếp hạng'] }],
    rows: [...rows, { cells: ['', 'Bình quân', viPct(par?.average ?? null), '', par ? String(par.unmetCount) : '—', viPct(sipas?.average ?? null), ''], bold: true }],
    fontSize: 12,
  } as FlatBlock;
}

/**
 * The report as a Decree 30 document (Mẫu 1.4, BC): the office's texts with the data's
 * sentences, the charts as pictures and the annex table per unit. DỰ THẢO until issued.
 */
export async function resultsReportModel(db: DbOrTx, report: ReportRow): Promise<PlanDocumentModel> {
  const issuer = await issuerInfo(db, report.issuingAgencyId);
  const content = report.content as ResultsReportContent;
  const f = await reportFigures(db, report);
  const issued = report.status === 'issued' && report.number !== null;
  const words = figureSentences(f);
  const charts: FlatBlock[] = [];
  let n = 0;
  for (const s of f.indices) {
    if (!s.framework || !s.units.length) continue;
    const label = indexKindLabel[s.kind];
    n++;
    charts.push({
      kind: 'image',
      sha256: await chart(db, barChartSvg(s.units.map((u) => ({ label: u.unitName, value: u.indexPct })), s.average)),
      widthMm: 160,
      alt: `${label} năm ${f.year} theo đơn vị: ${s.units.map((u) => `${u.unitName} ${viPct(u.indexPct)}%`).join('; ')}; bình quân ${viPct(s.average)}%.`,
      caption: `Biểu đồ ${n}. ${label} năm ${f.year} của các đơn vị`,
    });
    if (s.trend.length > 1) {
      n++;
      charts.push({
        kind: 'image',
        sha256: await chart(db, trendChartSvg(s.trend.map((t) => ({ year: t.year, value: t.average })))),
        widthMm: 150,
        alt: `${label} bình quân qua các năm: ${s.trend.map((t) => `${t.year} ${viPct(t.average)}%`).join('; ')}.`,
        caption: `Biểu đồ ${n}. ${label} bình quân qua các năm`,
      });
    }
  }
  const body: Block[] = [
    { kind: 'heading', level: 'I', text: 'CÔNG TÁC TỔ CHỨC KIỂM TRA' },
    ...paragraphs(content.organisation),
    { kind: 'paragraph', content: words.organisation },
    { kind: 'heading', level: 'I', text: 'KẾT QUẢ KIỂM TRA' },
    { kind: 'heading', level: '1', text: 'Kết quả đạt được, ưu điểm' },
    ...paragraphs(content.strengths),
    ...words.indices.map((s): Block => ({ kind: 'paragraph', content: s })),
    ...charts,
    { kind: 'heading', level: '1', text: 'Tồn tại, hạn chế và nguyên nhân' },
    ...paragraphs(content.shortcomings),
    ...words.shortcomings.map((s): Block => ({ kind: 'bullet', content: s })),
    { kind: 'heading', level: 'I', text: 'CÁC BIỆN PHÁP ĐÃ THỰC HIỆN' },
    ...paragraphs(content.measures),
    ...f.sections.map((s): Block => ({ kind: 'paragraph', content: sectionSentence(s) })),
    { kind: 'heading', level: 'I', text: 'ĐỀ XUẤT, KIẾN NGHỊ' },
    ...paragraphs(content.proposals),
  ];
  return {
    layout: 'typed',
    issuer: issuer.body,
    ...(issued ? { number: report.number! } : {}),
    symbol: report.symbol ?? documentSymbol('bao_cao', issuer.docAbbreviation ?? 'UBND'),
    placeName: issuer.placeName,
    date: issued && report.issuedOn ? documentDate(report.issuedOn) : { year: report.year + 1 },
    typeName: 'BÁO CÁO',
    summary: content.summary,
    draft: !issued,
    ...(content.legalBases.length ? { legalBases: content.legalBases } : {}),
    body,
    annexes: [{ label: 'Phụ lục', title: `KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH VÀ CHỈ SỐ HÀI LÒNG CỦA CÁC ĐƠN VỊ NĂM ${f.year}`, blocks: [annexTable(f)] }],
    recipients: content.recipients,
    signature: content.signature,
  };
}

export function reportFileName(r: ReportRow): string {
  return registeredFileName('bao-cao', r, r.year, 'bao-cao-ket-qua-kiem-tra');
}

/** The results report as a document kind: whoever reads the report downloads it; frozen at issue. */
export const resultsReportDocument = defineRecordDocumentKind({
  code: 'results-report',
  typeCode: 'bao_cao',
  template: 'Mẫu 1.4',
  subjectType: 'results_report',
  recordName: 'results report',
  findVisible: findVisibleReport,
  find: findReport,
  fileName: (_db, r) => reportFileName(r),
  model: resultsReportModel,
});
