import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pgliteExtensions } from './client.js';

/**
 * Backups of the embedded database (docs/decisions/embedded-backup.md). PGlite runs inside the
 * server process and has no second connection, so a copy of a running server's database is made
 * by the server itself: it listens on a Unix socket in its data directory (only the account that
 * owns the directory may connect: the same people who could copy the directory) and answers
 * `GET /backup` with a dump of its data directory. With the server stopped, `npm run backup`
 * opens the directory itself. PostgreSQL deployments use pg_dump/pg_restore (README).
 */

export const BACKUP_SOCKET = 'backup.sock';
export const backupSocketPath = (dataDir: string) => path.join(path.resolve(dataDir), BACKUP_SOCKET);

/**
 * A consistent copy of a PGlite database while it keeps serving: a checkpoint first (the copy
 * then needs little recovery), then the data directory dumped while the instance's transaction
 * lock is held, so no transaction is half-way through its statements. Writes wait for the dump
 * (a few hundred milliseconds for a town's database).
 */
export async function dumpConsistent(lite: PGlite): Promise<Blob> {
  await lite.exec('checkpoint');
  let dump: Blob | undefined;
  await lite.transaction(async () => {
    dump = await lite.dumpDataDir('gzip');
  });
  return dump!;
}

/** Serves `GET /backup` on the data directory's socket; returns a function that stops it. */
export async function serveBackups(lite: PGlite, dataDir: string, log: (msg: string) => void): Promise<() => Promise<void>> {
  const socket = backupSocketPath(dataDir);
  // We hold the directory's lock: a socket file left here is a dead server's.
  fs.rmSync(socket, { force: true });
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' || req.url !== '/backup') {
      res.writeHead(404).end();
      return;
    }
    const started = Date.now();
    dumpConsistent(lite)
      .then(async (blob) => {
        const bytes = Buffer.from(await blob.arrayBuffer());
        res.writeHead(200, { 'content-type': 'application/gzip', 'content-length': String(bytes.length) }).end(bytes);
        log(`backup: ${bytes.length} bytes in ${Date.now() - started} ms`);
      })
      .catch((err: Error) => {
        res.writeHead(500, { 'content-type': 'text/plain' }).end(err.message);
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socket, () => resolve());
  });
  fs.chmodSync(socket, 0o600);
  return () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      fs.rmSync(socket, { force: true });
    });
}

/** Asks the running server for a backup over its socket; null when no server listens there. */
export function requestBackup(dataDir: string, out: fs.WriteStream): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const req = http.get({ socketPath: backupSocketPath(dataDir), path: '/backup' }, (res) => {
      if (res.statusCode !== 200) {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => reject(new Error(`the server refused the backup: ${res.statusCode} ${body}`)));
        return;
      }
      let size = 0;
      res.on('data', (c: Buffer) => (size += c.length));
      res.pipe(out);
      out.once('finish', () => resolve(size));
      res.once('error', reject);
    });
    req.once('error', (err: NodeJS.ErrnoException) => (err.code === 'ENOENT' || err.code === 'ECONNREFUSED' ? resolve(null) : reject(err)));
  });
}

/** The file given to restore is not a backup made by `npm run backup` (the message says why). */
export class NotABackupError extends Error {
  constructor(reason: string) {
    super(`this is not a backup made by npm run backup: ${reason}`);
    this.name = 'NotABackupError';
  }
}

/**
 * Writes a dump into an empty directory as a PGlite data directory, and checks that it opens and
 * holds this application's database. A file that is not such a dump (not gzip, a tar of other
 * files, another program's database) throws NotABackupError; what it wrote is left for the caller
 * to remove.
 */
export async function restoreInto(dir: string, dump: Blob): Promise<{ tables: number }> {
  let lite: PGlite;
  try {
    lite = await PGlite.create(dir, { loadDataDir: dump, extensions: pgliteExtensions });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // zlib's "incorrect header check" and PGlite's "failed to initialize" say little to an operator.
    const reason = /header check|Z_DATA_ERROR|unexpected end|invalid/i.test(message)
      ? `it is not a gzip-compressed archive (${message})`
      : /failed to initialize/i.test(message)
        ? `the archive holds no database PAR Inspect can open (${message})`
        : message;
    throw new NotABackupError(reason);
  }
  try {
    const { rows } = await lite.query<{ migrated: boolean; n: number }>(
      `select to_regclass('drizzle.__drizzle_migrations') is not null as migrated,
              (select count(*)::int from pg_tables where schemaname = 'public') as n`,
    );
    if (!rows[0].migrated) throw new NotABackupError('the archive holds a database, but not PAR Inspect’s (no migrations applied)');
    return { tables: rows[0].n };
  } finally {
    await lite.close();
  }
}
