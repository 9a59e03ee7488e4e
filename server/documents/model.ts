/**
 * View models for administrative documents laid out per Decree 30/2020/NĐ-CP.
 *
 * Plain data: a document kind's loader fills them from the database, a builder turns them into
 * bytes, and an issued document's model is stored as it was (issued_document.view_model). The
 * body blocks are the shared schema of shared/api/blocks.schemas.ts, so what the API accepts is
 * exactly what the builder prints.
 */
import type { Annex, Block, Inline, Signature } from '../../shared/api/blocks.schemas.js';

export type {
  Annex,
  Block,
  FlatBlock,
  HeadingBlock,
  HeadingLevel,
  ImageBlock,
  Inline,
  TableBlock,
  TableCell,
  TableRow,
  TextBlock,
  TextRun as TextRunModel,
} from '../../shared/api/blocks.schemas.js';
export type SignatureModel = Signature;

/** A calendar date; a draft may know only the year ("ngày    tháng    năm 2021"). */
export interface DocumentDate {
  year: number;
  month?: number;
  day?: number;
}

export interface IssuingBody {
  /** Managing agency above the issuer, upper case, not bold (e.g. "UBND TỈNH BÌNH ĐỊNH"). */
  parent?: string;
  /** Issuer name, upper case (e.g. "ỦY BAN NHÂN DÂN THỊ XÃ HOÀI NHƠN"). */
  name: string;
  /**
   * How the name breaks into lines in the header. Defaults to a split before the
   * administrative level ("ỦY BAN NHÂN DÂN" / "THỊ XÃ HOÀI NHƠN").
   */
  nameLines?: readonly string[];
}

/** Fields shared by every Decree 30 document: the header of page 1 and the title. */
export interface DocumentHeaderModel {
  issuer: IssuingBody;
  /** Registered number; absent on a draft ("Số:      /KH-UBND"). */
  number?: number;
  /** Type and agency abbreviation after the slash: "KH-UBND"; for a công văn "UBND-NV". */
  symbol: string;
  /** Administrative unit where the issuer sits, e.g. "Hoài Nhơn". */
  placeName: string;
  /** Date of issue; absent or partial on a draft. */
  date?: DocumentDate;
  /** Upper-case type name: "KẾ HOẠCH", "QUYẾT ĐỊNH", "BIÊN BẢN"; a công văn's ("CÔNG VĂN") is not printed. */
  typeName: string;
  /** Summary (trích yếu): under the type name, or after "V/v" under the number of a công văn. */
  summary: string;
  /** Shows a "DỰ THẢO" mark. */
  draft?: boolean;
  /** Annexes (Phụ lục) after the signature, each from a new page with its own page numbers. */
  annexes?: readonly Annex[];
}

/** Recipients and one signature side by side (Mẫu 1.2, 1.4, 1.5). */
export interface DocumentClosingModel {
  /** "Nơi nhận" lines without the leading "- " (e.g. "Sở Nội vụ;", "Lưu: VT, NV."). */
  recipients: readonly string[];
  signature: SignatureModel;
}

/** Kế hoạch, báo cáo, thông báo (Decree 30, Phụ lục III, Mẫu 1.4). */
export interface PlanDocumentModel extends DocumentHeaderModel, DocumentClosingModel {
  layout: 'typed';
  /** "Căn cứ …" lines, printed in italics, one per paragraph. */
  legalBases?: readonly string[];
  body: readonly Block[];
}

/** One article (Điều) of a decision. */
export interface DecisionArticle {
  /** First paragraph after "Điều n. ". */
  content: Inline;
  /** Further blocks under the article (member lists, clauses). */
  blocks?: readonly Block[];
}

/** Quyết định (cá biệt) issued directly (Decree 30, Phụ lục III, Mẫu 1.2). */
export interface DecisionDocumentModel extends DocumentHeaderModel, DocumentClosingModel {
  layout: 'decision';
  /** Authority line under the summary, e.g. "CHỦ TỊCH ỦY BAN NHÂN DÂN THỊ XÃ HOÀI NHƠN". */
  issuingAuthority: string;
  legalBases: readonly string[];
  articles: readonly DecisionArticle[];
}

/**
 * Công văn (Mẫu 1.5): "Số: 12/UBND-NV" with the drafting unit, "V/v …" under the number, no
 * type name, "Kính gửi:" before the body.
 */
export interface LetterDocumentModel extends DocumentHeaderModel, DocumentClosingModel {
  layout: 'letter';
  /** "Kính gửi:" lines: one addressee on the same line, several as a "- …;" list. */
  addressees: readonly string[];
  body: readonly Block[];
}

/**
 * Biên bản (Mẫu 1.9): several signatures side by side (ĐẠI DIỆN ĐƠN VỊ ĐƯỢC KIỂM TRA and
 * TRƯỞNG ĐOÀN KIỂM TRA, then THƯ KÝ), recipients, if any, below them.
 */
export interface MinutesDocumentModel extends DocumentHeaderModel {
  layout: 'minutes';
  legalBases?: readonly string[];
  body: readonly Block[];
  /** Two per row, in order; an odd last one is centred. */
  signatures: readonly SignatureModel[];
  recipients?: readonly string[];
}

/** Any document the pipeline renders; `layout` picks the Decree 30 template. */
export type DocumentModel = PlanDocumentModel | DecisionDocumentModel | LetterDocumentModel | MinutesDocumentModel;
