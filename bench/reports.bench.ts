import { performance } from 'node:perf_hooks';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { pgliteExtensions, queryRows, wrapPglite } from '../server/db/client.js';
import { agency, reportRequest, reportSubmission, reportTemplate, unit } from '../server/db/schema/index.js';
import { seedDemo } from '../server/db/seed/seed-demo.js';
import { vietnameseSortKey } from '../shared/domain/vietnamese.js';
import pino from 'pino';
import type { AppDeps } from '../server/app.js';
import { drainJobs } from '../server/jobs/drain.js';
import { jobRegistry } from '../server/jobs/registry.js';
import { createJobRuntime } from '../server/jobs/runtime.js';

/**
 * Compiling one request's reports (issue 9, "Done when"): 3,400 units' accepted periodic CCHC
 * reports (the standard template: six tables, 22 fixed rows) as the compilation job does it:
 * POST /api/report-requests/{id}/compilations (authorized, recorded, enqueued), the job's work
 * (drained from the queue: the reports read a page at a time with its progress written, the .xlsx and the
 * .docx skeleton of the office's report rendered and stored), then the .xlsx downloaded — beside
 * the raw-SQL floor of the same run: the rows read straight from the database and the dossiers
 * table summed in SQL, no app. The 25 MB upload's memory peak is bench/files.bench.ts (a report's
 * attachments and its report made outside go through the same /api/files).
 *
 *   npx tsx bench/reports.bench.ts      BENCH_UNITS=3400 BENCH_REQUESTS=5
 */
const UNITS = Number(process.env.BENCH_UNITS ?? 3400);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 5);
const password = 'bench-password-1';

const database = wrapPglite(await PGlite.create({ extensions: pgliteExtensions }));
await database.migrate();
await seedDemo(database.db, { password });
const db = database.db;
const [owner] = await queryRows<{ id: string; unit_id: string }>(db, sql`select id, unit_id from agency where name = 'Ủy ban nhân dân thị xã Hoài Nhơn'`);
const [tpl] = await db.select({ id: reportTemplate.id, body: reportTemplate.body }).from(reportTemplate).where(sql`${reportTemplate.ownerAgencyId} = ${owner.id} and ${reportTemplate.code} = 'cchc_periodic'`);
const [town] = await db.select({ id: unit.id }).from(unit).where(sql`${unit.id} = ${owner.unit_id}`);

