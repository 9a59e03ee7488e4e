import type { Multipart } from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idParams } from '../../shared/api/common.js';
import { problemSchema } from '../../shared/api/errors.js';
import { attachmentListResponse, attachmentSchema, listFilesQuery, uploadFileQuery, type Attachment } from '../../shared/api/files.schemas.js';
import type { AppDeps, AppInstance } from '../app.js';
import type { DbOrTx } from '../db/client.js';
import { contextOf, type Actor } from '../http/actor.js';
import { AppError } from '../http/app-error.js';
import { attachFile, detachFile, findAttachment, listAttachments, type AttachmentRow } from './attachments.js';
import { allFileKinds, fileKinds, FileRuleError } from './content-rules.js';
import { cleanFileName } from './file-names.js';
import type { FileStorage, ReceivedFile } from './file-storage.js';
import { recordAccess, type AttachmentPurpose, type RecordAccessResolver } from './record-access.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

/** "Biên bản kiểm tra.pdf" → an ASCII fallback and the UTF-8 name (RFC 6266 / 5987). */
export function contentDisposition(kind: 'attachment' | 'inline', fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** The resolver of a record type; an unknown type is as unknown as a missing record (404). */
function resolverOf(ownerType: string): RecordAccessResolver {
  const resolver = recordAccess(ownerType);
  if (!resolver) throw AppError.notFound('record');
  return resolver;
}

function present(row: AttachmentRow, removable: boolean): Attachment {
  return {
    id: row.id,
    ownerType: row.ownerType,
    ownerId: row.ownerId,
    purpose: row.purpose,
    fileName: row.fileName,
    mediaType: row.mediaType,
    size: row.size,
    sha256: row.sha256,
    createdAt: row.createdAt.toISOString(),
    url: `/api/files/${row.id}`,
    removable,
  };
}

/** An attachment the actor may read (through its record), or 404. */
async function readableAttachment(db: DbOrTx, actor: Actor, id: string): Promise<{ row: AttachmentRow; resolver: RecordAccessResolver }> {
  const row = await findAttachment(db, id);
  const resolver = row ? recordAccess(row.ownerType) : null;
  if (!row || !resolver || !(await resolver.canRead(db, actor, row.ownerId))) throw AppError.notFound('file');
  return { row, resolver };
}

const httpStatusOf = (err: unknown) => (err as { statusCode?: number }).statusCode;

/**
 * Reads the one file of an upload request to a temporary file, checked against the purpose's
 * rules. The body must be exactly one part, a file in the field "file": another field name is
 * refused (400 unexpected_field) before its bytes are read, and a second file (400
 * one_file_per_request) makes the whole request fail, the first file included — storing one of
 * two and dropping the other silently would lose a document the user believes attached.
 */
export async function receiveOneFile(request: FastifyRequest, files: FileStorage, rules: AttachmentPurpose): Promise<ReceivedFile> {
  // files: 2 so that a second file is seen (and refused) rather than silently cut by the parser.
  // throwFileSizeLimit is read by parts() too (its types omit it): the size rule is ours (file_too_large).
  const options = { limits: { fileSize: files.maxBytes + 1, files: 2, fields: 10 }, throwFileSizeLimit: false };
  const parts = request.parts(options);
  const next = async () => {
    try {
      return await parts.next();
    } catch (err) {
      if (httpStatusOf(err) === 413 && (err as { code?: string }).code === 'FST_FILES_LIMIT') {
        throw AppError.invalid('body.file', 'one_file_per_request', 'send one file per request (field "file")');
      }
      if (httpStatusOf(err)) throw err;
      throw AppError.invalid('body.file', 'malformed', 'the upload is not valid multipart/form-data');
    }
  };
  const refuseField = (part: Multipart): never => {
    if (part.type === 'file') part.file.resume();
    throw AppError.invalid(`body.${part.fieldname}`, 'unexpected_field', 'the only field of an upload is "file"');
  };

  const first = await next();
  if (first.done) throw AppError.invalid('body.file', 'required', 'attach a file in the field "file"');
  const part = first.value;
  if (part.type !== 'file' || part.fieldname !== 'file') return refuseField(part);
  let received: ReceivedFile;
  try {
    const fileName = cleanFileName(part.filename ?? '', '');
    received = await files.receive(part.file, { fileName, accept: rules.accept, maxBytes: rules.maxBytes });
    // A name with nothing visible left is named after its content's kind.
    if (received.fileName === '') received = { ...received, fileName: `tep.${fileKinds[received.kind].extensions[0]}` };
  } catch (err) {
    if (err instanceof FileRuleError) throw AppError.invalid('file', err.code, err.message);
    if (httpStatusOf(err)) throw err;
    throw AppError.invalid('body.file', 'malformed', 'the upload is not valid multipart/form-data');
  }
  try {
    const after = await next();
    if (!after.done) {
      if (after.value.type === 'file' && after.value.fieldname === 'file') {
        after.value.file.resume();
        throw AppError.invalid('body.file', 'one_file_per_request', 'send one file per request (field "file")');
      }
      refuseField(after.value);
    }
    return received;
  } catch (err) {
    await files.discard(received);
    throw err;
  }
}

/** Upload, list, download and remove files attached to records. */
export async function fileRoutes(app: AppInstance, deps: AppDeps & { files: FileStorage }) {
  const { db } = deps.database;
  const { files } = deps;
  const tags = ['files'];

  app.post(
    '/api/files',
    {
      schema: {
        tags,
        summary: 'Attach one file to a record (multipart, one part, field "file": a second file or another field is 400). The name is cleaned (no controls, at most 255 characters with its extension). Checked on its content: PDF, .docx, .xlsx, JPEG, PNG, HEIC; size limit PAR_MAX_FILE_MB',
        querystring: uploadFileQuery,
        response: { 201: attachmentSchema, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const { ownerType, ownerId, purpose } = request.query;
      // Authorized before a byte of the body is read.
      const resolver = resolverOf(ownerType);
      if (!(await resolver.canRead(db, ctx.actor, ownerId))) throw AppError.notFound('record');
      const rules = resolver.purposes[purpose];
      if (!rules) throw AppError.invalid('query.purpose', 'unknown_purpose', `files of a ${ownerType} are attached as ${Object.keys(resolver.purposes).join(', ')}`);
      if (!(await resolver.canAttach(db, ctx.actor, ownerId, purpose))) throw new AppError('FORBIDDEN', 'you may not attach files to this record');
      if (!request.isMultipart()) throw AppError.invalid('body.file', 'not_multipart', 'send the file as multipart/form-data, field "file"');

      const received = await receiveOneFile(request, files, rules);
      try {
        const row = await db.transaction(async (tx) => attachFile(tx, ctx, files, { ownerType, ownerId, purpose, file: received, maxFiles: rules.maxFiles, scope: await resolver.auditScope(tx, ctx.actor, ownerId) }));
        return reply.status(201).send(present(row, true));
      } finally {
        await files.discard(received);
      }
    },
  );

  app.get('/api/files', { schema: { tags, summary: 'Files attached to a record', querystring: listFilesQuery, response: { 200: attachmentListResponse, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    const { ownerType, ownerId, purpose } = request.query;
    const resolver = resolverOf(ownerType);
    if (!(await resolver.canRead(db, ctx.actor, ownerId))) throw AppError.notFound('record');
    const rows = await listAttachments(db, { ownerType, ownerId }, purpose);
    const attachable = new Map<string, boolean>();
    const removable = new Map<string, boolean>();
    for (const p of new Set(rows.map((r) => r.purpose))) {
      attachable.set(p, await resolver.canAttach(db, ctx.actor, ownerId, p));
      removable.set(p, attachable.get(p) === true && (await resolver.removalRefusal?.(db, ctx.actor, ownerId, p)) == null);
    }
    const canAttach = purpose !== undefined && purpose in resolver.purposes && (attachable.get(purpose) ?? (await resolver.canAttach(db, ctx.actor, ownerId, purpose)));
    const rules = purpose === undefined ? undefined : resolver.purposes[purpose];
    return {
      items: rows.map((r) => present(r, removable.get(r.purpose) === true)),
      canAttach,
      rules: rules ? { kinds: [...(rules.accept ?? allFileKinds)], maxBytes: Math.min(rules.maxBytes ?? files.maxBytes, files.maxBytes), maxFiles: rules.maxFiles ?? null } : null,
    };
  });

  app.get('/api/files/:id', { schema: { tags, summary: 'Download a file, authorized through the record it belongs to', params: idParams, response: { 404: problemSchema } } }, async (request, reply) => {
    const ctx = contextOf(request);
    const { row } = await readableAttachment(db, ctx.actor, request.params.id);
    const stored = await files.find(db, row.sha256);
    if (!stored) throw AppError.notFound('file');
    return (reply as unknown as FastifyReply)
      .type(row.mediaType)
      .header('content-length', String(row.size))
      .header('content-disposition', contentDisposition('attachment', row.fileName))
      .header('cache-control', 'private, no-store')
      .header('x-content-type-options', 'nosniff')
      .send(files.open(db, stored));
  });

  app.delete('/api/files/:id', { schema: { tags, summary: 'Remove a file from its record', params: idParams, response: { 204: z.null(), ...errors } } }, async (request, reply) => {
    const ctx = contextOf(request);
    await db.transaction(async (tx) => {
      const { row, resolver } = await readableAttachment(tx, ctx.actor, request.params.id);
      if (!(await resolver.canAttach(tx, ctx.actor, row.ownerId, row.purpose))) throw new AppError('FORBIDDEN', 'you may not remove files of this record');
      const refusal = await resolver.removalRefusal?.(tx, ctx.actor, row.ownerId, row.purpose);
      if (refusal) throw new AppError('DOCUMENT_ISSUED', refusal);
      await detachFile(tx, ctx, row, await resolver.auditScope(tx, ctx.actor, row.ownerId));
    });
    await files.sweepUnreferenced(db);
    return reply.status(204).send(null);
  });
}
