import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { officialCalendar } from '../shared/domain/calendar/index.js';
import { proposeSchedule, type ProposalInput } from '../shared/domain/schedule-proposal.js';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { openPostgres, pgliteExtensions, queryRows, wrapPglite } from '../server/db/client.js';
import { seedDemo } from '../server/db/seed/seed-demo.js';

/**
 * The inspection season at scale (issue 8 "Done when"):
 *  - the schedule proposal (shared/domain/schedule-proposal.ts) for 3,000 targets and 50 teams of
 *    5 people over May–December, beside a baseline in the same run: a round-robin pass that gives
 *    every target the next working day and team with no rule checked (the floor of any placement);
 *  - GET /api/inspections (scope predicate, secrecy rule, joins, count) over 100,000 inspections,
 *    beside the raw SQL of the same page and count run directly on the database.
 *
 *   npx tsx bench/season.bench.ts          (PGlite; DATABASE_URL for a PostgreSQL server, which must be empty)
 */

function proposalInput(targets: number, teams: number): ProposalInput {
  return {
    targets: Array.from({ length: targets }, (_, i) => ({ agencyId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, agencyName: `Cơ quan ${String(i).padStart(5, '0')}` })),
    teams: Array.from({ length: teams }, (_, t) => ({
      teamId: `t${t}`,
      teamName: `Đoàn ${t + 1}`,
      // One person of each team also sits on the next team: double bookings to avoid.
      people: [...Array.from({ length: 4 }, (_, p) => ({ key: `user:${t}-${p}`, name: `${t}-${p}` })), { key: `user:${(t + 1) % teams}-0`, name: 'shared' }],
    })),
    booked: [],
    kind: 'announced',
    from: '2021-05-01',
    to: '2021-12-31',
    capacityPerTeamPerDay: 1,
    calendar: officialCalendar,
    today: '2021-05-10',
    noticeLeadWorkingDays: 2,
    revisitMinDays: 30,
  };
}

function roundRobin(input: ProposalInput) {
  const days: string[] = [];
  for (let d = new Date(`${input.from}T00:00:00Z`); d.toISOString().slice(0, 10) <= input.to; d.setUTCDate(d.getUTCDate() + 1)) {
    const iso = d.toISOString().slice(0, 10);
    if (input.calendar.isWorkingDay(iso)) days.push(iso);
  }
  return input.targets.map((t, i) => ({ agencyId: t.agencyId, teamId: input.teams[i % input.teams.length].teamId, startsOn: days[Math.floor(i / input.teams.length) % days.length] }));
}

function time<T>(runs: number, body: () => T): { ms: number; result: T } {
  let result = body(); // warm-up
  const start = performance.now();
  for (let i = 0; i < runs; i++) result = body();
  return { ms: (performance.now() - start) / runs, result };
}

async function timeAsync(runs: number, body: () => Promise<unknown>) {
  await body();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await body();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { p50: samples[Math.floor(runs / 2)], p95: samples[Math.floor(runs * 0.95)] };
}

