import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FrameworkDetail, Sheet } from '../../../shared/api/indices.schemas.js';
import { queryRows } from '../../db/client.js';
import { readListWorkbook } from '../../documents/list-workbook.test-support.js';
import { countRows, makeAuthority, signInAuthority } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { frameworkBody, leafIds, publishedFramework, saveFinal } from './test-support.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Authority = Awaited<ReturnType<typeof makeAuthority>>;
type Clients = Awaited<ReturnType<typeof signInAuthority>>;

async function setup(): Promise<{ a: Authority; c: Clients }> {
  const a = await makeAuthority(t.database.db);
  return { a, c: await signInAuthority(t.app, a) };
}

const auditActions = async (entityId: string) =>
  (await queryRows<{ action: string }>(t.database.db, sql`select action from audit_event where entity_id = ${entityId} order by id`)).map((r) => r.action);

describe('index frameworks', () => {
  let a: Authority;
  let c: Clients;
  beforeAll(async () => ({ a, c } = await setup()));

  it('creates a draft with its tree, refuses a tree whose parts do not add up, publishes and freezes it, and versions it', async () => {
    const bad = await c.secretariat.post('/api/index-frameworks', frameworkBody(a, { code: `BAD-${a.tag}`, criteria: [{ code: '1', name: 'A', maxPoints: 5, children: [{ code: '1.1', name: 'B', maxPoints: 4 }] }] }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().invalidParams[0]).toMatchObject({ name: 'body.criteria[0].maxPoints', code: 'max_points_mismatch' });
    const notNested = await c.secretariat.post('/api/index-frameworks', frameworkBody(a, { code: `BAD2-${a.tag}`, criteria: [{ code: '1', name: 'A', maxPoints: 5, children: [{ code: '2.1', name: 'B', maxPoints: 5 }] }] }));
    expect(notNested.json().invalidParams[0].code).toBe('code_not_nested');

    const created = await c.secretariat.post('/api/index-frameworks', frameworkBody(a));
    expect(created.statusCode).toBe(201);
    const draft = created.json() as FrameworkDetail;
    expect(draft).toMatchObject({ status: 'draft', revision: 1, maxPoints: 10, leafCount: 4, aggregation: 'sum', unmetThresholdPct: 100 });
    expect(draft.criteria.map((n) => `${n.level}:${n.code}`)).toEqual(['area:1', 'criterion:1.1', 'criterion:1.2', 'area:2', 'criterion:2.1', 'criterion:2.2']);
    expect(draft.abilities).toMatchObject({ update: true, publish: true, newVersion: false });

    const dup = await c.secretariat.post('/api/index-frameworks', frameworkBody(a));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('DUPLICATE');

    const edited = await c.secretariat.patch(`/api/index-frameworks/${draft.id}`, { version: draft.version, name: 'Đổi tên', criteria: [{ code: '1', name: 'Một lĩnh vực', maxPoints: 3 }] });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ name: 'Đổi tên', maxPoints: 3, leafCount: 1, version: 2 });
    const stale = await c.secretariat.patch(`/api/index-frameworks/${draft.id}`, { version: 1, name: 'Cũ' });
    expect(stale.statusCode).toBe(409);

    const published = await c.secretariat.post(`/api/index-frameworks/${draft.id}/publish`, { version: 2 });
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', abilities: { update: false, newVersion: true, score: true } });
    const frozen = await c.secretariat.patch(`/api/index-frameworks/${draft.id}`, { version: 3, name: 'Sau ban hành' });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().code).toBe('INVALID_STATE');

    const next = await c.secretariat.post(`/api/index-frameworks/${draft.id}/versions`, { version: 3 });
    expect(next.statusCode).toBe(201);
    expect(next.json()).toMatchObject({ status: 'draft', revision: 2, previousId: draft.id, fromYear: 2020, maxPoints: 3, code: draft.code });
    expect(await auditActions(draft.id)).toEqual(['index_framework.created', 'index_framework.updated', 'index_framework.published']);
    expect(await auditActions(next.json().id)).toEqual(['index_framework.version_created']);
  });

  it('refuses a framework without criteria at publishing, and roles without index.manage', async () => {
    const empty = (await c.secretariat.post('/api/index-frameworks', frameworkBody(a, { code: `EMPTY-${a.tag}`, criteria: [] }))).json() as FrameworkDetail;
    const res = await c.secretariat.post(`/api/index-frameworks/${empty.id}/publish`, { version: empty.version });
    expect(res.statusCode).toBe(409);
    expect((await c.leader.post('/api/index-frameworks', frameworkBody(a, { code: `L-${a.tag}` }))).statusCode).toBe(403);
    // A draft does not exist for those who may not manage it (issue 12 review #3): 404, not 403.
    expect((await c.leader.patch(`/api/index-frameworks/${empty.id}`, { version: empty.version, name: 'x' })).statusCode).toBe(404);
    const published = await publishedFramework(c.secretariat, a, { code: `PUB-${a.tag}` });
    expect((await c.leader.post(`/api/index-frameworks/${published.id}/versions`, { version: published.version })).statusCode).toBe(403);
  });

  it('shows the frameworks of agencies above the user and in reach, never another province’s', async () => {
    const other = await setup();
    const theirs = await publishedFramework(other.c.secretariat, other.a);
    const mine = await publishedFramework(c.secretariat, a, { code: `MINE-${a.tag}` });
    // The province's own framework (made and published by its admin) is read by the ward below it.
    const provincial = await publishedFramework(c.admin, a, { ownerAgencyId: a.provinceCommittee.id, code: `PROV-${a.tag}` });
    const list = (await c.unitOfficerA.get('/api/index-frameworks')).json() as { items: { id: string }[] };
    const ids = list.items.map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining([mine.id, provincial.id]));
    expect(ids).not.toContain(theirs.id);
    expect((await c.unitOfficerA.get(`/api/index-frameworks/${theirs.id}`)).statusCode).toBe(404);
  });

  it('shows a draft only to those who manage the owner’s frameworks: nobody below or beside it learns of it (issue 12 review #3)', async () => {
    const provinceDraft = (await c.admin.post('/api/index-frameworks', frameworkBody(a, { ownerAgencyId: a.provinceCommittee.id, code: `PROV-DRAFT-${a.tag}` }))).json() as FrameworkDetail;
    const townDraft = (await c.secretariat.post('/api/index-frameworks', frameworkBody(a, { code: `TOWN-DRAFT-${a.tag}` }))).json() as FrameworkDetail;
    const seen = async (client: Clients[keyof Clients], id: string) => {
      const listed = ((await client.get('/api/index-frameworks')).json() as { items: { id: string }[] }).items.some((f) => f.id === id);
      const opened = (await client.get(`/api/index-frameworks/${id}`)).statusCode;
      return `${listed ? 'listed' : 'unlisted'} ${opened}`;
    };
    // The province's admin manages both; the town's standing office only its own.
    expect(await seen(c.admin, provinceDraft.id)).toBe('listed 200');
    expect(await seen(c.admin, townDraft.id)).toBe('listed 200');
    expect(await seen(c.secretariat, townDraft.id)).toBe('listed 200');
    expect(await seen(c.secretariat, provinceDraft.id)).toBe('unlisted 404');
    // Readers below the owner, the ward officer and the town's leader: not until published.
    for (const reader of [c.unitOfficerA, c.leader, c.inspector]) {
      expect(await seen(reader, provinceDraft.id)).toBe('unlisted 404');
      expect(await seen(reader, townDraft.id)).toBe('unlisted 404');
    }
    expect((await c.unitOfficerA.get(`/api/index-frameworks/${townDraft.id}/criteria.xlsx`)).statusCode).toBe(404);
    const published = (await c.secretariat.post(`/api/index-frameworks/${townDraft.id}/publish`, { version: townDraft.version })).json() as FrameworkDetail;
    expect(await seen(c.unitOfficerA, published.id)).toBe('listed 200');
    expect(await seen(c.leader, published.id)).toBe('listed 200');
  });
});

