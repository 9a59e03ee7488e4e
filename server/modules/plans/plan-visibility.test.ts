import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanDetail } from '../../../shared/api/plans.schemas.js';
import { createTestApp, signIn, type Client, type TestApp } from '../../test/harness.js';
import { makeAuthority, makeUser, signInAuthority, TEST_PASSWORD } from '../../test/factories.js';
import { createDraft, issueNewPlan, type Authority } from './plans.test-support.js';

/**
 * Who reads which plan: the office (admin, leader, standing office) every version; an inspector
 * issued plans of their scope or of their teams, never drafts; a unit officer issued plans that
 * target them. The same rule filters lists, single records, the version history and documents.
 */
let t: TestApp;
let a: Authority;
let sec: Client;
let leader: Client;
let unitA: Client;
let inspector: Client;
beforeAll(async () => {
  t = await createTestApp();
  a = await makeAuthority(t.database.db);
  ({ secretariat: sec, leader, unitOfficerA: unitA, inspector } = await signInAuthority(t.app, a));
});
afterAll(() => t.close());

const ids = (res: { json(): { items: { id: string }[] } }) => res.json().items.map((p) => p.id);

describe('plan visibility', () => {
  it('hides a draft amendment from the history a unit officer reads', async () => {
    const plan = await issueNewPlan(sec, leader, a);
    const amendment = (await sec.post(`/api/plans/${plan.id}/amendments`, { version: plan.version })).json() as PlanDetail;
    const seen: PlanDetail = (await unitA.get(`/api/plans/${plan.id}`)).json();
    expect(seen.history.map((h) => [h.revision, h.status])).toEqual([[1, 'issued']]);
    expect((await unitA.get(`/api/plans/${amendment.id}`)).statusCode).toBe(404);
    // The office sees both versions.
    expect((await sec.get(`/api/plans/${plan.id}`)).json().history.map((h: { status: string }) => h.status)).toEqual(['issued', 'draft']);
    expect((await inspector.get(`/api/plans/${plan.id}`)).json().history.map((h: { status: string }) => h.status)).toEqual(['issued']);
  });

  it('shows an inspector the issued plans of their scope, never a draft or a submitted one', async () => {
    const draft = await createDraft(sec, a);
    const submitted = await createDraft(sec, a);
    expect((await sec.post(`/api/plans/${submitted.id}/submit`, { version: submitted.version })).statusCode).toBe(200);
    const issued = await issueNewPlan(sec, leader, a);
    for (const url of [`/api/plans/${draft.id}`, `/api/plans/${submitted.id}`, `/api/documents/plan/${draft.id}.docx`]) {
      const res = await inspector.get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    }
    const read = await inspector.get(`/api/plans/${issued.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().abilities).toMatchObject({ update: false, submit: false, issue: false, amend: false, createTeam: false });
    expect((await inspector.get(`/api/documents/plan/${issued.id}.docx`)).statusCode).toBe(200);
    const list = ids(await inspector.get('/api/plans'));
    expect(list).toContain(issued.id);
    expect(list).not.toContain(draft.id);
    expect(list).not.toContain(submitted.id);
    // An inspector may not act on a plan they read.
    expect((await inspector.post(`/api/plans/${issued.id}/amendments`, { version: issued.version })).statusCode).toBe(403);
  });

  it("shows an inspector from outside the issuer's scope the plans of the teams they are on", async () => {
    // An official of a ward: the inspector role is granted on the ward's committee, so the town's
    // plans are outside their own scope until the standing office puts them on a team.
    const wardInspectorUser = await makeUser(t.database.db, [{ role: 'inspector', agencyId: a.wardBCommittee.id }], 'Cán bộ phường');
    const wardInspector = await signIn(t.app, wardInspectorUser.username, TEST_PASSWORD);
    const plan = await issueNewPlan(sec, leader, a, '2021-05-05', { targetAgencyIds: [a.wardACommittee.id] });
    expect((await wardInspector.get(`/api/plans/${plan.id}`)).statusCode).toBe(404);

    const team = (await sec.post(`/api/plans/${plan.id}/teams`, { name: 'Đoàn kiểm tra' })).json();
    const members = await sec.put(`/api/teams/${team.id}/members`, {
      version: team.version,
      members: [{ fullName: 'Cán bộ phường', position: 'Công chức', agencyId: a.wardBCommittee.id, role: 'thanh_vien', userId: wardInspectorUser.id }],
    });
    expect(members.statusCode, members.body).toBe(200);
    expect((await wardInspector.get(`/api/plans/${plan.id}`)).statusCode).toBe(200);
    expect(ids(await wardInspector.get('/api/plans'))).toContain(plan.id);
    expect(ids(await wardInspector.get(`/api/plans/${plan.id}/teams`))).toEqual([team.id]);

    // Membership opens the issued versions of the series, not the amendment being drafted.
    const amendment = (await sec.post(`/api/plans/${plan.id}/amendments`, { version: plan.version })).json() as PlanDetail;
    expect((await wardInspector.get(`/api/plans/${amendment.id}`)).statusCode).toBe(404);
    expect((await wardInspector.get(`/api/plans/${plan.id}`)).json().history.map((h: { id: string }) => h.id)).toEqual([plan.id]);

    // Without the inspector role any more, the member link opens nothing.
    await t.database.db.execute(sql`delete from user_role where user_id = ${wardInspectorUser.id}::uuid`);
    const roleless = await signIn(t.app, wardInspectorUser.username, TEST_PASSWORD);
    expect((await roleless.get(`/api/plans/${plan.id}`)).statusCode).toBe(404);
  });

  it('keeps the other authority out of every plan, issued or not', async () => {
    const other = await makeAuthority(t.database.db);
    const otherInspector = await signIn(t.app, other.users.inspector.username, TEST_PASSWORD);
    const issued = await issueNewPlan(sec, leader, a);
    expect((await otherInspector.get(`/api/plans/${issued.id}`)).statusCode).toBe(404);
    expect((await otherInspector.get(`/api/plans/${issued.id}/teams`)).statusCode).toBe(404);
    expect(ids(await otherInspector.get('/api/plans'))).not.toContain(issued.id);
  });
});
