/**
 * docx building blocks shared by every Decree 30/2020 template: page setup, the two-column
 * header, title, body blocks, and the recipients + signature table. Builders in
 * decree30-docx.ts only arrange these.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  PageNumber,
  PageOrientation,
  Paragraph,
  type ParagraphChild,
  type ISectionOptions,
  SectionType,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { TextWatermark } from 'docx/watermarks';
import { formatNumberLine, formatPlaceDate, issuerNameLines, nfc } from './decree30-text.js';
import type { Segment } from './decree30-body.js';
import type { DocumentClosingModel, DocumentHeaderModel, Inline, SignatureModel } from './model.js';

const TWIPS_PER_MM = 1440 / 25.4;
export const mm = (value: number): number => Math.round(value * TWIPS_PER_MM);

/** Page geometry (Phụ lục I, Part I): A4 portrait, margins inside the permitted ranges. */
export const PAGE = {
  width: 11906,
  height: 16838,
  marginTop: mm(20),
  marginBottom: mm(20),
  marginLeft: mm(30),
  marginRight: mm(15),
  headerDistance: mm(10),
} as const;
export const TEXT_WIDTH = PAGE.width - PAGE.marginLeft - PAGE.marginRight;
/** On a landscape page (a wide table) the same margins leave this much width. */
export const LANDSCAPE_TEXT_WIDTH = PAGE.height - PAGE.marginLeft - PAGE.marginRight;
export const textWidthOf = (landscape: boolean): number => (landscape ? LANDSCAPE_TEXT_WIDTH : TEXT_WIDTH);

/** Word's proofing language for every run: Vietnamese, so the spelling checker reads it as such. */
export const LANGUAGE = 'vi-VN';

export const FONT = 'Times New Roman';
/** Sizes in points; docx wants half-points. */
export const SIZE = {
  body: 14,
  agency: 13,
  parentAgency: 13,
  numberLine: 13,
  nationalName: 12, // Quốc hiệu 12 pairs with tiêu ngữ 13 (Phụ lục I, element 1)
  motto: 13,
  placeDate: 14,
  title: 14,
  recipientsLabel: 12,
  recipients: 11,
  signature: 14,
  pageNumber: 14,
  draftMark: 13,
  letterSummary: 12,
} as const;

/** Fixed header columns (stack.md gotcha 13): percentages wrap the Quốc hiệu. */
const HEADER_COLUMNS = [mm(62), TEXT_WIDTH - mm(62)] as const;
/** Nơi nhận on the left, signature on the right. */
const CLOSING_COLUMNS = [mm(80), TEXT_WIDTH - mm(80)] as const;
const FIRST_LINE_INDENT = mm(10);
export const BODY_SPACING = { before: 120, after: 0, line: 276 } as const;

interface RunStyle {
  bold?: boolean;
  italic?: boolean;
  size?: number;
}

/** The only way text enters a document: NFC-normalised, Times New Roman, size in points. */
export function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({
    text: nfc(text),
    font: FONT,
    size: (style.size ?? SIZE.body) * 2,
    bold: style.bold,
    italics: style.italic,
  });
}

export function inlineRuns(content: Inline, base: RunStyle = {}): TextRun[] {
  if (typeof content === 'string') return [run(content, base)];
  return content.map((r) =>
    run(r.text, { ...base, bold: r.bold ?? base.bold, italic: r.italic ?? base.italic }),
  );
}

export function centered(children: ParagraphChild[], spacingBefore = 0): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: spacingBefore, after: 0 }, children });
}

/**
 * A short solid rule, centred in a box of the given width. Drawn as the bottom border of an
 * almost empty paragraph whose indents set the rule's length, which Word and LibreOffice both
 * render identically (a drawn shape would float and drift). A top border with an exact line
 * height was tried and LibreOffice draws it through the text above.
 */
export function rule(lengthTwips: number, boxWidthTwips: number, spaceAfter = 0): Paragraph {
  const side = Math.max(0, Math.round((boxWidthTwips - lengthTwips) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after: spaceAfter, line: 80, lineRule: 'exact' },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 0 } },
    // The paragraph mark sets the line height of an empty paragraph, so it is made tiny too.
    run: { size: 2 },
    children: [run('', { size: 2 })],
  });
}

/**
 * Rough printed width of a line in Times New Roman, enough to size rules to the text above
 * them (1/3–1/2 for the agency name and summary, the full length for the tiêu ngữ).
 */
