import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FrameworkDetail, FrameworkImport } from '../../../shared/api/indices.schemas.js';
import { countRows, makeAuthority, signInAuthority } from '../../test/factories.js';
import { createTestApp, type Client, type TestApp } from '../../test/harness.js';
import { multipart } from '../../test/multipart.js';
import { frameworkBody, publishedFramework } from './test-support.js';

let t: TestApp;
let a: Awaited<ReturnType<typeof makeAuthority>>;
let c: Awaited<ReturnType<typeof signInAuthority>>;
beforeAll(async () => {
  t = await createTestApp();
  a = await makeAuthority(t.database.db);
  c = await signInAuthority(t.app, a);
});
afterAll(() => t.close());

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADER = ['Mã', 'Tên tiêu chí', 'Điểm tối đa', 'Phương pháp chấm', 'Tài liệu kiểm chứng', 'Ngưỡng chưa đạt'];
let n = 0;

async function draft(): Promise<FrameworkDetail> {
  const res = await c.secretariat.post('/api/index-frameworks', frameworkBody(a, { code: `PAR-NHAP-${a.tag}-${++n}`, criteria: [] }));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as FrameworkDetail;
}

async function workbook(rows: (string | number | null | ExcelJS.CellFormulaValue)[][], sheetName = 'Tiêu chí', header = HEADER): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Hướng dẫn').addRow(['Bộ chỉ số cấp xã (minh họa)']);
  const ws = wb.addWorksheet(sheetName);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function upload(client: Client, frameworkId: string, bytes: Buffer, dryRun = false) {
  const { payload, headers } = multipart([{ name: 'file', filename: 'tieu-chi.xlsx', contentType: XLSX, data: bytes }]);
  return client.request({ method: 'POST', url: `/api/index-frameworks/${frameworkId}/criteria-imports?dryRun=${dryRun}`, payload, headers });
}

async function runImport(frameworkId: string, bytes: Buffer, dryRun = false): Promise<FrameworkImport> {
  const res = await upload(c.secretariat, frameworkId, bytes, dryRun);
  expect(res.statusCode, res.body).toBe(202);
  const drained = await t.drain({ queues: ['indices.import-criteria'] });
  expect(drained.map((d) => d.error ?? d.outcome)).toEqual(['completed']);
  return (await c.secretariat.get(`/api/index-framework-imports/${res.json().id}`)).json() as FrameworkImport;
}

const GOOD = [
  ['1', 'Chỉ đạo, điều hành', 4, null, null, null],
  ['1.1', 'Kế hoạch CCHC', 1.5, 'Thẩm định', 'Kế hoạch CCHC năm', null],
  ['1.2', 'Báo cáo đúng hạn', '2,5', 'Tự đánh giá', null, null],
  ['2', 'Cải cách TTHC', null, null, null, null], // a parent left empty: the sum of its parts
  ['2.2', 'Hồ sơ đúng hạn', 4, 'survey', null, 3],
  ['2.1', 'Công khai TTHC', 2, null, null, null],
];

