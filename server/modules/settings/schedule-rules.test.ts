import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../clock.js';
import { createTestApp, signIn, type TestApp } from '../../test/harness.js';
import { makeUser, TEST_PASSWORD } from '../../test/factories.js';
import { makeSeason, schedule, type Season } from '../inspections/inspections.test-support.js';

let t: TestApp;
let s: Season;
const clock = new ManualClock('2021-05-11T02:00:00Z');
beforeAll(async () => {
  // Its own database: the setting is installation-wide, and other files schedule beside it.
  t = await createTestApp({ clock, privateDatabase: true });
  s = await makeSeason(t);
});
afterAll(() => t.close());

describe('the schedule rules as an in-app setting', () => {
  it('starts from the installation defaults; an admin changes them (versioned, audited); others may not', async () => {
    const first = (await s.secretariat.get('/api/settings/schedule-rules')).json();
    expect(first).toMatchObject({ version: null, source: 'default', noticeLeadWorkingDays: 2, revisitMinDays: 1 });
    expect((await s.secretariat.put('/api/settings/schedule-rules', { noticeLeadWorkingDays: 2, revisitMinDays: 30, version: null })).statusCode).toBe(403);
    // They hold for every authority: a town's admin may not change them, only the installation's.
    const townAdminUser = await makeUser(t.database.db, [{ role: 'admin', agencyId: s.a.townCommittee.id }], 'Quản trị thị xã');
    const townAdmin = await signIn(t.app, townAdminUser.username, TEST_PASSWORD);
    expect((await townAdmin.put('/api/settings/schedule-rules', { noticeLeadWorkingDays: 2, revisitMinDays: 30, version: null })).statusCode).toBe(403);
    expect((await s.admin.get('/api/session')).json().capabilities).toContain('schedule.configure');
    expect((await townAdmin.get('/api/session')).json().capabilities).not.toContain('schedule.configure');
    const bad = await s.admin.put('/api/settings/schedule-rules', { noticeLeadWorkingDays: 2, revisitMinDays: 0, version: null });
    expect(bad.json().invalidParams[0]).toMatchObject({ name: 'body.revisitMinDays', code: 'too_small' });
    const set = await s.admin.put('/api/settings/schedule-rules', { noticeLeadWorkingDays: 2, revisitMinDays: 30, version: null });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toEqual({ noticeLeadWorkingDays: 2, revisitMinDays: 30, version: 1, source: 'setting' });
    expect((await s.admin.put('/api/settings/schedule-rules', { noticeLeadWorkingDays: 2, revisitMinDays: 30, version: null })).json().code).toBe('VERSION_CONFLICT');
    const audit = (await s.admin.get('/api/audit?entityType=setting&entityId=schedule.rules')).json();
    expect(audit.items[0]).toMatchObject({ action: 'setting.updated' });
  });

  it('is what the schedule checks use: a second visit of one agency 10 days later is refused with a 30-day window', async () => {
    await schedule(s.secretariat, { planId: s.plan.id, agencyId: s.a.wardACommittee.id, teamId: s.team1.id, kind: 'announced', startsOn: '2021-09-09' });
    const again = await s.secretariat.post('/api/inspections', { planId: s.plan.id, agencyId: s.a.wardACommittee.id, teamId: s.team2.id, kind: 'announced', startsOn: '2021-09-20' });
    expect(again.statusCode).toBe(409);
    expect(again.json().conflicts.map((c: { code: string; message: string }) => c.code)).toContain('agency_visited_recently');
    expect(again.json().detail).toContain('cách chưa đủ 30 ngày');
    const current = (await s.admin.get('/api/settings/schedule-rules')).json();
    expect((await s.admin.put('/api/settings/schedule-rules', { noticeLeadWorkingDays: 2, revisitMinDays: 1, version: current.version })).statusCode).toBe(200);
    expect((await s.secretariat.post('/api/inspections', { planId: s.plan.id, agencyId: s.a.wardACommittee.id, teamId: s.team2.id, kind: 'announced', startsOn: '2021-09-20' })).statusCode).toBe(201);
  });
});
