import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Client, type TestApp } from '../../test/harness.js';
import { countRows, makeAuthority, TEST_PASSWORD } from '../../test/factories.js';

let t: TestApp;
let admin: Client, unitOfficer: Client;
beforeAll(async () => {
  t = await createTestApp();
  const a = await makeAuthority(t.database.db);
  admin = await signIn(t.app, a.users.admin.username, TEST_PASSWORD);
  unitOfficer = await signIn(t.app, a.users.unitOfficerA.username, TEST_PASSWORD);
});
afterAll(() => t.close());

describe('calendar API', () => {
  it('lists the 2021 official schedule: Tết 10–16/2, 2–3/9', async () => {
    const res = await unitOfficer.get('/api/calendar/2021');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ year: 2021, official: true });
    const off = body.entries.filter((e: { kind: string }) => e.kind !== 'make_up_workday').map((e: { date: string }) => e.date);
    for (const d of ['2021-02-10', '2021-02-11', '2021-02-12', '2021-02-15', '2021-02-16', '2021-09-02', '2021-09-03', '2021-04-21']) expect(off).toContain(d);
    for (const e of body.entries) expect(e.source.length).toBeGreaterThan(3);
  });

  it('computes the worked examples of reference.md §6.2', async () => {
    const a = await unitOfficer.get('/api/calendar/deadline?date=2021-09-09&workingDays=3&direction=before');
    expect(a.json()).toEqual({ date: '2021-09-06', explanation: 'chậm nhất ngày 06/09/2021 (03 ngày làm việc trước ngày kiểm tra 09/09/2021)' });
    const b = await unitOfficer.get('/api/calendar/deadline?date=2021-09-07&workingDays=3&direction=before');
    expect(b.json().date).toBe('2021-08-31');
    const after = await unitOfficer.get('/api/calendar/deadline?date=2021-02-08&workingDays=3&direction=after');
    expect(after.json().date).toBe('2021-02-18');
  });

  it('answers bad input with 400 naming the field', async () => {
    const bad = await unitOfficer.get('/api/calendar/deadline?date=2021-02-30&workingDays=3&direction=before');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().invalidParams[0].name).toBe('query.date');
    const neg = await unitOfficer.get('/api/calendar/deadline?date=2021-02-01&workingDays=-1&direction=before');
    expect(neg.statusCode).toBe(400);
    expect(neg.json().invalidParams[0].name).toBe('query.workingDays');
    expect((await unitOfficer.get('/api/calendar/1800')).json().invalidParams[0].name).toBe('path.year');
    const dir = await unitOfficer.get('/api/calendar/deadline?date=2021-02-01&workingDays=1&direction=sideways');
    expect(dir.json().invalidParams[0].name).toBe('query.direction');
  });

  it('lets an admin record a year, which then drives deadlines; audited; stale version → 409', async () => {
    const year = 2150;
    const base = (await admin.get(`/api/calendar/${year}`)).json();
    expect(base.origin).toBe('default');
    const entries = [...base.entries, { date: '2150-06-05', kind: 'day_off', name: 'Nghỉ bù thử nghiệm', source: 'Thông báo thử nghiệm số 1' }];
    expect((await unitOfficer.put(`/api/calendar/${year}`, { version: null, source: 'Thông báo thử nghiệm', entries })).statusCode).toBe(403);
    const saved = await admin.put(`/api/calendar/${year}`, { version: null, source: 'Thông báo thử nghiệm', entries });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ origin: 'database', version: 1, official: true });
    // Friday 5/6/2150 is now off: 3 working days before Monday 8/6 moves from 3/6 to 2/6.
    const due = await admin.get('/api/calendar/deadline?date=2150-06-08&workingDays=3&direction=before');
    expect(due.json().date).toBe('2150-06-02');
    const audits = await admin.get('/api/audit?entityType=calendar_year&entityId=2150');
    expect(audits.json().items[0].action).toBe('calendar.year_updated');
    const stale = await admin.put(`/api/calendar/${year}`, { version: null, source: 'x', entries: [] });
    expect(stale.statusCode).toBe(409);
  });

  it('rejects an invalid schedule and writes nothing', async () => {
    const before = await countRows(t.database.db, 'calendar_year', sql`year = 2160`);
    const wrongYear = await admin.put('/api/calendar/2160', { version: null, source: 'x', entries: [{ date: '2161-01-02', kind: 'holiday', name: 'x', source: 'y' }] });
    expect(wrongYear.statusCode).toBe(400);
    expect(wrongYear.json().invalidParams[0].name).toBe('body.entries.0.date');
    const dup = { date: '2160-01-02', kind: 'day_off', name: 'x', source: 'y' };
    const twice = await admin.put('/api/calendar/2160', { version: null, source: 'x', entries: [dup, dup] });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().invalidParams[0].name).toBe('body.entries');
    expect(await countRows(t.database.db, 'calendar_year', sql`year = 2160`)).toBe(before);
  });
});
