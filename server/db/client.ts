import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql, type SQL } from 'drizzle-orm';
import { DEFAULT_PGLITE_SHARED_BUFFERS_MB } from '../config.js';
import pg from 'pg';
import * as schema from './schema/index.js';
import { acquireDirectoryLock, type DirectoryLock } from './lock.js';
import { countQuery } from './request-costs.js';

export type Schema = typeof schema;
/** The drizzle database, whichever engine is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle: use cases take one and pass it down (conventions.md §7). */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  kind: DatabaseKind;
  db: Db;
  /** Applies pending migrations; returns the tag of the newest applied one. */
  migrate(): Promise<string>;
  migrationVersion(): Promise<string>;
  close(): Promise<void>;
  /** The embedded engine, when there is one (tests clone it). */
  lite?: PGlite;
  /**
   * Raw SQL outside any transaction, for the job queue (pg-boss): parameterless text may hold
   * several statements (its schema migrations), so it runs through the simple protocol.
   */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  /**
   * Calls `onNotify` with the payload of every NOTIFY on `channel` (delivered at commit);
   * resolves to a function that stops listening.
   */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  /** The connection pool of the PostgreSQL server (benchmarks query it directly). */
  pool?: pg.Pool;
  /** Connection-pool figures (PostgreSQL); the embedded engine has one connection. */
  poolStats?(): { total: number; idle: number; waiting: number };
}

/**
 * Runs raw SQL and returns its rows. Both drivers answer with `{ rows }`; drizzle types the
 * generic database's result as unknown, so the cast lives here once.
 */
export async function queryRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
export const pgliteExtensions = { pg_trgm, unaccent };

type Journal = { entries: { idx: number; tag: string }[] };
let journal: Journal | null = null;
function readJournal(): Journal {
  journal ??= JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as Journal;
  return journal;
}

async function appliedMigrationTag(db: Db): Promise<string> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
  const n = Number(row?.n ?? 0);
  return n === 0 ? 'none' : (readJournal().entries[n - 1]?.tag ?? `unknown-${n}`);
}

/**
 * Sees every statement the app sends (benchmarks replay them as the raw-SQL floor; the EXPLAIN
 * test reads their plans). Not for production use: it is called on the hot path.
 */
export type QueryObserver = (query: string, params: unknown[]) => void;

const loggerOf = (onQuery?: QueryObserver) => (onQuery ? { logQuery: onQuery } : undefined);

/** Opens PGlite over an existing instance (tests pass a clone of a migrated template). */
export function wrapPglite(lite: PGlite, onClose?: () => void, onQuery?: QueryObserver): Database {
  const db = drizzlePglite(lite, { schema, casing: 'snake_case', logger: loggerOf(onQuery) }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    lite,
    async migrate() {
      await migratePglite(db as never, { migrationsFolder });
      return appliedMigrationTag(db);
    },
    migrationVersion: () => appliedMigrationTag(db),
    async close() {
      await lite.close();
      onClose?.();
    },
    async executeSql(text, values) {
      if (!values?.length) {
        const results = await lite.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      }
      return lite.query(text, values as never[]);
    },
    async listen(channel, onNotify) {
      const unlisten = await lite.listen(channel, onNotify);
      return async () => {
        if (!lite.closed) await unlisten();
      };
    },
  };
}

/**
 * Opens the embedded PostgreSQL stored under dataDir. PGlite has no lock between processes, so a
 * second server on the same directory would silently lose writes: we take a lock file first and
 * refuse to start when another live process holds it.
 */
export async function openPglite(dataDir: string, onQuery?: QueryObserver, options: { sharedBuffersMb?: number } = {}): Promise<Database> {
  fs.mkdirSync(dataDir, { recursive: true });
  const lock: DirectoryLock = acquireDirectoryLock(dataDir);
  try {
    const lite = await PGlite.create(path.join(dataDir, 'pglite'), {
      extensions: pgliteExtensions,
      startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${options.sharedBuffersMb ?? DEFAULT_PGLITE_SHARED_BUFFERS_MB}MB`],
    });
    return wrapPglite(lite, () => lock.release(), onQuery);
  } catch (err) {
    lock.release();
    throw err;
  }
}

/** An arbitrary constant naming this application's migration lock. */
const MIGRATION_LOCK_KEY = 7_261_330_541;

export function openPostgres(url: string, max = 10, onQuery?: QueryObserver): Database {
  // Sessions in UTC: timestamptz values travel as instants, dates as 'YYYY-MM-DD' strings, and
  // nothing depends on the server's own time zone.
  const pool = new pg.Pool({ connectionString: url, max, options: '-c TimeZone=UTC' });
  countStatements(pool);
  const db = drizzlePg(pool, { schema, casing: 'snake_case', logger: loggerOf(onQuery) }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    pool,
    async migrate() {
      // Several app servers may start at once: an advisory lock lets one migrate at a time
      // (the others then find nothing pending).
      const lockClient = await pool.connect();
      try {
        await lockClient.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        await migratePg(db as never, { migrationsFolder });
      } finally {
        await lockClient.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
        lockClient.release();
      }
      return appliedMigrationTag(db);
    },
    migrationVersion: () => appliedMigrationTag(db),
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    async close() {
      await pool.end();
    },
    async executeSql(text, values) {
      return pool.query(text, values);
    },
    async listen(channel, onNotify) {
      // LISTEN holds its connection for as long as it listens: a client of its own, not the pool's.
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      client.on('notification', (message) => {
        if (message.channel === channel) onNotify(message.payload ?? '');
      });
      client.on('error', () => undefined);
      await client.query(`listen "${channel.replace(/"/g, '""')}"`);
      return async () => {
        await client.end().catch(() => undefined);
      };
    },
  };
}

/**
 * Counts each statement in the request that sends it (request-costs.ts; load runs only): a
 * query on the pool, and every query on a client checked out for a transaction (drizzle's
 * `await pool.connect()`), so BEGIN and COMMIT count too. pg-pool's own query() checks a client
 * out with a callback: not counted twice.
 */
function countStatements(pool: pg.Pool) {
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  pool.query = ((...args: unknown[]) => {
    countQuery();
    return query(...args);
  }) as typeof pool.query;
  const connect = pool.connect.bind(pool) as (...args: unknown[]) => unknown;
  const counted = new WeakSet<pg.PoolClient>();
  pool.connect = ((...args: unknown[]) => {
    if (args.length) return connect(...args);
    return (connect() as Promise<pg.PoolClient>).then((client) => {
      if (!counted.has(client)) {
        counted.add(client);
        const clientQuery = client.query.bind(client) as (...a: unknown[]) => unknown;
        // Only while checked out by pool.connect() with no callback: the wrapper is the
        // client's own method from then on, but pg-pool's query() calls it too — by then
        // `checkedOut` is false.
        client.query = ((...a: unknown[]) => {
          if (checkedOut.has(client)) countQuery();
          return clientQuery(...a);
        }) as typeof client.query;
      }
      checkedOut.add(client);
      const release = client.release;
      client.release = ((err?: Error | boolean) => {
        checkedOut.delete(client);
        client.release = release;
        return release.call(client, err);
      }) as typeof client.release;
      return client;
    });
  }) as typeof pool.connect;
  const checkedOut = new WeakSet<pg.PoolClient>();
}

export async function openDatabase(
  config: { kind: 'pglite'; dataDir: string; sharedBuffersMb?: number } | { kind: 'postgres'; url: string },
): Promise<Database> {
  return config.kind === 'pglite' ? openPglite(config.dataDir, undefined, { sharedBuffersMb: config.sharedBuffersMb }) : openPostgres(config.url);
}
