/**
 * .docx builders for Decree 30/2020/NĐ-CP templates. Pure: a view model in, bytes out.
 */
import { Packer, type Paragraph, type Table } from 'docx';
import {
  bodyBlocks,
  closingGap,
  closingTable,
  decree30Document,
  headerTable,
  authorityLine,
  legalBasisParagraphs,
  preamble,
  titleBlock,
} from './decree30-parts.js';
import type { Block, DecisionDocumentModel, DocumentModel, PlanDocumentModel } from './model.js';

/**
 * Builds a document with a type name (Phụ lục III, Mẫu 1.4: kế hoạch, báo cáo, thông báo):
 * header, title, italic legal bases, numbered body, Nơi nhận and signature.
 */
export async function buildPlanDocx(vm: PlanDocumentModel): Promise<Buffer> {
  const children: Array<Paragraph | Table> = [
    ...preamble(vm),
    headerTable(vm),
    ...titleBlock(vm),
    ...legalBasisParagraphs(vm.legalBases),
    ...bodyBlocks(vm.body, { keepLastWithNext: true }),
    closingGap(),
    closingTable(vm),
  ];
  return Packer.toBuffer(decree30Document(vm, children));
}

/** The body of a decision as blocks: "Điều n." leads each article in bold. */
export function decisionBodyBlocks(vm: DecisionDocumentModel): Block[] {
  const articles = vm.articles.flatMap((article, index): Block[] => {
    const content = typeof article.content === 'string' ? [{ text: article.content }] : article.content;
    return [
      { kind: 'paragraph', content: [{ text: `Điều ${index + 1}. `, bold: true }, ...content] },
      ...(article.blocks ?? []),
    ];
  });
  return [{ kind: 'paragraph', content: 'QUYẾT ĐỊNH:', bold: true, centered: true }, ...articles];
}

/**
 * Builds a decision issued directly (Phụ lục III, Mẫu 1.2): the issuing authority line under
 * the title, italic legal bases, "QUYẾT ĐỊNH:", then "Điều 1.", "Điều 2." … articles.
 */
export async function buildDecisionDocx(vm: DecisionDocumentModel): Promise<Buffer> {
  const children: Array<Paragraph | Table> = [
    ...preamble(vm),
    headerTable(vm),
    ...titleBlock(vm),
    authorityLine(vm.issuingAuthority),
    ...legalBasisParagraphs(vm.legalBases),
    ...bodyBlocks(decisionBodyBlocks(vm), { keepLastWithNext: true }),
    closingGap(),
    closingTable(vm),
  ];
  return Packer.toBuffer(decree30Document(vm, children));
}

/**
 * The version of the builders, stored with every frozen document: which code made its bytes.
 * Bump it when a change alters the output of an unchanged view model.
 */
export const RENDERER_VERSION = 'decree30/2';

/** Renders any document model with the builder of its layout. */
export async function renderDocx(model: DocumentModel): Promise<Buffer> {
  switch (model.layout) {
    case 'typed':
      return buildPlanDocx(model);
    case 'decision':
      return buildDecisionDocx(model);
  }
}
