import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { buildApp, type AppInstance } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { openPglite, openPostgres, pgliteExtensions, queryRows, wrapPglite, type Database } from '../server/db/client.js';
import { seedDemo } from '../server/db/seed/seed-demo.js';
import { defaultScaleOptions, readScaleMarker, seedScale } from '../server/db/seed/scale/index.js';
import { seedScaleFollowUp } from '../server/db/seed/scale/follow-up.js';
import { seededRandom } from '../server/db/seed/scale/names.js';
import { documentKind } from '../server/documents/document-kinds.js';
import { renderDraft } from '../server/documents/document-pipeline.js';
import '../server/documents/kinds/index.js';

/**
 * The follow-up of issue 10 ("Done when"): how long the minutes (Biên bản, Mẫu 1.9) and the
 * conclusion notice (Thông báo kết luận, Mẫu 1.4) take as .docx, and the corrective-actions board
 * at national scale (34 provinces, 3,321 communes, 10 years; a conclusion with 2–4 actions for
 * every closed inspection), each beside a raw-SQL baseline measured in the same run.
 *
 *   npx tsx bench/followup.bench.ts
 *   BENCH_SCALE_DATABASE_URL=postgres://…/scale npx tsx bench/followup.bench.ts  (board; loaded if empty,
 *     topped up with the follow-up rows if loaded before they existed)
 *   BENCH_SCALE_PGLITE_DIR=tmp/bench/scale-pglite (default) for the board on PGlite; BENCH_REQUESTS=40
 */
const requests = Number(process.env.BENCH_REQUESTS ?? 40);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
type Row = [string, { p50: number; p95: number }];

async function measure(run: () => Promise<unknown>, n = requests): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 3; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  return { p50: pct(times, 50), p95: pct(times, 95) };
}

function print(title: string, rows: Row[]) {
  const base = rows[0][1].p50;
  console.log(title);
  for (const [name, f] of rows) console.log(`  ${name.padEnd(62)} p50 ${f.p50.toFixed(1).padStart(8)} ms  p95 ${f.p95.toFixed(1).padStart(8)} ms  (${(f.p50 / base).toFixed(1)}× baseline p50)`);
}

