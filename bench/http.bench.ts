import { sessionCookie } from './lib/session-cookie.js';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { load } from './lib/http-load.js';
import { ms, pct, ratio, type Figures } from './lib/stats.js';

/**
 * `npm run bench` (issue 12 §2): every hot read endpoint, at demo and national scale, on PGlite
 * and on PostgreSQL, at 1 and 16 clients — beside the same SQL sent straight to the database
 * (the raw-SQL floor) and a bare Fastify route answering the same bytes (the framework floor),
 * as ratios against the targets. Figures only; nothing here passes or fails.
 *
 * Settings (environment):
 *   BENCH_SECONDS             seconds per measurement (default 5)
 *   BENCH_DATABASE_URL        PostgreSQL for the demo scale (reset and seeded by the bench)
 *   BENCH_SCALE_DATABASE_URL  PostgreSQL with national-scale data (npm run seed:scale; loaded if empty)
 *   BENCH_SCALE_PGLITE_DIR    PGlite directory with national-scale data (default tmp/bench/scale-pglite)
 *   BENCH_ONLY                e.g. "pglite-demo,postgres-national"
 *   BENCH_ENDPOINTS           substrings of endpoint names to run, comma-separated
 * Targets without their database are skipped with a note.
 */
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
const endpointFilter = process.env.BENCH_ENDPOINTS?.split(',').map((s) => s.trim().toLowerCase());

interface Target {
  key: string;
  label: string;
  spec: { engine: 'pglite' | 'postgres'; scale: 'demo' | 'national'; url?: string; dir?: string } | null;
  missing?: string;
}
const targets = ([
  { key: 'pglite-demo', label: 'PGlite · demo scale (Hoài Nhơn)', spec: { engine: 'pglite', scale: 'demo' } },
  process.env.BENCH_DATABASE_URL
    ? { key: 'postgres-demo', label: 'PostgreSQL · demo scale', spec: { engine: 'postgres', scale: 'demo', url: process.env.BENCH_DATABASE_URL } }
    : { key: 'postgres-demo', label: 'PostgreSQL · demo scale', spec: null, missing: 'set BENCH_DATABASE_URL (a database the bench may reset)' },
  {
    key: 'pglite-national',
    label: 'PGlite · national scale',
    spec: { engine: 'pglite', scale: 'national', dir: path.resolve(process.env.BENCH_SCALE_PGLITE_DIR ?? 'tmp/bench/scale-pglite') },
  },
  process.env.BENCH_SCALE_DATABASE_URL
    ? { key: 'postgres-national', label: 'PostgreSQL · national scale', spec: { engine: 'postgres', scale: 'national', url: process.env.BENCH_SCALE_DATABASE_URL } }
    : { key: 'postgres-national', label: 'PostgreSQL · national scale', spec: null, missing: 'set BENCH_SCALE_DATABASE_URL (npm run seed:scale loads it)' },
] as Target[]).filter((t) => !only || only.includes(t.key));

interface Ready {
  app: number;
  bare: number;
  engine: string;
  accounts: Record<string, string> & { password: string };
}

function startAgent(spec: NonNullable<Target['spec']>): Promise<{ child: ChildProcess; ready: Ready }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/agent.ts'], {
    env: { ...process.env, BENCH_AGENT: JSON.stringify(spec), DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('READY '));
      if (line) resolve({ child, ready: JSON.parse(line.slice(6)) as Ready });
    });
    child.once('exit', (code) => reject(new Error(`the bench agent exited (${code}) before it was ready`)));
  });
}

/** The endpoints a user hits all day, as the role that hits them hardest. */
function endpoints(a: Ready['accounts'], sample: { unitId: string }) {
  return [
    { name: 'health (no session)', path: '/api/health', as: null },
    { name: 'session (who am I)', path: '/api/session', as: a.nationalAdmin },
    { name: 'units search "hoai thanh"', path: `/api/units?q=${encodeURIComponent('hoai thanh')}`, as: a.nationalAdmin },
    { name: 'units (all in scope)', path: '/api/units', as: a.nationalAdmin },
    { name: 'unit detail', path: `/api/units/${sample.unitId}`, as: a.nationalAdmin },
    { name: 'agencies search "phuong tan"', path: `/api/agencies?q=${encodeURIComponent('phuong tan')}`, as: a.nationalAdmin },
    { name: 'agencies, first page (100)', path: '/api/agencies', as: a.nationalAdmin },
    { name: 'audit page 1', path: '/api/audit', as: a.nationalAdmin },
    { name: 'plans', path: '/api/plans', as: a.nationalAdmin },
    { name: 'units as a commune officer', path: '/api/units', as: a.communeOfficer },
  ].filter((e) => !endpointFilter || endpointFilter.some((f) => e.name.toLowerCase().includes(f)));
}

async function signIn(base: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!res.ok) throw new Error(`sign-in of ${username} failed: ${res.status} ${await res.text()}`);
  return sessionCookie(res);
}

const post = async <T>(url: string, body?: unknown): Promise<T> => {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) });
  return (await res.json()) as T;
};

interface Row {
  name: string;
  path: string;
  bytes: number;
  statements: number;
  app: { c1: Figures; c16: Figures };
  sql: { c1: Figures; c16: Figures };
  bare: { c1: Figures; c16: Figures };
}