describe('index scores', () => {
  let a: Authority;
  let c: Clients;
  let f: FrameworkDetail;
  beforeAll(async () => {
    ({ a, c } = await setup());
    f = await publishedFramework(c.secretariat, a);
  });

  it('saves a sheet with self-assessed, appraised and final points, flags unmet criteria, and audits the change', async () => {
    const ids = leafIds(f);
    const url = `/api/index-frameworks/${f.id}/sheets/${a.wardA.id}/2021`;
    const empty = (await c.secretariat.get(url)).json() as Sheet;
    expect(empty).toMatchObject({ version: null, summary: { indexPct: null, scoredLeaves: 0, leafCount: 4 }, abilities: { update: true } });

    const above = await c.secretariat.put(url, { version: null, entries: [{ criterionId: ids['1.1'], finalPoints: 2 }] });
    expect(above.statusCode).toBe(400);
    expect(above.json().invalidParams[0]).toMatchObject({ name: 'body.entries[0].finalPoints', code: 'above_maximum' });
    const notLeaf = await c.secretariat.put(url, { version: null, entries: [{ criterionId: ids['1'], finalPoints: 1 }] });
    expect(notLeaf.json().invalidParams[0].code).toBe('not_a_leaf');
    expect(await countRows(t.database.db, 'index_score_sheet', sql`unit_id = ${a.wardA.id}`)).toBe(0);

    const saved = await c.secretariat.put(url, {
      version: null,
      entries: [
        { criterionId: ids['1.1'], selfPoints: 1.5, appraisedPoints: 1, finalPoints: 1 },
        { criterionId: ids['1.2'], selfPoints: 2.5, appraisedPoints: 2.5 },
        { criterionId: ids['2.1'], selfPoints: 2 },
        { criterionId: ids['2.2'], appraisedPoints: 3.25, finalPoints: 2.75 },
      ],
    });
    expect(saved.statusCode).toBe(200);
    const sheet = saved.json() as Sheet;
    // Values: 1 (final) + 2.5 (appraised) + 2 (self) + 2.75 (final) = 8.25 of 10.
    expect(sheet.summary).toMatchObject({ total: 8.25, applicableMax: 10, indexPct: 82.5, pointsLost: 1.75, scoredLeaves: 4 });
    // 1.1 below its maximum; 2.2 below its own threshold (3).
    expect(sheet.summary.unmet.map((u) => [u.code, u.lost])).toEqual([['1.1', 0.5], ['2.2', 1.25]]);
    expect(sheet.entries.filter((e) => e.unmet).map((e) => e.criterionId)).toEqual([ids['1.1'], ids['2.2']]);
    expect(sheet.version).toBe(1);

    const whole = Object.values(ids).filter((x) => x !== ids['1'] && x !== ids['2']).map((criterionId) => ({ criterionId }));
    const stale = await c.secretariat.put(url, { version: null, entries: whole });
    expect(stale.statusCode).toBe(409);

    // A whole sheet (PUT) names every criterion: a part would silently wipe the others.
    const part = await c.secretariat.put(url, { version: 1, entries: [{ criterionId: ids['2.1'], notApplicable: true }, { criterionId: ids['1.2'], finalPoints: 2.5 }] });
    expect(part.statusCode).toBe(400);
    expect(part.json().invalidParams[0]).toMatchObject({ name: 'body.entries', code: 'missing_criterion' });
    expect((await c.secretariat.get(url)).json()).toMatchObject({ version: 1, summary: { total: 8.25 } });

    // A part is a PATCH: the criteria sent change, the others stay as saved (1.2 keeps its self and appraised points).
    const na = await c.secretariat.patch(url, { version: 1, entries: [{ criterionId: ids['2.1'], notApplicable: true }, { criterionId: ids['1.2'], finalPoints: 2.5 }] });
    expect(na.statusCode).toBe(200);
    // 2.1 does not apply: out of the maximum. 1 + 2.5 + 2.75 of 8.
    expect(na.json().summary).toMatchObject({ total: 6.25, applicableMax: 8, indexPct: 78.13, pointsLost: 1.75, complete: true });
    expect((na.json() as Sheet).entries.find((e) => e.criterionId === ids['1.2'])).toMatchObject({ selfPoints: 2.5, appraisedPoints: 2.5, finalPoints: 2.5 });
    const patchAbove = await c.secretariat.patch(url, { version: 2, entries: [{ criterionId: ids['2.2'], selfPoints: 9 }] });
    expect(patchAbove.json().invalidParams[0]).toMatchObject({ name: 'body.entries[0].selfPoints', code: 'above_maximum' });
    expect((await c.secretariat.patch(url, { version: 1, entries: [{ criterionId: ids['1.1'], finalPoints: 1.5 }] })).statusCode).toBe(409);

    // Cleared points (null) leave the sheet partly scored: no index, judged points only are lost.
    const cleared = await c.secretariat.patch(url, { version: 2, entries: [{ criterionId: ids['2.2'], appraisedPoints: null, finalPoints: null }] });
    expect(cleared.json().summary).toMatchObject({ total: 3.5, indexPct: null, complete: false, scoredLeaves: 2, applicableLeaves: 3, pointsLost: 0.5 });
    const [sheetRow] = await queryRows<{ id: string }>(t.database.db, sql`select id from index_score_sheet where unit_id = ${a.wardA.id}`);
    expect(await auditActions(sheetRow.id)).toEqual(['index_scores.saved', 'index_scores.saved', 'index_scores.saved']);
  });

  it('lets the unit officer read their ward’s sheet but not change it, and hides the other ward’s', async () => {
    const own = await c.unitOfficerA.get(`/api/index-frameworks/${f.id}/sheets/${a.wardA.id}/2021`);
    expect(own.statusCode).toBe(200);
    expect(own.json().abilities.update).toBe(false);
    expect((await c.unitOfficerA.put(`/api/index-frameworks/${f.id}/sheets/${a.wardA.id}/2021`, { version: 2, entries: [] })).statusCode).toBe(403);
    expect((await c.unitOfficerA.get(`/api/index-frameworks/${f.id}/sheets/${a.wardB.id}/2021`)).statusCode).toBe(404);
    expect((await c.leader.put(`/api/index-frameworks/${f.id}/sheets/${a.wardB.id}/2021`, { version: null, entries: [] })).statusCode).toBe(403);
  });

  it('refuses a year the framework does not cover and a unit kind it does not score', async () => {
    const year = await c.secretariat.get(`/api/index-frameworks/${f.id}/sheets/${a.wardA.id}/2018`);
    expect(year.json().invalidParams[0]).toMatchObject({ name: 'params.year', code: 'year_outside_framework' });
    const kind = await c.secretariat.get(`/api/index-frameworks/${f.id}/sheets/${a.town.id}/2021`);
    expect(kind.json().invalidParams[0].code).toBe('unit_kind_not_scored');
  });

  it('ranks units among their peers and shows a unit’s history across years', async () => {
    await saveFinal(c.secretariat, f, a.wardB.id, 2021, { '1.1': 1.5, '1.2': 2.5, '2.1': 2, '2.2': 4 });
    await saveFinal(c.secretariat, f, a.wardB.id, 2020, { '1.1': 1, '1.2': 2, '2.1': 2, '2.2': 4 });
    const results = (await c.secretariat.get(`/api/index-frameworks/${f.id}/results?year=2021`)).json() as { average: number; items: { unitId: string; rank: number; peerCount: number; indexPct: number; unmetCount: number }[] };
    const byUnit = Object.fromEntries(results.items.map((i) => [i.unitId, i]));
    expect(byUnit[a.wardB.id]).toMatchObject({ indexPct: 100, rank: 1, peerCount: 1, unmetCount: 0 });
    // Ward A's sheet is partly scored (the test above): listed as such, without index or rank, and out of the peers counted.
    expect(byUnit[a.wardB.id]).toMatchObject({ complete: true });
    expect(byUnit[a.wardA.id]).toMatchObject({ indexPct: null, rank: null, complete: false, unmetCount: 1 });
    expect(results).toMatchObject({ average: null, averageOf: 0 });

    // Completed, it counts: 2.1 applies again with its self-assessed 2 kept, 2.2 scored 0: 1 + 2.5 + 2 + 0 of 10.
    const url = `/api/index-frameworks/${f.id}/sheets/${a.wardA.id}/2021`;
    const ids = leafIds(f);
    const completed = await c.secretariat.patch(url, { version: 3, entries: [{ criterionId: ids['2.1'], notApplicable: false }, { criterionId: ids['2.2'], finalPoints: 0 }] });
    expect(completed.json().summary).toMatchObject({ complete: true, total: 5.5, indexPct: 55 });
    const after = (await c.secretariat.get(`/api/index-frameworks/${f.id}/results?year=2021`)).json() as typeof results;
    expect(after.items.find((i) => i.unitId === a.wardA.id)).toMatchObject({ indexPct: 55, rank: 2, peerCount: 2 });

    const history = (await c.unitOfficerA.get(`/api/units/${a.wardA.id}/index-history`)).json() as { items: { year: number; rank: number; peerCount: number }[] };
    expect(history.items.map((h) => [h.year, h.rank, h.peerCount])).toEqual([[2021, 2, 2]]);
    const historyB = (await c.secretariat.get(`/api/units/${a.wardB.id}/index-history`)).json() as { items: { year: number; indexPct: number; peerCount: number; unmet: unknown[] }[] };
    expect(historyB.items.map((h) => [h.year, h.indexPct, h.peerCount])).toEqual([[2021, 100, 2], [2020, 90, 1]]);
    expect((await c.unitOfficerA.get(`/api/units/${a.wardB.id}/index-history`)).statusCode).toBe(404);
    // The unit officer sees only their ward in the results.
    const theirs = (await c.unitOfficerA.get(`/api/index-frameworks/${f.id}/results?year=2021`)).json() as { average: number | null; averageOf: number; items: { unitId: string }[] };
    expect(theirs.items.map((i) => i.unitId)).toEqual([a.wardA.id]);
    // …and no "average" that would be their own score; the office's is over both wards.
    expect(theirs).toMatchObject({ average: null, averageOf: 0 });
    expect(after).toMatchObject({ average: 77.5, averageOf: 2 });
    // Filters by a unit: the ward's officer among the town's wards; a unit out of reach is not found (issue 12 review #4: was 200 []).
    expect(((await c.unitOfficerA.get(`/api/index-frameworks/${f.id}/results?year=2021&parentUnitId=${a.town.id}`)).json() as typeof theirs).items.map((i) => i.unitId)).toEqual([a.wardA.id]);
    const other = await makeAuthority(t.database.db);
    for (const q of [`parentUnitId=${other.town.id}`, `unitId=${other.wardA.id}`]) {
      const res = await c.secretariat.get(`/api/index-frameworks/${f.id}/results?year=2021&${q}`);
      expect(res.statusCode, q).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    }
  });

  it('exports the year’s results as .xlsx: a row per unit of /results, a column per criterion, totals, index % and rank; another province’s framework: 404', async () => {
    const results = (await c.secretariat.get(`/api/index-frameworks/${f.id}/results?year=2021`)).json() as { items: { unitId: string; unitName: string; total: number; applicableMax: number; indexPct: number | null; unmetCount: number; rank: number | null; peerCount: number }[] };
    const res = await c.secretariat.get(`/api/index-frameworks/${f.id}/results.xlsx?year=2021`);
    expect(res.statusCode, res.body).toBe(200);
    const book = await readListWorkbook(res.rawPayload);
    expect(book.title).toContain(`Kết quả ${f.name} năm 2021 — Phạm vi: `);
    expect(book.headers.slice(0, 2)).toEqual(['TT', 'Đơn vị']);
    expect(book.headers.slice(2, 6)).toEqual(['1.1 (tối đa 1.5)', '1.2 (tối đa 2.5)', '2.1 (tối đa 2)', '2.2 (tối đa 4)']);
    expect(book.headers.slice(-5)).toEqual(['Tổng điểm', 'Điểm tối đa áp dụng', 'Chỉ số (%)', 'Số tiêu chí chưa đạt', 'Xếp hạng']);
    expect(book.rows.map((r) => [r[1], ...r.slice(-5)])).toEqual(
      results.items.map((u) => [u.unitName, u.total, u.applicableMax, u.indexPct === null ? null : u.indexPct / 100, u.unmetCount, u.rank === null ? null : `${u.rank}/${u.peerCount}`]),
    );
    // Ward A's sheet: 1 + 2.5 + 2 + 0 (the criteria in code order).
    expect(book.rows.find((r) => r[1] === a.wardA.name)!.slice(2, 6)).toEqual([1, 2.5, 2, 0]);
    expect(book.formats[0].at(-3)).toBe('0.0%');
    const other = await makeAuthority(t.database.db);
    const theirs = await signInAuthority(t.app, other);
    expect((await theirs.secretariat.get(`/api/index-frameworks/${f.id}/results.xlsx?year=2021`)).statusCode).toBe(404);
  });
});
