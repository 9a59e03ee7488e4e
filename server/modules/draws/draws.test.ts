import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Draw } from '../../../shared/api/draws.schemas.js';
import { canonicalPool, drawFromPool } from '../../../shared/domain/unannounced-draw.js';
import { ManualClock } from '../../clock.js';
import { queryRows } from '../../db/client.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { countRows, makeAgency } from '../../test/factories.js';
import { makeSeason, schedule, type Season } from '../inspections/inspections.test-support.js';
import { sha256Hex } from './create-draw.js';

let t: TestApp;
let s: Season;
const clock = new ManualClock('2021-05-11T02:00:00Z');
beforeAll(async () => {
  t = await createTestApp({ clock });
  s = await makeSeason(t);
  // Ward A gets two one-stop desks of its own, and a reception point: four places of two kinds under the targets.
  for (const [name, kind] of [
    ['Bộ phận Một cửa phường A', 'one_stop_desk'],
    ['Điểm tiếp nhận Khu phố 2 phường A', 'one_stop_desk'],
    ['Nơi tiếp công dân phường A', 'reception_point'],
  ] as const) {
    await makeAgency(t.database.db, { unitId: s.a.wardA.id, parentAgencyId: s.a.wardACommittee.id, name: `${name} ${s.a.tag}`, kind });
  }
});
afterAll(() => t.close());

const drawBody = (over: Record<string, unknown> = {}) => ({ planId: s.plan.id, k: 2, placeKinds: ['one_stop_desk'], ...over });
const seedOf = async (id: string) => (await queryRows<{ seed: string }>(t.database.db, sql`select seed from unannounced_draw where id = ${id}::uuid`))[0].seed;

