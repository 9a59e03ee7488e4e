import type { DocumentTypeCode } from '../../shared/domain/document-types.js';
import type { DbOrTx } from '../db/client.js';
import type { Actor } from '../http/actor.js';
import { AppError } from '../http/app-error.js';
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

/**
 * A document kind whose subject is one record carrying its register entry: a plan, a notice, the
 * minutes, a conclusion… Who may download is who may see the record (findVisible); the view model
 * is rendered from the record as it stands (find). Most kinds are this one shape.
 */
export interface RecordDocumentKindSpec<R extends { registerEntryId: string | null }> {
  code: string;
  typeCode: DocumentTypeCode;
  template: string;
  subjectType: string;
  /** What the 404 names when the record is gone: 'plan', 'notice'. */
  recordName: string;
  findVisible(db: DbOrTx, actor: Actor, id: string): Promise<R | null | undefined>;
  find(db: DbOrTx, id: string): Promise<R | null | undefined>;
  /** Records of the subject type that have no document of this kind (a periodic request has no letter). */
  applies?(record: R): boolean;
  fileName(db: DbOrTx, record: R): string | Promise<string>;
  model(db: DbOrTx, record: R): Promise<DocumentModel>;
}

export function defineRecordDocumentKind<R extends { registerEntryId: string | null }>(spec: RecordDocumentKindSpec<R>): DocumentKind {
  const applies = spec.applies ?? (() => true);
  return defineDocumentKind({
    code: spec.code,
    typeCode: spec.typeCode,
    template: spec.template,
    subjectType: spec.subjectType,
    async findForActor(db, actor, id) {
      const record = await spec.findVisible(db, actor, id);
      return record && applies(record) ? { registerEntryId: record.registerEntryId, fileName: await spec.fileName(db, record) } : null;
    },
    async viewModel(db, id) {
      const record = await spec.find(db, id);
      if (!record || !applies(record)) throw AppError.notFound(spec.recordName);
      return spec.model(db, record);
    },
  });
}

/**
 * The file name of a registered document, without extension: "ke-hoach-15-KH-UBND-2021" once
 * numbered, "ke-hoach-du-thao-2021" before (draftStem when the draft reads otherwise). The download
 * route folds it to ASCII.
 */
export function registeredFileName(stem: string, doc: { number: number | null; symbol: string | null }, year: number | string, draftStem = stem): string {
  return doc.number !== null && doc.symbol ? `${stem}-${String(doc.number).padStart(2, '0')}-${doc.symbol}-${year}` : `${draftStem}-du-thao-${year}`;
}
