import { and, asc, count, eq } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../db/client.js';
import { fileAttachment } from '../db/schema/index.js';
import type { RequestContext } from '../http/actor.js';
import { AppError } from '../http/app-error.js';
import { recordAudit, type AuditScope } from '../modules/audit/audit-log.js';
import type { FileStorage, ReceivedFile } from './file-storage.js';

export type AttachmentRow = typeof fileAttachment.$inferSelect;

export interface RecordRef {
  ownerType: string;
  ownerId: string;
}

/**
 * Stores a received upload (deduplicated by hash) and links it to a record for a purpose, in
 * the caller's transaction, audited there. Authorization is the caller's (the file routes ask
 * the record type's resolver first).
 */
export async function attachFile(
  tx: Tx,
  ctx: RequestContext,
  files: FileStorage,
  input: RecordRef & { purpose: string; file: ReceivedFile; maxFiles?: number; scope: AuditScope },
): Promise<AttachmentRow> {
  if (input.maxFiles !== undefined) {
    const [{ n }] = await tx
      .select({ n: count() })
      .from(fileAttachment)
      .where(and(eq(fileAttachment.ownerType, input.ownerType), eq(fileAttachment.ownerId, input.ownerId), eq(fileAttachment.purpose, input.purpose)));
    if (n >= input.maxFiles) throw AppError.invalid('query.purpose', 'too_many_files', `at most ${input.maxFiles} files for this purpose`);
  }
  await files.store(tx, input.file);
  const [row] = await tx
    .insert(fileAttachment)
    .values({
      sha256: input.file.sha256,
      ownerType: input.ownerType,
      ownerId: input.ownerId,
      purpose: input.purpose,
      fileName: input.file.fileName,
      mediaType: input.file.mediaType,
      size: input.file.size,
      createdBy: ctx.actor.userId,
    })
    .returning();
  await recordAudit(tx, ctx, { action: 'file.attached', entityType: 'file_attachment', entityId: row.id, scope: input.scope, after: row });
  return row;
}

export async function listAttachments(db: DbOrTx, owner: RecordRef, purpose?: string): Promise<AttachmentRow[]> {
  return db
    .select()
    .from(fileAttachment)
    .where(
      and(
        eq(fileAttachment.ownerType, owner.ownerType),
        eq(fileAttachment.ownerId, owner.ownerId),
        purpose === undefined ? undefined : eq(fileAttachment.purpose, purpose),
      ),
    )
    .orderBy(asc(fileAttachment.createdAt), asc(fileAttachment.id));
}

export async function findAttachment(db: DbOrTx, id: string): Promise<AttachmentRow | null> {
  const [row] = await db.select().from(fileAttachment).where(eq(fileAttachment.id, id));
  return row ?? null;
}

/** Unlinks a file from its record (the bytes go when nothing refers to them: sweepUnreferenced). */
export async function detachFile(tx: Tx, ctx: RequestContext, attachment: AttachmentRow, scope: AuditScope): Promise<void> {
  await tx.delete(fileAttachment).where(eq(fileAttachment.id, attachment.id));
  await recordAudit(tx, ctx, { action: 'file.detached', entityType: 'file_attachment', entityId: attachment.id, scope, before: attachment });
}
