import { it } from 'vitest';

/** The suite runs against the PostgreSQL server (DATABASE_URL), not PGlite. */
export const onPostgresServer = Boolean(process.env.DATABASE_URL);

export const POSTGRES_ONLY_REASON =
  'PostgreSQL only: PGlite has one connection and runs one transaction at a time, so concurrent transactions never interleave there (run with DATABASE_URL)';

/**
 * A test of concurrent transactions (a race for a number, a lock, a unique key): only the
 * PostgreSQL server interleaves them, so on PGlite it would pass without testing anything. It
 * runs in the PostgreSQL tier (CI runs it) and is reported as skipped on PGlite, with the reason
 * in its name.
 */
export function itOnPostgres(name: string, fn: () => Promise<void>, timeout?: number): void {
  it.skipIf(!onPostgresServer)(onPostgresServer ? name : `${name} [skipped: ${POSTGRES_ONLY_REASON}]`, fn, timeout);
}
