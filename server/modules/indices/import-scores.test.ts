import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FrameworkDetail, ScoreImport, Sheet } from '../../../shared/api/indices.schemas.js';
import { queryRows } from '../../db/client.js';
import { countRows, makeAuthority, signInAuthority } from '../../test/factories.js';
import { createTestApp, type Client, type TestApp } from '../../test/harness.js';
import { multipart } from '../../test/multipart.js';
import { tinyRows } from '../../test/xlsx-bomb.js';
import { importScoresJob } from './import-scores.js';
import { parseScoreWorkbook } from './score-workbook.js';
import { publishedFramework } from './test-support.js';

let t: TestApp;
let a: Awaited<ReturnType<typeof makeAuthority>>;
let c: Awaited<ReturnType<typeof signInAuthority>>;
let f: FrameworkDetail;
beforeAll(async () => {
  t = await createTestApp();
  a = await makeAuthority(t.database.db);
  c = await signInAuthority(t.app, a);
  f = await publishedFramework(c.secretariat, a);
});
afterAll(() => t.close());

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A real workbook built with exceljs, as a province would publish it. */
async function workbook(rows: (string | number | null)[][], sheetName = f.code, header: string[] = ['STT', 'Mã đơn vị', 'Tên đơn vị', '1.1 Kế hoạch CCHC', '1.2', '2.1', '2.2 Hồ sơ đúng hạn', 'Tổng điểm']): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Hướng dẫn').addRow(['Điểm thẩm định năm 2021']);
  const ws = wb.addWorksheet(sheetName);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function importFile(client: Client, bytes: Buffer, query = 'year=2021&points=appraised&dryRun=false') {
  const { payload, headers } = multipart([{ name: 'file', filename: 'diem-2021.xlsx', contentType: XLSX, data: bytes }]);
  return client.request({ method: 'POST', url: `/api/index-frameworks/${f.id}/score-imports?${query}`, payload, headers });
}

/** Uploads, runs the job, and answers the import as its requester sees it. */
async function runImport(bytes: Buffer, query?: string): Promise<ScoreImport> {
  const res = await importFile(c.secretariat, bytes, query);
  expect(res.statusCode, res.body).toBe(202);
  expect(res.json().status).toBe('queued');
  const drained = await t.drain({ queues: ['indices.import-scores'] });
  expect(drained.map((d) => d.error ?? d.outcome)).toEqual(["completed"]);
  return (await c.secretariat.get(`/api/index-score-imports/${res.json().id}`)).json() as ScoreImport;
}

const sheetsOf = (unitId: string) => countRows(t.database.db, 'index_score_sheet', sql`unit_id = ${unitId} and framework_id = ${f.id}`);

