import { z } from 'zod';

/** A calendar date without time, as 'YYYY-MM-DD'; checked to be a real day. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number);
    const dt = new Date(Date.UTC(y, m - 1, d));
    return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
  }, 'not a real calendar date');

export const uuid = z.uuid();
export const idParams = z.object({ id: uuid });
/** Optimistic concurrency: every update names the version it was made from. */
export const version = z.number().int().min(1);

/** Query-string boolean: "true"/"false"/"1"/"0". */
export const queryBool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

/** PostgreSQL text cannot hold NUL; refusing it here names the field instead of failing in SQL. */
const noNul = (s: string) => !s.includes('\u0000');
/** Any free text a client sends: no NUL character. */
export const plainString = (max: number) => z.string().max(max).refine(noNul, 'must not contain a NUL character');

/**
 * Text that can be printed in a .docx and stored in PostgreSQL: no control characters other than
 * tab and line breaks (XML 1.0 forbids them, Word refuses the file; PostgreSQL refuses NUL) and no
 * unpaired surrogate halves. Refused with the field named rather than silently dropped.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const unprintable = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|\p{Cs}/u;
export const isPrintable = (s: string): boolean => !unprintable.test(s);
/** One line of text (a name, an address): no line breaks or tabs either. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const unprintableLine = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufffe\uffff]|\p{Cs}/u;
export const isPrintableLine = (s: string): boolean => !unprintableLine.test(s);
export const printableMessage = 'must not contain control characters';
/** The field-level code of a refused control character (shared/api/field-issues.ts). */
export const controlCharactersIssue = { message: printableMessage, params: { code: 'control_characters' } } as const;

/** NFC-normalised, trimmed text checked by `printable` (refused with control_characters). */
const cleaned = (max: number, printable: (s: string) => boolean) =>
  z
    .string()
    .max(max * 2)
    .refine(printable, controlCharactersIssue)
    .transform((s) => s.normalize('NFC').trim());
const orNull = (schema: z.ZodType<string, string>) =>
  schema
    .nullish()
    .transform((s) => (s ? s : null));

/**
 * A one-line name or value: trimmed, NFC-normalised (Vietnamese typed on different keyboards
 * compares equal), printable. Registry text ends up in document headers ("THỊ XÃ HOÀI NHƠN"), so
 * a control character is refused here rather than silently dropped from a .docx later.
 */
export const text = (max: number) => cleaned(max, isPrintableLine).pipe(z.string().min(1).max(max));
export const optionalText = (max: number) => orNull(cleaned(max, isPrintableLine).pipe(z.string().max(max)));

/** What the caller may do with a single record, so the UI never guesses. */
export const abilitiesSchema = z.object({
  update: z.boolean(),
  deactivate: z.boolean(),
});
export type Abilities = z.infer<typeof abilitiesSchema>;