export function estimateWidth(text: string, sizePt: number, bold: boolean): number {
  let ems = 0;
  for (const ch of nfc(text)) {
    if (ch === ' ') ems += 0.25;
    else if (ch === '-' || ch === ',' || ch === '.' || ch === ':') ems += 0.33;
    else if (ch === ch.toUpperCase() && ch !== ch.toLowerCase()) ems += bold ? 0.72 : 0.68;
    else ems += bold ? 0.5 : 0.46;
  }
  return Math.round(ems * sizePt * 20);
}

const CELL_MARGINS = { top: 0, bottom: 0, left: 57, right: 57 };

function cell(width: number, children: Paragraph[]): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: CELL_MARGINS,
    verticalAlign: VerticalAlignTable.TOP,
    children,
  });
}

export function borderlessTable(columns: readonly number[], rows: TableRow[]): Table {
  return new Table({
    width: { size: columns.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: [...columns],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows,
  });
}

/** A boxed "DỰ THẢO" at the top left of page 1. */
function draftMark(): Paragraph {
  const box = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 2 };
  const width = mm(32);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { left: mm(14), right: TEXT_WIDTH - width - mm(14) },
    spacing: { before: 0, after: 120 },
    border: { top: box, bottom: box, left: box, right: box },
    children: [run('DỰ THẢO', { bold: true, size: SIZE.draftMark })],
  });
}

/**
 * The header of page 1 (Phụ lục I, elements 1–4): issuer and number on the left; Quốc hiệu,
 * tiêu ngữ and place-date on the right. Two rows so "Số:" and the date share a baseline.
 */
export function headerTable(doc: DocumentHeaderModel, options: { underNumber?: string } = {}): Table {
  const [left, right] = HEADER_COLUMNS;
  const nameLines = issuerNameLines(doc.issuer);
  const leftTop: Paragraph[] = [];
  if (doc.issuer.parent) leftTop.push(centered([run(doc.issuer.parent.toUpperCase(), { size: SIZE.parentAgency })]));
  for (const line of nameLines) leftTop.push(centered([run(line.toUpperCase(), { bold: true, size: SIZE.agency })]));
  const longestName = Math.max(...nameLines.map((l) => estimateWidth(l, SIZE.agency, true)));
  leftTop.push(rule(Math.round(longestName * 0.4), left));

  const motto = 'Độc lập - Tự do - Hạnh phúc';
  const rightTop = [
    centered([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: SIZE.nationalName })]),
    centered([run(motto, { bold: true, size: SIZE.motto })]),
    rule(estimateWidth(motto, SIZE.motto, true), right),
  ];

  const numberLine = [centered([run(formatNumberLine(doc.number, doc.symbol), { size: SIZE.numberLine })], 120)];
  // A công văn's summary: "V/v …", 12–13 pt, upright, centred under the number (Phụ lục I, 5b).
  if (options.underNumber) numberLine.push(centered([run(options.underNumber, { size: SIZE.letterSummary })], 60));
  const placeDate = centered([run(formatPlaceDate(doc.placeName, doc.date), { italic: true, size: SIZE.placeDate })], 120);

  return borderlessTable(HEADER_COLUMNS, [
    new TableRow({ cantSplit: true, children: [cell(left, leftTop), cell(right, rightTop)] }),
    new TableRow({ cantSplit: true, children: [cell(left, numberLine), cell(right, [placeDate])] }),
  ]);
}

/** What precedes the header on page 1: the draft mark, if any. */
export function preamble(doc: DocumentHeaderModel): Paragraph[] {
  return doc.draft ? [draftMark()] : [];
}

/** Type name, summary and the rule under the summary (element 5). */
export function titleBlock(doc: DocumentHeaderModel): Paragraph[] {
  return [
    centered([run(doc.typeName.toUpperCase(), { bold: true, size: SIZE.title })], 360),
    centered([run(doc.summary, { bold: true, size: SIZE.title })]),
    rule(Math.min(estimateWidth(doc.summary, SIZE.title, true) * 0.35, mm(50)), TEXT_WIDTH, 120),
  ];
}

/** The issuing authority of a decision, e.g. "CHỦ TỊCH ỦY BAN NHÂN DÂN THỊ XÃ HOÀI NHƠN" (Mẫu 1.2). */
export function authorityLine(authority: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 240, after: 120 },
    keepNext: true,
    children: [run(authority.toUpperCase(), { bold: true, size: SIZE.title })],
  });
}

/** A justified body paragraph with first-line indent (element 6). */
export function bodyParagraph(children: ParagraphChild[], opts: { keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE_INDENT },
    spacing: BODY_SPACING,
    keepNext: opts.keepNext,
    children,
  });
}

/** "Căn cứ …" lines: italic, one per paragraph. */
export function legalBasisParagraphs(bases: readonly string[] | undefined): Paragraph[] {
  return (bases ?? []).map((basis) => bodyParagraph([run(basis, { italic: true })]));
}

