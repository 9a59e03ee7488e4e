/**
 * Building blocks beyond running text: tables, pictures, several signatures side by side, the
 * "Kính gửi:" block of a công văn and the heading of an annex. Pure docx construction.
 */
import {
  AlignmentType,
  BorderStyle,
  ImageRun,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { Annex, ImageBlock, Inline, SignatureModel, TableBlock, TableCell as CellModel } from './model.js';
import { borderlessTable, centered, estimateWidth, inlineRuns, mm, rule, run, SIZE, signatureParagraphs, signatureTitleLines, TEXT_WIDTH } from './decree30-parts.js';

/** A picture the builder can place: bytes and pixel size, resolved from file storage beforehand. */
export interface ImageAsset {
  data: Buffer;
  type: 'png' | 'jpg';
  widthPx: number;
  heightPx: number;
}
/** What a document needs besides its view model: the pictures its image blocks name, by hash. */
export interface DocumentAssets {
  images: ReadonlyMap<string, ImageAsset>;
}
export const NO_ASSETS: DocumentAssets = { images: new Map() };

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;
const GRID = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const TABLE_BORDERS = { top: GRID, bottom: GRID, left: GRID, right: GRID, insideHorizontal: GRID, insideVertical: GRID };
const CELL_MARGINS = { top: 40, bottom: 40, left: 80, right: 80 };

function cellModel(cell: CellModel): { content: Inline; colSpan?: number; rowSpan?: number; align?: 'left' | 'center' | 'right'; bold?: boolean } {
  return typeof cell === 'string' || Array.isArray(cell) ? { content: cell as Inline } : (cell as Exclude<CellModel, string | unknown[]>);
}

/**
 * A bordered table: column widths in proportion to their weights across the text width (of a
 * portrait or landscape page), header rows bold, centred and repeated on every page, total rows
 * bold, spans merged. Rows never split across pages.
 */
export function tableBlock(block: TableBlock, textWidth: number): Array<Paragraph | Table> {
  const size = block.fontSize ?? 13;
  const weights = block.columns.map((c) => c.width);
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((w / total) * textWidth));
  const rowOf = (cells: readonly CellModel[], options: { header: boolean; bold: boolean }) => {
    let column = 0;
    return new TableRow({
      tableHeader: options.header,
      cantSplit: true,
      children: cells.map((raw) => {
        const cell = cellModel(raw);
        const span = cell.colSpan ?? 1;
        const width = widths.slice(column, column + span).reduce((a, b) => a + b, 0);
        const align = cell.align ?? (options.header ? 'center' : (block.columns[column]?.align ?? 'left'));
        column += span;
        return new TableCell({
          width: { size: width, type: WidthType.DXA },
          columnSpan: span > 1 ? span : undefined,
          rowSpan: (cell.rowSpan ?? 1) > 1 ? cell.rowSpan : undefined,
          margins: CELL_MARGINS,
          verticalAlign: VerticalAlignTable.CENTER,
          children: [
            new Paragraph({
              alignment: ALIGN[align],
              spacing: { before: 0, after: 0 },
              children: inlineRuns(cell.content, { bold: options.bold || cell.bold, size }),
            }),
          ],
        });
      }),
    });
  };
  const table = new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TABLE_BORDERS,
    rows: [
      ...block.header.map((r) => rowOf(r.cells, { header: true, bold: true })),
      ...block.rows.map((r) => rowOf(r.cells, { header: false, bold: r.total === true })),
    ],
  });
  const caption = block.caption ? [centered([run(block.caption, { bold: true, size })], 120)] : [];
  // A table followed directly by another table would merge with it in Word.
  return [...caption, table, new Paragraph({ spacing: { before: 0, after: 60 }, children: [] })];
}

const PX_PER_MM = 96 / 25.4;

/** A picture centred on its own line, with an optional italic caption under it. */
export function imageBlock(block: ImageBlock, assets: DocumentAssets, textWidth: number): Paragraph[] {
  const asset = assets.images.get(block.sha256);
  if (!asset) throw new Error(`image ${block.sha256} was not loaded for the document`);
  const widthMm = Math.min(block.widthMm, textWidth / mm(1));
  const heightMm = block.heightMm ?? (widthMm * asset.heightPx) / asset.widthPx;
  const picture = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 120, after: block.caption ? 0 : 120 },
    keepNext: Boolean(block.caption),
    children: [
      new ImageRun({
        type: asset.type,
        data: asset.data,
        transformation: { width: Math.round(widthMm * PX_PER_MM), height: Math.round(heightMm * PX_PER_MM) },
        altText: { name: block.caption ?? 'image', title: block.caption ?? block.alt, description: block.alt },
      }),
    ],
  });
  const caption = block.caption ? [centered([run(block.caption, { italic: true, size: 13 })], 60)] : [];
  return [picture, ...caption];
}

