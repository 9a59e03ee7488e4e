import type { Readable } from 'node:stream';
import type { Db } from '../db/client.js';
import { DatabaseBackend } from '../files/backends.js';
import type { RequestContext } from '../http/actor.js';
import { AppError } from '../http/app-error.js';
import { renderDocx } from './decree30-docx.js';
import { loadDocumentAssets } from './document-assets.js';
import { documentKind, type DocumentKind } from './document-kinds.js';
import { findIssuedDocument, freezeIssuedDocument, type IssuedDocumentRow } from './issued-documents.js';
import type { DocumentModel } from './model.js';

/** A document ready to send: the frozen bytes of an issued one, or a draft's view model. */
export type LoadedDocument =
  | { state: 'issued'; kind: DocumentKind; fileName: string; frozen: IssuedDocumentRow }
  | { state: 'draft'; kind: DocumentKind; fileName: string; model: DocumentModel };

const frozenStore = new DatabaseBackend();

/**
 * Finds a document for an actor: 404 for an unknown kind or a subject the actor may not see.
 * Issued documents come as frozen at issue; one issued before freezing existed (an older
 * database) is frozen now, once, from its current state, and audited.
 */
export async function loadDocument(db: Db, ctx: RequestContext, kindCode: string, subjectId: string): Promise<LoadedDocument> {
  const kind = documentKind(kindCode);
  if (!kind) throw AppError.notFound('document');
  return db.transaction(async (tx) => {
    const subject = await kind.findForActor(tx, ctx.actor, subjectId);
    if (!subject) throw AppError.notFound('document');
    if (subject.registerEntryId) {
      const frozen =
        (await findIssuedDocument(tx, subject.registerEntryId)) ??
        (await freezeIssuedDocument(tx, ctx, kind, { subjectId, registerEntryId: subject.registerEntryId }));
      return { state: 'issued', kind, fileName: subject.fileName, frozen };
    }
    return { state: 'draft', kind, fileName: subject.fileName, model: await kind.viewModel(tx, subjectId) };
  });
}

/**
 * The .docx of a loaded document: the frozen bytes streamed from the database, or a draft
 * rendered now (outside any transaction: rendering is CPU work, connections are few).
 */
export async function documentDocx(db: Db, doc: LoadedDocument): Promise<{ body: Readable | Buffer; size: number | null }> {
  if (doc.state === 'issued') return { body: frozenStore.read(db, doc.frozen.docxSha256), size: null };
  const bytes = await renderDraft(db, doc.model);
  return { body: bytes, size: bytes.length };
}

/** A draft's .docx, with the pictures it names. */
export async function renderDraft(db: Db, model: DocumentModel): Promise<Buffer> {
  return renderDocx(model, await loadDocumentAssets(db, model));
}
