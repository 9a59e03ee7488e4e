import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Team } from '../../../shared/api/teams.schemas.js';
import { createTestApp, signIn, type Client, type TestApp } from '../../test/harness.js';
import { makeAuthority, makeUser, TEST_PASSWORD } from '../../test/factories.js';
import { createDraft, issueNewPlan, type Authority } from '../plans/plans.test-support.js';

let t: TestApp;
let a: Authority;
let sec: Client;
let leader: Client;
beforeAll(async () => {
  t = await createTestApp();
  a = await makeAuthority(t.database.db);
  sec = await signIn(t.app, a.users.secretariat.username, TEST_PASSWORD);
  leader = await signIn(t.app, a.users.leader.username, TEST_PASSWORD);
});
afterAll(() => t.close());

const member = (over: Record<string, unknown>) => ({ honorific: 'Ông', fullName: 'Nguyễn Văn Hùng', position: 'Phó Chủ tịch UBND thị xã', agencyId: a.townCommittee.id, role: 'thanh_vien', ...over });

/** A draft team under a plan newly issued on `planIssuedOn` (at the earliest the last date of the shared register: numbers follow dates). */
async function newTeam(planIssuedOn = '2021-05-05'): Promise<Team> {
  const plan = await issueNewPlan(sec, leader, a, planIssuedOn);
  const res = await sec.post(`/api/plans/${plan.id}/teams`, { name: 'Đoàn kiểm tra công tác cải cách hành chính năm 2021' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('inspection teams', () => {
  it('is prepared only under an issued plan, with decision texts drawn from the plan', async () => {
    const draft = await createDraft(sec, a);
    const refused = await sec.post(`/api/plans/${draft.id}/teams`, { name: 'Đoàn' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('INVALID_STATE');
    const team = await newTeam();
    expect(team.status).toBe('draft');
    expect(team.decision.legalBases.join('\n')).toMatch(/Căn cứ Kế hoạch số \d{2,}\/KH-UBND ngày 05\/05\/2021/);
    expect(team.decision.legalBases.at(-1)).toBe(`Xét đề nghị của cơ quan thường trực công tác cải cách hành chính.`);
    expect(team.abilities).toEqual({ update: true, found: false });
  });

  it('refuses a team name of several lines or with a direction-reversing character (it becomes an e-mail subject)', async () => {
    const team = await newTeam();
    for (const name of ['Đoàn\r\nBcc: x@evil.vn', 'Đoàn kiểm tra\u202e test']) {
      const res = await sec.patch(`/api/teams/${team.id}`, { version: team.version, name });
      expect(res.statusCode, name).toBe(400);
      expect(res.json().invalidParams[0]).toMatchObject({ name: 'body.name', code: 'control_characters' });
    }
    expect((await sec.get(`/api/teams/${team.id}`)).json()).toMatchObject({ name: team.name, version: team.version });
  });

  it('warns, without refusing, when a member would inspect their own agency', async () => {
    const team = await newTeam();
    const res = await sec.put(`/api/teams/${team.id}/members`, {
      version: team.version,
      members: [
        member({ role: 'truong_doan' }),
        member({ honorific: 'Bà', fullName: 'Trần Thị Thu Hà', position: 'Trưởng phòng Nội vụ', agencyId: a.homeAffairs.id, role: 'pho_truong_doan' }),
        member({ fullName: 'Lê Văn Tâm', position: 'Công chức UBND phường', agencyId: a.wardBDesk.id, role: 'thu_ky' }),
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const updated: Team = res.json();
    expect(updated.members.map((m) => m.role)).toEqual(['truong_doan', 'pho_truong_doan', 'thu_ky']);
    // Phòng Nội vụ is a target; the desk sits under a target ward committee.
    expect(updated.warnings.map((w) => [w.memberIndex, w.code])).toEqual([[1, 'member_inspects_own_agency'], [2, 'member_inspects_own_agency']]);
  });

  it('refuses a second Trưởng đoàn (400 naming the member) and founding without one', async () => {
    const team = await newTeam();
    const two = await sec.put(`/api/teams/${team.id}/members`, { version: team.version, members: [member({ role: 'truong_doan' }), member({ role: 'truong_doan', fullName: 'B' })] });
    expect(two.statusCode).toBe(400);
    expect(two.json().invalidParams[0].name).toBe('body.members.1.role');
    const none = await leader.post(`/api/teams/${team.id}/found`, { version: team.version, issuedOn: '2021-05-10', signature: { position: 'CHỦ TỊCH', signerName: 'Phạm Trương' } });
    expect(none.statusCode).toBe(400);
    expect(none.json().invalidParams[0]).toMatchObject({ name: 'members', code: 'head_count' });
  });

  it('links a member only to an inspector of the issuing authority, with one answer for every other id', async () => {
    const team = await newTeam();
    const other = await makeAuthority(t.database.db);
    const wardInspector = await makeUser(t.database.db, [{ role: 'inspector', agencyId: a.wardBCommittee.id }]);
    // Leader of this authority, inspector of another one, an id that matches no account.
    const refusals = [a.users.leader.id, other.users.inspector.id, '00000000-0000-4000-8000-000000000000'];
    for (const userId of refusals) {
      const res = await sec.put(`/api/teams/${team.id}/members`, { version: team.version, members: [member({ role: 'truong_doan' }), member({ userId })] });
      expect(res.statusCode, userId).toBe(400);
      expect(res.json().invalidParams).toEqual([{ name: 'body.members.1.userId', code: 'not_inspector', reason: "not an inspector account of the plan's authority" }]);
    }
    expect((await leader.get(`/api/teams/${team.id}`)).json().members).toEqual([]);
    // The town's inspector, and an inspector granted on a ward under the town, may be linked.
    const ok = await sec.put(`/api/teams/${team.id}/members`, {
      version: team.version,
      members: [member({ role: 'truong_doan', userId: a.users.inspector.id }), member({ fullName: 'Cán bộ phường', userId: wardInspector.id })],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().members.map((m: { userId: string }) => m.userId)).toEqual([a.users.inspector.id, wardInspector.id]);
  });

  it('answers 409 to a stale version and writes nothing', async () => {
    const team = await newTeam();
    const first = await sec.put(`/api/teams/${team.id}/members`, { version: team.version, members: [member({ role: 'truong_doan' })] });
    expect(first.statusCode).toBe(200);
    const stale = await sec.put(`/api/teams/${team.id}/members`, { version: team.version, members: [] });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const staleRename = await sec.patch(`/api/teams/${team.id}`, { version: team.version, name: 'Đoàn khác' });
    expect(staleRename.json().code).toBe('VERSION_CONFLICT');
    expect((await sec.get(`/api/teams/${team.id}`)).json()).toMatchObject({ name: team.name, members: [{ role: 'truong_doan' }] });
  });

  it('is founded by a QĐ of the committee, then frozen; the decision prints its number', async () => {
    const team = await newTeam();
    const withMembers: Team = (
      await sec.put(`/api/teams/${team.id}/members`, { version: team.version, members: [member({ role: 'truong_doan' }), member({ honorific: 'Bà', fullName: 'Đặng Thị Mỹ Linh', position: 'Chuyên viên Phòng Nội vụ', agencyId: a.homeAffairs.id, role: 'thu_ky' })] })
    ).json();
    expect((await sec.post(`/api/teams/${team.id}/found`, { version: withMembers.version, issuedOn: '2021-05-10' })).statusCode).toBe(403);
    const res = await leader.post(`/api/teams/${team.id}/found`, { version: withMembers.version, issuedOn: '2021-05-10', signature: { position: 'CHỦ TỊCH', signerName: 'Phạm Trương' } });
    expect(res.statusCode, res.body).toBe(200);
    const founded: Team = res.json();
    expect(founded.status).toBe('founded');
    expect(founded.documentNumber).toMatch(/^\d{2,}\/QĐ-UBND$/);
    const frozen = await sec.put(`/api/teams/${team.id}/members`, { version: founded.version, members: [] });
    expect(frozen.json().code).toBe('INVALID_STATE');

    const docx = await leader.get(`/api/documents/team-decision/${team.id}.docx`);
    expect(docx.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain(`Số: ${founded.documentNumber}`);
    expect(xml).toContain('QUYẾT ĐỊNH');
    expect(xml).toContain('Ông Nguyễn Văn Hùng, Phó Chủ tịch UBND thị xã, Trưởng đoàn;');
    expect(xml).toContain('Bà Đặng Thị Mỹ Linh, Chuyên viên Phòng Nội vụ, Thư ký.');
    expect(xml).not.toContain('TM. ỦY BAN NHÂN DÂN');
    const list = await leader.get(`/api/plans/${founded.planId}/teams`);
    expect(list.json().items.map((x: Team) => x.id)).toEqual([team.id]);
  });

  it('is invisible to another authority', async () => {
    // Issued after the decision of 10/5 above, in the same register.
    const team = await newTeam('2021-05-10');
    const other = await makeAuthority(t.database.db);
    const outsider = await signIn(t.app, other.users.leader.username, TEST_PASSWORD);
    expect((await outsider.get(`/api/teams/${team.id}`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/documents/team-decision/${team.id}.docx`)).statusCode).toBe(404);
  });
});
