import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitKindsOfLevel, unitLevels } from '../../../shared/api/dashboard.schemas.js';
import { queryRows } from '../../db/client.js';
import { makeUnit } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { makeSeason, type Season } from '../inspections/inspections.test-support.js';
import { publishedFramework, saveFinal } from '../indices/test-support.js';
import type { FrameworkDetail } from '../../../shared/api/indices.schemas.js';

/**
 * The index roll-up (migration 0034, docs/decisions/dashboard-figures.md) is kept by triggers:
 * after every kind of write it equals the same figures aggregated afresh from the sheets'
 * summaries up the unit tree.
 */
let t: TestApp;
let s: Season;
let f: FrameworkDetail;
beforeAll(async () => {
  t = await createTestApp();
  s = await makeSeason(t);
  f = await publishedFramework(s.secretariat, s.a);
});
afterAll(() => t.close());

type Row = { unit_id: string; year: number; level: string; sheets: number; scored: number; pct_sum: string; unmet: number };
const norm = (rows: Row[]) => rows.map((r) => ({ ...r, pct_sum: Number(r.pct_sum) })).sort((a, b) => `${a.unit_id}${a.year}${a.level}`.localeCompare(`${b.unit_id}${b.year}${b.level}`));
const kept = async () =>
  norm(await queryRows<Row>(t.database.db, sql`select unit_id, year, level, sheets, scored, pct_sum, unmet from index_rollup where framework_id = ${f.id}::uuid and sheets <> 0`));
const afresh = async () =>
  norm(
    await queryRows<Row>(
      t.database.db,
      sql`select a::uuid as unit_id, s.year, unit_level(u.kind) as level, count(*)::int as sheets, count(s.index_pct)::int as scored,
                 coalesce(sum(s.index_pct), 0) as pct_sum, sum(s.unmet_count)::int as unmet
            from index_sheet_summary s join unit u on u.id = s.unit_id cross join unnest(string_to_array(trim(both '/' from u.path), '/')) a
           where s.framework_id = ${f.id}::uuid group by 1, 2, 3`,
    ),
  );
const areasKept = async () =>
  (await queryRows<{ k: string }>(t.database.db, sql`select unit_id::text || year || level || criterion_id::text || ':' || n || ':' || round(pct_sum, 4) as k from index_area_rollup where framework_id = ${f.id}::uuid and n <> 0 order by 1`)).map((r) => r.k);
const areasAfresh = async () =>
  (
    await queryRows<{ k: string }>(
      t.database.db,
      sql`select a || s.year || unit_level(u.kind) || (x->>'criterionId') || ':' || count(*) || ':' || round(sum((x->>'pct')::numeric), 4) as k
            from index_sheet_summary s join unit u on u.id = s.unit_id cross join unnest(string_to_array(trim(both '/' from u.path), '/')) a
                 cross join jsonb_array_elements(s.areas) x
           where s.framework_id = ${f.id}::uuid and x->>'pct' is not null group by a, s.year, u.kind, x->>'criterionId' order by 1`,
    )
  ).map((r) => r.k);

describe('the index roll-up', () => {
  it('names the levels as the dashboard does', async () => {
    for (const level of unitLevels)
      for (const kind of unitKindsOfLevel[level]) expect((await queryRows<{ l: string }>(t.database.db, sql`select unit_level(${kind}) as l`))[0].l, kind).toBe(level);
    expect((await queryRows<{ l: string }>(t.database.db, sql`select unit_level('country') as l`))[0].l).toBe('other');
  });

  it('follows scores saved, corrected and the unit moved to another parent, equal to a fresh aggregate each time', async () => {
    await saveFinal(s.secretariat, f, s.a.wardA.id, 2021, { '1.1': 1.5, '1.2': 1, '2.1': 2, '2.2': 2 });
    await saveFinal(s.secretariat, f, s.a.wardB.id, 2021, { '1.1': 1.5, '1.2': 2.5, '2.1': 2, '2.2': 4 });
    await saveFinal(s.secretariat, f, s.a.wardA.id, 2020, { '1.1': 1.5, '1.2': 2.5 });
    const first = await kept();
    expect(first).toEqual(await afresh());
    expect(await areasKept()).toEqual(await areasAfresh());
    // The town's own row is its two wards in 2021: 65% and 100%, two unmet criteria.
    expect(first.find((r) => r.unit_id === s.a.town.id && r.year === 2021)).toMatchObject({ level: 'commune', sheets: 2, scored: 2, pct_sum: 165, unmet: 2 });

    // Ward A's 2020 sheet is partly scored (1.1 and 1.2 only): counted as a sheet, not as scored,
    // nothing in the average nor in the areas' (docs/decisions/incomplete-score-sheets.md).
    expect(first.find((r) => r.unit_id === s.a.town.id && r.year === 2020)).toMatchObject({ sheets: 1, scored: 0, pct_sum: 0, unmet: 0 });
    expect((await areasKept()).filter((k) => k.includes(`${s.a.town.id}2020`))).toEqual([]);
    // Completed by a PATCH of the two criteria left, it joins the scored sheets (1.5 + 2.5 + 2 + 3 of 10; 2.2 at its own threshold 3: met).
    await saveFinal(s.secretariat, f, s.a.wardA.id, 2020, { '2.1': 2, '2.2': 3 });
    expect((await kept()).find((r) => r.unit_id === s.a.town.id && r.year === 2020)).toMatchObject({ sheets: 1, scored: 1, pct_sum: 90, unmet: 0 });
    expect(await kept()).toEqual(await afresh());
    expect(await areasKept()).toEqual(await areasAfresh());

    // A correction replaces the ward's contribution everywhere above it.
    await saveFinal(s.secretariat, f, s.a.wardA.id, 2021, { '1.1': 1.5, '1.2': 2.5, '2.1': 2, '2.2': 4 });
    expect(await kept()).toEqual(await afresh());
    expect((await kept()).find((r) => r.unit_id === s.a.province.id && r.year === 2021)).toMatchObject({ sheets: 2, pct_sum: 200, unmet: 0 });

    // Ward B moves to another town of the province (a reorganisation): the old town loses it, the new gains it.
    const other = await makeUnit(t.database.db, { name: 'Thị xã khác', kind: 'town', parentId: s.a.province.id, code: `T2-${s.a.tag}` });
    await t.database.db.execute(sql`update unit set parent_id = ${other.id}::uuid where id = ${s.a.wardB.id}::uuid`);
    const moved = await kept();
    expect(moved).toEqual(await afresh());
    expect(await areasKept()).toEqual(await areasAfresh());
    expect(moved.find((r) => r.unit_id === other.id && r.year === 2021)).toMatchObject({ sheets: 1, pct_sum: 100 });
    expect(moved.find((r) => r.unit_id === s.a.town.id && r.year === 2021)).toMatchObject({ sheets: 1, pct_sum: 100 });
    expect(moved.find((r) => r.unit_id === s.a.province.id && r.year === 2021)).toMatchObject({ sheets: 2 });
  });
});
