import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { ManualClock } from '../../clock.js';
import { notification } from '../../db/schema/index.js';
import { enqueueJob } from '../../jobs/enqueue.js';
import { dailyTickJob } from '../../jobs/daily.js';
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

describe('the time of day reminders go out, per authority (issue 8 §5: "at the time of day the office sets")', () => {
  it("follows the installation's daily run time until the standing office sets its authority's own (versioned, audited); nobody else may", async () => {
    const first = (await s.secretariat.get('/api/settings/reminder-time')).json();
    expect(first).toMatchObject({ unitId: s.a.town.id, time: '07:00', version: null, source: 'default', canUpdate: true });
    const body = (time: string, version: number | null, unitId = s.a.town.id) => ({ unitId, time, version });
    const officer = await s.unitOfficerA.put('/api/settings/reminder-time', body('15:30', null));
    expect(officer.statusCode).toBe(403);
    // The refusal names the setting asked for, not the schedule rules (issue 8 review).
    expect(officer.json().detail).toContain('reminders go out');
    expect(officer.json().detail).not.toContain('schedule rules');
    expect((await s.inspector.put('/api/settings/reminder-time', body('15:30', null))).statusCode).toBe(403);
    expect((await s.secretariat.put('/api/settings/reminder-time', body('15:30', null, s.a.province.id))).statusCode).toBe(403);
    expect((await s.secretariat.get(`/api/settings/reminder-time?unitId=${crypto.randomUUID()}`)).statusCode).toBe(404);
    const bad = await s.secretariat.put('/api/settings/reminder-time', body('24:00', null));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().invalidParams[0]).toMatchObject({ name: 'body.time' });

    const set = await s.secretariat.put('/api/settings/reminder-time', body('15:30', null));
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ unitId: s.a.town.id, time: '15:30', version: 1, source: 'authority' });
    expect((await s.secretariat.put('/api/settings/reminder-time', body('16:00', null))).json().code).toBe('VERSION_CONFLICT');
    expect((await s.secretariat.get('/api/settings/reminder-time')).json()).toMatchObject({ time: '15:30', version: 1 });
    const audit = (await s.admin.get(`/api/audit?entityType=setting&entityId=jobs.daily_run_time:${s.a.town.id}`)).json();
    expect(audit.items[0]).toMatchObject({ action: 'setting.updated' });
    // Another authority still follows the installation's time, which its administrator sets on the jobs page.
    const jobs = (await s.admin.get('/api/admin/jobs')).json().dailyRunTime;
    expect((await s.admin.put('/api/admin/jobs/daily-run-time', { time: '07:00', version: jobs.version })).statusCode).toBe(200);
    expect((await s.admin.get(`/api/settings/reminder-time?unitId=${s.a.province.id}`)).json()).toMatchObject({ time: '07:00', source: 'installation', version: null });
  });

  it("sends the authority's reminders at its own time, not at the installation's", async () => {
    // Monday 4/10/2021, 08:00 in Việt Nam: the installation's time (07:00) has passed, the town's (15:30) not.
    clock.set('2021-10-04T01:00:00Z');
    const visit = await schedule(s.secretariat, { planId: s.plan.id, agencyId: s.a.wardBCommittee.id, teamId: s.team1.id, kind: 'unannounced', startsOn: '2021-10-05' });
    const told = async () =>
      (await t.database.db.select({ id: notification.id }).from(notification).where(and(eq(notification.recipientId, s.inspector.userId), eq(notification.subjectId, visit.id), eq(notification.kind, 'inspection.visit_tomorrow')))).length;
    const tick = async () => {
      await t.database.db.transaction((tx) => enqueueJob(tx, dailyTickJob, {}));
      return (await t.drain()).filter((j) => j.name === 'inspections.send-reminders');
    };
    expect(await tick(), 'the installation-time run, leaving the town out').toHaveLength(1);
    expect(await told()).toBe(0);
    clock.set('2021-10-04T08:35:00Z'); // 15:35
    expect(await tick(), "the town's own run").toHaveLength(1);
    expect(await told()).toBe(1);
    expect(await tick(), 'once a day').toHaveLength(0);
  });
});
