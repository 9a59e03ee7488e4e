import ExcelJS from 'exceljs';
import { PGlite } from '@electric-sql/pglite';
import { pino } from 'pino';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../server/config.js';
import { buildApp, type AppDeps } from '../server/app.js';
import { pgliteExtensions, queryRows, wrapPglite } from '../server/db/client.js';
import { drainJobs } from '../server/jobs/drain.js';
import { jobRegistry } from '../server/jobs/registry.js';
import { createJobRuntime } from '../server/jobs/runtime.js';
import { publishedFramework, frameworkBody } from '../server/modules/indices/test-support.js';
import { makeAuthority, makeUnit, signInAuthority } from '../server/test/factories.js';
import type { Client } from '../server/test/harness.js';
import { multipart } from '../server/test/multipart.js';
import { ms, ratio } from './lib/stats.js';

/**
 * The .xlsx imports other than the registry's (bench/registry-import.bench.ts): assigned tasks,
 * an index framework's criteria and a year's index scores, each at its row cap or near it, through
 * the API and the job as a user runs them (upload 202, job drained; a dry run, then the real
 * import). Beside each, in the same run and the same database, the floor: the same workbook read
 * by exceljs (the parse every import pays) plus its rows written as one multi-row insert of the
 * same width into a scratch table (no checks, no audit). Figures only.
 *
 *   BENCH_IMPORT_ROWS  tasks,criteria,scores rows (default 1000,1000,1000; caps 1000, 1000, 5000)
 */
const [taskRows, criteriaRows, scoreRows] = (process.env.BENCH_IMPORT_ROWS ?? '1000,1000,1000').split(',').map(Number);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

