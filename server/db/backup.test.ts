import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { pgliteExtensions } from './client.js';
import { restoreInto } from './backup.js';
import { dropDatabase, uniq } from '../test/harness.js';
import { httpSignIn, killServer, serverDatabase, startServer, stopServer, type ServerProcess } from '../test/server-process.js';

/**
 * Backup and restore (issue 12 §3): `npm run backup` copies the embedded database while the
 * server keeps serving (or with it stopped), `npm run restore` puts a copy in place (refused while
 * a server runs); the restored database holds exactly the same rows. On PostgreSQL, the
 * pg_dump/pg_restore commands of the README make the same round trip.
 */

const PASSWORD = 'backup-test-password';
const servers: ServerProcess[] = [];
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const s of servers) await killServer(s);
  for (const c of cleanups.reverse()) await c();
});

/** Runs a script of the package as `npm run …` would (tsx), with this environment. */
function runScript(script: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.once('exit', (code) => resolve({ code, out }));
  });
}

/** Every row of every table of the app (and the migrations applied), as one comparable value per table. */
const FINGERPRINT = `
  select format($f$select %L as t, count(*)::int as n, coalesce(md5(string_agg(x::text, '|' order by x::text)), '') as h from %I.%I x$f$, schemaname::text || '.' || tablename::text, schemaname, tablename) as q
    from pg_tables where schemaname in ('public', 'drizzle') order by 1`;
type Row = { t: string; n: number; h: string };

async function pgliteFingerprint(dir: string): Promise<Row[]> {
  const lite = await PGlite.create(dir, { extensions: pgliteExtensions });
  try {
    const queries = (await lite.query<{ q: string }>(FINGERPRINT)).rows;
    const rows: Row[] = [];
    for (const { q } of queries) rows.push(...(await lite.query<Row>(q)).rows);
    return rows;
  } finally {
    await lite.close();
  }
}

async function postgresFingerprint(url: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const queries = (await client.query<{ q: string }>(FINGERPRINT)).rows;
    const rows: Row[] = [];
    for (const { q } of queries) rows.push(...(await client.query<Row>(q)).rows);
    return rows;
  } finally {
    await client.end();
  }
}

describe.skipIf(!!process.env.DATABASE_URL)('backup and restore of the embedded database', () => {
  it('copies a running server’s database, restores it with the same rows, and refuses to restore under a running server', async () => {
    const db = await serverDatabase();
    cleanups.push(() => db.dispose());
    const env = { ...db.env, PAR_DEMO_PASSWORD: PASSWORD };
    const server = await startServer(env);
    servers.push(server);
    const admin = await httpSignIn(server.url, 'admin', PASSWORD);
    const root = ((await (await admin.get('/api/units')).json()) as { items: { id: string; parentId: string | null }[] }).items.find((u) => u.parentId === null)!;
    for (let i = 0; i < 5; i++) expect((await admin.send('POST', '/api/units', { name: `Khu sao lưu ${i}`, kind: 'ward', parentId: root.id })).status).toBe(201);

    // Online: the running server makes the copy and goes on serving.
    const file = path.join(db.dataDir!, '..', `backup-${uniq()}.tar.gz`);
    cleanups.push(() => fs.rmSync(file, { force: true }));
    const backup = await runScript('scripts/backup.ts', ['--out', file], env);
    expect(backup.code, backup.out).toBe(0);
    expect(backup.out).toMatch(/made by the running server/);
    expect((await admin.get('/api/units?q=sao%20luu')).status).toBe(200);
    expect((await stopServer(server)).code, server.output()).toBe(0);
    const original = await pgliteFingerprint(path.join(db.dataDir!, 'pglite'));
    expect(original.find((r) => r.t === 'public.unit')!.n).toBeGreaterThan(5);

    // Restore into another directory: the same rows in every table.
    const target = fs.mkdtempSync(path.resolve('tmp', 'restored-'));
    cleanups.push(() => fs.rmSync(target, { recursive: true, force: true }));
    const restore = await runScript('scripts/restore.ts', [file], { PAR_DATA_DIR: target });
    expect(restore.code, restore.out).toBe(0);
    expect(await pgliteFingerprint(path.join(target, 'pglite'))).toEqual(original);

    // Offline: with the server stopped, the backup opens the directory itself; same rows again.
    const offline = await runScript('scripts/backup.ts', ['--out', `${file}.offline`], env);
    cleanups.push(() => fs.rmSync(`${file}.offline`, { force: true }));
    expect(offline.code, offline.out).toBe(0);
    expect(offline.out).toMatch(/server stopped/);
    const third = fs.mkdtempSync(path.resolve('tmp', 'restored-'));
    cleanups.push(() => fs.rmSync(third, { recursive: true, force: true }));
    await restoreInto(path.join(third, 'pglite'), new Blob([fs.readFileSync(`${file}.offline`)]));
    expect(await pgliteFingerprint(path.join(third, 'pglite'))).toEqual(original);

    // A restore under a running server is refused, and leaves its database alone.
    const running = await startServer({ ...env, PAR_DATA_DIR: target });
    servers.push(running);
    const refused = await runScript('scripts/restore.ts', [file], { PAR_DATA_DIR: target });
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/Stop it first/);
    expect((await fetch(`${running.url}/api/health/ready`)).status).toBe(200);
    expect((await stopServer(running)).code).toBe(0);
  }, 600_000);
});

