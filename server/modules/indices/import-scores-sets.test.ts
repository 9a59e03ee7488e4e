import ExcelJS from 'exceljs';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScoreImport, Sheet } from '../../../shared/api/indices.schemas.js';
import { queryRows } from '../../db/client.js';
import { indexScoreSheet } from '../../db/schema/index.js';
import { makeAuthority, makeUnit, signInAuthority } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { multipart } from '../../test/multipart.js';
import { leafIds, publishedFramework } from './test-support.js';
import { writeSheets } from './score-sheets.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const header = ['STT', 'Mã đơn vị', 'Tên đơn vị', '1.1 Kế hoạch CCHC', '1.2', '2.1', '2.2 Hồ sơ đúng hạn'];

async function setUp() {
  const a = await makeAuthority(t.database.db);
  const c = await signInAuthority(t.app, a);
  const f = await publishedFramework(c.secretariat, a);
  const wards = [];
  for (let i = 0; i < 12; i++) wards.push(await makeUnit(t.database.db, { name: `Phường Tập ${i} ${a.tag}`, kind: 'ward', parentId: a.town.id, code: `ST-${a.tag}-${i}` }));
  const run = async (rows: unknown[][], query = 'year=2021&points=appraised&dryRun=false') => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(f.code);
    ws.addRow(header);
    rows.forEach((r) => ws.addRow(r));
    const res = await c.secretariat.request({ method: 'POST', url: `/api/index-frameworks/${f.id}/score-imports?${query}`, ...multipart([{ name: 'file', filename: 'diem.xlsx', contentType: XLSX, data: Buffer.from(await wb.xlsx.writeBuffer()) }]) });
    expect(res.statusCode, res.body).toBe(202);
    await t.drain({ queues: ['indices.import-scores'] });
    return (await c.secretariat.get(`/api/index-score-imports/${res.json().id}`)).json() as ScoreImport;
  };
  const sheetOf = async (unitId: string) => (await c.secretariat.get(`/api/index-frameworks/${f.id}/sheets/${unitId}/2021`)).json() as Sheet;
  return { a, c, f, wards, run, sheetOf };
}

