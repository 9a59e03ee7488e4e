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

/** Trimmed, NFC-normalised text: Vietnamese typed on different keyboards compares equal. */
export const text = (max: number) =>
  plainString(max * 2)
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().min(1).max(max));
export const optionalText = (max: number) =>
  plainString(max * 2)
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().max(max))
    .nullish()
    .transform((s) => (s ? s : null));

/** What the caller may do with a single record, so the UI never guesses. */
export const abilitiesSchema = z.object({
  update: z.boolean(),
  deactivate: z.boolean(),
});
export type Abilities = z.infer<typeof abilitiesSchema>;
