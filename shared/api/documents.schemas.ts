import { z } from 'zod';
import { isoDate } from './common.js';
import { documentTypeCodes } from '../domain/document-types.js';

/** The document register (sổ đăng ký văn bản đi) and the document endpoints. */

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
});
export const registerListResponse = z.object({ items: z.array(registerEntrySchema) });

/** Registers a document made outside the app (a notice typed by the clerk): it takes the next number. */
export const createRegisterEntryBody = z.object({
  agencyId: z.uuid(),
  typeCode: z.enum(documentTypeCodes),
  /** For a công văn: the drafting unit's abbreviation ("NV" in 12/UBND-NV). */
  draftingUnitAbbreviation: z.string().trim().max(20).optional(),
  summary: z.string().transform((s) => s.normalize('NFC').trim()).pipe(z.string().min(1).max(500)),
  issuedOn: isoDate,
  signerName: z.string().transform((s) => s.normalize('NFC').trim()).pipe(z.string().min(1).max(100)),
  signerPosition: z.string().transform((s) => s.normalize('NFC').trim()).pipe(z.string().min(1).max(100)),
});

export const pdfAvailabilitySchema = z.object({
  /** LibreOffice is installed on the server: the .pdf endpoints work. */
  available: z.boolean(),
});
