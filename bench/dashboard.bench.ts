import { performance } from 'node:perf_hooks';
import path from 'node:path';
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { openPglite, openPostgres, queryRows, type Database } from '../server/db/client.js';
import { defaultScaleOptions, readScaleMarker, seedScale } from '../server/db/seed/scale/index.js';

/**
 * The leaders' dashboard and the risk ranking at national scale (issue 11 §4, "Done when"):
 * 34 provinces, 3,321 communes, 10 years of PAR and SIPAS scores and inspections (npm run
 * seed:scale). Each request goes through the whole app (session, scope, validation, JSON) with
 * app.inject, one at a time; beside it, in the same run, the raw-SQL floor: the same aggregates
 * sent straight to the database without scope predicates or the app; and the reads the dashboard
 * makes since the index roll-up (index_rollup), also straight to the database.
 *
 *   BENCH_SCALE_DATABASE_URL=postgres://…/scale npx tsx bench/dashboard.bench.ts   (loaded if empty)
 *   npx tsx bench/dashboard.bench.ts    (PGlite in BENCH_SCALE_PGLITE_DIR, default tmp/bench/scale-pglite)
 *   BENCH_REQUESTS=60 (per measurement)
 */
const requests = Number(process.env.BENCH_REQUESTS ?? 60);
const url = process.env.BENCH_SCALE_DATABASE_URL;
const dir = path.resolve(process.env.BENCH_SCALE_PGLITE_DIR ?? 'tmp/bench/scale-pglite');
if (!url && !fs.existsSync(dir) && !process.env.BENCH_LOAD_PGLITE) {
  console.log(`dashboard: skipped — no national-scale database (set BENCH_SCALE_DATABASE_URL, or load PGlite with npm run seed:scale -- --pglite ${path.relative(process.cwd(), dir)})`);
  process.exit(0);
}
const database: Database = url ? openPostgres(url, 4) : await openPglite(dir);
await database.migrate();
const marker = (await readScaleMarker(database)) ?? (await seedScale(database, defaultScaleOptions(database.kind)));
const year = marker.options.lastYear;
const app = await buildApp({ config: { ...loadConfig({ NODE_ENV: 'production' }), webDistDir: '/nonexistent' }, database, version: 'bench' });

async function cookieOf(username: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/session', payload: { username, password: marker!.accounts.password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username}: ${res.statusCode} ${res.body}`);
  return res.cookies.find((c) => c.name === 'par_session')!.value;
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
async function measure(run: () => Promise<void>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 3; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < requests; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  return { p50: pct(times, 50), p95: pct(times, 95) };
}
const get = (cookie: string, u: string) => async () => {
  const res = await app.inject({ method: 'GET', url: u, cookies: { par_session: cookie } });
  if (res.statusCode !== 200) throw new Error(`${u}: ${res.statusCode} ${res.body.slice(0, 300)}`);
};

const national = await cookieOf(marker.accounts.nationalAdmin);
const leader = await cookieOf(marker.accounts.provinceLeader);
const [{ province_id }] = await queryRows<{ province_id: string }>(database.db, sql`select u.id as province_id from unit u join agency a on a.unit_id = u.id join user_role r on r.agency_id = a.id join app_user p on p.id = r.user_id where p.username = ${marker.accounts.provinceLeader} limit 1`);
const [{ root }] = await queryRows<{ root: string }>(database.db, sql`select id as root from unit where parent_id is null limit 1`);

// The raw-SQL floor: the dashboard's aggregates over the whole country, no scope, no app.
const floor = async () => {
  await queryRows(database.db, sql`select i.status, i.kind, extract(month from i.starts_on)::int m, i.team_id, count(*) from inspection i where i.starts_on between ${`${year}-01-01`} and ${`${year}-12-31`} group by 1, 2, 3, 4`);
  await queryRows(database.db, sql`select split_part(u.path, '/', 3) c, avg(s.index_pct) from index_sheet_summary s join unit u on u.id = s.unit_id where s.year = ${year} group by s.framework_id, 1`);
  await queryRows(database.db, sql`select s.framework_id, s.year, avg(s.index_pct) from index_sheet_summary s where s.year between ${year - 9} and ${year} group by 1, 2`);
};

// The same reads the dashboard makes since the roll-up (docs/decisions/dashboard-figures.md): the
// index figures from the root's and its children's rows, the year's visits by start date.
const rolled = async () => {
  await queryRows(database.db, sql`select r.framework_id, r.level, r.sheets, r.pct_sum / nullif(r.scored, 0) from index_rollup r where r.unit_id = ${root}::uuid and r.year = ${year}`);
  await queryRows(database.db, sql`select r.unit_id, r.pct_sum / nullif(r.scored, 0) from index_rollup r join unit u on u.id = r.unit_id where u.parent_id = ${root}::uuid and r.year = ${year}`);
  await queryRows(database.db, sql`select r.year, sum(r.pct_sum) / nullif(sum(r.scored), 0) from index_rollup r where r.unit_id = ${root}::uuid and r.year between ${year - 9} and ${year} group by r.framework_id, r.year`);
  await queryRows(database.db, sql`select i.status, i.kind, extract(month from i.starts_on)::int m, i.team_id, count(*) from inspection i where i.starts_on between ${`${year}-01-01`} and ${`${year}-12-31`} group by 1, 2, 3, 4`);
};

const rows: [string, { p50: number; p95: number }][] = [];
rows.push(['raw SQL floor (3 aggregates, whole country)', await measure(floor)]);
rows.push(['raw SQL over the roll-up (4 reads, whole country)', await measure(rolled)]);
rows.push([`GET /api/dashboard national admin (country, no ranking)`, await measure(get(national, `/api/dashboard?year=${year}&unitId=${root}`))]);
rows.push([`GET /api/dashboard province leader (+ ranking)`, await measure(get(leader, `/api/dashboard?year=${year}&unitId=${province_id}`))]);
rows.push([`GET /api/risk-ranking province leader`, await measure(get(leader, `/api/risk-ranking?parentUnitId=${province_id}&year=${year}`))]);
const base = rows[0][1].p95;
console.log(`Dashboard at national scale on ${database.kind} (${JSON.stringify(marker.counts)}), ${requests} requests each, one at a time`);
for (const [name, f] of rows) console.log(`  ${name.padEnd(58)} p50 ${f.p50.toFixed(1).padStart(7)} ms  p95 ${f.p95.toFixed(1).padStart(7)} ms  (${(f.p95 / base).toFixed(1)}× floor p95)`);
console.log('  target: dashboard p95 < 100 ms');
await app.close();
await database.close();