async function workbook(sheets: { name: string; rows: unknown[][] }[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const r of s.rows) ws.addRow(r);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const lite = await PGlite.create({ extensions: pgliteExtensions });
const database = wrapPglite(lite);
await database.migrate();
const config = { ...loadConfig({ NODE_ENV: 'production', PAR_DATA_DIR: 'tmp/unused' }), webDistDir: '/nonexistent' };
const deps: AppDeps = { config, database, version: 'bench', logger: false };
deps.jobs = createJobRuntime(deps, { definitions: jobRegistry, mode: 'client', log: pino({ level: 'silent' }) });
await deps.jobs.install();
const app = await buildApp(deps);
const db = database.db;

/** Uploads, drains the job, reads the import back; the wall and CPU time of both. */
async function run(client: Client, url: string, bytes: Buffer, readBack: (id: string) => string) {
  const body = multipart([{ name: 'file', filename: 'bench.xlsx', contentType: XLSX, data: bytes }]);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const res = await client.request({ method: 'POST', url, payload: body.payload, headers: body.headers });
  if (res.statusCode !== 202) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 400)}`);
  await drainJobs(deps.jobs!);
  const wall = performance.now() - t0;
  const cpu = cpuMs(process.cpuUsage(c0));
  const imp = (await client.get(readBack((res.json() as { id: string }).id))).json() as { status: string; errors: unknown[] };
  if (imp.status !== 'done') throw new Error(`${url}: ${imp.status} ${JSON.stringify(imp.errors).slice(0, 400)}`);
  return { wall, cpu };
}

/** The floor: exceljs reads the workbook, then its data rows go into a scratch table in one statement. */
async function floor(bytes: Buffer, sheet: string) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: string[][] = [];
  wb.getWorksheet(sheet)!.eachRow((row, n) => {
    if (n > 1) rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v))));
  });
  const width = Math.max(...rows.map((r) => r.length));
  await db.execute(sql.raw(`create temporary table if not exists floor_rows (${Array.from({ length: width }, (_, i) => `c${i} text`).join(', ')})`));
  await db.execute(sql`truncate floor_rows`);
  await db.execute(sql`insert into floor_rows values ${sql.join(rows.map((r) => sql`(${sql.join(Array.from({ length: width }, (_, i) => sql`${r[i] ?? null}`), sql`, `)})`), sql`, `)}`);
  return { wall: performance.now() - t0, cpu: cpuMs(process.cpuUsage(c0)) };
}

type Timing = { wall: number; cpu: number };
const lines: string[] = [];
function report(what: string, rows: number, dry: Timing, real: Timing, base: Timing) {
  lines.push(
    `  ${what.padEnd(22)} ${String(rows).padStart(5)} rows: dry run ${ms(dry.wall).padStart(7)} ms, import ${ms(real.wall).padStart(7)} ms (${((rows / real.wall) * 1000).toFixed(0)} rows/s, CPU ${ms(real.cpu)} ms); ` +
      `floor ${ms(base.wall)} ms (CPU ${ms(base.cpu)} ms) → ${ratio(real.wall / base.wall)} the floor (CPU ${ratio(real.cpu / base.cpu)})`,
  );
}

try {
  const a = await makeAuthority(db);
  const c = await signInAuthority(app, a);

  // Assigned tasks: owners by code, co-owners by name, deadlines as dates and as working days.
  {
    const header = ['TT', 'Số, ký hiệu văn bản', 'Ngày văn bản', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời hạn'];
    const owners = [a.homeAffairs.code, a.wardACommittee.code, a.wardBCommittee.code];
    const rows = Array.from({ length: taskRows }, (_, i) => [i + 1, `${100 + (i % 50)}/KL-UBND`, '10/05/2021', `Nhiệm vụ khắc phục số ${i + 1}: rà soát thủ tục hành chính`, owners[i % 3], i % 2 ? a.homeAffairs.name : '', i % 4 ? '30/06/2021' : '10 ngày làm việc']);
    const bytes = await workbook([{ name: 'Danh mục', rows: [header, ...rows] }]);
    const url = (dry: boolean) => `/api/assigned-tasks/imports?assigningAgencyId=${a.townCommittee.id}&dryRun=${dry}`;
    const back = (id: string) => `/api/assigned-task-imports/${id}`;
    const dry = await run(c.secretariat, url(true), bytes, back);
    const real = await run(c.secretariat, url(false), bytes, back);
    report('assigned tasks', taskRows, dry, real, await floor(bytes, 'Danh mục'));
  }

  // Criteria: areas of 19 criteria each, into a draft framework.
  {
    const header = ['Mã', 'Tên tiêu chí', 'Điểm tối đa', 'Phương pháp chấm', 'Tài liệu kiểm chứng', 'Ngưỡng chưa đạt'];
    const rows: unknown[][] = [];
    for (let area = 1; rows.length < criteriaRows; area++) {
      rows.push([String(area), `Lĩnh vực ${area}`, null, null, null, null]);
      for (let k = 1; k <= 19 && rows.length < criteriaRows; k++) rows.push([`${area}.${k}`, `Tiêu chí ${area}.${k}: công khai thủ tục hành chính`, 1, 'Thẩm định', 'Báo cáo năm', null]);
    }
    const bytes = await workbook([{ name: 'Hướng dẫn', rows: [['Bộ chỉ số (bench)']] }, { name: 'Tiêu chí', rows: [header, ...rows] }]);
    const draft = await c.secretariat.post('/api/index-frameworks', frameworkBody(a, { code: `PAR-BENCH-${a.tag}`, criteria: [] }));
    if (draft.statusCode !== 201) throw new Error(`framework: ${draft.body}`);
    const id = (draft.json() as { id: string }).id;
    const url = (dry: boolean) => `/api/index-frameworks/${id}/criteria-imports?dryRun=${dry}`;
    const back = (importId: string) => `/api/index-framework-imports/${importId}`;
    const dry = await run(c.secretariat, url(true), bytes, back);
    const real = await run(c.secretariat, url(false), bytes, back);
    report('index criteria', rows.length, dry, real, await floor(bytes, 'Tiêu chí'));
  }

  // Scores: one row per ward of the town (made first), four criteria each.
  {
    const f = await publishedFramework(c.secretariat, a);
    const codes: string[] = [];
    for (let i = 0; i < scoreRows; i++) {
      const code = `SW-${a.tag}-${i}`;
      await makeUnit(db, { name: `Phường Bench ${i}`, kind: 'ward', parentId: a.town.id, code });
      codes.push(code);
    }
    const header = ['STT', 'Mã đơn vị', 'Tên đơn vị', '1.1 Kế hoạch CCHC', '1.2', '2.1', '2.2 Hồ sơ đúng hạn', 'Tổng điểm'];
    const rows = codes.map((code, i) => [i + 1, code, null, 1, 2, (i % 3) * 0.5, 3.5, null]);
    const bytes = await workbook([{ name: 'Hướng dẫn', rows: [['Điểm thẩm định năm 2021']] }, { name: f.code, rows: [header, ...rows] }]);
    const url = (dry: boolean) => `/api/index-frameworks/${f.id}/score-imports?year=2021&points=appraised&dryRun=${dry}`;
    const back = (id: string) => `/api/index-score-imports/${id}`;
    const dry = await run(c.secretariat, url(true), bytes, back);
    const real = await run(c.secretariat, url(false), bytes, back);
    const [{ n }] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from index_score_sheet where framework_id = ${f.id}`);
    if (n !== scoreRows) throw new Error(`scores: ${n} sheets written of ${scoreRows}`);
    report('index scores', scoreRows, dry, real, await floor(bytes, f.code));
  }
  console.log('Other .xlsx imports on PGlite, through the API and the job (upload, then the job drained), beside the floor in the same run:');
  for (const l of lines) console.log(l);
} finally {
  await app.close();
  await deps.jobs.stop();
  await database.close();
}