async function signIn(app: AppInstance, username: string, password: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username}: ${res.statusCode} ${res.body}`);
  return res.cookies.find((c) => c.name === 'par_session')!.value;
}
const get = (app: AppInstance, cookie: string, url: string) => async () => {
  const res = await app.inject({ method: 'GET', url, cookies: { par_session: cookie } });
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  return res.rawPayload.length;
};
const appOn = (database: Database) => buildApp({ config: { ...loadConfig({ NODE_ENV: 'production' }), webDistDir: '/nonexistent' }, database, version: 'bench' });

/** The minutes and the conclusion of the 2021 demo as .docx: view model, rendering, and the download route. */
async function documents() {
  const password = 'bench-password-1';
  const database = wrapPglite(await PGlite.create({ extensions: pgliteExtensions }));
  await database.migrate();
  await seedDemo(database.db, { password });
  const app = await appOn(database);
  const cookie = await signIn(app, 'secretariat', password);
  const [ids] = await queryRows<{ minutes: string; issued: string; draft: string }>(
    database.db,
    sql`select (select m.id from inspection_minutes m join inspection i on i.id = m.inspection_id join inspection_plan p on p.id = i.plan_id where p.year = 2021 order by i.starts_on limit 1) as minutes,
               (select c.id from inspection_conclusion c join inspection i on i.id = c.inspection_id join inspection_plan p on p.id = i.plan_id where p.year = 2021 and c.status = 'issued' limit 1) as issued,
               (select c.id from inspection_conclusion c join inspection i on i.id = c.inspection_id join inspection_plan p on p.id = i.plan_id where p.year = 2021 and c.status = 'draft' limit 1) as draft`,
  );
  const minutesKind = documentKind('minutes')!;
  const conclusionKind = documentKind('conclusion')!;
  const rows: Row[] = [];
  // Baseline: the rows the documents are made from, read with plain SQL (no scope, no view model).
  rows.push([
    'raw SQL: the minutes and conclusion rows, actions, inspection',
    await measure(() =>
      queryRows(
        database.db,
        sql`select m.content, c.content, i.starts_on, (select json_agg(a.*) from corrective_action a where a.conclusion_id = c.id)
              from inspection_minutes m join inspection i on i.id = m.inspection_id left join inspection_conclusion c on c.inspection_id = i.id where m.id = ${ids.minutes}::uuid`,
      ),
    ),
  ]);
  rows.push(['minutes: view model (reads)', await measure(() => minutesKind.viewModel(database.db, ids.minutes))]);
  const minutesModel = await minutesKind.viewModel(database.db, ids.minutes);
  rows.push(['minutes: render .docx from the view model', await measure(() => renderDraft(database.db, minutesModel))]);
  rows.push(['conclusion: view model (reads)', await measure(() => conclusionKind.viewModel(database.db, ids.draft))]);
  const conclusionModel = await conclusionKind.viewModel(database.db, ids.draft);
  rows.push(['conclusion: render .docx from the view model', await measure(() => renderDraft(database.db, conclusionModel))]);
  rows.push(['GET minutes .docx (final: the frozen bytes)', await measure(get(app, cookie, `/api/documents/minutes/${ids.minutes}.docx`))]);
  rows.push(['GET conclusion .docx (draft: rendered live)', await measure(get(app, cookie, `/api/documents/conclusion/${ids.draft}.docx`))]);
  rows.push(['GET conclusion .docx (issued: the frozen bytes)', await measure(get(app, cookie, `/api/documents/conclusion/${ids.issued}.docx`))]);
  print(`Minutes and conclusion .docx on the 2021 demo (PGlite), ${requests} runs each, one at a time`, rows);
  await app.close();
  await database.close();
}

/** The corrective-actions board and its list at national scale. */
async function board() {
  const url = process.env.BENCH_SCALE_DATABASE_URL;
  const dir = path.resolve(process.env.BENCH_SCALE_PGLITE_DIR ?? 'tmp/bench/scale-pglite');
  if (!url && !fs.existsSync(dir)) {
    console.log(`corrective-actions board: skipped — no national-scale database (set BENCH_SCALE_DATABASE_URL, or load PGlite with npm run seed:scale -- --pglite ${path.relative(process.cwd(), dir)})`);
    return;
  }
  const database: Database = url ? openPostgres(url, 4) : await openPglite(dir);
  await database.migrate();
  const marker = (await readScaleMarker(database)) ?? (await seedScale(database, defaultScaleOptions(database.kind)));
  const [{ n }] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from corrective_action`);
  if (n === 0) {
    console.log('corrective-actions board: the scale data predates the follow-up rows; adding them …');
    const added = await seedScaleFollowUp(database.db, seededRandom(marker.options.seed + 10), marker.options.lastYear);
    await database.db.execute(sql`analyze`);
    console.log(`  ${JSON.stringify(added)}`);
  }
  const [counts] = await queryRows<{ conclusions: number; actions: number }>(database.db, sql`select (select count(*)::int from inspection_conclusion) as conclusions, (select count(*)::int from corrective_action) as actions`);
  const year = marker.options.lastYear - 1;
  const app = await appOn(database);
  const national = await signIn(app, marker.accounts.nationalAdmin, marker.accounts.password);
  const secretariat = await signIn(app, marker.accounts.provinceSecretariat, marker.accounts.password);
  const today = new Date().toISOString().slice(0, 10);
  const state = sql`case when a.status = 'closed' then 'closed' when a.due_on < ${today}::date then 'overdue' else 'open' end`;
  // Baseline: the board's two groupings over the whole country's year, no scope, no app.
  const floor = async () => {
    await queryRows(database.db, sql`select i.agency_id, ${state} s, count(*) from corrective_action a join inspection_conclusion c on c.id = a.conclusion_id join inspection i on i.id = c.inspection_id join inspection_plan p on p.id = i.plan_id where p.year = ${year} and a.status <> 'draft' group by 1, 2`);
    await queryRows(database.db, sql`select a.content_group, ${state} s, count(*) from corrective_action a join inspection_conclusion c on c.id = a.conclusion_id join inspection i on i.id = c.inspection_id join inspection_plan p on p.id = i.plan_id where p.year = ${year} and a.status <> 'draft' group by 1, 2`);
  };
  const rows: Row[] = [];
  rows.push(['raw SQL floor: the board’s two groupings, whole country, one year', await measure(floor)]);
  rows.push([`GET /api/corrective-actions/board national admin (${year})`, await measure(get(app, national, `/api/corrective-actions/board?year=${year}`))]);
  rows.push([`GET /api/corrective-actions/board province secretariat (${year})`, await measure(get(app, secretariat, `/api/corrective-actions/board?year=${year}`))]);
  rows.push([`GET /api/corrective-actions?overdue=true national admin (page 1)`, await measure(get(app, national, `/api/corrective-actions?year=${year}&overdue=true`))]);
  rows.push([`GET /api/corrective-actions/board national admin (all years)`, await measure(get(app, national, `/api/corrective-actions/board`))]);
  for (const [who, cookie] of [['national admin', national], ['province secretariat', secretariat]] as const) {
    const res = await app.inject({ method: 'GET', url: `/api/corrective-actions/board?year=${year}`, cookies: { par_session: cookie } });
    const b = res.json() as { total: unknown; byAgency: unknown[]; agencyCount?: number };
    console.log(`  board of ${year} seen by the ${who}: ${JSON.stringify(b.total)} over ${b.agencyCount ?? b.byAgency.length} units (${b.byAgency.length} in the answer, ${(res.rawPayload.length / 1024).toFixed(1)} KB)`);
  }
  print(`Corrective-actions board at national scale on ${database.kind} (${counts.conclusions} conclusions, ${counts.actions} actions; ${JSON.stringify(marker.counts)}), ${requests} requests each, one at a time`, rows);
  await app.close();
  await database.close();
}

if (!process.env.BENCH_ONLY || process.env.BENCH_ONLY === 'documents') await documents();
if (!process.env.BENCH_ONLY || process.env.BENCH_ONLY === 'board') await board();
