import { z } from 'zod';

/** Files attached to records (server/files): upload, list, download, remove. */

/** The record a file belongs to and what it is for; the upload names it in the query string. */
export const recordRefQuery = z.object({
  ownerType: z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/, 'a record type such as plan or team'),
  ownerId: z.uuid(),
});
export const uploadFileQuery = recordRefQuery.extend({
  purpose: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'a purpose such as signed_scan'),
});
export const listFilesQuery = recordRefQuery.extend({ purpose: uploadFileQuery.shape.purpose.optional() });

/** Stable codes of a refused upload (invalidParams[].code on `file`), each with a UI message. */
export const fileRuleCodes = ['file_empty', 'file_too_large', 'file_type_not_allowed', 'extension_mismatch', 'ooxml_incomplete'] as const;

export const attachmentSchema = z.object({
  id: z.uuid(),
  ownerType: z.string(),
  ownerId: z.uuid(),
  purpose: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  /** SHA-256 of the content, hex: the same bytes uploaded twice are stored once. */
  sha256: z.string(),
  createdAt: z.string(),
  /** Where to download it (authorized through the record on every request). */
  url: z.string(),
  /** The caller may remove it. */
  removable: z.boolean(),
});
export type Attachment = z.infer<typeof attachmentSchema>;
/** Kinds of file the server recognises by content (server/files/content-rules.ts). */
export const fileKindCodes = ['pdf', 'docx', 'xlsx', 'jpeg', 'png', 'heic'] as const;
export type FileKindCode = (typeof fileKindCodes)[number];

/** What a purpose accepts, so a form can say so before and after a refusal. */
export const fileRulesSchema = z.object({
  /** Kinds accepted, decided on the content. */
  kinds: z.array(z.enum(fileKindCodes)),
  /** Largest file, in bytes (PAR_MAX_FILE_MB). */
  maxBytes: z.number().int(),
  /** Most files of the purpose on one record, or null when unlimited. */
  maxFiles: z.number().int().nullable(),
});
export type FileRules = z.infer<typeof fileRulesSchema>;

export const attachmentListResponse = z.object({
  items: z.array(attachmentSchema),
  /** The caller may attach files for the purpose asked (false when no purpose was named). */
  canAttach: z.boolean(),
  /** The rules of the purpose asked (null when no known purpose was named). */
  rules: fileRulesSchema.nullable(),
});
