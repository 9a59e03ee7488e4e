import { AppError } from '../http/app-error.js';

/**
 * Keyset pages (agencies, units, users): the cursor is the sort values of a page's last row, its
 * id last, encoded so that clients treat it as opaque; a cursor the list did not give is a 400.
 */

/** An opaque keyset cursor: the sort values of the last row of a page, the row's id last. */
export function encodeCursor(values: string[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/**
 * The values of a cursor this list gave, or a 400 on `query.after` for anything else. The values
 * go into SQL as text parameters, so a value PostgreSQL cannot store (NUL) is refused here too,
 * with the field named, instead of by the database.
 */
export function decodeCursor(cursor: string, length: number): string[] {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(key) &&
      key.length === length &&
      key.every((k) => typeof k === 'string' && !k.includes('\u0000')) &&
      /^[0-9a-f-]{36}$/i.test(key[length - 1] as string)
    ) {
      return key as string[];
    }
  } catch {
    // falls through to the field error
  }
  throw AppError.invalid('query.after', 'malformed', 'the cursor is not one this list gave');
}
