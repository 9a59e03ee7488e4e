import { sessionCookie } from './lib/session-cookie.js';
import { pathToFileURL } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { loadConfig } from '../server/config.js';
import { buildApp } from '../server/app.js';
import { openPostgres, pgliteExtensions, wrapPglite } from '../server/db/client.js';
import { seedDemo } from '../server/db/seed/seed-demo.js';

/**
 * Requests per second of the registry search (session lookup + scope functions + trigram
 * search + Vietnamese sort) against a baseline of the health endpoint, over real HTTP on
 * loopback, in the same run. PGlite by default; DATABASE_URL to measure the server (the
 * database is migrated and seeded only if empty).
 */
async function measure(url: string, headers: Record<string, string>, seconds: number, concurrency: number) {
  const until = Date.now() + seconds * 1000;
  let count = 0;
  let errors = 0;
  const worker = async () => {
    while (Date.now() < until) {
      const res = await fetch(url, { headers });
      await res.arrayBuffer();
      if (res.ok) count++;
      else errors++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { perSecond: count / seconds, errors };
}

export async function run(opts: { seconds?: number; concurrency?: number } = {}) {
  const seconds = opts.seconds ?? 5;
  const concurrency = opts.concurrency ?? 16;
  const password = 'bench-password-1';
  const database = process.env.DATABASE_URL
    ? openPostgres(process.env.DATABASE_URL)
    : wrapPglite(await PGlite.create({ extensions: pgliteExtensions }));
  await database.migrate();
  await seedDemo(database.db, { password });
  const config = { ...loadConfig({ NODE_ENV: 'production' }), webDistDir: '/nonexistent' };
  const app = await buildApp({ config, database, version: 'bench' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as { port: number }).port;
  const base = `http://127.0.0.1:${port}`;
  const login = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'secretariat', password }) });
  const cookie = sessionCookie(login);
  const headers = { cookie };

  const baseline = await measure(`${base}/api/health`, {}, seconds, concurrency);
  const search = await measure(`${base}/api/units?q=${encodeURIComponent('hoai thanh')}`, headers, seconds, concurrency);
  const agencies = await measure(`${base}/api/agencies`, headers, seconds, concurrency);
  await app.close();
  await database.close();
  return { engine: database.kind, seconds, concurrency, baseline, search, agencies };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await run();
  const f = (n: number) => n.toFixed(0).padStart(7);
  console.log(`API on ${r.engine}, ${r.concurrency} concurrent clients, ${r.seconds} s each`);
  console.log(`  baseline GET /api/health            ${f(r.baseline.perSecond)} req/s`);
  console.log(`  GET /api/units?q=hoai thanh          ${f(r.search.perSecond)} req/s  (${(r.search.perSecond / r.baseline.perSecond).toFixed(2)}× baseline, ${r.search.errors} errors)`);
  console.log(`  GET /api/agencies (first page)      ${f(r.agencies.perSecond)} req/s  (${(r.agencies.perSecond / r.baseline.perSecond).toFixed(2)}× baseline, ${r.agencies.errors} errors)`);
}
