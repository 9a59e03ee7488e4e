import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanDetail } from '../../../shared/api/plans.schemas.js';
import { createTestApp, signIn, type Client, type TestApp } from '../../test/harness.js';
import { countRows, makeAuthority, TEST_PASSWORD } from '../../test/factories.js';
import { createDraft, issueNewPlan, planBody, type Authority } from './plans.test-support.js';

/** Target agencies: checked when chosen, and again when copied from last year's plan. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function authority() {
  const a = await makeAuthority(t.database.db);
  const [sec, leader] = await Promise.all([signIn(t.app, a.users.secretariat.username, TEST_PASSWORD), signIn(t.app, a.users.leader.username, TEST_PASSWORD)]);
  return { a, sec, leader };
}

const deactivateAgency = (id: string) => t.database.db.execute(sql`update agency set active = false where id = ${id}::uuid`);
const endUnit = (id: string, validTo: string) => t.database.db.execute(sql`update unit set valid_to = ${validTo}::date where id = ${id}::uuid`);

async function auditAfter(entityId: string) {
  const res = (await t.database.db.execute(sql`select after from audit_event where entity_id = ${entityId} and action = 'plan.created'`)) as unknown as {
    rows: { after: Record<string, unknown> }[];
  };
  return res.rows[0].after;
}

describe("start from last year's plan: the copied targets are checked again", () => {
  let a: Authority;
  let sec: Client;
  let leader: Client;
  beforeAll(async () => {
    ({ a, sec, leader } = await authority());
  });

  it('drops a deactivated target and one merged away before the new window, and says which', async () => {
    const last = await issueNewPlan(sec, leader, a);
    await deactivateAgency(a.wardBCommittee.id);
    // Ward A is merged away at the end of 2021: it exists in the 2021 window, not in 2022's.
    await endUnit(a.wardA.id, '2021-12-31');
    const res = await sec.post('/api/plans/from-previous', { sourcePlanId: last.id });
    expect(res.statusCode, res.body).toBe(201);
    const next: PlanDetail & { droppedTargets: { agencyId: string; name: string; reason: string }[] } = res.json();
    expect(next.year).toBe(2022);
    expect(next.targets.map((x) => x.agencyId)).toEqual([a.homeAffairs.id]);
    expect(next.droppedTargets.map((d) => [d.agencyId, d.reason])).toEqual([
      [a.wardACommittee.id, 'not_valid_in_period'],
      [a.wardBCommittee.id, 'inactive'],
    ]);
    expect(next.droppedTargets[0].name).toBe(a.wardACommittee.name);
    expect(await auditAfter(next.id)).toMatchObject({ copiedFrom: last.id, targetAgencyIds: [a.homeAffairs.id] });

    // Copied into the same year, ward A still exists.
    const sameYear: { targets: { agencyId: string }[]; droppedTargets: { reason: string }[] } = (
      await sec.post('/api/plans/from-previous', { sourcePlanId: last.id, year: 2021 })
    ).json();
    expect(sameYear.targets.map((x) => x.agencyId).sort()).toEqual([a.wardACommittee.id, a.homeAffairs.id].sort());
    expect(sameYear.droppedTargets.map((d) => d.reason)).toEqual(['inactive']);
  });

  it('answers an empty list when every target is still valid', async () => {
    const { a: b, sec: secB, leader: leaderB } = await authority();
    const last = await issueNewPlan(secB, leaderB, b);
    const res = await secB.post('/api/plans/from-previous', { sourcePlanId: last.id });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().droppedTargets).toEqual([]);
    expect(res.json().targets).toHaveLength(3);
  });

  it('refuses to copy a plan of a committee that no longer exists in the new year, naming the source', async () => {
    const { a: b, sec: secB, leader: leaderB } = await authority();
    const last = await issueNewPlan(secB, leaderB, b);
    await endUnit(b.town.id, '2021-12-31');
    const before = await countRows(t.database.db, 'inspection_plan', sql`issuing_agency_id = ${b.townCommittee.id}`);
    const res = await secB.post('/api/plans/from-previous', { sourcePlanId: last.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().invalidParams[0]).toMatchObject({ name: 'body.sourcePlanId', code: 'not_valid_in_period' });
    expect(await countRows(t.database.db, 'inspection_plan', sql`issuing_agency_id = ${b.townCommittee.id}`)).toBe(before);
  });

  it('answers 400 on the source, not 404, for a plan the caller cannot see', async () => {
    const [one, other] = [await authority(), await authority()];
    const last = await issueNewPlan(one.sec, one.leader, one.a);
    const res = await other.sec.post('/api/plans/from-previous', { sourcePlanId: last.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().invalidParams[0]).toMatchObject({ name: 'body.sourcePlanId', code: 'not_found' });
  });
});

describe('choosing targets', () => {
  it('refuses a deactivated agency and one that does not exist in the window, naming the index', async () => {
    const { a, sec } = await authority();
    await deactivateAgency(a.wardBCommittee.id);
    const inactive = await sec.post('/api/plans', planBody(a, { targetAgencyIds: [a.wardACommittee.id, a.wardBCommittee.id] }));
    expect(inactive.statusCode).toBe(400);
    expect(inactive.json().invalidParams[0]).toMatchObject({ name: 'body.targetAgencyIds.1', code: 'inactive' });

    await endUnit(a.wardA.id, '2021-03-31');
    const gone = await sec.post('/api/plans', planBody(a, { targetAgencyIds: [a.wardACommittee.id] }));
    expect(gone.json().invalidParams[0]).toMatchObject({ name: 'body.targetAgencyIds.0', code: 'not_valid_in_period' });
    // A window that still sees the ward is fine.
    expect((await sec.post('/api/plans', planBody(a, { periodFrom: '2021-01', targetAgencyIds: [a.wardACommittee.id] }))).statusCode).toBe(201);
  });

  it('keeps a target a draft already has when it is deactivated later, but refuses adding one', async () => {
    const { a, sec } = await authority();
    const draft = await createDraft(sec, a);
    await deactivateAgency(a.wardBCommittee.id);
    const same = await sec.patch(`/api/plans/${draft.id}`, { version: draft.version, targetAgencyIds: [a.wardBCommittee.id, a.homeAffairs.id] });
    expect(same.statusCode, same.body).toBe(200);
    const narrowed: PlanDetail = same.json();
    const readd = await sec.patch(`/api/plans/${draft.id}`, { version: narrowed.version, targetAgencyIds: [a.homeAffairs.id] });
    expect(readd.statusCode).toBe(200);
    const refused = await sec.patch(`/api/plans/${draft.id}`, { version: readd.json().version, targetAgencyIds: [a.homeAffairs.id, a.wardBCommittee.id] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().invalidParams[0]).toMatchObject({ name: 'body.targetAgencyIds.1', code: 'inactive' });
  });

  it('refuses control characters a .docx cannot hold, naming the field', async () => {
    const { a, sec } = await authority();
    const draft = await createDraft(sec, a);
    for (const bad of ['Kiểm tra\u0001', 'a\u000bb', 'a\u0000b']) {
      const res = await sec.patch(`/api/plans/${draft.id}`, { version: draft.version, content: { summary: bad } });
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.json().invalidParams[0].name).toBe('body.content.summary');
    }
    const ok = await sec.patch(`/api/plans/${draft.id}`, { version: draft.version, content: { summary: 'Dòng một\tvà tab' } });
    expect(ok.statusCode).toBe(200);
  });
});
