import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { loadConfig } from '../server/config.js';
import { buildApp, type AppDeps } from '../server/app.js';
import { jobRegistry } from '../server/jobs/registry.js';
import { createJobRuntime } from '../server/jobs/runtime.js';
import { openPostgres, pgliteExtensions, queryRows, wrapPglite } from '../server/db/client.js';
import { seedDemo } from '../server/db/seed/seed-demo.js';
import { demoUsers } from '../server/db/seed/demo-registry.js';
import { runFuzz, summarize, type FuzzClient } from '../server/test/fuzz/openapi-fuzzer.js';
import { signIn, type Client } from '../server/test/harness.js';

/**
 * `npm run fuzz`: the long run of the OpenAPI fuzzer (≥ 50,000 requests) on the demo data, as
 * every demo role and as nobody. The same checks as the short run in `npm test`
 * (server/http/fuzz.test.ts): no 5xx, problem+json with a catalogue code, no internal names,
 * nothing written by a refused request. Exits 1 on any failure, printing each kind once.
 *
 *   npm run fuzz -- [--requests 50000] [--seed 1]        (PGlite in memory)
 *   BENCH_DATABASE_URL=postgres://…/scale_x npm run fuzz  (a PostgreSQL database it may reset)
 */
const { values } = parseArgs({ options: { requests: { type: 'string', default: '50000' }, seed: { type: 'string', default: String(Date.now() % 1e9) } } });
const requests = Number(values.requests);
const seed = Number(values.seed);
const password = 'fuzz-password-1';

const url = process.env.BENCH_DATABASE_URL;
let database;
if (url) {
  database = openPostgres(url);
  await database.db.execute(sql`drop schema if exists drizzle cascade`);
  await database.db.execute(sql`drop schema if exists pgboss cascade`);
  await database.db.execute(sql`drop schema if exists public cascade`);
  await database.db.execute(sql`create schema public`);
} else {
  database = wrapPglite(await PGlite.create({ extensions: pgliteExtensions }));
}
await database.migrate();
await seedDemo(database.db, { password });
// Set up as the server does (server/main.ts) and the tests do (server/test/harness.ts): the job
// queue's schema installed before the app answers, or the admin's job pages fail on a missing table.
const deps: AppDeps = { config: { ...loadConfig({ NODE_ENV: 'production' }), webDistDir: '/nonexistent' }, database, version: 'fuzz' };
const jobs = createJobRuntime(deps, { definitions: jobRegistry, mode: 'client', log: pino({ level: 'silent' }) });
deps.jobs = jobs;
await jobs.install();
const app = await buildApp(deps);

const clients: FuzzClient[] = [{ name: 'anonymous', request: (req) => app.inject({ ...req, method: req.method as 'GET' }) }];
for (const u of demoUsers) {
  let client: Client = await signIn(app, u.username, password);
  clients.push({
    name: u.username,
    request: (req) => client.request(req),
    async renew() {
      client = await signIn(app, u.username, password).catch(() => client);
    },
  });
}
const ids = async (table: string) => (await queryRows<{ id: string }>(database.db, sql.raw(`select id::text from ${table}`))).map((r) => r.id);

console.log(`Fuzzing ${requests.toLocaleString('en')} requests on ${database.kind} (seed ${seed}) …`);
const started = performance.now();
const report = await runFuzz({
  app,
  db: database.db,
  seed,
  requests,
  clients,
  known: { units: await ids('unit'), agencies: await ids('agency'), users: await ids('app_user') },
  onProgress: (n) => {
    if (n % 5000 === 0) console.log(`  ${n.toLocaleString('en')} requests, ${((performance.now() - started) / 1000).toFixed(0)} s`);
  },
});
const seconds = (performance.now() - started) / 1000;
console.log(`\n${report.requests.toLocaleString('en')} requests over ${report.operations} operations in ${seconds.toFixed(0)} s (${(report.requests / seconds).toFixed(0)} req/s)`);
console.log(`Statuses: ${Object.entries(report.byStatus).map(([s, n]) => `${s} ×${n}`).join(', ')}`);
const summary = summarize(report.failures);
if (report.failures.length) {
  console.log(`\n✗ ${report.failures.length} answers broke the contract (seed ${seed} reproduces them):`);
  for (const [problem, { count, example }] of Object.entries(summary)) console.log(`  ${count} × ${problem}\n      e.g. ${example}`);
} else {
  console.log('✓ no 5xx, every error problem+json with a catalogue code and request id, no internal names, nothing written by a refused request');
}
await app.close();
await jobs.stop();
await database.close();
process.exit(report.failures.length ? 1 : 0);
