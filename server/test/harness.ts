import fs from 'node:fs';
import crypto from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import type { LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../config.js';
import { buildApp, type AppInstance } from '../app.js';
import { openPostgres, pgliteExtensions, wrapPglite, type Database } from '../db/client.js';
import { TEMPLATE_PATH } from './global-setup.js';

/**
 * A real database for one test file: a clone of the migrated PGlite template, or the
 * PostgreSQL server when DATABASE_URL is set.
 */
export async function openTestDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (url) return openPostgres(url, 4);
  const blob = new Blob([fs.readFileSync(TEMPLATE_PATH)]);
  const lite = await PGlite.create({ loadDataDir: blob, extensions: pgliteExtensions });
  return wrapPglite(lite);
}

export interface TestApp {
  app: AppInstance;
  database: Database;
  close(): Promise<void>;
}

/** An app on its own test database; `config` overrides settings (trustProxy, …). */
export async function createTestApp(options: { config?: Partial<Config> } = {}): Promise<TestApp> {
  const database = await openTestDatabase();
  const config = { ...loadConfig({ NODE_ENV: 'test', PAR_DATA_DIR: 'tmp/unused' }), webDistDir: '/nonexistent', ...options.config };
  const app = await buildApp({ config, database, version: 'test', logger: process.env.TEST_LOG ? { level: 'error' } : false });
  return {
    app,
    database,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** A short unique suffix so each test's records never collide on a shared server database. */
export const uniq = () => crypto.randomBytes(4).toString('hex');

/** A signed-in client: carries the session cookie and the CSRF token. */
export interface Client {
  username: string;
  userId: string;
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
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, payload) => request({ method: 'POST', url, payload: payload ?? {} }),
    patch: (url, payload) => request({ method: 'PATCH', url, payload }),
    put: (url, payload) => request({ method: 'PUT', url, payload }),
    delete: (url) => request({ method: 'DELETE', url }),
  };
}
