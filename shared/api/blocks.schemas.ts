import { z } from 'zod';
import { controlCharactersIssue, isPrintable } from './common.js';

/**
 * The building blocks of a document body, shared by the API (what clients send and read) and
 * the .docx builders (server/documents): one definition, so the database only ever holds what
 * the builder can print. Request schemas NFC-normalise and refuse unprintable text; response
 * schemas carry no transforms (the serializer encodes).
 */

export type Str = (max: number) => z.ZodType<string, string>;
export const inStr: Str = (max) => z.string().max(max).refine(isPrintable, controlCharactersIssue).transform((s) => s.normalize('NFC')) as unknown as z.ZodType<string, string>;
export const outStr: Str = () => z.string();

export const headingLevels = ['I', '1', '1.1', 'a'] as const;
export const cellAligns = ['left', 'center', 'right'] as const;

/** Rows × columns a table may have: enough for a results report, small enough to render fast. */
export const TABLE_LIMITS = { columns: 20, rows: 1000, colSpan: 20, rowSpan: 200 } as const;

interface GridCell {
  colSpan?: number;
  rowSpan?: number;
}

/**
 * Whether every row of a table fills exactly its columns, counting cells that a row span above
 * carries down. Returns the index of the first row that does not, or -1.
 */
export function firstMisfitRow(columnCount: number, rows: readonly { cells: readonly (GridCell | string | readonly unknown[])[] }[]): number {
  let carried: number[] = new Array<number>(columnCount).fill(0); // rows still covered, per column
  for (let r = 0; r < rows.length; r++) {
    const next = carried.map((n) => Math.max(0, n - 1));
    let col = 0;
    for (const raw of rows[r].cells) {
      const cell: GridCell = typeof raw === 'object' && !Array.isArray(raw) ? (raw as GridCell) : {};
      while (col < columnCount && carried[col] > 0) col++;
      const span = cell.colSpan ?? 1;
      if (col + span > columnCount) return r;
      for (let c = col; c < col + span; c++) next[c] = (cell.rowSpan ?? 1) - 1;
      col += span;
    }
    while (col < columnCount && carried[col] > 0) col++;
    if (col !== columnCount) return r;
    carried = next;
  }
  return -1;
}

