import fs from 'node:fs';
import crypto from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import type { LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { pino } from 'pino';
import { loadConfig, type Config } from '../config.js';
import { buildApp, type AppDeps, type AppInstance } from '../app.js';
import type { Clock } from '../clock.js';
import { openPostgres, pgliteExtensions, wrapPglite, type Database } from '../db/client.js';
import type { AnyJobDefinition } from '../jobs/define.js';
import { drainJobs, type DrainedJob, type DrainOptions } from '../jobs/drain.js';
import { jobRegistry } from '../jobs/registry.js';
import { createJobRuntime, type JobRuntime } from '../jobs/runtime.js';
import { TEMPLATE_PATH, TEST_JOB_SCHEMA_PREFIX } from './global-setup.js';

/**
 * A real database for one test file: a clone of the migrated PGlite template, or the
 * PostgreSQL server when DATABASE_URL is set.
 */
export async function openTestDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (url) return openPostgres(url, 4);
  return wrapPglite(await startPgliteFromTemplate());
}

/**
 * A PGlite started from the migrated template (or another dump of a data directory: the browser
 * journeys' seeded one). Its start (postgres in single-user mode, inside
 * WebAssembly) has failed now and then with "PGlite failed to initialize properly" on a 2-core
 * machine saturated by a benchmark beside the tests — once in 80-odd test files, in a different
 * file each time, never on a quiet machine. The same bytes start on the next try, so a failed
 * start is tried again, twice at most; any other error, or a third failure, fails the test.
 */
export async function startPgliteFromTemplate(templatePath = TEMPLATE_PATH): Promise<PGlite> {
  const bytes = fs.readFileSync(templatePath);
  for (let attempt = 1; ; attempt++) {
    try {
      return await PGlite.create({ loadDataDir: new Blob([bytes]), extensions: pgliteExtensions });
    } catch (err) {
      if (attempt >= 3 || !(err instanceof Error) || !err.message.includes('failed to initialize')) throw err;
    }
  }
}

/**
 * A database no other test file writes to: a fresh clone of the migrated PGlite template, or,
 * when DATABASE_URL is set, a fresh database created on that server and migrated (test files
 * share the server's test database and run two at a time, so a test that compares whole-database
 * counts, or needs it empty, takes one of its own).
 */
export async function openPrivateDatabase(): Promise<{ database: Database; dispose(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const database = await openTestDatabase();
    return { database, dispose: () => database.close() };
  }
  const target = new URL(url);
  const name = `${target.pathname.slice(1)}_own_${uniq()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  target.pathname = `/${name}`;
  const database = openPostgres(target.toString(), 4);
  await database.migrate();
  return {
    database,
    async dispose() {
      await database.close();
      await dropDatabase(admin, name);
      await admin.end();
    },
  };
}

/**
 * Drops a database once this process's pools have left it. A pool's sockets close a moment after
 * close() resolves; dropping with (force) then would kill one mid-goodbye (an uncaught 57P01 in
 * the test run). Connections that stay (a killed earlier run's) are forced out after a while.
 */
export async function dropDatabase(admin: pg.Client, name: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const { rows } = await admin.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
    if (rows[0].n === 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await admin.query(`drop database if exists "${name}" with (force)`);
}

export interface TestApp {
  app: AppInstance;
  database: Database;
  deps: AppDeps;
  /** The job queue, without workers: run it with `drain`. */
  jobs: JobRuntime;
  /** Runs every due job until the queue is empty (no timers, no sleeping); see drainJobs. */
  drain(options?: DrainOptions): Promise<DrainedJob[]>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Extra environment for loadConfig (SMTP_URL, MAIL_FROM…). */
  env?: Record<string, string>;
  clock?: Clock;
  /** Jobs beside the registry's (a test's own failing job). */
  extraJobs?: AnyJobDefinition[];
  /** A file store other than the configured one (a directory backend). */
  files?: AppDeps['files'];
  /** Settings over the test defaults (trustProxy, …). */
  config?: Partial<Config>;
  /** A database of the test's own (openPrivateDatabase) instead of the shared one. */
  privateDatabase?: boolean;
}

const silent = pino({ level: 'silent' });

/**
 * The app on a real database with its job queue installed. On the shared PostgreSQL server each
 * test file gets a queue schema of its own, so draining one file's jobs never runs another's.
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const own = options.privateDatabase ? await openPrivateDatabase() : null;
  const database = own?.database ?? (await openTestDatabase());
  const config = { ...loadConfig({ NODE_ENV: 'test', PAR_DATA_DIR: 'tmp/unused', ...options.env }), webDistDir: '/nonexistent', ...options.config };
  const deps: AppDeps = { config, database, version: 'test', logger: process.env.TEST_LOG ? { level: 'error' } : false, clock: options.clock, files: options.files };
  const schema = database.kind === 'postgres' ? (fileJobSchema ??= `${TEST_JOB_SCHEMA_PREFIX}${uniq()}`) : undefined;
  const log = process.env.TEST_LOG ? pino({ level: 'error' }) : silent;
  deps.jobs = createJobRuntime(deps, { definitions: [...jobRegistry, ...(options.extraJobs ?? [])], mode: 'client', log, schema });
  await deps.jobs.install();
  const jobs = deps.jobs;
  const app = await buildApp(deps);
  return {
    app,
    database,
    deps,
    jobs,
    drain: (drainOptions) => drainJobs(jobs, drainOptions),
    async close() {
      await app.close();
      await jobs.stop();
      await (own ? own.dispose() : database.close());
    },
  };
}

/** One queue schema per test file (module state is per file in vitest). */
let fileJobSchema: string | undefined;

/** A short unique suffix so each test's records never collide on a shared server database. */
export const uniq = () => crypto.randomBytes(4).toString('hex');

/** A signed-in client: carries the session cookie and the CSRF token. */
export interface Client {
  username: string;
  userId: string;
  /** The session cookie's value and the session's CSRF token (to send a request without one). */
  sessionCookie: string;
  csrfToken: string;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
  request(opts: { method: string; url: string; payload?: unknown; headers?: Record<string, string> }): Promise<LightMyRequestResponse>;
}

export async function signIn(app: AppInstance, username: string, password: string): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'par_session')!;
  const session = res.json() as { csrfToken: string; user: { id: string } };
  const request = (opts: { method: string; url: string; payload?: unknown; headers?: Record<string, string> }) =>
    app.inject({
      method: opts.method as 'GET',
      url: opts.url,
      payload: opts.payload as string,
      cookies: { par_session: cookie.value },
      headers: { 'x-csrf-token': session.csrfToken, ...opts.headers },
    });
  return {
    username,
    userId: session.user.id,
    sessionCookie: cookie.value,
    csrfToken: session.csrfToken,
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, payload) => request({ method: 'POST', url, payload: payload ?? {} }),
    patch: (url, payload) => request({ method: 'PATCH', url, payload }),
    put: (url, payload) => request({ method: 'PUT', url, payload }),
    delete: (url) => request({ method: 'DELETE', url }),
  };
}
