import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../clock.js';
import { createTestApp, signIn, type TestApp } from '../../test/harness.js';
import { makeUser, TEST_PASSWORD } from '../../test/factories.js';
import { makeSeason, schedule, type Season } from '../inspections/inspections.test-support.js';

let t: TestApp;
let s: Season;
const clock = new ManualClock('2021-05-11T02:00:00Z');
beforeAll(async () => {
  // Its own database: the installation-wide setting is set here, and other files schedule beside it.
  t = await createTestApp({ clock, privateDatabase: true });
  s = await makeSeason(t);
});
afterAll(() => t.close());

describe('the schedule rules as an in-app setting, per authority', () => {
  it("starts from the installation defaults; the standing office sets its authority's own (versioned, audited); the installation's need its administrator", async () => {
    const first = (await s.secretariat.get('/api/settings/schedule-rules')).json();
    expect(first).toMatchObject({ unitId: s.a.town.id, version: null, source: 'default', noticeLeadWorkingDays: 2, revisitMinDays: 1, canUpdate: true });
    // The installation's row: its administrator only; a town's admin or office may not.
    expect((await s.secretariat.put('/api/settings/schedule-rules', { noticeLeadWorkingDays: 2, revisitMinDays: 30, version: null })).statusCode).toBe(403);
    const townAdminUser = await makeUser(t.database.db, [{ role: 'admin', agencyId: s.a.townCommittee.id }], 'Quản trị thị xã');
    const townAdmin = await signIn(t.app, townAdminUser.username, TEST_PASSWORD);
    expect((await townAdmin.put('/api/settings/schedule-rules', { noticeLeadWorkingDays: 2, revisitMinDays: 30, version: null })).statusCode).toBe(403);
    expect((await s.admin.get('/api/session')).json().capabilities).toContain('schedule.configure');
    expect((await townAdmin.get('/api/session')).json().capabilities).not.toContain('schedule.configure');
    // Nobody else sets anything, and learns nothing first; another authority's: 403; an unknown unit: 404.
    expect((await s.unitOfficerA.put('/api/settings/schedule-rules', { noticeLeadWorkingDays: 2, revisitMinDays: 30, version: null, unitId: s.a.town.id })).statusCode).toBe(403);
    expect((await s.inspector.put('/api/settings/schedule-rules', { noticeLeadWorkingDays: 2, revisitMinDays: 30, version: null, unitId: s.a.town.id })).statusCode).toBe(403);
    expect((await s.secretariat.put('/api/settings/schedule-rules', { noticeLeadWorkingDays: 2, revisitMinDays: 30, version: null, unitId: s.a.province.id })).statusCode).toBe(403);
    expect((await s.secretariat.get(`/api/settings/schedule-rules?unitId=${crypto.randomUUID()}`)).statusCode).toBe(404);
    const bad = await s.secretariat.put('/api/settings/schedule-rules', { noticeLeadWorkingDays: 2, revisitMinDays: 0, version: null, unitId: s.a.town.id });
    expect(bad.json().invalidParams[0]).toMatchObject({ name: 'body.revisitMinDays', code: 'too_small' });

    const set = await s.secretariat.put('/api/settings/schedule-rules', { noticeLeadWorkingDays: 2, revisitMinDays: 30, version: null, unitId: s.a.town.id });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ noticeLeadWorkingDays: 2, revisitMinDays: 30, version: 1, source: 'authority', unitId: s.a.town.id });
    expect((await s.secretariat.put('/api/settings/schedule-rules', { noticeLeadWorkingDays: 2, revisitMinDays: 30, version: null, unitId: s.a.town.id })).json().code).toBe('VERSION_CONFLICT');
    const audit = (await s.admin.get(`/api/audit?entityType=setting&entityId=schedule.rules:${s.a.town.id}`)).json();
    expect(audit.items[0]).toMatchObject({ action: 'setting.updated' });

    // The installation's administrator sets the installation's: authorities without their own follow it.
    const inst = await s.admin.put('/api/settings/schedule-rules', { noticeLeadWorkingDays: 4, revisitMinDays: 2, version: null });
    expect(inst.json()).toMatchObject({ unitId: null, version: 1, source: 'installation' });
    expect((await s.admin.get(`/api/settings/schedule-rules?unitId=${s.a.province.id}`)).json()).toMatchObject({ noticeLeadWorkingDays: 4, revisitMinDays: 2, source: 'installation', version: null });
    expect((await s.secretariat.get('/api/settings/schedule-rules')).json()).toMatchObject({ noticeLeadWorkingDays: 2, revisitMinDays: 30, source: 'authority' });
  });

  it("is what the authority's schedule checks use: a second visit of one agency 10 days later is refused with a 30-day window", async () => {
    await schedule(s.secretariat, { planId: s.plan.id, agencyId: s.a.wardACommittee.id, teamId: s.team1.id, kind: 'announced', startsOn: '2021-09-09' });
    const again = await s.secretariat.post('/api/inspections', { planId: s.plan.id, agencyId: s.a.wardACommittee.id, teamId: s.team2.id, kind: 'announced', startsOn: '2021-09-20' });
    expect(again.statusCode).toBe(409);
    expect(again.json().conflicts.map((c: { code: string; message: string }) => c.code)).toContain('agency_visited_recently');
    expect(again.json().detail).toContain('cách chưa đủ 30 ngày');
    const current = (await s.secretariat.get('/api/settings/schedule-rules')).json();
    expect((await s.secretariat.put('/api/settings/schedule-rules', { noticeLeadWorkingDays: 2, revisitMinDays: 1, version: current.version, unitId: s.a.town.id })).statusCode).toBe(200);
    expect((await s.secretariat.post('/api/inspections', { planId: s.plan.id, agencyId: s.a.wardACommittee.id, teamId: s.team2.id, kind: 'announced', startsOn: '2021-09-20' })).statusCode).toBe(201);
  });
});
