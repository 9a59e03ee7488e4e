import type { DocumentTypeCode } from '../../shared/domain/document-types.js';
import type { DbOrTx } from '../db/client.js';
import type { Actor } from '../http/actor.js';
import type { DocumentModel } from './model.js';

/** A record as one of its documents sees it, for a given actor. */
export interface DocumentSubject {
  /** Set once the document is issued (numbered in the register): then its frozen bytes are served. */
  registerEntryId: string | null;
  /** File name without extension, ASCII: "ke-hoach-15-KH-UBND-2021", "quyet-dinh-du-thao-2021". */
  fileName: string;
}

/**
 * One kind of document the app produces (a plan, a team decision, later notices, minutes,
 * conclusions, reports). Registered once with defineDocumentKind; the one download route, PDF
 * conversion and freezing at issue all go through it.
 */
export interface DocumentKind {
  /** URL segment and stored kind: 'plan', 'team-decision'. */
  code: string;
  /** Register type (Decree 30, Phụ lục III): 'ke_hoach', 'quyet_dinh'. */
  typeCode: DocumentTypeCode;
  /** Decree 30 template it follows, for the record and the docs: 'Mẫu 1.4'. */
  template: string;
  /** subject_type of its register entries: 'plan', 'team'. */
  subjectType: string;
  /**
   * The subject for an actor, or null when the actor may not see it (the route answers 404, as
   * for a record that does not exist). This is "who may download".
   */
  findForActor(db: DbOrTx, actor: Actor, subjectId: string): Promise<DocumentSubject | null>;
  /** The view model as the subject stands now: rendered live for drafts, frozen at issue. */
  viewModel(db: DbOrTx, subjectId: string): Promise<DocumentModel>;
}

const kinds = new Map<string, DocumentKind>();

/** Registers a document kind (at module load) and returns it, so issue use cases can name it. */
export function defineDocumentKind<K extends DocumentKind>(kind: K): K {
  if (!/^[a-z][a-z0-9-]{0,39}$/.test(kind.code)) throw new Error(`invalid document kind code ${kind.code}`);
  const existing = kinds.get(kind.code);
  if (existing && existing !== kind) throw new Error(`document kind ${kind.code} is already defined`);
  kinds.set(kind.code, kind);
  return kind;
}

export function documentKind(code: string): DocumentKind | null {
  return kinds.get(code) ?? null;
}

export function documentKindCodes(): string[] {
  return [...kinds.keys()].sort();
}