describe.skipIf(!!process.env.DATABASE_URL)('restore of a file that is not a backup', () => {
  it('says so in one line, without a stack trace, exits 1 and leaves the database in place', async () => {
    const dir = fs.mkdtempSync(path.resolve('tmp', 'not-a-backup-'));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const dataDir = path.join(dir, 'data');
    fs.mkdirSync(path.join(dataDir, 'pglite'), { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'pglite', 'PG_VERSION'), 'the database in place\n');

    // Not gzip at all; a .tar.gz of other files; a PGlite database that is not PAR Inspect's.
    fs.writeFileSync(path.join(dir, 'random.tar.gz'), Buffer.from('certainly not a gzip stream '.repeat(100)));
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'meeting notes\n');
    expect(spawnSync('tar', ['czf', 'files.tar.gz', 'notes.txt'], { cwd: dir }).status).toBe(0);
    const other = await PGlite.create({ extensions: pgliteExtensions });
    fs.writeFileSync(path.join(dir, 'other-database.tar.gz'), Buffer.from(await (await other.dumpDataDir('gzip')).arrayBuffer()));
    await other.close();

    for (const [file, reason] of [
      ['random.tar.gz', /not a gzip-compressed archive/],
      ['files.tar.gz', /holds no database PAR Inspect can open/],
      ['other-database.tar.gz', /not PAR Inspect’s/],
    ] as const) {
      const run = await runScript('scripts/restore.ts', [path.join(dir, file)], { PAR_DATA_DIR: dataDir });
      expect(run.code, run.out).toBe(1);
      expect(run.out).toMatch(/this is not a backup made by npm run backup: /);
      expect(run.out).toMatch(reason);
      expect(run.out, 'no stack trace').not.toMatch(/^\s+at /m);
      expect(fs.readdirSync(dataDir)).toEqual(['pglite']);
      expect(fs.readFileSync(path.join(dataDir, 'pglite', 'PG_VERSION'), 'utf8')).toBe('the database in place\n');
    }
  }, 120_000);
});

const hasPgDump = spawnSync('pg_dump', ['--version']).status === 0;
describe.skipIf(!process.env.DATABASE_URL || !hasPgDump)('backup and restore on PostgreSQL (pg_dump / pg_restore, as in README)', () => {
  it('restores a dump into an empty database with the same rows', async () => {
    const db = await serverDatabase();
    cleanups.push(() => db.dispose());
    const server = await startServer({ ...db.env, PAR_DEMO_PASSWORD: PASSWORD });
    servers.push(server);
    expect((await stopServer(server)).code, server.output()).toBe(0);
    const scripted = await runScript('scripts/backup.ts', [], db.env);
    expect(scripted.code).toBe(2);
    expect(scripted.out).toMatch(/pg_dump/);

    fs.mkdirSync(path.resolve('tmp'), { recursive: true });
    const file = path.resolve('tmp', `pg-${uniq()}.dump`);
    cleanups.push(() => fs.rmSync(file, { force: true }));
    const dump = spawnSync('pg_dump', ['--format=custom', `--file=${file}`, db.url!], { encoding: 'utf8' });
    expect(dump.status, dump.stderr).toBe(0);
    const target = new URL(db.url!);
    const name = `${target.pathname.slice(1)}_restored`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`create database "${name}"`);
    cleanups.push(async () => {
      await dropDatabase(admin, name);
      await admin.end();
    });
    target.pathname = `/${name}`;
    const restore = spawnSync('pg_restore', ['--no-owner', `--dbname=${target}`, file], { encoding: 'utf8' });
    expect(restore.status, restore.stderr).toBe(0);
    expect(await postgresFingerprint(target.toString())).toEqual(await postgresFingerprint(db.url!));
  }, 600_000);
});