describe('score import in sets', () => {
  it('refuses rows naming a unit the framework does not score or outside the requester’s reach, and a unit twice; writes nothing', async () => {
    const { a, wards, run } = await setUp();
    const other = await makeAuthority(t.database.db);
    const imp = await run([
      [1, wards[0].code, null, 1, 2, 2, 4],
      // The town itself: not a kind this framework scores.
      [2, a.town.code, null, 1, 2, 2, 4],
      // Another province's ward, by code and by name.
      [3, other.wardA.code, null, 1, 2, 2, 4],
      [4, null, other.wardB.name, 1, 2, 2, 4],
      // The first ward again, by name: the first row keeps it.
      [5, null, wards[0].name.toUpperCase(), 1, 1, 1, 1],
    ]);
    expect(imp.status).toBe('rejected');
    expect(imp.errors.map((e) => [e.row, e.code, e.params])).toEqual([
      [3, 'unknown_unit', {}],
      [4, 'unknown_unit', {}],
      [5, 'unknown_unit', {}],
      [6, 'duplicate_unit', { first: 2 }],
    ]);
    expect(await queryRows(t.database.db, sql`select 1 from index_score_sheet where unit_id = ${wards[0].id}`)).toEqual([]);
  });

  it('writes many sheets at once as it would write each: new and stored ones, the other points kept, a summary and an audit event each', async () => {
    const { c, f, wards, run, sheetOf } = await setUp();
    const ids = leafIds(f);
    // Self-assessed points on four wards first: their sheets exist, at version 1.
    for (const w of wards.slice(0, 4)) {
      const res = await c.secretariat.patch(`/api/index-frameworks/${f.id}/sheets/${w.id}/2021`, { version: null, entries: [{ criterionId: ids['1.1'], selfPoints: 1 }] });
      expect(res.statusCode, res.body).toBe(200);
    }
    const done = await run(wards.map((w, i) => [i + 1, w.code, null, 1.5, 2.5, i % 2 ? 2 : null, 3.5]));
    expect(done).toMatchObject({ status: 'done', errors: [], summary: { rows: 12, units: 12, values: 42, sheetsCreated: 8, sheetsUpdated: 4 } });

    const first = await sheetOf(wards[0].id);
    expect([first.version, first.origin]).toEqual([2, 'import']);
    expect(first.entries.find((e) => e.criterionId === ids['1.1'])).toMatchObject({ selfPoints: 1, appraisedPoints: 1.5 });
    // Ward 0 leaves 2.1 empty: partly scored, no index; ward 1 is complete.
    expect(first.summary).toMatchObject({ total: 7.5, complete: false, indexPct: null });
    const second = await sheetOf(wards[1].id);
    expect([second.version, second.summary.total, second.summary.indexPct]).toEqual([2, 9.5, 95]);
    const fifth = await sheetOf(wards[5].id);
    expect([fifth.version, fifth.origin, fifth.summary.total, fifth.summary.indexPct]).toEqual([1, 'import', 9.5, 95]);
    // The stored summaries (what the dashboard reads) say the same as the sheets.
    const summaries = await queryRows<{ unit_id: string; total: string }>(t.database.db, sql`select unit_id, total from index_sheet_summary where framework_id = ${f.id} and year = 2021`);
    expect(summaries).toHaveLength(12);
    expect(Number(summaries.find((s) => s.unit_id === wards[5].id)!.total)).toBe(9.5);

    const events = await queryRows<{ entity_id: string; actor_id: string; scope: string[]; before: { version: number; entries: unknown[] } | null; after: { version: number; unitId: string } }>(
      t.database.db,
      sql`select entity_id, actor_id, scope, before, after from audit_event where action = 'index_scores.imported' and after->>'importId' = ${done.id}`,
    );
    expect(events).toHaveLength(12);
    expect(new Set(events.map((e) => e.actor_id))).toEqual(new Set([c.secretariat.userId]));
    const ofFirst = events.find((e) => e.after.unitId === wards[0].id)!;
    expect([ofFirst.before?.version, ofFirst.before?.entries.length, ofFirst.after.version]).toEqual([1, 1, 2]);
    expect(ofFirst.scope).toContain(`unit:${wards[0].id}`);
    expect(events.filter((e) => e.before === null)).toHaveLength(8);
  });

  it('writes no sheet of the set when one was changed since it was read (409)', async () => {
    const { c, f, wards } = await setUp();
    const ids = leafIds(f);
    await c.secretariat.patch(`/api/index-frameworks/${f.id}/sheets/${wards[0].id}/2021`, { version: null, entries: [{ criterionId: ids['1.1'], selfPoints: 1 }] });
    const [read] = await t.database.db.select().from(indexScoreSheet).where(and(eq(indexScoreSheet.unitId, wards[0].id), eq(indexScoreSheet.frameworkId, f.id)));
    // Saved again in between: the version read is stale.
    await c.secretariat.patch(`/api/index-frameworks/${f.id}/sheets/${wards[0].id}/2021`, { version: 1, entries: [{ criterionId: ids['1.2'], selfPoints: 1 }] });
    const entries = [{ criterionId: ids['1.1'], selfPoints: null, appraisedPoints: 1, finalPoints: null, notApplicable: false }];
    await expect(
      t.database.db.transaction((tx) =>
        writeSheets(tx, f.id, 2021, [{ unitId: wards[1].id, sheet: null, version: null, entries }, { unitId: wards[0].id, sheet: read, version: read.version, entries }], { origin: 'import', userId: c.secretariat.userId }),
      ),
    ).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
    expect(await t.database.db.select().from(indexScoreSheet).where(eq(indexScoreSheet.unitId, wards[1].id))).toEqual([]);
  });
});
