import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { ScheduleProposal } from '../../../shared/api/schedule-proposals.schemas.js';
import { ManualClock } from '../../clock.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { countRows } from '../../test/factories.js';
import { makeSeason, type Season } from '../inspections/inspections.test-support.js';
import { publishedFramework, saveFinal } from '../indices/test-support.js';

let t: TestApp;
let s: Season;
const clock = new ManualClock('2021-05-11T02:00:00Z');
beforeAll(async () => {
  t = await createTestApp({ clock });
  s = await makeSeason(t);
});
afterAll(() => t.close());

const inspectionsOfPlan = () => countRows(t.database.db, 'inspection', sql`plan_id = ${s.plan.id}`);

describe('proposing a schedule', () => {
  let proposal: ScheduleProposal;

  it('proposes a working day and a team for every target without a visit, each explained, and writes nothing', async () => {
    const res = await s.secretariat.post('/api/schedule-proposals', { planId: s.plan.id, from: '2021-06-01', to: '2021-07-30' });
    expect(res.statusCode, res.body).toBe(200);
    proposal = res.json();
    expect(proposal.unplaced).toEqual([]);
    expect(proposal.placements.map((p) => p.agencyId).sort()).toEqual([s.a.wardACommittee.id, s.a.wardBCommittee.id, s.a.homeAffairs.id].sort());
    expect(new Set(proposal.placements.map((p) => p.teamId))).toEqual(new Set([s.team1.id, s.team2.id]));
    for (const p of proposal.placements) {
      expect(p.startsOn >= '2021-06-01' && p.startsOn <= '2021-07-30').toBe(true);
      expect(p.explanation).toContain('thông báo phải đến đơn vị chậm nhất ngày');
    }
    expect(await inspectionsOfPlan()).toBe(0);
    // The same input, the same proposal.
    expect((await s.secretariat.post('/api/schedule-proposals', { planId: s.plan.id, from: '2021-06-01', to: '2021-07-30' })).json()).toEqual(proposal);
  });

  it('places the targets in the order of the risk ranking of the year before: the riskier ward first, the town office (unranked) last, each saying why', async () => {
    // 2020 scores: ward B loses points on two criteria, ward A has full marks.
    const f = await publishedFramework(s.secretariat, s.a);
    await saveFinal(s.secretariat, f, s.a.wardA.id, 2020, { '1.1': 1.5, '1.2': 2.5, '2.1': 2, '2.2': 4 });
    await saveFinal(s.secretariat, f, s.a.wardB.id, 2020, { '1.1': 1.5, '1.2': 1, '2.1': 2, '2.2': 2 });
    const ranking = (await s.secretariat.get(`/api/risk-ranking?parentUnitId=${s.a.town.id}&year=2020`)).json() as { items: { unitId: string; rank: number }[] };
    expect(ranking.items.map((i) => i.unitId)).toEqual([s.a.wardB.id, s.a.wardA.id]);

    const res = await s.secretariat.post('/api/schedule-proposals', { planId: s.plan.id, from: '2021-06-01', to: '2021-07-30' });
    const ordered = res.json() as ScheduleProposal;
    expect(ordered.placements.map((p) => p.agencyId)).toEqual([s.a.wardBCommittee.id, s.a.wardACommittee.id, s.a.homeAffairs.id]);
    // The riskiest is placed first, on the earliest day.
    expect(ordered.placements[0].startsOn < ordered.placements[1].startsOn).toBe(true);
    expect(ordered.placements[0].explanation).toContain(`thứ tự 1/3 theo xếp hạng rủi ro năm 2020 (${s.a.wardB.name} hạng 1, điểm rủi ro `);
    expect(ordered.placements[1].explanation).toContain(`thứ tự 2/3 theo xếp hạng rủi ro năm 2020 (${s.a.wardA.name} hạng 2`);
    expect(ordered.placements[2].explanation).toContain('chưa có trong xếp hạng rủi ro năm 2020, xếp sau các đơn vị có hạng');
    // By name on request: no ranking in the texts.
    const byName = (await s.secretariat.post('/api/schedule-proposals', { planId: s.plan.id, from: '2021-06-01', to: '2021-07-30', order: 'name' })).json() as ScheduleProposal;
    for (const p of byName.placements) expect(p.explanation).not.toContain('xếp hạng rủi ro');
    expect(await inspectionsOfPlan()).toBe(0);
  });

  it('accepts some placements: they are scheduled through the ordinary rules; the next proposal leaves them out', async () => {
    const kept = proposal.placements.slice(0, 2).map(({ agencyId, teamId, startsOn }) => ({ agencyId, teamId, startsOn }));
    const res = await s.secretariat.post('/api/schedule-proposals/accept', { planId: s.plan.id, placements: kept });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().created).toBe(2);
    const listed = (await s.secretariat.get(`/api/inspections?planId=${s.plan.id}`)).json();
    expect(listed.items.map((i: { startsOn: string; status: string }) => [i.startsOn, i.status]).sort()).toEqual(kept.map((k) => [k.startsOn, 'planned']).sort());
    const next: ScheduleProposal = (await s.secretariat.post('/api/schedule-proposals', { planId: s.plan.id, from: '2021-06-01', to: '2021-07-30' })).json();
    expect(next.placements.map((p) => p.agencyId)).toEqual([proposal.placements[2].agencyId]);
    // "Việc của tôi" of the office lists what is still to schedule: the same one target; others may not ask.
    const left = await s.secretariat.get(`/api/plans/${s.plan.id}/unscheduled-targets`);
    expect(left.statusCode, left.body).toBe(200);
    expect(left.json().items.map((i: { agencyId: string }) => i.agencyId)).toEqual([proposal.placements[2].agencyId]);
    expect((await s.unitOfficerA.get(`/api/plans/${s.plan.id}/unscheduled-targets`)).statusCode).toBe(403);
    expect((await s.inspector.get(`/api/plans/${s.plan.id}/unscheduled-targets`)).statusCode).toBe(403);
    expect((await s.secretariat.get(`/api/plans/${crypto.randomUUID()}/unscheduled-targets`)).statusCode).toBe(404);

    // All the office's plans at once (the card's one request): the same target under the plan, named.
    const all = await s.secretariat.get('/api/unscheduled-targets');
    expect(all.statusCode, all.body).toBe(200);
    expect(all.json().items).toEqual([
      { planId: s.plan.id, summary: expect.any(String), year: 2021, documentNumber: expect.stringMatching(/\/KH-/), items: left.json().items },
    ]);
    // Whoever schedules nothing learns of nothing to schedule (not even that targets are left).
    for (const other of [s.unitOfficerA, s.inspector, s.leader]) expect((await other.get('/api/unscheduled-targets')).json()).toEqual({ items: [] });
    expect((await s.secretariat.get('/api/unscheduled-targets?planId=x')).statusCode).toBe(400);
  });

  it('refuses the whole acceptance when one placement breaks a rule, naming it', async () => {
    const before = await inspectionsOfPlan();
    const last = proposal.placements[2];
    // The first is fine; the second visits an agency already booked that day.
    const first = proposal.placements[0];
    const res = await s.secretariat.post('/api/schedule-proposals/accept', {
      planId: s.plan.id,
      placements: [
        { agencyId: last.agencyId, teamId: last.teamId, startsOn: last.startsOn },
        { agencyId: first.agencyId, teamId: first.teamId === s.team1.id ? s.team2.id : s.team1.id, startsOn: first.startsOn },
      ],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('SCHEDULE_CONFLICT');
    expect(res.json().detail).toMatch(/^placement 2: /);
    expect(await inspectionsOfPlan()).toBe(before);
  });

  it('proposes a past season (recorded after the fact) with its lead time counted from the window’s start, and says so', async () => {
    clock.set('2026-11-30T02:00:00Z');
    try {
      const res = await s.secretariat.post('/api/schedule-proposals', { planId: s.plan.id, from: '2021-06-01', to: '2021-07-30' });
      expect(res.statusCode, res.body).toBe(200);
      const past: ScheduleProposal = res.json();
      expect(past.asOf).toBe('2021-06-01');
      expect(past.workingDays).toBeGreaterThan(20);
      expect(past.placements.length).toBeGreaterThan(0);
      for (const p of past.placements) expect(p.explanation).toContain('thời gian chuẩn bị tính từ ngày 01/06/2021');
      // The caller may name the day instead.
      const named: ScheduleProposal = (await s.secretariat.post('/api/schedule-proposals', { planId: s.plan.id, from: '2021-06-01', to: '2021-07-30', asOf: '2021-07-01' })).json();
      expect(named.asOf).toBe('2021-07-01');
      expect(named.placements.every((p) => p.startsOn > '2021-07-01')).toBe(true);
    } finally {
      clock.set('2021-05-11T02:00:00Z');
    }
    // A window ahead still counts from today, and says nothing of it.
    const ahead: ScheduleProposal = (await s.secretariat.post('/api/schedule-proposals', { planId: s.plan.id, from: '2021-06-01', to: '2021-07-30' })).json();
    expect(ahead.asOf).toBe('2021-05-11');
    expect(ahead.placements.every((p) => !p.explanation.includes('thời gian chuẩn bị tính từ'))).toBe(true);
  });

  it('refuses a window outside the plan, a foreign team, and callers who do not schedule', async () => {
    const bad = async (body: Record<string, unknown>, name: string, code: string) => {
      const res = await s.secretariat.post('/api/schedule-proposals', { planId: s.plan.id, ...body });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().invalidParams[0]).toMatchObject({ name, code });
    };
    await bad({ from: '2020-01-01' }, 'body.from', 'out_of_range');
    await bad({ from: '2021-07-01', to: '2021-06-01' }, 'body.to', 'before_from');
    await bad({ teamIds: [crypto.randomUUID()] }, 'body.teamIds.0', 'not_a_team_of_plan');
    // An agency that is not a target of the plan is named, not proposed as nothing.
    await bad({ agencyIds: [s.a.wardACommittee.id, crypto.randomUUID()] }, 'body.agencyIds.1', 'not_a_target');
    await bad({ capacityPerTeamPerDay: 0 }, 'body.capacityPerTeamPerDay', 'too_small');
    const badPlacement = await s.secretariat.post('/api/schedule-proposals/accept', { planId: s.plan.id, placements: [{ agencyId: crypto.randomUUID(), teamId: s.team1.id, startsOn: '2021-06-10' }] });
    expect(badPlacement.json().invalidParams[0]).toMatchObject({ name: 'body.placements.0.agencyId', code: 'not_a_target' });
    expect((await s.leader.post('/api/schedule-proposals', { planId: s.plan.id })).statusCode).toBe(403);
    expect((await s.unitOfficerA.post('/api/schedule-proposals', { planId: s.plan.id })).statusCode).toBeGreaterThanOrEqual(403);
  });

  it('answers the acceptance with each visit created and its warnings, as scheduling one does (a Saturday)', async () => {
    const last = proposal.placements[2];
    const res = await s.secretariat.post('/api/schedule-proposals/accept', { planId: s.plan.id, placements: [{ agencyId: last.agencyId, teamId: last.teamId, startsOn: '2021-07-03' }] });
    expect(res.statusCode, res.body).toBe(201);
    const out = res.json() as { created: number; ids: string[]; items: { id: string; startsOn: string; warnings: { code: string }[] }[] };
    expect(out.items.map((i) => i.id)).toEqual(out.ids);
    expect(out.items[0]).toMatchObject({ startsOn: '2021-07-03' });
    expect(out.items[0].warnings.map((w) => w.code)).toContain('non_working_day');
  });
});
