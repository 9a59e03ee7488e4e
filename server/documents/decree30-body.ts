/**
 * The body of a document: blocks laid out in order, numbered I. / 1. / 1.1. / a), split into
 * segments of one page orientation (a landscape block is a section of its own).
 */
import { AlignmentType, PageBreak, Paragraph, type Table } from 'docx';
import { imageBlock, NO_ASSETS, tableBlock, type DocumentAssets } from './decree30-blocks.js';
import { BODY_SPACING, bodyParagraph, inlineRuns, run, textWidthOf } from './decree30-parts.js';
import { BodyNumbering, headingLabel } from './decree30-text.js';
import type { Block, FlatBlock } from './model.js';

export interface BodyOptions {
  /**
   * Keep the last paragraph on the page of the signature: a signature page must carry some
   * of the body, never the signature alone.
   */
  keepLastWithNext?: boolean;
  /** Pictures the image blocks name. */
  assets?: DocumentAssets;
  /** The orientation the blocks start in (an annex may be landscape throughout). */
  landscape?: boolean;
}

/** A run of content on pages of one orientation: one docx section. */
export interface Segment {
  landscape: boolean;
  children: Array<Paragraph | Table>;
  /** The first section of an annex: a new page, page numbers from 1. */
  annexStart?: boolean;
}

function flatBlockContent(block: FlatBlock, numbering: BodyNumbering, keepNext: boolean, assets: DocumentAssets, landscape: boolean): Array<Paragraph | Table> {
  switch (block.kind) {
    case 'heading': {
      const label = headingLabel(block.level, numbering.heading(block.level, block.number));
      const italic = block.level === 'a';
      const children = [run(`${label} ${block.text}`, { bold: true, italic })];
      if (block.tail) children.push(run(block.tail));
      return [bodyParagraph(children, { keepNext: keepNext || !block.tail })];
    }
    case 'paragraph':
      if (block.centered) {
        // A centred line introduces what follows ("QUYẾT ĐỊNH:"), so it never ends a page.
        return [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: BODY_SPACING,
            keepNext: true,
            children: inlineRuns(block.content, { bold: block.bold, italic: block.italic }),
          }),
        ];
      }
      return [bodyParagraph(inlineRuns(block.content, { bold: block.bold, italic: block.italic }), { keepNext })];
    case 'bullet':
      return [bodyParagraph([run('- '), ...inlineRuns(block.content)], { keepNext })];
    case 'lettered':
      return [bodyParagraph([run(`${numbering.item(block.letter)}) `), ...inlineRuns(block.content)], { keepNext })];
    case 'table':
      return tableBlock(block, textWidthOf(landscape));
    case 'image':
      return imageBlock(block, assets, textWidthOf(landscape));
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}

/**
 * Lays out body blocks with I. / 1. / 1.1. / a) numbering into segments of one orientation: a
 * landscape block becomes its own segment (a section on landscape pages), then portrait again.
 */
export function layoutBody(blocks: readonly Block[], options: BodyOptions = {}): Segment[] {
  const numbering = new BodyNumbering();
  const assets = options.assets ?? NO_ASSETS;
  const base = options.landscape === true;
  const segments: Segment[] = [{ landscape: base, children: [] }];
  const lastIndex = blocks.length - 1;
  blocks.forEach((block, index) => {
    const keepNext = options.keepLastWithNext === true && index === lastIndex;
    if (block.kind === 'landscape') {
      segments.push({ landscape: true, children: block.blocks.flatMap((b) => flatBlockContent(b, numbering, false, assets, true)) });
      segments.push({ landscape: base, children: [] });
      return;
    }
    segments[segments.length - 1].children.push(...flatBlockContent(block, numbering, keepNext, assets, base));
  });
  return segments.filter((s, i) => s.children.length > 0 || i === 0);
}
