import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { problemSchema } from '../../shared/api/errors.js';
import type { AppDeps, AppInstance } from '../app.js';
import { contextOf } from '../http/actor.js';
import { AppError } from '../http/app-error.js';
import { documentDocx, frozenDocxBytes, loadDocument, renderDraft } from './document-pipeline.js';
import { DOCX_MEDIA_TYPE } from './issued-documents.js';
import { convertDocxToPdf, PdfConversionError } from './pdf.js';
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

  app.get(
    '/api/documents/:kind/:file',
    {
      schema: {
        tags: ['documents'],
        summary: 'A document of any kind as .docx or .pdf (Decree 30). Issued documents are served as frozen at issue; drafts render live and carry DỰ THẢO',
        params: documentParams,
        querystring: documentQuery,
        response: { 400: problemSchema, 404: problemSchema, 503: problemSchema },
      },
    },
    async (request, typedReply) => {
      // The answer is bytes, not a schema-serialized body.
      const reply = typedReply as unknown as FastifyReply;
      const ctx = contextOf(request);
      const [subjectId, format] = request.params.file.toLowerCase().split('.') as [string, 'docx' | 'pdf'];
      const doc = await loadDocument(db, ctx, request.params.kind, subjectId);
      reply.header('cache-control', 'private, no-store');
      if (format === 'docx') {
        const { body, size } = await documentDocx(db, doc);
        if (size !== null) reply.header('content-length', String(size));
        return reply.type(DOCX_MEDIA_TYPE).header('content-disposition', `attachment; filename="${fileSlug(doc.fileName)}.docx"`).send(body);
      }
      const docx = doc.state === 'issued' ? await frozenDocxBytes(db, doc.frozen) : await renderDraft(db, doc.model);
      let pdf: Buffer;
      try {
        pdf = await convertDocxToPdf(docx);
      } catch (err) {
        if (err instanceof PdfConversionError && err.code === 'LIBREOFFICE_UNAVAILABLE') {
          throw new AppError('PDF_UNAVAILABLE', 'LibreOffice is not installed on the server; download the .docx instead');
        }
        throw err;
      }
      const disposition = request.query.inline === 'true' ? 'inline' : 'attachment';
      return reply.type('application/pdf').header('content-disposition', `${disposition}; filename="${fileSlug(doc.fileName)}.pdf"`).send(pdf);
    },
  );
}
