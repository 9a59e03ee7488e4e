import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { convertDocxToPdf, PdfConversionError } from '../../documents/pdf.js';
import { AppError } from '../../http/app-error.js';

export type DocumentFormat = 'docx' | 'pdf';

/** `?inline=true` shows a PDF in the browser (preview) instead of downloading it. */
export const documentQuery = z.object({ inline: z.enum(['true', 'false']).optional() });

const MIME: Record<DocumentFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/** ASCII file name for Content-Disposition: "ke-hoach-15-KH-UBND-2021". */
export function fileSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * Sends a built .docx, or its PDF. Without LibreOffice the PDF answers 503 PDF_UNAVAILABLE, a
 * code the UI shows as "PDF needs LibreOffice on the server; download the .docx".
 */
export async function sendDocument(reply: FastifyReply, docx: Buffer, baseName: string, format: DocumentFormat, inline = false) {
  let bytes: Buffer = docx;
  if (format === 'pdf') {
    try {
      bytes = await convertDocxToPdf(docx);
    } catch (err) {
      if (err instanceof PdfConversionError && err.code === 'LIBREOFFICE_UNAVAILABLE') {
        throw new AppError('PDF_UNAVAILABLE', 'LibreOffice is not installed on the server; download the .docx instead');
      }
      throw err;
    }
  }
  const disposition = format === 'pdf' && inline ? 'inline' : 'attachment';
  return reply
    .type(MIME[format])
    .header('content-disposition', `${disposition}; filename="${fileSlug(baseName)}.${format}"`)
    .header('cache-control', 'no-store')
    .send(bytes);
}