describe('score import (.xlsx, as a job)', () => {
  it('bounds what one import may cost: a formula cell is refused, rows and the list of errors are capped, a large file is refused before it is stored', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(f.code);
    ws.addRow(['STT', 'Mã đơn vị', 'Tên đơn vị', '1.1 Kế hoạch CCHC', '1.2', '2.1', '2.2 Hồ sơ đúng hạn']);
    ws.addRow([1, a.wardA.code, null, { formula: '1/1', result: 1 }, 2, 2, 4]);
    const formula = await runImport(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(formula.status).toBe('rejected');
    expect(formula.errors.map((e) => [e.code, e.row, e.column, e.value])).toEqual([['formula', 2, 'D', '1/1']]);

    const many = await runImport(await workbook(Array.from({ length: 300 }, (_, i) => [i + 1, `KHONG-CO-${i}`, null, 1, 1, 1, 1])));
    expect(many.status).toBe('rejected');
    expect(many.errors).toHaveLength(201);
    expect(many.errors.at(-1)).toMatchObject({ code: 'too_many_errors', params: { shown: 200, total: 300 } });

    const rows = await runImport(await workbook(Array.from({ length: 5001 }, (_, i) => [i + 1, `X-${i}`, null, 1, 1, 1, 1])));
    expect(rows.errors).toEqual([expect.objectContaining({ code: 'too_many_rows', params: { found: 5001, max: 5000 } })]);

    const before = await countRows(t.database.db, 'index_score_import');
    const big = await importFile(c.secretariat, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(2 * 1024 * 1024)]));
    expect(big.statusCode).toBe(400);
    expect(big.json().invalidParams[0]).toMatchObject({ name: 'body.file', code: 'file_too_large' });
    expect(await countRows(t.database.db, 'index_score_import')).toBe(before);
    expect(await sheetsOf(a.wardA.id)).toBe(0);

    // A bomb under the byte cap (issue 12 review): refused at upload, before ExcelJS, before it is stored.
    const bomb = await importFile(c.secretariat, await tinyRows(30_000));
    expect(bomb.statusCode, bomb.body).toBe(400);
    expect(bomb.json().invalidParams[0]).toMatchObject({ name: 'body.file', code: 'workbook_too_large' });
    expect(await countRows(t.database.db, 'index_score_import')).toBe(before);
    // And in the job, had it been stored before the check existed.
    expect((await parseScoreWorkbook(await tinyRows(30_000), f.code, [], new Set())).errors).toEqual([expect.objectContaining({ code: 'workbook_too_large' })]);
    expect(importScoresJob.retry.limit).toBe(0);
  });

  it('refuses a workbook without the framework’s sheet, naming the sheets it found', async () => {
    const imp = await runImport(await workbook([[1, a.wardA.code, null, 1, 2, 2, 4]], 'Sheet1'));
    expect(imp.status).toBe('rejected');
    expect(imp.errors).toEqual([{ code: 'sheet_not_found', sheet: null, row: null, column: null, value: f.code, params: { found: 'Hướng dẫn, Sheet1' } }]);
    expect(await sheetsOf(a.wardA.id)).toBe(0);
  });

  it('reports every row-level error (unknown unit, score above maximum, duplicate rows, not a number) and writes nothing', async () => {
    const imp = await runImport(
      await workbook([
        [1, a.wardA.code, null, 1, 2, 2, 4],
        [2, 'KHONG-CO', null, 1, 1, 1, 1],
        [3, a.wardB.code, null, 1.5, 3, 2, 4],
        [4, null, `  tam quan bac ${a.tag} `, 1, 'đạt', 2, 4],
        [5, a.wardA.code, null, 1, 1, 1, 1],
        // A ward of another province, which the standing office does not score: as unknown as a typo.
        [6, (await makeAuthority(t.database.db)).wardA.code, null, 1, 1, 1, 1],
      ]),
    );
    expect(imp.status).toBe('rejected');
    const brief = imp.errors.map((e) => [e.code, e.row, e.column, e.value, e.params]);
    expect(brief).toEqual(
      expect.arrayContaining([
        ['unknown_unit', 3, null, 'KHONG-CO', {}],
        ['above_maximum', 4, 'E', '3', { criterion: '1.2', max: 2.5 }],
        ['not_a_number', 5, 'E', 'đạt', {}],
        ['duplicate_unit', 6, null, a.wardA.code, { first: 2 }],
      ]),
    );
    expect(imp.errors.filter((e) => e.code === 'unknown_unit').map((e) => e.row)).toEqual([3, 7]);
    expect(imp.errors.every((e) => e.sheet === f.code || e.sheet === null)).toBe(true);
    expect(imp.errors).toHaveLength(6);
    expect(await sheetsOf(a.wardA.id)).toBe(0);
    expect(await sheetsOf(a.wardB.id)).toBe(0);
  });

  it('names an unknown criterion column and a parent criterion used as a column', async () => {
    const imp = await runImport(await workbook([[1, a.wardA.code, null, 1, 2, 1]], f.code, ['STT', 'Mã đơn vị', 'Tên đơn vị', '9.9 Không có', '1 Chỉ đạo', '1.1']));
    expect(imp.errors.map((e) => [e.code, e.column])).toEqual([['unknown_criterion', 'D'], ['not_a_leaf', 'E']]);
  });

  it('checks a valid file in a dry run without writing, then imports it, keeping the other kinds of points', async () => {
    // Self-assessed points entered in the browser first: the import of appraised points keeps them.
    const ids = Object.fromEntries(f.criteria.map((n) => [n.code, n.id]));
    await c.secretariat.patch(`/api/index-frameworks/${f.id}/sheets/${a.wardA.id}/2021`, { version: null, entries: [{ criterionId: ids['1.1'], selfPoints: 1.5 }] });
    const file = await workbook([
      [1, a.wardA.code, null, 1, '2,5', 2, 3.75],
      [2, null, `Tam Quan Bắc ${a.tag}`, 1.5, 2.5, null, 4],
      [null, null, null, null, null, null, null],
    ]);
    const dry = await runImport(file, 'year=2021&points=appraised&dryRun=true');
    expect(dry).toMatchObject({ status: 'done', dryRun: true, errors: [], summary: { rows: 2, units: 2, values: 7, sheetsCreated: 1, sheetsUpdated: 1 } });
    expect(await sheetsOf(a.wardB.id)).toBe(0);

    const done = await runImport(file);
    expect(done).toMatchObject({ status: 'done', dryRun: false, summary: { units: 2, values: 7 } });
    const sheetA = (await c.secretariat.get(`/api/index-frameworks/${f.id}/sheets/${a.wardA.id}/2021`)).json() as Sheet;
    expect(sheetA.origin).toBe('import');
    expect(sheetA.entries.find((e) => e.criterionId === ids['1.1'])).toMatchObject({ selfPoints: 1.5, appraisedPoints: 1, unmet: true });
    expect(sheetA.summary).toMatchObject({ total: 9.25, indexPct: 92.5 });
    const sheetB = (await c.secretariat.get(`/api/index-frameworks/${f.id}/sheets/${a.wardB.id}/2021`)).json() as Sheet;
    // Ward B's row leaves 2.1 empty: partly scored, so no index yet.
    expect(sheetB.summary).toMatchObject({ total: 8, scoredLeaves: 3, complete: false, indexPct: null });
    const events = await queryRows<{ action: string; actor_id: string }>(t.database.db, sql`select action, actor_id from audit_event where action = 'index_scores.imported' and scope::text like ${`%${a.wardB.id}%`}`);
    expect(events).toEqual([{ action: 'index_scores.imported', actor_id: c.secretariat.userId }]);
  });

  it('refuses roles without index.score before reading the file, and a file that is not a workbook', async () => {
    const file = await workbook([]);
    expect((await importFile(c.leader, file)).statusCode).toBe(403);
    expect((await importFile(c.unitOfficerA, file)).statusCode).toBe(403);
    const notXlsx = await importFile(c.secretariat, Buffer.from('Mã đơn vị;1.1\n'));
    expect(notXlsx.statusCode).toBe(415);
    const res = await importFile(c.secretariat, file);
    expect((await c.leader.get(`/api/index-score-imports/${res.json().id}`)).statusCode).toBe(404);
    await t.drain({ queues: ['indices.import-scores'] });
  });

  it('offers a template that imports back as it is', async () => {
    const res = await c.secretariat.get(`/api/index-frameworks/${f.id}/score-template.xlsx`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(f.code)!;
    expect(ws.getRow(1).values).toEqual([undefined, 'Mã đơn vị', 'Tên đơn vị', '1.1 Kế hoạch CCHC (tối đa 1,5)', '1.2 Báo cáo đúng hạn (tối đa 2,5)', '2.1 Công khai TTHC (tối đa 2)', '2.2 Hồ sơ đúng hạn (tối đa 4)']);
    expect(ws.getColumn(2).values.slice(2)).toEqual([`Hoài Thanh Tây ${a.tag}`, `Tam Quan Bắc ${a.tag}`]);
    ws.getRow(2).getCell(3).value = 1;
    const imp = await runImport(Buffer.from(await wb.xlsx.writeBuffer()), 'year=2020&points=final&dryRun=true');
    // Ward B's row is left blank: no sheet made for it.
    expect(imp).toMatchObject({ status: 'done', errors: [], summary: { rows: 2, units: 2, values: 1, sheetsCreated: 1, sheetsUpdated: 0 } });
  });

  it('counts and writes no sheet for a row without a value: the template uploaded unchanged changes nothing (issue 12 review #5)', async () => {
    const ids = Object.fromEntries(f.criteria.map((n) => [n.code, n.id]));
    await c.secretariat.patch(`/api/index-frameworks/${f.id}/sheets/${a.wardA.id}/2019`, { version: null, entries: [{ criterionId: ids['1.1'], finalPoints: 1 }] });
    const before = (await c.secretariat.get(`/api/index-frameworks/${f.id}/sheets/${a.wardA.id}/2019`)).json() as Sheet;
    const blank = Buffer.from((await c.secretariat.get(`/api/index-frameworks/${f.id}/score-template.xlsx`)).rawPayload);
    const nothing = { rows: 2, units: 2, values: 0, sheetsCreated: 0, sheetsUpdated: 0 };
    expect(await runImport(blank, 'year=2019&points=final&dryRun=true')).toMatchObject({ status: 'done', errors: [], summary: nothing });
    expect(await runImport(blank, 'year=2019&points=final&dryRun=false')).toMatchObject({ status: 'done', errors: [], summary: nothing });
    const after = (await c.secretariat.get(`/api/index-frameworks/${f.id}/sheets/${a.wardA.id}/2019`)).json() as Sheet;
    expect(after).toMatchObject({ version: before.version, origin: before.origin });
    expect(await countRows(t.database.db, 'index_score_sheet', sql`unit_id = ${a.wardB.id} and framework_id = ${f.id} and year = 2019`)).toBe(0);
    expect(await countRows(t.database.db, 'audit_event', sql`action = 'index_scores.imported' and "after"->>'year' = '2019' and "after"->>'frameworkId' = ${f.id}`)).toBe(0);
  });
});
