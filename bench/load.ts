import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { serverDatabase, startServer, stopServer, killServer, type ServerProcess } from '../server/test/server-process.js';
import { ms, percentile } from './lib/stats.js';
import { buildServer } from '../scripts/build-server.js';

/**
 * `npm run load [-- --minutes 10 --users 200 --think-ms 1000 --engine pglite|postgres]`
 * (issue 12 §3): virtual users of every role work against the real server process for a
 * while — mostly reads, about 4% writes — and the run reports errors, p50/p95/p99, throughput
 * and the server's resident memory against the targets (0 errors, p99 < 200 ms on PostgreSQL,
 * RSS < 300 MB). Not part of `npm test` or CI.
 *
 * Bounded and local: the script starts its own server on 127.0.0.1 with the demo data, on a
 * fresh PGlite directory or (engine postgres, DATABASE_URL) a database of its own that it drops
 * afterwards; users, duration and every request's time are capped. Each user signs in once, then
 * loops: pick an action of its role, send it, think (uniform 0.5–1.5 × think-ms), repeat.
 */

const { values: opts } = parseArgs({
  options: {
    minutes: { type: 'string', default: process.env.LOAD_MINUTES ?? '10' },
    users: { type: 'string', default: process.env.LOAD_USERS ?? '200' },
    'think-ms': { type: 'string', default: process.env.LOAD_THINK_MS ?? '1000' },
    engine: { type: 'string', default: process.env.DATABASE_URL ? 'postgres' : 'pglite' },
    /** Requests per action and role in the cost pass before the run (0: none). */
    /** compiled: dist/server/main.js, as `npm start` runs it (built first); tsx: the TypeScript source. */
    server: { type: 'string', default: 'compiled' },
    'cost-samples': { type: 'string', default: '10' },
  },
});
const minutes = Math.min(Number(opts.minutes), 60);
const users = Math.min(Math.max(1, Number(opts.users)), 1000);
const thinkMs = Math.max(0, Number(opts['think-ms']));
const engine = opts.engine as 'pglite' | 'postgres';
const costSamples = Math.min(Math.max(0, Number(opts['cost-samples'])), 100);
if (!(minutes > 0) || !['pglite', 'postgres'].includes(engine)) throw new Error('usage: npm run load -- [--minutes N ≤ 60] [--users N ≤ 1000] [--think-ms N] [--engine pglite|postgres]');
if (engine === 'postgres' && !process.env.DATABASE_URL) throw new Error('--engine postgres needs DATABASE_URL (a server on this machine; the run uses a database of its own)');
if (engine === 'postgres' && !/^postgres(ql)?:\/\/[^@]*@?(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(process.env.DATABASE_URL!)) throw new Error('the load run stays on this machine: DATABASE_URL must point to 127.0.0.1');
if (engine === 'pglite') delete process.env.DATABASE_URL;

const PASSWORD = 'load-test-password';
const REQUEST_TIMEOUT_MS = 30_000;
/** Every request is abandoned (and counted as an error) after this long. */
const timeout = () => AbortSignal.timeout(REQUEST_TIMEOUT_MS);

function groupBy<T>(xs: T[], key: (x: T) => string): [string, T[]][] {
  const out = new Map<string, T[]>();
  for (const x of xs) out.set(key(x), [...(out.get(key(x)) ?? []), x]);
  return [...out];
}

type Role = 'admin' | 'leader' | 'secretariat' | 'inspector' | 'unit';
const roles: Role[] = ['admin', 'leader', 'secretariat', 'inspector', 'unit'];
/** The mix of people in an installation: mostly unit officers and inspectors. */
const roleShare: Record<Role, number> = { admin: 0.05, leader: 0.1, secretariat: 0.15, inspector: 0.3, unit: 0.4 };

interface Sample {
  action: string;
  write: boolean;
  ms: number;
  status: number;
  /** Database round trips the server reported (x-db-queries; PostgreSQL only). */
  queries: number;
}
const samples: Sample[] = [];
const errors: { action: string; status: number; detail: string }[] = [];
let conflicts = 0;

interface Session {
  role: Role;
  headers: Record<string, string>;
  agencyId: string;
}

async function signIn(base: string, role: Role): Promise<Session> {
  const res = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: role, password: PASSWORD }) });
  if (res.status !== 200) throw new Error(`sign-in of ${role}: ${res.status} ${await res.text()}`);
  const cookie = /par_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')![1];
  const body = (await res.json()) as { csrfToken: string; roles: { agencyId: string }[] };
  return { role, headers: { cookie: `par_session=${cookie}`, 'x-csrf-token': body.csrfToken }, agencyId: body.roles[0].agencyId };
}