/** The block schemas over a string schema (request or response flavour). */
export function documentSchemas(str: Str) {
  const run = z.object({ text: str(5000), bold: z.boolean().optional(), italic: z.boolean().optional() });
  /** A plain string, or runs with emphasis (a bold lead-in, then plain text). */
  const inline = z.union([str(5000), z.array(run).min(1).max(50)]);

  const heading = z.object({
    kind: z.literal('heading'),
    /** 'I' roman section, '1' numbered item, '1.1' sub-item, 'a' lettered heading (Phụ lục I). */
    level: z.enum(headingLevels),
    /** The printed number ("II", "2", "2.1", "b"); numbered by the builder when omitted. */
    number: str(10).optional(),
    text: str(500),
    /** Plain text after the bold heading on the same line ("3. Thời gian kiểm tra: Từ …"). */
    tail: str(2000).optional(),
  });
  const paragraph = z.object({
    kind: z.literal('paragraph'),
    content: inline,
    italic: z.boolean().optional(),
    bold: z.boolean().optional(),
    /** Centred, no first-line indent ("QUYẾT ĐỊNH:"). */
    centered: z.boolean().optional(),
  });
  const bullet = z.object({ kind: z.literal('bullet'), content: inline });
  const lettered = z.object({ kind: z.literal('lettered'), letter: str(3).optional(), content: inline });
  const textBlock = z.discriminatedUnion('kind', [heading, paragraph, bullet, lettered]);

  const cell = z.union([
    inline,
    z.object({
      content: inline,
      colSpan: z.number().int().min(1).max(TABLE_LIMITS.colSpan).optional(),
      rowSpan: z.number().int().min(1).max(TABLE_LIMITS.rowSpan).optional(),
      align: z.enum(cellAligns).optional(),
      bold: z.boolean().optional(),
    }),
  ]);
  const row = z.object({
    cells: z.array(cell).min(1).max(TABLE_LIMITS.columns),
    /** A total row ("Tổng cộng"): bold; merge its label across columns with colSpan. */
    total: z.boolean().optional(),
  });
  const table = z
    .object({
      kind: z.literal('table'),
      /** Relative widths (weights) and default alignment of each column. */
      columns: z
        .array(z.object({ width: z.number().min(1).max(100), align: z.enum(cellAligns).optional() }))
        .min(1)
        .max(TABLE_LIMITS.columns),
      /** Header rows, bold, centred and repeated on every page (spans allowed, for two-level headers). */
      header: z.array(row).min(1).max(3),
      rows: z.array(row).max(TABLE_LIMITS.rows),
      /** Point size of the table's text; 13 by default (body text is 14). */
      fontSize: z.union([z.literal(11), z.literal(12), z.literal(13), z.literal(14)]).optional(),
      /** A bold centred caption above the table ("Bảng 1. Kết quả chấm điểm"). */
      caption: str(300).optional(),
    })
    .superRefine((t, ctx) => {
      const all = [...t.header, ...t.rows];
      const misfit = firstMisfitRow(t.columns.length, all);
      if (misfit >= 0) {
        const inHeader = misfit < t.header.length;
        ctx.addIssue({
          code: 'custom',
          path: inHeader ? ['header', misfit] : ['rows', misfit - t.header.length],
          message: `the row's cells (with their spans) do not fill exactly ${t.columns.length} columns`,
        });
      }
    });
  const image = z.object({
    kind: z.literal('image'),
    /** SHA-256 of a PNG or JPEG in file storage (a chart rendered by a job, an attached photo). */
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    /** Printed width; the height follows the picture's proportions unless given. */
    widthMm: z.number().min(10).max(250),
    heightMm: z.number().min(10).max(250).optional(),
    /** Text for screen readers and for the PDF's accessibility tree. */
    alt: str(500),
    /** Italic centred line under the picture ("Biểu đồ 1. …"). */
    caption: str(300).optional(),
  });
  const pageBreak = z.object({ kind: z.literal('pageBreak') });
  /** Blocks that may stand anywhere, including inside a landscape section or an annex. */
  const flatBlock = z.union([textBlock, table, image, pageBreak]);
  /** A run of blocks on landscape pages (a wide table), then back to portrait (Phụ lục I allows it). */
  const landscape = z.object({ kind: z.literal('landscape'), blocks: z.array(flatBlock).min(1).max(200) });
  const block = z.union([flatBlock, landscape]);

  /** An annex (Phụ lục): a new page, its own heading, its own page numbers. */
  const annex = z.object({
    /** "Phụ lục I", "Phụ lục 02". */
    label: str(50),
    title: str(500),
    /** "(Kèm theo Kế hoạch số 15/KH-UBND ngày 05/5/2021 của …)"; the builder writes one when omitted. */
    subtitle: str(500).optional(),
    landscape: z.boolean().optional(),
    blocks: z.array(flatBlock).max(500),
  });

  const signature = z.object({
    /** Collective authority or role line: "TM. ỦY BAN NHÂN DÂN", "ĐẠI DIỆN ĐƠN VỊ ĐƯỢC KIỂM TRA". */
    authority: str(100).optional(),
    /** "KT. CHỦ TỊCH" when a deputy signs for the head. */
    onBehalfOf: str(100).optional(),
    /** Post of the signer: "CHỦ TỊCH", "TRƯỞNG ĐOÀN KIỂM TRA", "THƯ KÝ". */
    position: str(100),
    signerName: str(100),
  });

  return { run, inline, textBlock, table, image, flatBlock, block, annex, signature };
}

const output = documentSchemas(outStr);
export const documentInput = documentSchemas(inStr);
export const textBlockSchema = output.textBlock;
export const blockSchema = output.block;
export const annexSchema = output.annex;
export const signatureSchema = output.signature;

export type TextRun = z.infer<typeof output.run>;
export type Inline = z.infer<typeof output.inline>;
export type TextBlock = z.infer<typeof output.textBlock>;
export type HeadingBlock = Extract<TextBlock, { kind: 'heading' }>;
export type HeadingLevel = HeadingBlock['level'];
export type TableBlock = z.infer<typeof output.table>;
export type TableRow = TableBlock['rows'][number];
export type TableCell = TableRow['cells'][number];
export type ImageBlock = z.infer<typeof output.image>;
export type FlatBlock = z.infer<typeof output.flatBlock>;
export type Block = z.infer<typeof output.block>;
export type Annex = z.infer<typeof output.annex>;
export type Signature = z.infer<typeof output.signature>;
