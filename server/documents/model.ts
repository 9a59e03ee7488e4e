/**
 * View models for administrative documents laid out per Decree 30/2020/NĐ-CP.
 *
 * These are plain data: a use case fills them from the database, a builder turns them into
 * bytes. Nothing here knows about docx; the same model could feed an HTML preview.
 */

/** A run of text with optional emphasis. */
export interface TextRunModel {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

/** Inline content: a plain string, or runs with emphasis (e.g. a bold lead-in then plain text). */
export type Inline = string | readonly TextRunModel[];

/**
 * Heading levels of a plan body (Decree 30, Phụ lục I: I., 1., then a)).
 * 'I' roman section, '1' numbered item, '1.1' sub-item, 'a' lettered heading.
 */
export type HeadingLevel = 'I' | '1' | '1.1' | 'a';

export interface HeadingBlock {
  kind: 'heading';
  level: HeadingLevel;
  /**
   * The printed number without its punctuation ("II", "2", "2.1", "b"). When omitted the
   * builder numbers headings itself, restarting each level under its parent.
   */
  number?: string;
  /** Heading text, written as it should print (roman sections are upper case by convention). */
  text: string;
  /** Plain text that follows the bold heading on the same line ("3. Thời gian kiểm tra: Từ …"). */
  tail?: string;
}

export interface ParagraphBlock {
  kind: 'paragraph';
  content: Inline;
  /** Whole paragraph in italics (a note or explanation). */
  italic?: boolean;
  bold?: boolean;
  /** Centred, without first-line indent (e.g. "QUYẾT ĐỊNH:" in a decision). */
  centered?: boolean;
}

/** A "- " item. */
export interface BulletBlock {
  kind: 'bullet';
  content: Inline;
}

/** An "a) …" item. The letter is computed when omitted, restarting after every heading. */
export interface LetteredBlock {
  kind: 'lettered';
  letter?: string;
  content: Inline;
}

export type Block = HeadingBlock | ParagraphBlock | BulletBlock | LetteredBlock;

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

/** Fields shared by every document with a type name (Decree 30 templates 1.2 and 1.4). */
export interface DocumentHeaderModel {
  issuer: IssuingBody;
  /** Registered number; absent on a draft ("Số:      /KH-UBND"). */
  number?: number;
  /** Type and agency abbreviation after the slash, e.g. "KH-UBND". */
  symbol: string;
  /** Administrative unit where the issuer sits, e.g. "Hoài Nhơn". */
  placeName: string;
  /** Date of issue; absent or partial on a draft. */
  date?: DocumentDate;
  /** Upper-case type name: "KẾ HOẠCH", "QUYẾT ĐỊNH". */
  typeName: string;
  /** Summary (trích yếu) under the type name. */
  summary: string;
  /** Shows a "DỰ THẢO" mark. */
  draft?: boolean;
}

export interface SignatureModel {
  /** Collective authority, e.g. "TM. ỦY BAN NHÂN DÂN". Absent for a Chairman's own decision. */
  authority?: string;
  /** Deputy signing for the head, e.g. "KT. CHỦ TỊCH". */
  onBehalfOf?: string;
  /** Post of the signer: "CHỦ TỊCH", "PHÓ CHỦ TỊCH". */
  position: string;
  signerName: string;
}

/** Shared tail of a document: recipients and signature. */
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

/** Any document the pipeline renders; `layout` picks the Decree 30 template. */
export type DocumentModel = PlanDocumentModel | DecisionDocumentModel;