/** What the users look at: ids read once from the demo data. */
interface World {
  planId: string;
  /** The units each role sees (a unit officer: their ward). */
  unitsOf: Record<Role, string[]>;
  rootUnitId: string;
  townUnitId: string;
  registerAgencyId: string;
}

type Action = { name: string; write?: boolean; run(base: string, s: Session, w: World): Promise<Response> };
const get = (name: string, path: (s: Session, w: World) => string): Action => ({ name, run: (base, s, w) => fetch(`${base}${path(s, w)}`, { headers: s.headers, signal: timeout() }) });
const send = (name: string, method: string, path: (s: Session, w: World) => string, body: (s: Session, w: World) => unknown): Action => ({
  name,
  write: true,
  run: (base, s, w) => fetch(`${base}${path(s, w)}`, { method, headers: { ...s.headers, 'content-type': 'application/json' }, body: JSON.stringify(body(s, w)), signal: timeout() }),
});
/** Round trips of the requests an action made before its last one (the read before an edit). */
const priorQueries = new WeakMap<Response, number>();
const queriesOf = (res: Response) => engine === 'pglite' ? NaN : Number(res.headers.get('x-db-queries') ?? NaN) + (priorQueries.get(res) ?? 0);
const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)];
let serial = 0;

const common: Action[] = [
  get('session', () => '/api/session'),
  get('unread count', () => '/api/notifications/unread-count'),
  get('notifications', () => '/api/notifications'),
  get('plans', () => '/api/plans'),
  get('plan', (_s, w) => `/api/plans/${w.planId}`),
  get('plan teams', (_s, w) => `/api/plans/${w.planId}/teams`),
  get('units', (_s, w) => `/api/units?parentId=${w.townUnitId}`),
  get('unit search', () => `/api/units?q=${encodeURIComponent(pick(['hoai', 'tam quan', 'bong son', 'nhon']))}`),
  get('unit', (s, w) => `/api/units/${pick(w.unitsOf[s.role])}`),
  get('agencies', (s, w) => `/api/agencies?unitId=${pick(w.unitsOf[s.role])}`),
  get('calendar', () => '/api/calendar/2026'),
  get('inspections', (_s, w) => `/api/inspections?planId=${w.planId}`),
];
const byRole: Record<Role, Action[]> = {
  admin: [get('audit', () => '/api/audit'), get('users', () => '/api/users'), get('jobs', () => '/api/admin/jobs')],
  leader: [get('audit', () => '/api/audit'), get('register', (_s, w) => `/api/document-register?agencyId=${w.registerAgencyId}&year=2021`)],
  secretariat: [get('register', (_s, w) => `/api/document-register?agencyId=${w.registerAgencyId}&year=2021`)],
  inspector: [],
  unit: [get('own agency', (s) => `/api/agencies/${s.agencyId}`)],
};
/** About 4% of actions write: something each role does in a day's work. */
const writes: Record<Role, Action> = {
  admin: send('create unit', 'POST', () => '/api/units', (_s, w) => ({ name: `Khu phố tải ${++serial}`, kind: 'ward', parentId: w.rootUnitId })),
  leader: send('mark all read', 'POST', () => '/api/notifications/read-all', () => ({})),
  secretariat: send('register document', 'POST', () => '/api/document-register', (_s, w) => ({ agencyId: w.registerAgencyId, typeCode: 'thong_bao', summary: `Thông báo tải ${++serial}`, issuedOn: '2026-03-02', signerName: 'Nguyễn Văn A', signerPosition: 'Chủ tịch' })),
  inspector: send('mark all read', 'POST', () => '/api/notifications/read-all', () => ({})),
  unit: {
    name: 'edit own contacts',
    write: true,
    // Read the version, then write: a 409 (another officer of the same agency was faster) is a
    // correct answer, counted apart and not as an error.
    async run(base, s) {
      const read = await fetch(`${base}/api/agencies/${s.agencyId}`, { headers: s.headers, signal: timeout() });
      const current = (await read.json()) as { version: number };
      const res = await fetch(`${base}/api/agencies/${s.agencyId}`, { method: 'PATCH', headers: { ...s.headers, 'content-type': 'application/json' }, body: JSON.stringify({ version: current.version, phone: `0256 ${String(++serial).padStart(7, '0')}` }), signal: timeout() });
      priorQueries.set(res, queriesOf(read));
      return res;
    },
  },
};