// 3,400 units asked (communes under the town, for the bench), each with an accepted report.
const t0 = performance.now();
const ids: string[] = [];
for (let i = 0; i < UNITS; i += 500) {
  const rows = await db
    .insert(agency)
    .values(Array.from({ length: Math.min(500, UNITS - i) }, (_, j) => ({ unitId: town.id, parentAgencyId: owner.id, name: `Đơn vị thử ${i + j + 1}`, sortKey: vietnameseSortKey(`Đơn vị thử ${String(i + j + 1).padStart(5, '0')}`), kind: 'office' as const, code: `BENCH-${i + j}`, active: true })))
    .returning({ id: agency.id });
  ids.push(...rows.map((r) => r.id));
}
const [request] = await db.insert(reportRequest).values({ ownerAgencyId: owner.id, templateId: tpl.id, kind: 'ad_hoc', status: 'open', title: 'Báo cáo thử 3.400 đơn vị', dueOn: '2021-06-20', targetAgencyIds: ids }).returning({ id: reportRequest.id });
const body = tpl.body as { items: { type: string; key: string; fixedRows: { key: string }[] | null; columns: { key: string; type: string }[] }[] };
const content = (n: number) => ({
  answers: Object.fromEntries(body.items.filter((x) => x.type === 'section').map((x) => [x.key, `Nội dung ${n}`])),
  tables: Object.fromEntries(body.items.filter((x) => x.type === 'table' && x.fixedRows).map((x) => [x.key, x.fixedRows!.map((_, r) => Object.fromEntries(x.columns.filter((c) => c.type !== 'text').map((c) => [c.key, c.type === 'percent' ? 90 : (n * 7 + r) % 200])))])),
});
for (let i = 0; i < ids.length; i += 500) {
  await db.insert(reportSubmission).values(ids.slice(i, i + 500).map((agencyId, j) => ({ requestId: request.id, agencyId, status: 'accepted', late: false, content: content(i + j), submittedAt: new Date() })));
}
console.log(`loaded ${UNITS} units and their accepted reports in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const deps: AppDeps = { config: { ...loadConfig({ NODE_ENV: 'production' }), webDistDir: '/nonexistent' }, database, version: 'bench', logger: false };
deps.jobs = createJobRuntime(deps, { definitions: jobRegistry, mode: 'client', log: pino({ level: 'silent' }) });
await deps.jobs.install();
const app = await buildApp(deps);
const login = await app.inject({ method: 'POST', url: '/api/session', payload: { username: 'secretariat', password } });
const cookie = login.cookies.find((c) => c.name === 'par_session')!.value;
const csrf = (login.json() as { csrfToken: string }).csrfToken;

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
async function measure(run: () => Promise<number>) {
  await run();
  const times: number[] = [];
  let size = 0;
  for (let i = 0; i < REQUESTS; i++) {
    const s = performance.now();
    size = await run();
    times.push(performance.now() - s);
  }
  return { p50: pct(times, 50), max: Math.max(...times), size };
}
const floor = await measure(async () => {
  const rows = await queryRows<{ name: string; content: unknown }>(db, sql`select a.name, s.content from report_submission s join agency a on a.id = s.agency_id where s.request_id = ${request.id}::uuid and s.status = 'accepted' order by a.sort_key collate "C"`);
  await queryRows(db, sql`select r.ord, sum((r.row->>'received')::numeric) from report_submission s, jsonb_array_elements(s.content->'tables'->'dossiers') with ordinality r(row, ord) where s.request_id = ${request.id}::uuid and s.status = 'accepted' group by r.ord`);
  return rows.length;
});
const heap0 = process.memoryUsage().heapUsed;
let docxBytes = 0;
const compiled = await measure(async () => {
  const started = await app.inject({ method: 'POST', url: `/api/report-requests/${request.id}/compilations`, cookies: { par_session: cookie }, headers: { 'x-csrf-token': csrf } });
  if (started.statusCode !== 202) throw new Error(`compilation: ${started.statusCode} ${started.body.slice(0, 200)}`);
  const id = (started.json() as { id: string }).id;
  const [ran] = await drainJobs(deps.jobs!, { queues: ['reports.compile'] });
  if (ran?.outcome !== 'completed') throw new Error(`compilation job: ${ran?.outcome} ${ran?.error ?? ''}`);
  const [xlsx, docx] = await Promise.all(['compilation.xlsx', 'report.docx'].map((f) => app.inject({ method: 'GET', url: `/api/report-compilations/${id}/${f}`, cookies: { par_session: cookie } })));
  if (xlsx.statusCode !== 200 || docx.statusCode !== 200) throw new Error(`compiled files: ${xlsx.statusCode} ${docx.statusCode}`);
  docxBytes = docx.rawPayload.length;
  return xlsx.rawPayload.length;
});
const heapMb = (process.memoryUsage().heapUsed - heap0) / 1024 / 1024;
console.log(`Compiling one request of ${UNITS} units (PGlite, ${REQUESTS} runs each)`);
console.log(`  raw SQL floor (rows read + dossiers summed in SQL)   p50 ${floor.p50.toFixed(0).padStart(6)} ms  max ${floor.max.toFixed(0).padStart(6)} ms  (${floor.size} rows)`);
console.log(`  compilation job (POST, run, .xlsx + .docx fetched)  p50 ${compiled.p50.toFixed(0).padStart(6)} ms  max ${compiled.max.toFixed(0).padStart(6)} ms  (.xlsx ${(compiled.size / 1024).toFixed(0)} kB, .docx ${(docxBytes / 1024).toFixed(0)} kB, ${(compiled.p50 / floor.p50).toFixed(1)}× floor; heap after ${heapMb.toFixed(0)} MB)`);
await app.close();
await database.close();