export async function run(opts: { inspections?: number; runs?: number } = {}) {
  const total = opts.inspections ?? 100_000;
  const runs = opts.runs ?? 20;

  // The proposal, pure.
  const input = proposalInput(3000, 50);
  const proposal = time(5, () => proposeSchedule(input));
  const baseline = time(5, () => roundRobin(input));

  // The list over 100,000 inspections of the demo plan (all announced, spread over 2021).
  const password = 'bench-password-1';
  const database = process.env.DATABASE_URL ? openPostgres(process.env.DATABASE_URL) : wrapPglite(await PGlite.create({ extensions: pgliteExtensions }));
  await database.migrate();
  await seedDemo(database.db, { password });
  const [plan] = await queryRows<{ id: string }>(database.db, sql`select id from inspection_plan where year = 2021 and status <> 'superseded' order by revision desc limit 1`);
  if (!plan) throw new Error('the demo 2021 plan is missing: the bench needs the demo seed');
  const [{ n: existing }] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from inspection`);
  const insertStart = performance.now();
  await database.db.execute(sql`
    insert into inspection (plan_id, agency_id, team_id, kind, status, starts_on, ends_on, created_by)
    select ${plan.id}::uuid, t.agency_id, tm.id, 'announced', 'planned', d, d, null
      from generate_series(1, ${Math.max(0, total - Number(existing))}) g
      cross join lateral (select agency_id from inspection_plan_target where plan_id = ${plan.id}::uuid order by position offset (g % (select count(*) from inspection_plan_target where plan_id = ${plan.id}::uuid)) limit 1) t
      cross join lateral (select id from inspection_team where plan_id = ${plan.id}::uuid and status = 'founded' order by id limit 1) tm
      cross join lateral (select (date '2021-05-03' + (g % 240))::date as d) dd`);
  await database.db.execute(sql`analyze inspection`);
  const insertMs = performance.now() - insertStart;
  const [{ n: count }] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from inspection`);

  const config = { ...loadConfig({ NODE_ENV: 'production' }), webDistDir: '/nonexistent' };
  const app = await buildApp({ config, database, version: 'bench' });
  const login = await app.inject({ method: 'POST', url: '/api/session', payload: { username: 'secretariat', password } });
  const cookie = [login.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith('par_session='))?.split(';')[0];
  if (!cookie) throw new Error(`no session cookie in the sign-in answer (${login.statusCode})`);
  const page = (q: string) => async () => {
    const res = await app.inject({ method: 'GET', url: `/api/inspections?${q}`, headers: { cookie } });
    if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`);
  };
  const firstPage = await timeAsync(runs, page(`planId=${plan.id}&pageSize=100`));
  const monthPage = await timeAsync(runs, page(`planId=${plan.id}&from=2021-09-01&to=2021-09-30&page=3&pageSize=100`));
  const rawFirst = await timeAsync(runs, async () => {
    await database.db.execute(sql`select i.*, a.name, tm.name from inspection i join agency a on a.id = i.agency_id join inspection_team tm on tm.id = i.team_id
                                   where i.plan_id = ${plan.id}::uuid order by i.starts_on, i.start_time, a.sort_key, i.id limit 100`);
    await database.db.execute(sql`select count(*) from inspection where plan_id = ${plan.id}::uuid`);
  });
  const rawMonth = await timeAsync(runs, async () => {
    await database.db.execute(sql`select i.*, a.name, tm.name from inspection i join agency a on a.id = i.agency_id join inspection_team tm on tm.id = i.team_id
                                   where i.plan_id = ${plan.id}::uuid and i.starts_on <= '2021-09-30' and i.ends_on >= '2021-09-01' order by i.starts_on, i.start_time, a.sort_key, i.id limit 100 offset 200`);
    await database.db.execute(sql`select count(*) from inspection where plan_id = ${plan.id}::uuid and starts_on <= '2021-09-30' and ends_on >= '2021-09-01'`);
  });
  await app.close();
  await database.close();
  return { engine: database.kind, proposal, baseline, placed: proposal.result.placements.length, unplaced: proposal.result.unplaced.length, count, insertMs, firstPage, monthPage, rawFirst, rawMonth };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await run();
  const ms = (n: number) => `${n.toFixed(1).padStart(8)} ms`;
  console.log('Schedule proposal, 3,000 targets × 50 teams (5 people, one shared with the next team), May–December 2021, revisit window 30 days');
  console.log(`  proposeSchedule               ${ms(r.proposal.ms)}   placed ${r.placed}, unplaced ${r.unplaced}`);
  console.log(`  baseline: round robin, no rule ${ms(r.baseline.ms)}   (${(r.proposal.ms / r.baseline.ms).toFixed(1)}× baseline)`);
  console.log(`Inspections list on ${r.engine}, ${r.count} inspections (inserted in ${(r.insertMs / 1000).toFixed(1)} s), as the standing office, p50 / p95 of 20`);
  console.log(`  GET first page (100)          ${ms(r.firstPage.p50)} / ${ms(r.firstPage.p95)}   raw SQL ${ms(r.rawFirst.p50)} / ${ms(r.rawFirst.p95)}   (${(r.firstPage.p50 / r.rawFirst.p50).toFixed(1)}× raw)`);
  console.log(`  GET September, page 3         ${ms(r.monthPage.p50)} / ${ms(r.monthPage.p95)}   raw SQL ${ms(r.rawMonth.p50)} / ${ms(r.rawMonth.p95)}   (${(r.monthPage.p50 / r.rawMonth.p50).toFixed(1)}× raw)`);
}
