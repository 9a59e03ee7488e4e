/**
 * .docx builders for Decree 30/2020/NĐ-CP templates. Pure: a view model (and the pictures it
 * names) in, bytes out. Each layout arranges the shared parts of decree30-parts.ts and the
 * blocks of decree30-blocks.ts.
 */
import { Packer, type Paragraph, type Table } from 'docx';
import { addresseeBlock, annexHeading, defaultAnnexSubtitle, NO_ASSETS, signatureGrid, type DocumentAssets } from './decree30-blocks.js';
import {
  authorityLine,
  closingGap,
  closingTable,
  decree30Document,
  headerTable,
  legalBasisParagraphs,
  preamble,
  recipientsParagraphs,
  textWidthOf,
  titleBlock,
} from './decree30-parts.js';
import { layoutBody, type Segment } from './decree30-body.js';
import type { Block, DecisionDocumentModel, DocumentModel, LetterDocumentModel, MinutesDocumentModel, PlanDocumentModel } from './model.js';

/**
 * The version of the builders, stored with every frozen document: which code made its bytes.
 * Bump it when a change alters the output of an unchanged view model.
 */
export const RENDERER_VERSION = 'decree30/3';

/** The body of a decision as blocks: "Điều n." leads each article in bold. */
export function decisionBodyBlocks(vm: DecisionDocumentModel): Block[] {
  const articles = vm.articles.flatMap((article, index): Block[] => {
    const content = typeof article.content === 'string' ? [{ text: article.content }] : article.content;
    return [{ kind: 'paragraph', content: [{ text: `Điều ${index + 1}. `, bold: true }, ...content] }, ...(article.blocks ?? [])];
  });
  return [{ kind: 'paragraph', content: 'QUYẾT ĐỊNH:', bold: true, centered: true }, ...articles];
}

/** Prepends the page-1 parts to the first segment and appends the closing to the last. */
function frame(opening: Array<Paragraph | Table>, segments: Segment[], closing: Array<Paragraph | Table>): Segment[] {
  const out = segments.length ? segments.map((s) => ({ ...s, children: [...s.children] })) : [{ landscape: false, children: [] }];
  out[0].children.unshift(...opening);
  const last = out[out.length - 1];
  if (!closing.length) return out;
  if (last.landscape) out.push({ landscape: false, children: closing });
  else last.children.push(...closing);
  return out;
}

/** Mẫu 1.4 (kế hoạch, báo cáo, thông báo): header, title, italic bases, body, Nơi nhận + signature. */
function typedDocument(vm: PlanDocumentModel, assets: DocumentAssets): Segment[] {
  return frame(
    [...preamble(vm), headerTable(vm), ...titleBlock(vm), ...legalBasisParagraphs(vm.legalBases)],
    layoutBody(vm.body, { assets, keepLastWithNext: true }),
    [closingGap(), closingTable(vm)],
  );
}

/** Mẫu 1.2: the issuing authority under the title, bases, "QUYẾT ĐỊNH:", Điều 1., Điều 2. … */
function decisionDocument(vm: DecisionDocumentModel, assets: DocumentAssets): Segment[] {
  return frame(
    [...preamble(vm), headerTable(vm), ...titleBlock(vm), authorityLine(vm.issuingAuthority), ...legalBasisParagraphs(vm.legalBases)],
    layoutBody(decisionBodyBlocks(vm), { assets, keepLastWithNext: true }),
    [closingGap(), closingTable(vm)],
  );
}

/** Mẫu 1.5 (công văn): "V/v …" under the number, "Kính gửi:", body, Nơi nhận + signature. */
function letterDocument(vm: LetterDocumentModel, assets: DocumentAssets): Segment[] {
  return frame(
    [...preamble(vm), headerTable(vm, { underNumber: `V/v ${vm.summary}` }), ...addresseeBlock(vm.addressees)],
    layoutBody(vm.body, { assets, keepLastWithNext: true }),
    [closingGap(), closingTable(vm)],
  );
}

/** Mẫu 1.9 (biên bản): title, body, signatures two by two, then Nơi nhận below. */
function minutesDocument(vm: MinutesDocumentModel, assets: DocumentAssets): Segment[] {
  return frame(
    [...preamble(vm), headerTable(vm), ...titleBlock(vm), ...legalBasisParagraphs(vm.legalBases)],
    layoutBody(vm.body, { assets, keepLastWithNext: true }),
    [closingGap(), signatureGrid(vm.signatures), ...(vm.recipients?.length ? recipientsParagraphs(vm.recipients, 240) : [])],
  );
}

function bodySegments(model: DocumentModel, assets: DocumentAssets): Segment[] {
  switch (model.layout) {
    case 'typed':
      return typedDocument(model, assets);
    case 'decision':
      return decisionDocument(model, assets);
    case 'letter':
      return letterDocument(model, assets);
    case 'minutes':
      return minutesDocument(model, assets);
  }
}

/** Each annex from a new page (landscape if asked), with its heading and its own page numbers. */
function annexSegments(model: DocumentModel, assets: DocumentAssets): Segment[] {
  return (model.annexes ?? []).flatMap((annex) => {
    const landscape = annex.landscape === true;
    const segments = layoutBody(annex.blocks, { assets, landscape });
    const heading = annexHeading(annex, annex.subtitle ?? defaultAnnexSubtitle(model), textWidthOf(landscape));
    return frame(heading, segments.length ? segments : [{ landscape, children: [] }], []).map((s, i) => ({ ...s, annexStart: i === 0 }));
  });
}

/** Renders any document model with the builder of its layout. */
export async function renderDocx(model: DocumentModel, assets: DocumentAssets = NO_ASSETS): Promise<Buffer> {
  return Packer.toBuffer(decree30Document(model, [...bodySegments(model, assets), ...annexSegments(model, assets)]));
}