async function benchTarget(t: Target): Promise<{ rows: Row[]; rssMiB: number } | null> {
  if (!t.spec) {
    console.log(`\n## ${t.label}: skipped — ${t.missing}`);
    return null;
  }
  console.log(`\n## ${t.label}  (${seconds} s per measurement; starting the server …)`);
  const { child, ready } = await startAgent(t.spec);
  const app = `http://127.0.0.1:${ready.app}`;
  const bare = `http://127.0.0.1:${ready.bare}`;
  const rows: Row[] = [];
  let peakRss = 0;
  try {
    const cookies = new Map<string, string>();
    const cookieFor = async (user: string | null) => {
      if (!user) return undefined;
      if (!cookies.has(user)) cookies.set(user, await signIn(app, user, ready.accounts.password));
      return cookies.get(user);
    };
    let unitId = ready.accounts.sampleUnitId;
    if (!unitId) {
      const res = await fetch(`${app}/api/units?q=${encodeURIComponent('hoai thanh')}`, { headers: { cookie: (await cookieFor(ready.accounts.nationalAdmin))! } });
      unitId = ((await res.json()) as { items: { id: string }[] }).items[0].id;
    }
    for (const e of endpoints(ready.accounts, { unitId })) {
      const cookie = await cookieFor(e.as);
      const headers: Record<string, string> = cookie ? { cookie } : {};
      // Once to warm caches (the health endpoint reads the migration once), then capture.
      await (await fetch(app + e.path, { headers })).arrayBuffer();
      await post(`${bare}/control/capture/start`);
      const res = await fetch(app + e.path, { headers });
      const body = await res.text();
      const { statements } = await post<{ statements: { sql: string; params: unknown[] }[] }>(`${bare}/control/capture/stop`);
      if (!res.ok) {
        console.log(`  ${e.name}: ${res.status} ${body.slice(0, 200)} — skipped`);
        continue;
      }
      await fetch(`${bare}/control/payload`, { method: 'PUT', headers: { 'content-type': 'text/plain' }, body });

      const row: Row = { name: e.name, path: e.path, bytes: Buffer.byteLength(body), statements: statements.length } as Row;
      for (const [key, c] of [['c1', 1], ['c16', 16]] as const) {
        const appFig = await load(app + e.path, { connections: c, seconds, headers });
        const mem = (await (await fetch(`${bare}/control/memory`)).json()) as { rss: number };
        peakRss = Math.max(peakRss, mem.rss);
        const bareFig = await load(`${bare}/floor`, { connections: c, seconds });
        const sqlFig = statements.length ? await post<Figures>(`${bare}/control/sql-floor`, { statements, seconds, concurrency: c }) : ({ p50: 0, p95: 0, p99: 0, rps: Number.NaN, requests: 0, errors: 0 } as Figures);
        (row.app ??= {} as Row['app'])[key] = appFig;
        (row.bare ??= {} as Row['bare'])[key] = bareFig;
        (row.sql ??= {} as Row['sql'])[key] = sqlFig;
      }
      rows.push(row);
      printRow(row, t.spec.scale === 'national');
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
  console.log(`  server RSS (peak sampled): ${(peakRss / 2 ** 20).toFixed(0)} MiB`);
  return { rows, rssMiB: peakRss / 2 ** 20 };
}

const kb = (b: number) => (b < 1024 ? `${b} B` : b < 2 ** 20 ? `${(b / 1024).toFixed(1)} KB` : `${(b / 2 ** 20).toFixed(1)} MB`);
const mark = (ok: boolean) => (ok ? '✓' : '✗');

function printRow(r: Row, national: boolean) {
  console.log(`\n  ${r.name} — GET ${r.path.length > 60 ? `${r.path.slice(0, 57)}…` : r.path}  (${kb(r.bytes)}, ${r.statements} SQL statements)`);
  for (const key of ['c1', 'c16'] as const) {
    const a = r.app[key];
    const s = r.sql[key];
    const b = r.bare[key];
    const sqlRatio = s.p50 > 0 ? a.p50 / s.p50 : Number.NaN;
    const bareShare = a.rps / b.rps;
    const p95 = national && key === 'c16' ? `  p95 ${ms(a.p95)} ms ${mark(a.p95 < 100)} <100 ms` : '';
    console.log(
      `    ${key === 'c1' ? ' 1 client ' : '16 clients'}  app p50/p95/p99 ${ms(a.p50)}/${ms(a.p95)}/${ms(a.p99)} ms ${a.rps.toFixed(0).padStart(6)} req/s${a.errors ? ` (${a.errors} errors)` : ''}` +
        ` | SQL floor p50 ${ms(s.p50)} ms ${s.rps.toFixed(0)} req/s → ${ratio(sqlRatio)} ${Number.isFinite(sqlRatio) ? mark(sqlRatio <= 1.5) : ''}≤1.5×` +
        ` | bare ${b.rps.toFixed(0)} req/s → ${pct(bareShare)} ${mark(bareShare >= 0.3)}≥30%${p95}`,
    );
  }
}

const results: Record<string, unknown> = {};
console.log(`HTTP benchmarks: app vs raw-SQL floor vs framework floor (${new Date().toISOString()}, ${seconds} s per measurement)`);
for (const t of targets) {
  try {
    const r = await benchTarget(t);
    if (r) results[t.key] = r;
  } catch (err) {
    console.log(`  ${t.label}: failed — ${(err as Error).message}`);
  }
}
fs.mkdirSync('tmp/bench', { recursive: true });
const file = `tmp/bench/http-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
fs.writeFileSync(file, JSON.stringify(results, null, 2));
console.log(`\nFigures written to ${file}`);
