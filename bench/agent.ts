import Fastify from 'fastify';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { loadConfig } from '../server/config.js';
import { buildApp } from '../server/app.js';
import { openPglite, openPostgres, pgliteExtensions, wrapPglite, type Database, type QueryObserver } from '../server/db/client.js';
import { seedDemo } from '../server/db/seed/seed-demo.js';
import { defaultScaleOptions, readScaleMarker, seedScale, type ScaleAccounts } from '../server/db/seed/scale/index.js';
import { figuresOf } from './lib/stats.js';

/**
 * The benchmarks' server process, started by bench/http.bench.ts for one engine and one scale:
 * - the app, as production runs it (no request logging below warn), on one port;
 * - a bare Fastify on another, answering /floor with a payload it is given: the framework floor;
 * - control routes on that port: capture the SQL the app sends for one request, and replay it
 *   straight to the database (the raw-SQL floor), measured here where the database lives.
 * Apart from the benchmark, the process does nothing, so every figure comes from one process
 * under the same conditions.
 */
interface AgentSpec {
  engine: 'pglite' | 'postgres';
  scale: 'demo' | 'national';
  /** PostgreSQL URL, or the PGlite directory of national-scale data. */
  url?: string;
  dir?: string;
}
const spec = JSON.parse(process.env.BENCH_AGENT ?? '{}') as AgentSpec;
const DEMO_PASSWORD = 'bench-password-1';

let capturing = false;
let captured: { sql: string; params: unknown[] }[] = [];
const onQuery: QueryObserver = (sql, params) => {
  if (capturing) captured.push({ sql, params });
};

async function open(): Promise<{ database: Database; accounts: Partial<ScaleAccounts> & { password: string } }> {
  if (spec.scale === 'demo') {
    let database: Database;
    if (spec.engine === 'pglite') {
      database = wrapPglite(await PGlite.create({ extensions: pgliteExtensions }), undefined, onQuery);
    } else {
      const client = new pg.Client({ connectionString: spec.url });
      await client.connect();
      await client.query('drop schema if exists drizzle cascade; drop schema if exists public cascade; create schema public;');
      await client.end();
      database = openPostgres(spec.url!, 10, onQuery);
    }
    await database.migrate();
    await seedDemo(database.db, { password: DEMO_PASSWORD });
    return { database, accounts: { password: DEMO_PASSWORD, nationalAdmin: 'admin', provinceSecretariat: 'secretariat', communeOfficer: 'unit', provinceInspector: 'inspector', provinceLeader: 'leader' } };
  }
  const database = spec.engine === 'pglite' ? await openPglite(spec.dir!, onQuery) : openPostgres(spec.url!, 10, onQuery);
  await database.migrate();
  let marker = await readScaleMarker(database);
  if (!marker) {
    console.error(`No national-scale data in ${spec.url ?? spec.dir}: loading it now (npm run seed:scale; minutes) …`);
    marker = await seedScale(database, defaultScaleOptions(database.kind), (m) => console.error(m));
  }
  return { database, accounts: marker.accounts };
}

const { database, accounts } = await open();
const config = { ...loadConfig({ NODE_ENV: 'production' }), webDistDir: '/nonexistent' };
const app = await buildApp({ config, database, version: 'bench', logger: { level: 'warn' } });
await app.listen({ port: 0, host: '127.0.0.1' });

// The raw-SQL floor talks to the database as the app's pool does (same size), without drizzle.
const floorPool = database.kind === 'postgres' ? new pg.Pool({ connectionString: spec.url, max: 10, options: '-c TimeZone=UTC' }) : null;
const runStatement = async (s: { sql: string; params: unknown[] }) => {
  if (floorPool) await floorPool.query(s.sql, s.params);
  else await database.lite!.query(s.sql, s.params);
};

const bare = Fastify({ logger: false });
let payload = '{}';
bare.get('/floor', (_req, reply) => reply.type('application/json; charset=utf-8').send(payload));
bare.addContentTypeParser('text/plain', { parseAs: 'string', bodyLimit: 64 * 1024 * 1024 }, (_req, body, done) => done(null, body));
bare.put('/control/payload', { bodyLimit: 64 * 1024 * 1024 }, async (request) => {
  payload = request.body as string;
  return { bytes: Buffer.byteLength(payload) };
});
bare.post('/control/capture/start', async () => {
  captured = [];
  capturing = true;
  return {};
});
bare.post('/control/capture/stop', async () => {
  capturing = false;
  // Transaction control is the driver's business; the floor sends the statements themselves.
  return { statements: captured.filter((s) => !/^\s*(begin|commit|rollback|savepoint|release)\b/i.test(s.sql)) };
});
bare.post('/control/sql-floor', async (request) => {
  const { statements, seconds, concurrency } = request.body as { statements: { sql: string; params: unknown[] }[]; seconds: number; concurrency: number };
  const latencies: number[] = [];
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  const worker = async () => {
    while (performance.now() < until) {
      const t0 = performance.now();
      try {
        for (const s of statements) await runStatement(s);
        latencies.push(performance.now() - t0);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return figuresOf(latencies, seconds, errors);
});
bare.get('/control/memory', async () => process.memoryUsage());
await bare.listen({ port: 0, host: '127.0.0.1' });

const port = (s: typeof app.server) => (s.address() as { port: number }).port;
console.log(`READY ${JSON.stringify({ app: port(app.server), bare: port(bare.server), engine: database.kind, accounts })}`);

process.on('SIGTERM', async () => {
  await app.close();
  await bare.close();
  await floorPool?.end();
  await database.close();
  process.exit(0);
});