describe('criteria import (.xlsx, as a job)', () => {
  it('checks a valid file in a dry run without writing, then replaces the draft’s tree, audited; the export reads back the same', async () => {
    const f = await draft();
    const dry = await runImport(f.id, await workbook(GOOD), true);
    expect(dry).toMatchObject({ status: 'done', dryRun: true, errors: [], summary: { rows: 6, areas: 2, criteria: 4, subCriteria: 0, maxPoints: 10 } });
    expect(((await c.secretariat.get(`/api/index-frameworks/${f.id}`)).json() as FrameworkDetail).criteria).toEqual([]);

    const done = await runImport(f.id, await workbook(GOOD));
    expect(done.status).toBe('done');
    const after = (await c.secretariat.get(`/api/index-frameworks/${f.id}`)).json() as FrameworkDetail;
    expect(after.version).toBe(f.version + 1);
    const byCode = Object.fromEntries(after.criteria.map((x) => [x.code, x]));
    expect(Object.keys(byCode).sort()).toEqual(['1', '1.1', '1.2', '2', '2.1', '2.2']);
    expect(byCode['2']).toMatchObject({ maxPoints: 6 });
    expect(byCode['1.2']).toMatchObject({ maxPoints: 2.5, scoringMethod: 'self_assessed' });
    expect(byCode['1.1']).toMatchObject({ scoringMethod: 'appraised', expectedEvidence: 'Kế hoạch CCHC năm' });
    expect(byCode['2.2']).toMatchObject({ scoringMethod: 'survey', unmetBelow: 3 });
    expect(await countRows(t.database.db, 'audit_event', sql`action = 'index_framework.updated' and entity_id = ${f.id}`)).toBe(1);

    // The export of the tree is a file the import takes back as it is.
    const exported = await c.secretariat.get(`/api/index-frameworks/${f.id}/criteria.xlsx`);
    expect(exported.statusCode).toBe(200);
    const again = await runImport(f.id, exported.rawPayload, true);
    expect(again).toMatchObject({ status: 'done', errors: [], summary: { areas: 2, criteria: 4, maxPoints: 10 } });
  });

  it('reports every row-level error with its row and column, and writes nothing', async () => {
    const f = await draft();
    const imp = await runImport(
      f.id,
      await workbook([
        ['1', 'Chỉ đạo, điều hành', 4, null, null, null],
        ['1.1', 'Kế hoạch CCHC', 1.5, null, null, null],
        ['1.1', 'Lặp lại', 1, null, null, null], // duplicate code
        ['1.2', '', 2.5, null, null, null], // no name
        ['3.1', 'Không có lĩnh vực 3', 1, null, null, null], // unknown parent
        ['2', 'Cải cách TTHC', 5, null, null, null], // 5 ≠ 2 + 1
        ['2.1', 'Công khai', 2, 'Bốc thăm', null, null], // unknown method
        ['2.2', 'Hồ sơ', 'bảy', null, null, null], // not a number
        ['2.3', 'Không điểm', null, null, null, null], // a leaf without points
        ['2.4', 'Âm', -1, null, null, null],
        ['1.2.3.4', 'Quá sâu', 1, null, null, null],
        ['A.1', 'Mã sai', 1, null, null, null],
        ['4', 'Ngưỡng', 2, null, null, 3], // threshold above the maximum
      ]),
    );
    expect(imp.status).toBe('rejected');
    expect(imp.errors.map((e) => [e.code, e.row, e.column])).toEqual([
      ['duplicate_code', 4, 'A'],
      ['missing_name', 5, 'B'],
      ['unknown_parent', 6, 'A'],
      ['max_points_mismatch', 7, 'C'],
      ['unknown_scoring_method', 8, 'D'],
      ['not_a_number', 9, 'C'],
      ['missing_points', 10, 'C'],
      ['negative', 11, 'C'],
      ['too_deep', 12, 'A'],
      ['bad_code', 13, 'A'],
      ['above_maximum', 14, 'F'],
    ]);
    expect(imp.errors.find((e) => e.code === 'duplicate_code')!.params).toEqual({ first: 3 });
    expect(((await c.secretariat.get(`/api/index-frameworks/${f.id}`)).json() as FrameworkDetail).criteria).toEqual([]);
  });

  it('refuses a workbook without the sheet or the columns, a formula, and bounds rows and errors', async () => {
    const f = await draft();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('A');
    wb.addWorksheet('B');
    const sheet = await runImport(f.id, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(sheet.errors).toEqual([expect.objectContaining({ code: 'sheet_not_found', value: 'Tiêu chí', params: { found: 'A, B' } })]);

    const columns = await runImport(f.id, await workbook([['1', 'X', 1]], 'Tiêu chí', ['STT', 'Nội dung', 'Điểm tối đa']));
    expect(columns.errors).toEqual([expect.objectContaining({ code: 'no_code_column', row: 1 })]);

    const formula = await runImport(f.id, await workbook([['1', 'X', { formula: '1+1', result: 2 }]]));
    expect(formula.errors.map((e) => [e.code, e.row, e.column])).toEqual([['formula', 2, 'C']]);

    const many = await runImport(f.id, await workbook(Array.from({ length: 1001 }, (_, i) => [String(i + 1), `Lĩnh vực ${i + 1}`, 1])));
    expect(many.errors).toEqual([expect.objectContaining({ code: 'too_many_rows', params: { found: 1001, max: 1000 } })]);

    const errors = await runImport(f.id, await workbook(Array.from({ length: 300 }, (_, i) => [`x${i}`, 'Sai', 1])));
    expect(errors.errors).toHaveLength(201);
    expect(errors.errors.at(-1)).toMatchObject({ code: 'too_many_errors', params: { shown: 200, total: 300 } });
  });

  it('refuses before reading the file: roles that cannot manage frameworks (403), a published framework (409), another’s import (404)', async () => {
    const f = await draft();
    const bytes = await workbook(GOOD);
    expect((await upload(c.leader, f.id, bytes)).statusCode).toBe(403);
    const published = await publishedFramework(c.secretariat, a, { code: `PAR-XB-${a.tag}` });
    const before = await countRows(t.database.db, 'index_framework_import');
    const frozen = await upload(c.secretariat, published.id, bytes);
    expect(frozen.statusCode).toBe(409);
    expect(await countRows(t.database.db, 'index_framework_import')).toBe(before);
    const notZip = await upload(c.secretariat, f.id, Buffer.from('Mã,Tên\n1,X'));
    expect(notZip.statusCode).toBe(415);

    const res = await upload(c.secretariat, f.id, bytes, true);
    expect((await c.leader.get(`/api/index-framework-imports/${res.json().id}`)).statusCode).toBe(404);
    await t.drain({ queues: ['indices.import-criteria'] });
  });

  it('leaves a draft published in between alone: the import fails, nothing written', async () => {
    const f = await draft();
    const res = await upload(c.secretariat, f.id, await workbook(GOOD));
    expect(res.statusCode).toBe(202);
    // Published before the job runs (the tree must be non-empty to publish: give it one by hand).
    const withTree = await c.secretariat.patch(`/api/index-frameworks/${f.id}`, { version: f.version, criteria: [{ code: '1', name: 'Một', maxPoints: 1 }] });
    expect(withTree.statusCode, withTree.body).toBe(200);
    expect((await c.secretariat.post(`/api/index-frameworks/${f.id}/publish`, { version: withTree.json().version })).statusCode).toBe(200);
    await t.drain({ queues: ['indices.import-criteria'] });
    const imp = (await c.secretariat.get(`/api/index-framework-imports/${res.json().id}`)).json() as FrameworkImport;
    expect(imp.status).toBe('failed');
    expect(((await c.secretariat.get(`/api/index-frameworks/${f.id}`)).json() as FrameworkDetail).criteria.map((x) => x.code)).toEqual(['1']);
  });
  it('stores a three-level tree written in one statement: each node under its parent, at its level and position; a second import replaces it whole', async () => {
    const f = await draft();
    const rows: (string | number | null)[][] = [];
    for (let area = 1; area <= 3; area++) {
      rows.push([String(area), `Lĩnh vực ${area}`, null, null, null, null]);
      for (let k = 1; k <= 4; k++) {
        rows.push([`${area}.${k}`, `Tiêu chí ${area}.${k}`, null, null, null, null]);
        for (let s = 1; s <= 3; s++) rows.push([`${area}.${k}.${s}`, `Tiêu chí thành phần ${area}.${k}.${s}`, 0.5, null, null, null]);
      }
    }
    expect((await runImport(f.id, await workbook(rows))).status).toBe('done');
    const tree = ((await c.secretariat.get(`/api/index-frameworks/${f.id}`)).json() as FrameworkDetail).criteria;
    expect(tree).toHaveLength(3 + 12 + 36);
    const byId = new Map(tree.map((x) => [x.id, x]));
    for (const node of tree) {
      const parentCode = node.code.split('.').slice(0, -1).join('.');
      expect([node.parentId ? byId.get(node.parentId)?.code : '', node.level]).toEqual([parentCode, ['area', 'criterion', 'sub_criterion'][node.code.split('.').length - 1]]);
    }
    expect(tree.find((x) => x.code === '2.3.2')).toMatchObject({ maxPoints: 0.5, position: 1 });
    expect(tree.find((x) => x.code === '3.4')).toMatchObject({ maxPoints: 1.5, position: 3 });

    expect((await runImport(f.id, await workbook(GOOD))).status).toBe('done');
    expect(((await c.secretariat.get(`/api/index-frameworks/${f.id}`)).json() as FrameworkDetail).criteria.map((x) => x.code).sort()).toEqual(['1', '1.1', '1.2', '2', '2.1', '2.2']);
    expect(await countRows(t.database.db, 'index_criterion', sql`framework_id = ${f.id}`)).toBe(6);
  });
});
