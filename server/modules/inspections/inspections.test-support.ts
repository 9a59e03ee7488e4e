import { expect } from 'vitest';
import type { Inspection } from '../../../shared/api/inspections.schemas.js';
import type { Team } from '../../../shared/api/teams.schemas.js';
import { signIn, type Client, type TestApp } from '../../test/harness.js';
import { makeAuthority, makeUser, signInAuthority, TEST_PASSWORD } from '../../test/factories.js';
import { issueNewPlan } from '../plans/plans.test-support.js';

/**
 * A season ready to schedule: an authority, its issued 2021 plan (wards A and B and the Phòng Nội
 * vụ as targets), two founded teams — team 1 with the demo inspector's account on it — and the
 * unit officer of ward B (whose one-stop desk an unannounced visit goes to).
 */
export async function makeSeason(t: TestApp) {
  const a = await makeAuthority(t.database.db);
  const clients = await signInAuthority(t.app, a);
  const { secretariat: sec, leader } = clients;
  const plan = await issueNewPlan(sec, leader, a);
  const secondInspector = await makeUser(t.database.db, [{ role: 'inspector', agencyId: a.homeAffairs.id }], 'Thành viên đoàn 2');
  const unitOfficerBUser = await makeUser(t.database.db, [{ role: 'unit_officer', agencyId: a.wardBCommittee.id }], 'Đầu mối phường B');
  const deskOfficerUser = await makeUser(t.database.db, [{ role: 'unit_officer', agencyId: a.wardBDesk.id }], 'Công chức Một cửa');
  const member = (over: Record<string, unknown>) => ({ honorific: 'Ông', fullName: 'Nguyễn Văn Hùng', position: 'Trưởng phòng Nội vụ', agencyId: a.homeAffairs.id, role: 'thanh_vien', ...over });
  async function foundedTeam(name: string, members: Record<string, unknown>[]): Promise<Team> {
    const team: Team = (await sec.post(`/api/plans/${plan.id}/teams`, { name })).json();
    const put = await sec.put(`/api/teams/${team.id}/members`, { version: team.version, members });
    expect(put.statusCode, put.body).toBe(200);
    const founded = await leader.post(`/api/teams/${team.id}/found`, { version: put.json().version, issuedOn: '2021-05-10', signature: { position: 'CHỦ TỊCH', signerName: 'Phạm Trương' } });
    expect(founded.statusCode, founded.body).toBe(200);
    return founded.json();
  }
  const team1 = await foundedTeam('Đoàn kiểm tra số 1', [member({ role: 'truong_doan', userId: a.users.inspector.id }), member({ fullName: 'Trần Thị Lan', honorific: 'Bà', role: 'thu_ky' })]);
  const team2 = await foundedTeam('Đoàn kiểm tra số 2', [member({ role: 'truong_doan', fullName: 'Lê Văn Tâm', userId: secondInspector.id })]);
  return {
    a,
    plan,
    team1,
    team2,
    ...clients,
    inspector2: await signIn(t.app, secondInspector.username, TEST_PASSWORD),
    unitOfficerB: await signIn(t.app, unitOfficerBUser.username, TEST_PASSWORD),
    deskOfficer: await signIn(t.app, deskOfficerUser.username, TEST_PASSWORD),
  };
}
export type Season = Awaited<ReturnType<typeof makeSeason>>;

/** Schedules an inspection and expects it to succeed. */
export async function schedule(sec: Client, body: Record<string, unknown>): Promise<Inspection> {
  const res = await sec.post('/api/inspections', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