/** The title lines of a signature: authority, on behalf of, post. */
export function signatureTitleLines(sig: SignatureModel): string[] {
  return [sig.authority, sig.onBehalfOf, sig.position].filter((l): l is string => Boolean(l));
}

/**
 * The signer's lines: authority, on behalf of, post in bold capitals; room to sign; the name.
 * `titleLines` pads the title to that many lines, so names beside each other line up.
 */
export function signatureParagraphs(sig: SignatureModel, titleLines = 0, spacingBefore = 0): Paragraph[] {
  const lines = signatureTitleLines(sig);
  return [
    ...lines.map((line, i) => centered([run(line.toUpperCase(), { bold: true, size: SIZE.signature })], i === 0 ? spacingBefore : 0)),
    ...Array.from({ length: Math.max(0, titleLines - lines.length) }, () => centered([run('', { bold: true, size: SIZE.signature })])),
    // Room for the handwritten signature and the seal.
    centered([run(sig.signerName, { bold: true, size: SIZE.signature })], mm(22)),
  ];
}

/** "Nơi nhận:" (bold italic 12 pt) and its "- …" lines (11 pt), Phụ lục I element 9. */
export function recipientsParagraphs(recipients: readonly string[], spacingBefore = 0): Paragraph[] {
  return [
    new Paragraph({
      spacing: { before: spacingBefore, after: 0 },
      keepNext: true,
      children: [run('Nơi nhận:', { bold: true, italic: true, size: SIZE.recipientsLabel })],
    }),
    ...recipients.map((line) => new Paragraph({ spacing: { before: 0, after: 0 }, children: [run(`- ${line}`, { size: SIZE.recipients })] })),
  ];
}

/**
 * Nơi nhận on the left (element 9) and the signature on the right (element 7), in one
 * borderless row that is never split across pages.
 */
export function closingTable(doc: DocumentClosingModel): Table {
  const [left, right] = CLOSING_COLUMNS;
  return borderlessTable(CLOSING_COLUMNS, [
    new TableRow({ cantSplit: true, children: [cell(left, recipientsParagraphs(doc.recipients)), cell(right, signatureParagraphs(doc.signature))] }),
  ]);
}

/** Space between the body and the closing table. */
export function closingGap(): Paragraph {
  return new Paragraph({ keepNext: true, spacing: { before: 0, after: 120 }, children: [run('', { size: 8 })] });
}

/**
 * The document's sections: A4, page numbers centred in the top margin from page 2 on (Phụ lục I,
 * Part I); a landscape segment turns the page; each annex starts a new page with its own page
 * numbers. A draft also carries a "DỰ THẢO" watermark on every page. Every run defaults to
 * Times New Roman 14 pt with Vietnamese as its proofing language.
 */
export function decree30Document(doc: DocumentHeaderModel, segments: readonly Segment[]): Document {
  const watermark = (): Paragraph[] =>
    doc.draft ? [new Paragraph({ children: [new TextWatermark({ text: 'DỰ THẢO', font: FONT, color: 'D0D0D0', opacity: 0.4 })] })] : [];
  const pageNumber = () =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: SIZE.pageNumber * 2 })],
    });
  const firstHeader = () => new Header({ children: watermark().length ? watermark() : [new Paragraph({ children: [] })] });
  const defaultHeader = () => new Header({ children: [pageNumber(), ...watermark()] });
  const sections: ISectionOptions[] = segments.map((segment, index) => {
    const startsNumbering = index === 0 || segment.annexStart === true;
    return {
      properties: {
        ...(index === 0 ? {} : { type: SectionType.NEXT_PAGE }),
        titlePage: startsNumbering,
        page: {
          size: { width: PAGE.width, height: PAGE.height, orientation: segment.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
          margin: {
            top: PAGE.marginTop,
            bottom: PAGE.marginBottom,
            left: PAGE.marginLeft,
            right: PAGE.marginRight,
            header: PAGE.headerDistance,
            footer: PAGE.headerDistance,
          },
          ...(segment.annexStart ? { pageNumbers: { start: 1 } } : {}),
        },
      },
      headers: startsNumbering ? { first: firstHeader(), default: defaultHeader() } : { default: defaultHeader() },
      children: segment.children,
    };
  });
  return new Document({
    creator: nfc(doc.issuer.name),
    title: nfc(`${doc.typeName} ${doc.summary}`),
    styles: { default: { document: { run: { font: FONT, size: SIZE.body * 2, language: { value: LANGUAGE } } } } },
    sections,
  });
}
