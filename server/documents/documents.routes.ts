import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { problemSchema } from '../../shared/api/errors.js';
import type { AppDeps, AppInstance } from '../app.js';
import { contextOf } from '../http/actor.js';
import { idParams } from '../../shared/api/common.js';
import { conversionSchema } from '../../shared/api/documents.schemas.js';
import { FileStorage } from '../files/file-storage.js';
import { documentDocx, loadDocument } from './document-pipeline.js';
import { DOCX_MEDIA_TYPE } from './issued-documents.js';
import { assertPdfAvailable, cachedPdf, findConversionForActor, presentConversion, requestPdfConversion } from './pdf-conversions.js';
import { AppError } from '../http/app-error.js';
import './kinds/index.js';

/** "ke-hoach-15-KH-UBND-2021" → ASCII for Content-Disposition. */
export function fileSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export const documentParams = z.object({
  kind: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/),
  /** "<subject id>.docx" or "<subject id>.pdf". */
  file: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.(docx|pdf)$/i, 'expected <id>.docx or <id>.pdf'),
});
/** `?inline=true` shows a PDF in the browser (preview) instead of downloading it. */
export const documentQuery = z.object({ inline: z.enum(['true', 'false']).optional() });

/** The one download route for every document kind and format. */
export async function documentRoutes(app: AppInstance, deps: AppDeps) {
  const { db } = deps.database;
  const files = deps.files ?? FileStorage.fromConfig(deps.config);
  const tags = ['documents'];
  const errors = { 400: problemSchema, 401: problemSchema, 404: problemSchema, 429: problemSchema, 503: problemSchema };

  app.post(
    '/api/documents/:kind/:id/conversions',
    {
      schema: {
        tags,
        summary: 'Ask for the PDF of a document: the cached one, the conversion under way, or a new one in the queue (one LibreOffice at a time per server; a few waiting per person)',
        params: z.object({ kind: documentParams.shape.kind, id: z.uuid() }),
        response: { 200: conversionSchema, 202: conversionSchema, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const row = await requestPdfConversion(deps, ctx, request.params.kind, request.params.id);
      return reply.status(row.status === 'done' ? 200 : 202).send(await presentConversion(db, row));
    },
  );

  app.get(
    '/api/document-conversions/:id',
    { schema: { tags, summary: 'A PDF conversion the caller asked for: status, place in the queue, the PDF once done', params: idParams, response: { 200: conversionSchema, ...errors } } },
    async (request) => presentConversion(db, await findConversionForActor(db, contextOf(request), request.params.id)),
  );

  app.get(
    '/api/documents/:kind/:file',
    {
      schema: {
        tags,
        summary: 'A document of any kind as .docx or .pdf (Decree 30). Issued documents are served as frozen at issue; drafts render live and carry DỰ THẢO. A PDF is served from the conversion cache: one under way answers 202 with its conversion, none at all 409 PDF_NOT_REQUESTED (ask with POST …/conversions); a GET never starts one',
        params: documentParams,
        querystring: documentQuery,
        response: { 202: conversionSchema, 409: problemSchema, ...errors },
      },
    },
    async (request, typedReply) => {
      // The answer is bytes, not a schema-serialized body.
      const reply = typedReply as unknown as FastifyReply;
      const ctx = contextOf(request);
      const [subjectId, format] = request.params.file.toLowerCase().split('.') as [string, 'docx' | 'pdf'];
      reply.header('cache-control', 'private, no-store');
      if (format === 'docx') {
        const doc = await loadDocument(db, ctx, request.params.kind, subjectId);
        const { body, size } = await documentDocx(db, doc);
        if (size !== null) reply.header('content-length', String(size));
        return reply.type(DOCX_MEDIA_TYPE).header('content-disposition', `attachment; filename="${fileSlug(doc.fileName)}.docx"`).send(body);
      }
      // PDF: from the conversion cache only. A GET never queues a conversion (with SameSite=Lax
      // a cross-site link could): the one under way answers 202 to follow, and none at all is
      // 409 PDF_NOT_REQUESTED: ask with POST …/conversions (the web app always does so first).
      const { doc, pdf, pending } = await cachedPdf(db, ctx, request.params.kind, subjectId);
      if (!pdf) {
        if (pending) return reply.status(202).header('retry-after', '2').type('application/json').send(JSON.stringify(await presentConversion(db, pending)));
        assertPdfAvailable();
        throw new AppError('PDF_NOT_REQUESTED', `no PDF of this document yet: ask for one with POST /api/documents/${request.params.kind}/${subjectId}/conversions`);
      }
      const disposition = request.query.inline === 'true' ? 'inline' : 'attachment';
      return reply
        .type('application/pdf')
        .header('content-length', String(pdf.size))
        .header('content-disposition', `${disposition}; filename="${fileSlug(doc.fileName)}.pdf"`)
        .send(files.open(db, pdf));
    },
  );
}
