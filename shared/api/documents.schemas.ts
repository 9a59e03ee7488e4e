import { z } from 'zod';
import { controlCharactersIssue, isoDate, isPrintable } from './common.js';
import { documentTypeCodes } from '../domain/document-types.js';

/** The document register (sổ đăng ký văn bản đi) and the document endpoints. */

export { isPrintable, printableMessage } from './common.js';

/** NFC-normalised, trimmed, printable text of `min`..`max` characters (request schemas). */
export const documentText = (max: number, min = 1) =>
  z
    .string()
    .refine(isPrintable, controlCharactersIssue)
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().min(min).max(max));

export const documentTypeSchema = z.object({ code: z.enum(documentTypeCodes), name: z.string(), abbreviation: z.string().nullable() });
export const documentTypeListResponse = z.object({ items: z.array(documentTypeSchema) });

export const registerEntrySchema = z.object({
  id: z.uuid(),
  agencyId: z.uuid(),
  agencyName: z.string(),
  year: z.number().int(),
  number: z.number().int(),
  typeCode: z.enum(documentTypeCodes),
  /** "KH-UBND". */
  symbol: z.string(),
  /** "15/KH-UBND". */
  documentNumber: z.string(),
  summary: z.string(),
  issuedOn: z.string(),
  signerName: z.string(),
  signerPosition: z.string(),
  /** What the entry was issued for: 'plan', 'team', or null for a document kept only in the register. */
  subjectType: z.string().nullable(),
  subjectId: z.uuid().nullable(),
  createdAt: z.string(),
});
export type RegisterEntry = z.infer<typeof registerEntrySchema>;

export const listRegisterQuery = z.object({
  agencyId: z.uuid(),
  year: z.coerce.number().int().min(2000).max(2100),
  /**
   * 'true': only the latest dated entry (the highest number of that date), or none — the date a new
   * document of the register may not precede (numbers follow dates), shown beside an issue date.
   */
  latest: z.enum(['true', 'false']).optional(),
});
export const registerListResponse = z.object({ items: z.array(registerEntrySchema) });

/** Registers a document made outside the app (a notice typed by the clerk): it takes the next number. */
export const createRegisterEntryBody = z.object({
  agencyId: z.uuid(),
  typeCode: z.enum(documentTypeCodes),
  /** For a công văn: the drafting unit's abbreviation ("NV" in 12/UBND-NV). */
  draftingUnitAbbreviation: z
    .string()
    .trim()
    .max(20)
    .regex(/^[\p{L}\p{N}]*$/u, 'letters and digits only (it becomes part of the symbol)')
    .transform((s) => s.normalize('NFC'))
    .optional(),
  summary: documentText(500),
  issuedOn: isoDate,
  signerName: documentText(100),
  signerPosition: documentText(100),
});

export const pdfAvailabilitySchema = z.object({
  /** LibreOffice is installed on the server: the .pdf endpoints work. */
  available: z.boolean(),
});

export const conversionStatuses = ['queued', 'running', 'done', 'failed'] as const;

/** A PDF conversion: queued behind others, running, done (download it), or failed. */
export const conversionSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  subjectId: z.uuid(),
  status: z.enum(conversionStatuses),
  /** Conversions ahead of this one in the queue (0: next), while queued. */
  position: z.number().int().nullable(),
  /** The PDF, once done ("/api/documents/plan/<id>.pdf"); add ?inline=true for a preview. */
  url: z.string().nullable(),
  /** Why it failed: PDF_UNAVAILABLE, CONVERSION_FAILED, CONVERSION_TIMEOUT. */
  errorCode: z.string().nullable(),
});
export type Conversion = z.infer<typeof conversionSchema>;
