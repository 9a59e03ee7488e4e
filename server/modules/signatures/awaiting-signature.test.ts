import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwaitingSignatureResponse } from '../../../shared/api/signatures.schemas.js';
import { ManualClock } from '../../clock.js';
import { createTestApp, type Client, type TestApp } from '../../test/harness.js';
import { makeSeason, schedule, type Season } from '../inspections/inspections.test-support.js';
import { createDraft } from '../plans/plans.test-support.js';

/** "Chờ ký" (GET /api/awaiting-signature): each signer sees the drafts they sign, and nobody else's. */
let t: TestApp;
let s: Season;
let other: Season;
const clock = new ManualClock('2021-06-10T02:00:00Z');
beforeAll(async () => {
  t = await createTestApp({ clock });
  s = await makeSeason(t);
  other = await makeSeason(t);
});
afterAll(() => t?.close());

const awaiting = async (c: Client) => {
  const res = await c.get('/api/awaiting-signature');
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as AwaitingSignatureResponse;
};
const kinds = (r: AwaitingSignatureResponse) => r.items.map((i) => i.kind).sort();

async function visitedWardA(startsOn: string) {
  const visit = await schedule(s.secretariat, { planId: s.plan.id, agencyId: s.a.wardACommittee.id, teamId: s.team1.id, kind: 'unannounced', startsOn });
  clock.set(`${startsOn}T02:00:00Z`);
  const started = await s.inspector.post(`/api/inspections/${visit.id}/start`, { version: visit.version });
  expect(started.statusCode, started.body).toBe(200);
  const closed = await s.inspector.post(`/api/inspections/${visit.id}/close`, { version: started.json().version });
  expect(closed.statusCode, closed.body).toBe(200);
  return visit.id;
}

describe('drafts awaiting signature', () => {
  it('lists for the leader what the office prepared: a submitted plan, a team, a conclusion, an escalation, a results report', async () => {
    expect(await awaiting(s.leader)).toEqual({ items: [], total: 0 });

    const plan = await createDraft(s.secretariat, s.a, { year: 2022 });
    // A draft plan is still the office's: only a submitted one waits for the leader.
    expect(kinds(await awaiting(s.leader))).toEqual([]);
    expect((await s.secretariat.post(`/api/plans/${plan.id}/submit`, { version: plan.version })).statusCode).toBe(200);
    const team = (await s.secretariat.post(`/api/plans/${s.plan.id}/teams`, { name: 'Đoàn kiểm tra số 3' })).json();
    const visitId = await visitedWardA('2021-06-10');
    const conclusion = (await s.secretariat.post('/api/conclusions', { inspectionId: visitId })).json();
    const escalation = await s.secretariat.post('/api/escalations', { inspectionId: visitId, form: 'to_trinh' });
    expect(escalation.statusCode, escalation.body).toBe(201);
    const report = (await s.secretariat.post('/api/results-reports', { year: 2021 })).json();

    const leader = await awaiting(s.leader);
    expect(kinds(leader)).toEqual(['conclusion', 'escalation', 'plan', 'results_report', 'team']);
    expect(leader.total).toBe(5);
    const byKind = Object.fromEntries(leader.items.map((i) => [i.kind, i]));
    expect(byKind.plan).toMatchObject({ id: plan.id, path: `/plans/${plan.id}`, year: 2022, issuingAgencyName: s.a.townCommittee.name });
    expect(byKind.team).toMatchObject({ id: team.id, path: `/plans/${s.plan.id}`, subject: 'Đoàn kiểm tra số 3' });
    expect(byKind.conclusion).toMatchObject({ id: conclusion.id, path: `/conclusions/${conclusion.id}`, subject: s.a.wardACommittee.name });
    expect(byKind.escalation).toMatchObject({ id: escalation.json().id, path: `/escalations/${escalation.json().id}` });
    expect(byKind.results_report).toMatchObject({ id: report.id, year: 2021 });
    expect(byKind.conclusion.updatedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // The office signs none of these (they are in the People's Committee's name), the others neither.
    for (const c of [s.secretariat, s.inspector, s.unitOfficerA, s.unitOfficerB]) expect(await awaiting(c), 'not a signer').toEqual({ items: [], total: 0 });
    // Another authority's leader sees nothing of this one.
    expect(await awaiting(other.leader)).toEqual({ items: [], total: 0 });

    // Signed, it leaves the list.
    const issued = await s.leader.post(`/api/conclusions/${conclusion.id}/issue`, { version: conclusion.version, issuedOn: '2021-06-10', signature: { ...conclusion.content.signature, signerName: 'Phạm Trương' } });
    expect(issued.statusCode, issued.body).toBe(200);
    expect(kinds(await awaiting(s.leader))).toEqual(['escalation', 'plan', 'results_report', 'team']);
  });

  it('lists for the office a conclusion in its own name, which it signs under authorisation (TUQ.)', async () => {
    const visitId = await visitedWardA('2021-06-17');
    const draft = (await s.secretariat.post('/api/conclusions', { inspectionId: visitId, issuingAgencyId: s.a.homeAffairs.id })).json();
    const office = await awaiting(s.secretariat);
    expect(office.items.map((i) => i.id)).toEqual([draft.id]);
    expect(office.items[0]).toMatchObject({ kind: 'conclusion', issuingAgencyName: s.a.homeAffairs.name });
    // The leader may sign it too, but it is not waiting for the leader.
    expect((await awaiting(s.leader)).items.map((i) => i.id)).not.toContain(draft.id);
  });
});