describe('the draw of unannounced targets', () => {
  let draw: Draw;

  it('draws K places of the targets with the commitment stored, the seed kept secret', async () => {
    const res = await s.secretariat.post('/api/unannounced-draws', drawBody({ note: 'Đợt đột xuất quý III' }));
    expect(res.statusCode, res.body).toBe(201);
    draw = res.json();
    expect(draw.pool.map((c) => c.kind)).toEqual(['one_stop_desk', 'one_stop_desk', 'one_stop_desk']);
    expect(draw.pool.every((c) => c.weight === 1)).toBe(true);
    expect(draw.drawn).toHaveLength(2);
    expect(draw.seed).toBeNull();
    // Nothing visited yet: the reveal would be refused, so the office is not offered it.
    expect(draw.abilities).toEqual({ reveal: false });
    expect(draw.unvisitedPlaces).toBe(2);
    // The stored result is the published function of the stored seed and pool, and the hashes commit to both.
    const seed = await seedOf(draw.id);
    expect(draw.seedHash).toBe(sha256Hex(seed));
    expect(draw.poolHash).toBe(sha256Hex(canonicalPool(draw.pool, 2)));
    expect(drawFromPool(seed, draw.pool, 2, sha256Hex)).toEqual(draw.drawn.map((c) => c.agencyId));
    // The audit trail keeps the commitment and the result, never the seed.
    const [event] = await queryRows<{ after: string }>(t.database.db, sql`select after::text as after from audit_event where entity_type = 'unannounced_draw' and entity_id = ${draw.id}`);
    expect(event.after).toContain(draw.seedHash);
    expect(event.after).not.toContain(seed);
  });

  it('is as secret as the visits: the leader sees it; the unit, its desk and the inspectors do not; nobody may check it yet', async () => {
    expect((await s.leader.get(`/api/unannounced-draws/${draw.id}`)).statusCode).toBe(200);
    for (const who of [s.unitOfficerA, s.unitOfficerB, s.deskOfficer, s.inspector, s.inspector2]) {
      expect((await who.get(`/api/unannounced-draws/${draw.id}`)).statusCode).toBe(404);
      expect((await who.get(`/api/unannounced-draws?planId=${s.plan.id}`)).json()).toEqual({ items: [] });
      expect((await who.post(`/api/unannounced-draws/${draw.id}/reveal`, { version: draw.version })).statusCode).toBe(404);
    }
    expect((await t.app.inject({ method: 'GET', url: `/api/public/unannounced-draws/${draw.id}` })).statusCode).toBe(404);
    expect((await s.leader.post(`/api/unannounced-draws/${draw.id}/reveal`, { version: draw.version })).statusCode).toBe(403);
  });

  it('refuses the reveal before the drawn places are visited, so the seed never tells where the team goes next', async () => {
    // Before: nothing scheduled yet. Revealing now would publish the places the visits are still to come to.
    const now = await s.secretariat.post(`/api/unannounced-draws/${draw.id}/reveal`, { version: draw.version });
    expect(now.statusCode).toBe(409);
    expect(now.json()).toMatchObject({ code: 'DRAW_VISITS_PENDING', unvisitedPlaces: 2, pendingVisits: 0 });
    expect((await t.app.inject({ method: 'GET', url: `/api/public/unannounced-draws/${draw.id}` })).statusCode).toBe(404);
  });

  it('waits until every drawn place has been visited before the seed is revealed, and offers it only then', async () => {
    const parentOf = async (id: string) => (await queryRows<{ parent: string }>(t.database.db, sql`select parent_agency_id as parent from agency where id = ${id}::uuid`))[0].parent;
    const [first, second] = draw.drawn;
    const visit1 = await schedule(s.secretariat, { planId: s.plan.id, agencyId: await parentOf(first.agencyId), teamId: s.team1.id, kind: 'unannounced', startsOn: '2021-06-17', places: [first.agencyId] });
    const early = await s.secretariat.post(`/api/unannounced-draws/${draw.id}/reveal`, { version: draw.version });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'DRAW_VISITS_PENDING', pendingVisits: 1, unvisitedPlaces: 2 });
    expect((await s.secretariat.get(`/api/unannounced-draws/${draw.id}`)).json()).toMatchObject({ pendingVisits: 1, unvisitedPlaces: 2, abilities: { reveal: false } });

    clock.set('2021-06-17T01:30:00Z');
    expect((await s.inspector.post(`/api/inspections/${visit1.id}/start`, { version: visit1.version })).statusCode).toBe(200);
    // One place visited, the other not even scheduled: still refused, still not offered.
    const half = await s.secretariat.post(`/api/unannounced-draws/${draw.id}/reveal`, { version: draw.version });
    expect(half.json()).toMatchObject({ code: 'DRAW_VISITS_PENDING', pendingVisits: 0, unvisitedPlaces: 1 });
    expect((await s.secretariat.get(`/api/unannounced-draws/${draw.id}`)).json().abilities).toEqual({ reveal: false });

    const visit2 = await schedule(s.secretariat, { planId: s.plan.id, agencyId: await parentOf(second.agencyId), teamId: s.team1.id, kind: 'unannounced', startsOn: '2021-06-18', places: [second.agencyId] });
    clock.set('2021-06-18T01:30:00Z');
    expect((await s.inspector.post(`/api/inspections/${visit2.id}/start`, { version: visit2.version })).statusCode).toBe(200);
    const ready: Draw = (await s.secretariat.get(`/api/unannounced-draws/${draw.id}`)).json();
    expect(ready).toMatchObject({ pendingVisits: 0, unvisitedPlaces: 0, abilities: { reveal: true } });
    // The leader sees it but may not reveal: the ability says so too.
    expect((await s.leader.get(`/api/unannounced-draws/${draw.id}`)).json().abilities).toEqual({ reveal: false });

    const stale = await s.secretariat.post(`/api/unannounced-draws/${draw.id}/reveal`, { version: draw.version + 5 });
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const revealed = await s.secretariat.post(`/api/unannounced-draws/${draw.id}/reveal`, { version: draw.version });
    expect(revealed.statusCode, revealed.body).toBe(200);
    expect(revealed.json().seed).toBe(await seedOf(draw.id));
    expect(revealed.json().abilities).toEqual({ reveal: false });
    expect((await s.secretariat.post(`/api/unannounced-draws/${draw.id}/reveal`, { version: revealed.json().version })).json().code).toBe('INVALID_STATE');
  });

  it('lets anyone, without signing in, recompute the revealed draw against its commitment', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/public/unannounced-draws/${draw.id}` });
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json();
    expect(v.checks).toEqual({ seedMatches: true, poolMatches: true, drawMatches: true });
    expect(v.recomputed).toEqual(draw.drawn.map((c) => c.agencyId));
    expect(sha256Hex(v.seed)).toBe(v.seedHash);
    expect(sha256Hex(v.canonicalPool)).toBe(v.poolHash);
    // The unit officer may now see it too, through the same public check (not the office's list).
    expect((await s.unitOfficerA.get(`/api/public/unannounced-draws/${draw.id}`)).statusCode).toBe(200);
  });

  it('weighs places by the risk ranking of their unit when asked', async () => {
    const res = await s.secretariat.post('/api/unannounced-draws', drawBody({ k: 1, placeKinds: ['head_office', 'one_stop_desk'], weighting: 'risk', riskYear: 2020 }));
    expect(res.statusCode, res.body).toBe(201);
    const d: Draw = res.json();
    expect(d.riskYear).toBe(2020);
    for (const c of d.pool) {
      expect(c.riskScore).not.toBeNull();
      expect(c.weight).toBe(1 + Math.round(c.riskScore!));
    }
    expect(d.pool.some((c) => c.kind === 'peoples_committee')).toBe(true);
  });

  it('refuses a bad request with the field named, and draws nothing', async () => {
    const before = await countRows(t.database.db, 'unannounced_draw');
    const cases: [Record<string, unknown>, string, string][] = [
      [drawBody({ k: 4 }), 'body.k', 'more_than_pool'],
      [drawBody({ placeKinds: ['reception_point'], k: 2 }), 'body.k', 'more_than_pool'],
      [drawBody({ k: 0 }), 'body.k', 'too_small'],
      [drawBody({ placeKinds: [] }), 'body.placeKinds', 'too_small'],
      [drawBody({ weighting: 'dice' }), 'body.weighting', 'invalid_value'],
    ];
    for (const [body, name, code] of cases) {
      const res = await s.secretariat.post('/api/unannounced-draws', body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().invalidParams[0]).toMatchObject({ name, code });
    }
    const unknown = await s.secretariat.post('/api/unannounced-draws', drawBody({ planId: crypto.randomUUID() }));
    expect(unknown.statusCode).toBe(404);
    expect(await countRows(t.database.db, 'unannounced_draw')).toBe(before);
  });
});

describe('a draw made again cannot be hidden', () => {
  const parentOf = async (id: string) => (await queryRows<{ parent: string }>(t.database.db, sql`select parent_agency_id as parent from agency where id = ${id}::uuid`))[0].parent;
  const publicCheck = (id: string) => t.app.inject({ method: 'GET', url: `/api/public/unannounced-draws/${id}` });

  it('numbers the draws of a plan, refuses a redraw over an unrevealed draw without a reason, and with one marks it superseded (audited)', async () => {
    const list: Draw[] = (await s.secretariat.get(`/api/unannounced-draws?planId=${s.plan.id}`)).json().items;
    // The revealed draw and the risk-weighted one above, numbered in the order drawn.
    expect(list.map((d) => [d.sequence, d.status])).toEqual([
      [2, 'drawn'],
      [1, 'revealed'],
    ]);
    const earlier = list[0];
    // Its one-stop desks are in this pool too: drawing again must say why, or nothing is drawn.
    const refused = await s.secretariat.post('/api/unannounced-draws', drawBody({ k: 1 }));
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().invalidParams[0]).toMatchObject({ name: 'body.supersedeReason', code: 'supersede_required' });
    expect((await s.secretariat.get(`/api/unannounced-draws?planId=${s.plan.id}`)).json().items).toHaveLength(2);

    const again = await s.secretariat.post('/api/unannounced-draws', drawBody({ k: 1, supersedeReason: 'Nhầm năm xếp hạng rủi ro' }));
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json()).toMatchObject({ sequence: 3, status: 'drawn' });
    const old: Draw = (await s.secretariat.get(`/api/unannounced-draws/${earlier.id}`)).json();
    expect(old).toMatchObject({ status: 'superseded', supersedeReason: 'Nhầm năm xếp hạng rủi ro', seed: null });
    const [event] = await queryRows<{ after: string }>(t.database.db, sql`select after::text as after from audit_event where action = 'unannounced_draw.superseded' and entity_id = ${earlier.id}`);
    expect(event.after).toContain('Nhầm năm xếp hạng rủi ro');
    // A draw is a permanent record: the database refuses to delete one.
    await expect(t.database.db.execute(sql`delete from unannounced_draw where id = ${earlier.id}::uuid`)).rejects.toThrow();
  });

  it('keeps every draw secret before the visits; the superseded one is revealed after the redraw, without visits of its own; the public check lists every draw', async () => {
    const [latest, superseded, first]: Draw[] = (await s.secretariat.get(`/api/unannounced-draws?planId=${s.plan.id}`)).json().items;
    expect([latest.sequence, superseded.sequence, first.sequence]).toEqual([3, 2, 1]);
    // Before the visits, the units learn nothing: no draw, and the revealed first draw lists only itself.
    for (const who of [s.unitOfficerA, s.deskOfficer]) {
      expect((await who.get(`/api/unannounced-draws?planId=${s.plan.id}`)).json()).toEqual({ items: [] });
      expect((await who.get(`/api/public/unannounced-draws/${latest.id}`)).statusCode).toBe(404);
      expect((await who.get(`/api/public/unannounced-draws/${superseded.id}`)).statusCode).toBe(404);
    }
    expect((await publicCheck(first.id)).json().planDraws.map((d: { sequence: number }) => d.sequence)).toEqual([1]);
    // The superseded draw's reveal would tell that a later draw exists: it waits for that one.
    expect(superseded.abilities).toEqual({ reveal: false });
    const early = await s.secretariat.post(`/api/unannounced-draws/${superseded.id}/reveal`, { version: superseded.version });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('INVALID_STATE');

    const place = latest.drawn[0].agencyId;
    const visit = await schedule(s.secretariat, { planId: s.plan.id, agencyId: await parentOf(place), teamId: s.team1.id, kind: 'unannounced', startsOn: '2021-06-22', places: [place] });
    clock.set('2021-06-22T01:30:00Z');
    expect((await s.inspector.post(`/api/inspections/${visit.id}/start`, { version: visit.version })).statusCode).toBe(200);
    expect((await s.secretariat.post(`/api/unannounced-draws/${latest.id}/reveal`, { version: latest.version })).statusCode).toBe(200);
    const v = (await publicCheck(latest.id)).json();
    expect(v.checks).toEqual({ seedMatches: true, poolMatches: true, drawMatches: true });
    expect(v.planDraws.map((d: { sequence: number; status: string }) => [d.sequence, d.status])).toEqual([
      [1, 'revealed'],
      [2, 'superseded'],
      [3, 'revealed'],
    ]);
    expect(v.planDraws[1]).toMatchObject({ seedHash: superseded.seedHash, poolHash: superseded.poolHash, supersedeReason: 'Nhầm năm xếp hạng rủi ro' });

    // Now the superseded draw can be revealed, its drawn places never visited.
    const nowSuperseded: Draw = (await s.secretariat.get(`/api/unannounced-draws/${superseded.id}`)).json();
    expect(nowSuperseded.abilities).toEqual({ reveal: true });
    const revealed = await s.secretariat.post(`/api/unannounced-draws/${superseded.id}/reveal`, { version: nowSuperseded.version });
    expect(revealed.statusCode, revealed.body).toBe(200);
    const check = (await s.unitOfficerA.get(`/api/public/unannounced-draws/${superseded.id}`)).json();
    expect(check).toMatchObject({ sequence: 2, status: 'revealed', supersedeReason: 'Nhầm năm xếp hạng rủi ro', checks: { seedMatches: true, poolMatches: true, drawMatches: true } });
    expect(check.planDraws.map((d: { sequence: number }) => d.sequence)).toEqual([1, 2]);
  });
});

describe('a draw counts the visits made after it', () => {
  const parentOf = async (id: string) => (await queryRows<{ parent: string }>(t.database.db, sql`select parent_agency_id as parent from agency where id = ${id}::uuid`))[0].parent;

  it('does not count a visit started before the draw was made as a visit of a drawn place (rev8b #2)', async () => {
    // Every one-stop desk has had an unannounced visit by now (above); a new draw of all three is made later.
    clock.set('2021-06-23T02:00:00Z');
    const res = await s.secretariat.post('/api/unannounced-draws', drawBody({ k: 3 }));
    expect(res.statusCode, res.body).toBe(201);
    const fresh: Draw = res.json();
    expect(fresh).toMatchObject({ unvisitedPlaces: 3, pendingVisits: 0, abilities: { reveal: false } });
    const refused = await s.secretariat.post(`/api/unannounced-draws/${fresh.id}/reveal`, { version: fresh.version });
    expect(refused.json()).toMatchObject({ code: 'DRAW_VISITS_PENDING', unvisitedPlaces: 3 });
    // A visit started after the draw counts.
    const place = fresh.drawn[0].agencyId;
    const visit = await schedule(s.secretariat, { planId: s.plan.id, agencyId: await parentOf(place), teamId: s.team2.id, kind: 'unannounced', startsOn: '2021-06-24', places: [place] });
    clock.set('2021-06-24T01:30:00Z');
    expect((await s.inspector2.post(`/api/inspections/${visit.id}/start`, { version: visit.version })).statusCode).toBe(200);
    expect((await s.secretariat.get(`/api/unannounced-draws/${fresh.id}`)).json()).toMatchObject({ unvisitedPlaces: 2 });
  });
});
