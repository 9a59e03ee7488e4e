import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshSheetSummaries, summarizeUnsummarizedSheets } from '../modules/indices/sheet-summaries.js';
import { makeAgency, makeUnit } from '../test/factories.js';
import { migrationsFolder, pgliteExtensions, queryRows, wrapPglite, type Database } from './client.js';

/**
 * Migration 0039 (docs/decisions/incomplete-score-sheets.md) on data written before it: a PGlite
 * database migrated up to 0038 only (a copy of the migrations folder whose journal ends there),
 * index sheets and their summaries written the old way (a partly scored sheet had an index, its
 * unscored leaves earning nothing), then migrated on to the end as the app does at start-up, and
 * summarised as start-up does (summarizeUnsummarizedSheets).
 */
type Journal = { entries: { idx: number; tag: string }[] };
let lite: PGlite;
let database: Database;
let upTo0038: string;

/** A migrations folder holding the migrations up to `lastTag` and a journal that ends there. */
function migrationsUpTo(lastTag: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'par-migrations-'));
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as Journal;
  const last = journal.entries.findIndex((e) => e.tag === lastTag);
  expect(last, lastTag).toBeGreaterThan(0);
  const entries = journal.entries.slice(0, last + 1);
  fs.mkdirSync(path.join(dir, 'meta'));
  fs.writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  for (const e of entries) fs.copyFileSync(path.join(migrationsFolder, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  return dir;
}

beforeAll(async () => {
  upTo0038 = migrationsUpTo('0038_index_rollup_statement_triggers');
  lite = await PGlite.create({ extensions: pgliteExtensions });
  await migrate(drizzle(lite) as never, { migrationsFolder: upTo0038 });
  database = wrapPglite(lite);
});
afterAll(async () => {
  await database?.close();
  if (upTo0038) fs.rmSync(upTo0038, { recursive: true, force: true });
});

const one = async <T extends Record<string, unknown>>(q: ReturnType<typeof sql>) => (await queryRows<T>(database.db, q))[0];

describe('migration 0039 on score sheets written before it', () => {
  it('drops the old index of the partly scored sheets, keeps the complete ones, and start-up summarises the rest under the new rule', async () => {
    const db = database.db;
    expect(await database.migrationVersion()).toBe('0038_index_rollup_statement_triggers');

    // The registry and a published framework: area A (A.1 max 4, A.2 max 6) and area B (B.1 max 10).
    const province = await makeUnit(db, { name: 'Tỉnh Cũ', kind: 'province', code: 'M39' });
    const town = await makeUnit(db, { name: 'Thị xã Cũ', kind: 'town', parentId: province.id, code: 'M39-T' });
    const wards = await Promise.all(['Phường Đủ', 'Phường Dở', 'Phường Miễn'].map((name, i) => makeUnit(db, { name, kind: 'ward', parentId: town.id, code: `M39-W${i}` })));
    const [full, partial, exempt] = wards;
    const owner = await makeAgency(db, { unitId: province.id, name: 'Sở Nội vụ tỉnh Cũ', kind: 'department' });
    const { id: fw } = await one<{ id: string }>(sql`insert into index_framework (owner_agency_id, code, name, kind, unit_kinds, from_year, status)
      values (${owner.id}::uuid, 'PAR-CU', 'Bộ chỉ số cũ', 'par', '{ward}', 2020, 'published') returning id`);
    const criterion = async (code: string, level: string, max: number, parent: string | null) =>
      (await one<{ id: string }>(sql`insert into index_criterion (framework_id, parent_id, level, code, name, max_points)
        values (${fw}::uuid, ${parent}::uuid, ${level}, ${code}, ${`Tiêu chí ${code}`}, ${max}) returning id`)).id;
    const areaA = await criterion('A', 'area', 10, null);
    const areaB = await criterion('B', 'area', 10, null);
    const leaf = { 'A.1': await criterion('A.1', 'criterion', 4, areaA), 'A.2': await criterion('A.2', 'criterion', 6, areaA), 'B.1': await criterion('B.1', 'criterion', 10, areaB) };

    // Sheets for 2021, the old way: every leaf scored; only A.1 scored; B.1 not applicable and the rest scored.
    const sheet = async (unitId: string, scores: [keyof typeof leaf, number | null][], summary: { pct: number; total: number; max: number; lost: number; unmet: number; areas: [string, number | null][] }) => {
      const { id } = await one<{ id: string }>(sql`insert into index_score_sheet (framework_id, unit_id, year) values (${fw}::uuid, ${unitId}::uuid, 2021) returning id`);
      for (const [code, points] of scores)
        await db.execute(sql`insert into index_score (sheet_id, criterion_id, final_points, not_applicable) values (${id}::uuid, ${leaf[code]}::uuid, ${points}, ${points === null})`);
      const areas = JSON.stringify(summary.areas.map(([criterionId, pct]) => ({ criterionId, pct })));
      await db.execute(sql`insert into index_sheet_summary (sheet_id, framework_id, unit_id, year, index_pct, total, applicable_max, points_lost, unmet_count, areas)
        values (${id}::uuid, ${fw}::uuid, ${unitId}::uuid, 2021, ${summary.pct}, ${summary.total}, ${summary.max}, ${summary.lost}, ${summary.unmet}, ${areas}::jsonb)`);
      return id;
    };
    const fullSheet = await sheet(full.id, [['A.1', 4], ['A.2', 3], ['B.1', 8]], { pct: 75, total: 15, max: 20, lost: 5, unmet: 2, areas: [[areaA, 70], [areaB, 80]] });
    // Old rule: 4 of 20 points, an index of 20 % (and the unscored leaves "lost").
    const partialSheet = await sheet(partial.id, [['A.1', 4]], { pct: 20, total: 4, max: 20, lost: 16, unmet: 2, areas: [[areaA, 40], [areaB, 0]] });
    const exemptSheet = await sheet(exempt.id, [['A.1', 4], ['A.2', 6], ['B.1', null]], { pct: 100, total: 10, max: 10, lost: 0, unmet: 0, areas: [[areaA, 100], [areaB, null]] });

    const rollup = () => one<{ sheets: number; scored: number; pct_sum: string; unmet: number }>(sql`select sheets, scored, pct_sum, unmet from index_rollup
      where unit_id = ${town.id}::uuid and framework_id = ${fw}::uuid and year = 2021 and level = 'commune'`);
    // Before: the roll-up (0034's triggers) counts the partial sheet's 20 % in the town's average.
    expect(await rollup()).toMatchObject({ sheets: 3, scored: 3, unmet: 4 });
    expect(Number((await rollup()).pct_sum)).toBe(195);

    // Migrated on, as at start-up: 0039 and every later migration.
    expect(await database.migrate()).not.toBe('0038_index_rollup_statement_triggers');
    const summaries = async () =>
      Object.fromEntries(
        (await queryRows<{ sheet_id: string; index_pct: string | null }>(db, sql`select sheet_id, index_pct from index_sheet_summary where framework_id = ${fw}::uuid`)).map((r) => [
          r.sheet_id,
          r.index_pct === null ? null : Number(r.index_pct),
        ]),
      );
    // The partial sheet's summary is gone; the complete ones (a not-applicable leaf needs no score) are kept as they were.
    expect(await summaries()).toEqual({ [fullSheet]: 75, [exemptSheet]: 100 });
    expect(await rollup()).toMatchObject({ sheets: 2, scored: 2, unmet: 2 });
    expect(Number((await rollup()).pct_sum)).toBe(175);
    // Its scores are kept: only the summary computed under the old rule went.
    expect((await one<{ n: number }>(sql`select count(*)::int as n from index_score where sheet_id = ${partialSheet}::uuid`)).n).toBe(1);

    // Start-up summarises the sheet left without a summary: no index (chưa chấm đủ), its one scored leaf judged.
    expect(await summarizeUnsummarizedSheets(db)).toBe(1);
    const redone = await one<{ index_pct: string | null; total: string; points_lost: string; unmet_count: number; areas: { criterionId: string; pct: number | null }[] }>(
      sql`select index_pct, total, points_lost, unmet_count, areas from index_sheet_summary where sheet_id = ${partialSheet}::uuid`,
    );
    expect(redone.index_pct).toBeNull();
    expect([Number(redone.total), Number(redone.points_lost), redone.unmet_count]).toEqual([4, 0, 0]);
    expect(redone.areas.every((a) => a.pct === null)).toBe(true);
    // Counted as a sheet, not as scored: the town's average is the two complete sheets'.
    expect(await rollup()).toMatchObject({ sheets: 3, scored: 2, unmet: 2 });
    expect(Number((await rollup()).pct_sum)).toBe(175);

    // A complete sheet's summary is the same under both rules: summarised afresh, nothing moves.
    await refreshSheetSummaries(db, [fullSheet, exemptSheet]);
    expect(await summaries()).toEqual({ [fullSheet]: 75, [exemptSheet]: 100, [partialSheet]: null });
    expect(Number((await rollup()).pct_sum)).toBe(175);
  });
});
