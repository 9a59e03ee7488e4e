import { z } from 'zod';
import { MAX_YEAR, MIN_YEAR } from '../domain/calendar/dates.js';

/**
 * A calendar date without time, as 'YYYY-MM-DD', checked to be a real day in a year from
 * `minYear` to `maxYear` (within the years the working calendar knows, shared/domain/calendar:
 * 1900–2199; year 0001 is a typo, not a date). One range check per field: a schema that wants a
 * narrower range asks for it here rather than adding a second refinement (which gave two errors
 * for "0000-01-01", issue 8 review).
 */
export const isoDateBetween = (minYear = MIN_YEAR, maxYear = MAX_YEAR) =>
  z
    .string()
    // Aborting: a value not shaped as a date gets that one error, not the checks after it too.
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected YYYY-MM-DD', abort: true })
    .refine((s) => {
      const [y, m, d] = s.split('-').map(Number);
      // Checked in a year with the same leap pattern (Date.UTC reads years 0–99 as 1900–1999).
      const dt = new Date(Date.UTC(2000 + (y % 400), m - 1, d));
      return dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
    }, { message: 'not a real calendar date', params: { code: 'invalid_date' } })
    .refine((s) => {
      const y = Number(s.slice(0, 4));
      return y >= minYear && y <= maxYear;
    }, { message: `a year from ${minYear} to ${maxYear}`, params: { code: 'out_of_range' } });

/** A calendar date in the years the working calendar knows. */
export const isoDate = isoDateBetween();

/** The largest value of a PostgreSQL integer (int4) column. */
export const INT4_MAX = 2_147_483_647;

export const uuid = z.uuid();
export const idParams = z.object({ id: uuid });
/**
 * An integer a request may carry. Every integer column is int4, so the schema stops what the
 * column cannot hold (a larger number would otherwise fail in SQL as a 500). Every request
 * integer is built from this one helper; a test walks the OpenAPI document to keep it so.
 */
export const int4 = () => z.number().int().min(-INT4_MAX - 1).max(INT4_MAX);
/** int4 for query-string and path values, which arrive as text. */
export const queryInt4 = () => z.coerce.number().int().min(-INT4_MAX - 1).max(INT4_MAX);

/** Optimistic concurrency: every update names the version it was made from. */
export const version = int4().min(1);

/** Query-string boolean: "true"/"false"/"1"/"0". */
export const queryBool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

/** PostgreSQL text cannot hold NUL; refusing it here names the field instead of failing in SQL. */
const noNul = (s: string) => !s.includes('\u0000');
/** Half of a UTF-16 surrogate pair without the other half: not a character, cannot be stored as UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Any free text a client sends: no NUL character, no lone surrogate. */
export const plainString = (max: number) =>
  z
    .string()
    .max(max)
    .refine(noNul, 'must not contain a NUL character')
    .refine((s) => !LONE_SURROGATE.test(s), 'must be valid Unicode text');

/**
 * Text that can be printed in a .docx and stored in PostgreSQL: no control characters other than
 * tab and line breaks (XML 1.0 forbids them, Word refuses the file; PostgreSQL refuses NUL), no
 * unpaired surrogate halves, and no bidirectional overrides or isolates (U+202A–202E,
 * U+2066–2069: they reverse how the text after them reads, in documents and e-mail subjects) nor
 * a byte-order mark. Refused with the field named rather than silently dropped.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const unprintable = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]|\p{Cs}/u;
export const isPrintable = (s: string): boolean => !unprintable.test(s);
/**
 * One line of text (a name, an address): no line breaks or tabs either, and no invisible
 * characters (zero-width space, joiners, word joiner) that make two names look the same.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const unprintableLine = /[\u0000-\u001f\u007f-\u009f\u200b-\u200d\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff\ufffe\uffff]|\p{Cs}/u;
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
