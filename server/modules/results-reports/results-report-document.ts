import type { ReportFigures } from './report-figures.js';
import type { ResultsReportContent } from '../../../shared/api/results-reports.schemas.js';
import { documentSymbol } from '../../../shared/domain/document-types.js';
import type { DbOrTx } from '../../db/client.js';
import { defineRecordDocumentKind, registeredFileName } from '../../documents/document-kinds.js';
import type { Block, FlatBlock, PlanDocumentModel } from '../../documents/model.js';
import { storeBytesInDatabase } from '../../files/file-storage.js';
import { documentDate, issuerInfo } from '../document-register/issuer-header.js';
import { indexKindLabel, viPct } from '../dashboard/season-labels.js';
import { reportFigures } from './report-figures.js';
import { factParagraphs } from './draft-texts.js';
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
 * sentences (each figure once, draft-texts.ts factParagraphs), the charts as pictures and the annex table per unit. DỰ THẢO until issued.
 */
export async function resultsReportModel(db: DbOrTx, report: ReportRow): Promise<PlanDocumentModel> {
  const issuer = await issuerInfo(db, report.issuingAgencyId);
  const content = report.content as ResultsReportContent;
  const f = await reportFigures(db, report);
  const issued = report.status === 'issued' && report.number !== null;
  const words = factParagraphs(f);
  const said = (xs: string[]): Block[] => xs.map((content) => ({ kind: 'paragraph', content }));
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
  // Each part: the office's text, then what the data says (every figure once, from the figures
  // printed); under II.2 the shortcomings the data lists come first, the office's causes after.
  const body: Block[] = [
    { kind: 'heading', level: 'I', text: 'CÔNG TÁC TỔ CHỨC KIỂM TRA' },
    ...paragraphs(content.organisation),
    ...said(words.organisation),
    { kind: 'heading', level: 'I', text: 'KẾT QUẢ KIỂM TRA' },
    { kind: 'heading', level: '1', text: 'Kết quả đạt được, ưu điểm' },
    ...paragraphs(content.strengths),
    ...said(words.strengths),
    ...charts,
    { kind: 'heading', level: '1', text: 'Tồn tại, hạn chế và nguyên nhân' },
    ...words.shortcomings.map((content): Block => ({ kind: 'bullet', content })),
    ...paragraphs(content.shortcomings),
    { kind: 'heading', level: 'I', text: 'CÁC BIỆN PHÁP ĐÃ THỰC HIỆN' },
    ...paragraphs(content.measures),
    ...said(words.measures),
    { kind: 'heading', level: 'I', text: 'ĐỀ XUẤT, KIẾN NGHỊ' },
    ...paragraphs(content.proposals),
  ];
  return {
    layout: 'typed',
    issuer: issuer.body,
    ...(issued ? { number: report.number! } : {}),
    symbol: report.symbol ?? documentSymbol('bao_cao', issuer.docAbbreviation ?? 'UBND'),
    placeName: issuer.placeName,
    // The day it is issued; a draft leaves the place-and-date line blank (it may be issued in its
    // own year from 01/12, or the next: never guessed).
    ...(issued && report.issuedOn ? { date: documentDate(report.issuedOn) } : {}),
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