async function world(base: string, sessions: Session[]): Promise<World> {
  const first = (role: Role) => sessions.find((s) => s.role === role)!;
  const read = async <T>(s: Session, p: string) => (await (await fetch(`${base}${p}`, { headers: s.headers })).json()) as T;
  // Hoài Nhơn's 2021 plan, which every role of the load run sees (the demo's Gia Lai 2026 plans,
  // newest first in the list, are another authority's: 404 to Hoài Nhơn's people).
  const plans = await read<{ items: { id: string }[] }>(first('admin'), '/api/plans?year=2021');
  const unitsOf = {} as Record<Role, string[]>;
  let all: { id: string; parentId: string | null; kind: string }[] = [];
  for (const role of roles) {
    const units = await read<{ items: { id: string; parentId: string | null; kind: string }[] }>(first(role), '/api/units');
    unitsOf[role] = units.items.map((u) => u.id);
    if (role === 'admin') all = units.items;
  }
  const root = all.find((u) => u.parentId === null)!;
  const town = all.find((u) => u.kind === 'town') ?? root;
  return { planId: plans.items[0].id, unitsOf, rootUnitId: root.id, townUnitId: town.id, registerAgencyId: first('secretariat').agencyId };
}

const METRICS_TOKEN = `load-${process.pid}-metrics-token`;
/** The server's own figures: V8 heap used and total, memory outside the heap, pool connections. */
async function memoryOf(base: string): Promise<string> {
  const res = await fetch(`${base}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  if (res.status !== 200) return `metrics ${res.status}`;
  const text = await res.text();
  const value = (name: string) => Number(new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.e+]+)$`, 'm').exec(text)?.[1] ?? NaN);
  const mib = (n: number) => `${(n / 2 ** 20).toFixed(0)} MB`;
  const pool = /^par_db_pool\w*\{?[^\n]*$/m.exec(text)?.[0];
  return `heap used ${mib(value('par_nodejs_heap_size_used_bytes'))} of ${mib(value('par_nodejs_heap_size_total_bytes'))} (limit ${mib(value('par_nodejs_heap_size_limit_bytes'))}), external ${mib(value('par_nodejs_external_memory_bytes'))}, RSS ${mib(value('par_process_resident_memory_bytes'))}${pool ? `, ${pool}` : ''}`;
}

