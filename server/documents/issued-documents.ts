import { eq } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../db/client.js';
import { documentRegisterEntry, issuedDocument } from '../db/schema/index.js';
import type { RequestContext } from '../http/actor.js';
import { recordAudit, type SystemContext } from '../modules/audit/audit-log.js';
import { storeBytesInDatabase } from '../files/file-storage.js';
import { RENDERER_VERSION, renderDocx } from './decree30-docx.js';
import type { DocumentKind } from './document-kinds.js';
import { loadDocumentAssets } from './document-assets.js';
import type { DocumentModel } from './model.js';

export type IssuedDocumentRow = typeof issuedDocument.$inferSelect;

export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface FreezeInput {
  subjectId: string;
  /** The register entry the issue just took: the frozen document is filed against it. */
  registerEntryId: string;
}

/**
 * Freezes an issued document: renders its view model as the subject stands at issue, and stores
 * the view model and the .docx bytes against the register entry, in the issuing transaction (so
 * the number, the status and the frozen text commit together or not at all). Call it from any
 * module's issue use case after the subject carries its number and date. The bytes go to the
 * database whatever PAR_FILES_DIR says: a legal record lives beside its register entry, in the
 * same backup. Idempotent per register entry.
 */
export async function freezeIssuedDocument(tx: Tx, ctx: RequestContext | SystemContext, kind: DocumentKind, input: FreezeInput): Promise<IssuedDocumentRow> {
  const existing = await findIssuedDocument(tx, input.registerEntryId);
  if (existing) return existing;
  const model = await kind.viewModel(tx, input.subjectId);
  if (model.draft) throw new Error(`freezing ${kind.code} ${input.subjectId}: its view model is still a draft`);
  const docx = await renderDocx(model, await loadDocumentAssets(tx, model));
  const file = await storeBytesInDatabase(tx, docx, DOCX_MEDIA_TYPE);
  const [row] = await tx
    .insert(issuedDocument)
    .values({
      registerEntryId: input.registerEntryId,
      kind: kind.code,
      subjectType: kind.subjectType,
      subjectId: input.subjectId,
      viewModel: model,
      docxSha256: file.sha256,
      rendererVersion: RENDERER_VERSION,
      createdBy: ctx.actor?.userId ?? null,
    })
    .onConflictDoNothing()
    .returning();
  // A concurrent freeze of the same entry (two first downloads of a pre-existing document) won.
  if (!row) return (await findIssuedDocument(tx, input.registerEntryId))!;
  // The document belongs where its register entry does: the issuing agency.
  const [entry] = await tx.select({ agencyId: documentRegisterEntry.agencyId }).from(documentRegisterEntry).where(eq(documentRegisterEntry.id, input.registerEntryId));
  await recordAudit(tx, ctx, {
    action: 'document.frozen',
    entityType: 'issued_document',
    entityId: row.id,
    scope: { agencies: entry ? [entry.agencyId] : [] },
    after: { kind: row.kind, subjectId: row.subjectId, registerEntryId: row.registerEntryId, docxSha256: row.docxSha256, size: docx.length },
  });
  return row;
}

export async function findIssuedDocument(db: DbOrTx, registerEntryId: string): Promise<IssuedDocumentRow | null> {
  const [row] = await db.select().from(issuedDocument).where(eq(issuedDocument.registerEntryId, registerEntryId));
  return row ?? null;
}

/** The frozen view model (what the issued document says), e.g. to show it in the UI. */
export function frozenModel(row: IssuedDocumentRow): DocumentModel {
  return row.viewModel as DocumentModel;
}
