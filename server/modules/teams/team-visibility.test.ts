import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Team } from '../../../shared/api/teams.schemas.js';
import { createTestApp, type Client, type TestApp } from '../../test/harness.js';
import { makeAuthority, makeUser, signInAuthority } from '../../test/factories.js';
import { issueNewPlan, type Authority } from '../plans/plans.test-support.js';

/**
 * A team is prepared in the office: until the Chairman's decision is issued, only the office and
 * the inspectors listed on it see it. The inspected wards and the other inspectors learn of it
 * when it is founded.
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

/**
 * The tests share the authority, so its register: every plan and decision is dated the same day,
 * since a document dated before the register's last one is refused (numbers follow dates).
 */
const ISSUED_ON = '2021-05-10';

const member = (over: Record<string, unknown>) => ({ honorific: 'Ông', fullName: 'Nguyễn Văn Hùng', position: 'Phó Chủ tịch UBND thị xã', agencyId: a.townCommittee.id, role: 'thanh_vien', ...over });
const teamIds = async (client: Client, planId: string) => ((await client.get(`/api/plans/${planId}/teams`)).json().items as Team[]).map((x) => x.id);

async function teamWithMembers(planId: string, name: string, members: Record<string, unknown>[]): Promise<Team> {
  const team: Team = (await sec.post(`/api/plans/${planId}/teams`, { name })).json();
  const res = await sec.put(`/api/teams/${team.id}/members`, { version: team.version, members });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('team visibility', () => {
  it('shows the unit officer of a target ward a team only once founded: not its draft, nor the draft decision', async () => {
    const plan = await issueNewPlan(sec, leader, a, ISSUED_ON);
    const team = await teamWithMembers(plan.id, 'Đoàn kiểm tra', [member({ role: 'truong_doan' })]);
    for (const url of [`/api/teams/${team.id}`, `/api/documents/team-decision/${team.id}.docx`, `/api/documents/team-decision/${team.id}.pdf`]) {
      const res = await unitA.get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    }
    expect(await teamIds(unitA, plan.id)).toEqual([]);
    expect(await teamIds(inspector, plan.id)).toEqual([]);
    expect(await teamIds(leader, plan.id)).toEqual([team.id]);

    const founded = await leader.post(`/api/teams/${team.id}/found`, { version: team.version, issuedOn: ISSUED_ON, signature: { position: 'CHỦ TỊCH', signerName: 'Phạm Trương' } });
    expect(founded.statusCode, founded.body).toBe(200);
    const seen = await unitA.get(`/api/teams/${team.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().abilities).toEqual({ update: false, found: false });
    expect((await unitA.get(`/api/documents/team-decision/${team.id}.docx`)).statusCode).toBe(200);
    expect(await teamIds(unitA, plan.id)).toEqual([team.id]);
    expect(await teamIds(inspector, plan.id)).toEqual([team.id]);
  });

  it("shows an inspector the draft team they are on, and nobody else's draft", async () => {
    const plan = await issueNewPlan(sec, leader, a, ISSUED_ON);
    const mine = await teamWithMembers(plan.id, 'Đoàn 1', [member({ role: 'truong_doan', userId: a.users.inspector.id })]);
    const theirs = await teamWithMembers(plan.id, 'Đoàn 2', [member({ role: 'truong_doan' })]);
    expect(await teamIds(inspector, plan.id)).toEqual([mine.id]);
    expect((await inspector.get(`/api/documents/team-decision/${mine.id}.docx`)).statusCode).toBe(200);
    expect((await inspector.get(`/api/teams/${theirs.id}`)).statusCode).toBe(404);
    // Seeing is not editing.
    expect((await inspector.patch(`/api/teams/${mine.id}`, { version: mine.version, name: 'Đổi tên' })).statusCode).toBe(403);
    expect((await inspector.get(`/api/teams/${mine.id}`)).json().abilities).toEqual({ update: false, found: false });
  });

  it('presents a list of teams with each its own members, warnings and abilities', async () => {
    const plan = await issueNewPlan(sec, leader, a, ISSUED_ON, { targetAgencyIds: [a.wardBCommittee.id, a.homeAffairs.id] });
    const wardInspector = await makeUser(t.database.db, [{ role: 'inspector', agencyId: a.wardACommittee.id }]);
    const one = await teamWithMembers(plan.id, 'Đoàn 1', [member({ role: 'truong_doan' }), member({ fullName: 'Lê Văn Tâm', agencyId: a.wardBDesk.id })]);
    const two = await teamWithMembers(plan.id, 'Đoàn 2', [member({ fullName: 'Trần Thị Hà', agencyId: a.homeAffairs.id, userId: wardInspector.id }), member({ fullName: 'Võ Văn An', agencyId: a.wardACommittee.id })]);
    const three = (await sec.post(`/api/plans/${plan.id}/teams`, { name: 'Đoàn 3' })).json() as Team;
    const items: Team[] = (await sec.get(`/api/plans/${plan.id}/teams`)).json().items;
    expect(items.map((x) => [x.name, x.members.map((m) => m.fullName), x.warnings.map((w) => [w.memberIndex, w.agencyId]), x.abilities])).toEqual([
      ['Đoàn 1', ['Nguyễn Văn Hùng', 'Lê Văn Tâm'], [[1, a.wardBDesk.id]], { update: true, found: false }],
      ['Đoàn 2', ['Trần Thị Hà', 'Võ Văn An'], [[0, a.homeAffairs.id]], { update: true, found: false }],
      ['Đoàn 3', [], [], { update: true, found: false }],
    ]);
    expect(items.map((x) => x.id)).toEqual([one.id, two.id, three.id]);
    expect((await leader.get(`/api/plans/${plan.id}/teams`)).json().items.map((x: Team) => x.abilities)).toEqual([
      { update: false, found: true },
      { update: false, found: true },
      { update: false, found: true },
    ]);
  });

  it('shows the warnings naming members and their agencies only to who prepares or founds the team, not to the unit nor an inspector (rev8b #8)', async () => {
    const plan = await issueNewPlan(sec, leader, a, ISSUED_ON, { targetAgencyIds: [a.wardACommittee.id] });
    const team = await teamWithMembers(plan.id, 'Đoàn kiểm tra', [member({ role: 'truong_doan' }), member({ fullName: 'Võ Văn An', agencyId: a.wardACommittee.id })]);
    const founded = await leader.post(`/api/teams/${team.id}/found`, { version: team.version, issuedOn: ISSUED_ON, signature: { position: 'CHỦ TỊCH', signerName: 'Phạm Trương' } });
    expect(founded.statusCode, founded.body).toBe(200);
    for (const who of [sec, leader]) expect((await who.get(`/api/teams/${team.id}`)).json().warnings).toEqual([expect.objectContaining({ code: 'member_inspects_own_agency', memberIndex: 1 })]);
    for (const who of [unitA, inspector]) {
      const seen = await who.get(`/api/teams/${team.id}`);
      expect(seen.statusCode, seen.body).toBe(200);
      expect(seen.json().warnings).toEqual([]);
      expect(((await who.get(`/api/plans/${plan.id}/teams`)).json().items as Team[]).map((x) => x.warnings)).toEqual([[]]);
    }
  });
});