/** CPU time (user + system) the process has used so far, in ms, from /proc (10 ms ticks). */
function cpuMsOf(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * What each action costs the server, independent of how busy the machine is: every role runs
 * each of its actions costSamples + 1 times in a row, one request at a time, before the run.
 * CPU: the difference between the x-cpu-us of two answers in a row is what the second request
 * cost the process (parsing, hooks, the handler, the driver, serialising, compression, and
 * whatever ran in the background meanwhile: the median drops that); round trips: x-db-queries.
 */
async function measureCosts(base: string, sessions: Session[], w: World) {
  const cpu = new Map<string, number[]>();
  const queries = new Map<string, number[]>();
  for (const role of roles) {
    const s = sessions.find((x) => x.role === role)!;
    for (const action of [...common, ...byRole[role], writes[role]]) {
      let last = NaN;
      for (let i = 0; i <= costSamples; i++) {
        const res = await action.run(base, s, w);
        await res.arrayBuffer();
        const now = Number(res.headers.get('x-cpu-us') ?? NaN);
        if (i > 0) {
          cpu.set(action.name, [...(cpu.get(action.name) ?? []), (now - last) / 1000]);
          queries.set(action.name, [...(queries.get(action.name) ?? []), queriesOf(res)]);
        }
        last = now;
      }
    }
  }
  return [...cpu].map(([name, xs]) => {
    const q = queries.get(name)!;
    return { name, cpuMs: percentile([...xs].sort((a, b) => a - b), 50), queries: q.reduce((a, b) => a + b, 0) / q.length, queriesMax: Math.max(...q) };
  });
}

function rssOf(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : 0;
}

async function virtualUser(base: string, s: Session, w: World, until: number) {
  const actions = [...common, ...byRole[s.role]];
  // Stagger the first action over one think time, so the users do not start in step.
  await new Promise((r) => setTimeout(r, Math.random() * thinkMs));
  while (Date.now() < until) {
    const action = Math.random() < 0.04 ? writes[s.role] : pick(actions);
    const started = performance.now();
    let status = 0;
    let detail = '';
    let queries = NaN;
    try {
      const res = await action.run(base, s, w);
      status = res.status;
      queries = queriesOf(res);
      const body = await res.arrayBuffer();
      if (status >= 400) detail = Buffer.from(body).toString('utf8').slice(0, 200);
    } catch (err) {
      detail = (err as Error).message;
    }
    const elapsed = performance.now() - started;
    if (status === 409 && action.name === 'edit own contacts') conflicts++;
    else if (status === 0 || status >= 400) errors.push({ action: action.name, status, detail });
    samples.push({ action: action.name, write: !!action.write, ms: elapsed, status, queries });
    if (thinkMs) await new Promise((r) => setTimeout(r, thinkMs * (0.5 + Math.random())));
  }
}

async function main() {
  const db = await serverDatabase();
  let server: ServerProcess | undefined;
  try {
    console.log(`Load: ${users} users, ${minutes} min, think ${thinkMs} ms, ${engine === 'postgres' ? 'PostgreSQL' : 'PGlite'}, server ${opts.server === 'tsx' ? 'TypeScript source (tsx)' : 'compiled (dist/server/main.js)'}, load average ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')} …`);
    const compiled = opts.server === 'tsx' ? undefined : await buildServer();
    server = await startServer({ ...db.env, PAR_DEMO_PASSWORD: PASSWORD, LOG_LEVEL: 'error', PAR_METRICS_TOKEN: METRICS_TOKEN, PAR_REQUEST_COSTS: 'true' }, { compiled });
    const base = server.url;
    const pid = server.child.pid!;
    const rssAtStart = rssOf(pid);
    const memoryAtStart = await memoryOf(base);

    // Sign-ins, ten at a time (argon2 is slow on purpose): not part of the measured mix.
    const counts = roles.map((r) => Math.max(1, Math.round(roleShare[r] * users)));
    const plan: Role[] = roles.flatMap((r, i) => Array.from({ length: counts[i] }, () => r)).slice(0, users);
    const sessions: Session[] = [];
    const signInStarted = Date.now();
    for (let i = 0; i < plan.length; i += 10) sessions.push(...(await Promise.all(plan.slice(i, i + 10).map((r) => signIn(base, r)))));
    const signInSeconds = (Date.now() - signInStarted) / 1000;
    const w = await world(base, sessions);
    const costs = costSamples ? await measureCosts(base, sessions, w) : [];

    let rssMax = rssOf(pid);
    const sampler = setInterval(() => (rssMax = Math.max(rssMax, rssOf(pid))), 1000);
    const started = Date.now();
    const cpuAtStart = cpuMsOf(pid);
    const until = started + minutes * 60_000;
    const progress = setInterval(() => console.log(`  ${Math.round((Date.now() - started) / 1000)} s: ${samples.length} requests, ${errors.length} errors, RSS ${(rssOf(pid) / 2 ** 20).toFixed(0)} MB`), 30_000);
    await Promise.all(sessions.map((s) => virtualUser(base, s, w, until)));
    clearInterval(progress);
    clearInterval(sampler);
    const seconds = (Date.now() - started) / 1000;
    const rssEnd = rssOf(pid);
    const cpuMs = cpuMsOf(pid) - cpuAtStart;
    const memoryAtEnd = await memoryOf(base);

    const all = samples.map((s) => s.ms).sort((a, b) => a - b);
    const writeMs = samples.filter((s) => s.write).map((s) => s.ms).sort((a, b) => a - b);
    const readMs = samples.filter((s) => !s.write).map((s) => s.ms).sort((a, b) => a - b);
    const line = (label: string, xs: number[]) => `  ${label.padEnd(8)} ${String(xs.length).padStart(7)} requests  p50 ${ms(percentile(xs, 50)).padStart(6)} ms  p95 ${ms(percentile(xs, 95)).padStart(6)} ms  p99 ${ms(percentile(xs, 99)).padStart(6)} ms`;
    const p99 = percentile(all, 99);
    const mb = (n: number) => `${(n / 2 ** 20).toFixed(0)} MB`;
    console.log(`\nPAR Inspect load run — ${engine === 'postgres' ? 'PostgreSQL' : 'PGlite'}, ${users} users (${roles.map((r, i) => `${counts[i]} ${r}`).join(', ')}), think ${thinkMs} ms, ${seconds.toFixed(0)} s, load average at the end ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
    console.log(`  sign-in of ${sessions.length} users: ${signInSeconds.toFixed(1)} s (not measured below)`);
    console.log(line('all', all));
    console.log(line('reads', readMs));
    console.log(line('writes', writeMs));
    console.log(`  throughput ${(samples.length / seconds).toFixed(1)} requests/s; writes ${((writeMs.length / Math.max(1, samples.length)) * 100).toFixed(1)}%; 409 conflicts on concurrent contact edits: ${conflicts}`);
    const counted = samples.filter((x) => Number.isFinite(x.queries));
    const meanQueries = (xs: Sample[]) => (xs.length ? (xs.reduce((a, x) => a + x.queries, 0) / xs.length).toFixed(1) : '–');
    console.log(`  server CPU: ${(cpuMs / Math.max(1, samples.length)).toFixed(2)} ms per request (${(cpuMs / 1000).toFixed(1)} s over the run, ${((cpuMs / 1000 / seconds) * 100).toFixed(0)}% of one core); database round trips: ${meanQueries(counted)} per request`);
    if (costs.length) {
      console.log(`  cost by action, ${costSamples} requests per role one at a time before the run (CPU ms median / round trips mean, max):`);
      for (const c of [...costs].sort((a, b) => b.cpuMs - a.cpuMs)) console.log(`    ${c.name.padEnd(18)} ${c.cpuMs.toFixed(2).padStart(6)} ms  ${c.queries.toFixed(1).padStart(5)} (${c.queriesMax})`);
    }
    console.log(`  server RSS: ${mb(rssAtStart)} at start, ${mb(rssMax)} at most, ${mb(rssEnd)} at the end`);
    console.log(`  server memory (process metrics) at start: ${memoryAtStart}; at the end: ${memoryAtEnd}`);
    const perAction = groupBy(samples, (x) => x.action)
      .map(([name, xs]) => ({ name, xs: xs.map((x) => x.ms).sort((a, b) => a - b) }))
      .sort((a, b) => percentile(b.xs, 50) - percentile(a.xs, 50));
    console.log(`  by action (p50 / p99 ms, n, round trips per request): ${perAction.map(({ name, xs }) => `${name} ${ms(percentile(xs, 50))} / ${ms(percentile(xs, 99))} (${xs.length}, ${meanQueries(counted.filter((x) => x.action === name))})`).join('; ')}`);
    const slowest = groupBy(samples, (s) => s.action)
      .map(([name, xs]) => ({ name, p99: percentile(xs.map((x) => x.ms).sort((a, b) => a - b), 99), n: xs.length }))
      .sort((a, b) => b.p99 - a.p99)
      .slice(0, 5);
    console.log(`  slowest actions (p99): ${slowest.map((x) => `${x.name} ${ms(x.p99)} ms`).join(', ')}`);
    // What the tail is made of: the actions among the slowest 1% of all requests.
    const tail = samples.filter((x) => x.ms >= p99);
    const tailBy = groupBy(tail, (x) => x.action)
      .map(([name, xs]) => `${name} ${xs.length} (${((xs.length / Math.max(1, samples.filter((x) => x.action === name).length)) * 100).toFixed(1)}% of its own)`)
      .sort((a, b) => Number(b.split(' ').at(-4)) - Number(a.split(' ').at(-4)));
    console.log(`  the slowest 1% (${tail.length} requests ≥ ${ms(p99)} ms) by action: ${tailBy.join(', ')}`);
    if (errors.length) {
      const byKind = groupBy(errors, (e) => `${e.action} → ${e.status}`).map(([k, xs]) => `${k} ×${xs.length}: ${xs[0].detail}`);
      console.log(`  errors:\n    ${byKind.slice(0, 10).join('\n    ')}`);
    }
    const targets = [
      ['errors', errors.length === 0, `${errors.length} (target 0)`],
      ['p99', engine === 'pglite' || p99 < 200, `${ms(p99)} ms (target < 200 ms on PostgreSQL${engine === 'pglite' ? '; PGlite: reported only' : ''})`],
      ['RSS', rssMax < 300 * 2 ** 20, `${mb(rssMax)} at most (target < 300 MB)`],
    ] as const;
    for (const [name, ok, text] of targets) console.log(`  ${ok ? 'PASS' : 'FAIL'} ${name}: ${text}`);
    process.exitCode = targets.every(([, ok]) => ok) ? 0 : 1;
  } finally {
    if (server) {
      const stopped = await Promise.race([stopServer(server), new Promise((r) => setTimeout(r, 20_000, null))]);
      if (!stopped) await killServer(server);
    }
    await db.dispose();
  }
}

await main();