/**
 * Signatures two per row (Mẫu 1.9: ĐẠI DIỆN ĐƠN VỊ ĐƯỢC KIỂM TRA left, TRƯỞNG ĐOÀN KIỂM TRA right),
 * an odd last one centred under them; each row is kept whole on a page.
 */
export function signatureGrid(signatures: readonly SignatureModel[]): Table {
  const half = Math.floor(TEXT_WIDTH / 2);
  const rows: TableRow[] = [];
  for (let i = 0; i < signatures.length; i += 2) {
    const pair = signatures.slice(i, i + 2);
    // Titles of a row padded to the same number of lines, so the names line up; rows apart.
    const titleLines = Math.max(...pair.map((s) => signatureTitleLines(s).length));
    const before = i === 0 ? 0 : 360;
    const cells =
      pair.length === 2
        ? pair.map((s) => new TableCell({ width: { size: half, type: WidthType.DXA }, children: signatureParagraphs(s, titleLines, before) }))
        : [new TableCell({ width: { size: half * 2, type: WidthType.DXA }, columnSpan: 2, children: signatureParagraphs(pair[0], titleLines, before) })];
    rows.push(new TableRow({ cantSplit: true, children: cells }));
  }
  return borderlessTable([half, half], rows);
}

/** "Kính gửi: Sở Nội vụ." on one line, or "Kính gửi:" beside a "- …;" list (Mẫu 1.5). */
export function addresseeBlock(addressees: readonly string[]): Array<Paragraph | Table> {
  const label = run('Kính gửi:', { size: SIZE.body });
  if (addressees.length <= 1) {
    return [centered([label, run(` ${addressees[0] ?? ''}`, { size: SIZE.body })], 240)];
  }
  const labelWidth = estimateWidth('Kính gửi: ', SIZE.body, false) + mm(2);
  const listWidth = Math.max(...addressees.map((a) => estimateWidth(`- ${a}`, SIZE.body, false))) + mm(2);
  const used = Math.min(TEXT_WIDTH, labelWidth + listWidth);
  const indent = Math.max(0, Math.floor((TEXT_WIDTH - used) / 2));
  const columns = [indent + labelWidth, TEXT_WIDTH - indent - labelWidth];
  const para = (children: ParagraphChild[], alignment: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.LEFT) => new Paragraph({ alignment, spacing: { before: 0, after: 0 }, children });
  return [
    new Paragraph({ spacing: { before: 240, after: 0 }, children: [] }),
    borderlessTable(columns, [
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({ width: { size: columns[0], type: WidthType.DXA }, children: [para([label], AlignmentType.RIGHT)] }),
          new TableCell({ width: { size: columns[1], type: WidthType.DXA }, children: addressees.map((a) => para([run(`- ${a}`, { size: SIZE.body })])) }),
        ],
      }),
    ]),
  ];
}

/** "(Kèm theo Kế hoạch số 15/KH-UBND ngày 05/05/2021)" from the document's own number and date (dd/mm/yyyy, as every date in the text). */
export function defaultAnnexSubtitle(doc: { typeName: string; number?: number; symbol: string; date?: { year: number; month?: number; day?: number } }): string {
  const typeName = doc.typeName.toLocaleLowerCase('vi');
  const sentence = typeName.charAt(0).toLocaleUpperCase('vi') + typeName.slice(1);
  const number = doc.number === undefined ? '     ' : String(doc.number).padStart(2, '0');
  const d = doc.date;
  const date =
    d?.day !== undefined && d.month !== undefined
      ? `${String(d.day).padStart(2, '0')}/${String(d.month).padStart(2, '0')}/${d.year}`
      : `     /     /${d?.year ?? ''}`;
  return `(Kèm theo ${sentence} số ${number}/${doc.symbol} ngày ${date})`;
}

/** "Phụ lục I", its title and the "(Kèm theo …)" line, centred, with a short rule (Phụ lục I, annexes). */
export function annexHeading(annex: Annex, subtitle: string, textWidth: number): Paragraph[] {
  return [
    centered([run(annex.label, { bold: true, size: SIZE.title })]),
    centered([run(annex.title.toLocaleUpperCase('vi'), { bold: true, size: SIZE.title })], 60),
    centered([run(subtitle, { italic: true, size: SIZE.title })], 60),
    rule(Math.min(estimateWidth(annex.title, SIZE.title, true) * 0.35, mm(40)), textWidth, 240),
  ];
}
