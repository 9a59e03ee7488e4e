import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { eq } from 'drizzle-orm';
import { ManualClock } from '../../clock.js';
import { agency } from '../../db/schema/index.js';
import { foldContentLines } from './calendar-feed.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { makeSeason, schedule, type Season } from './inspections.test-support.js';

let t: TestApp;
let s: Season;
const clock = new ManualClock('2021-05-11T02:00:00Z');
beforeAll(async () => {
  t = await createTestApp({ clock });
  s = await makeSeason(t);
});
afterAll(() => t.close());

/** The feed as a calendar app reads it: event summaries and start dates, parsed with ical.js. */
async function feed(url: string) {
  const res = await t.app.inject({ method: 'GET', url: new URL(url).pathname });
  if (res.statusCode !== 200) return { status: res.statusCode, events: [] as string[] };
  expect(res.headers['content-type']).toContain('text/calendar');
  const cal = new ICAL.Component(ICAL.parse(res.body));
  const events = cal.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return `${e.startDate.toString()} ${e.summary}`;
  });
  return { status: 200, events };
}

describe('calendar feed', () => {
  it('gives each person a secret address of the inspections they may see: no unannounced visit in the unit’s until it starts; revocable', async () => {
    await schedule(s.secretariat, { planId: s.plan.id, agencyId: s.a.wardBCommittee.id, teamId: s.team2.id, kind: 'announced', startsOn: '2021-09-09', startTime: '08:00' });
    const secret = await schedule(s.secretariat, { planId: s.plan.id, agencyId: s.a.wardBCommittee.id, teamId: s.team1.id, kind: 'unannounced', startsOn: '2021-06-15', places: [s.a.wardBDesk.id] });
    expect((await s.unitOfficerB.get('/api/me/calendar-feed')).json()).toEqual({ active: false, createdAt: null });
    const unitUrl = (await s.unitOfficerB.post('/api/me/calendar-feed')).json().url as string;
    expect((await s.unitOfficerB.get('/api/me/calendar-feed')).json()).toMatchObject({ active: true, createdAt: expect.any(String) });
    const teamUrl = (await s.inspector.post('/api/me/calendar-feed')).json().url as string;
    expect(unitUrl).toMatch(/\/api\/calendar-feed\/[A-Za-z0-9_-]{43}$/);

    // A visit with a start time is a timed event: 08:00 in Việt Nam is 01:00 UTC.
    expect((await feed(unitUrl)).events).toEqual([`2021-09-09T01:00:00Z Kiểm tra có báo trước: ${s.a.wardBCommittee.name}`]);
    expect((await feed(teamUrl)).events).toEqual([`2021-06-15 Kiểm tra đột xuất: ${s.a.wardBCommittee.name}`, `2021-09-09T01:00:00Z Kiểm tra có báo trước: ${s.a.wardBCommittee.name}`]);

    clock.set('2021-06-15T01:00:00Z');
    expect((await s.inspector.post(`/api/inspections/${secret.id}/start`, { version: secret.version })).statusCode).toBe(200);
    expect((await feed(unitUrl)).events).toHaveLength(2);

    // A new address replaces the old one; revoking ends it.
    const again = (await s.unitOfficerB.post('/api/me/calendar-feed')).json().url as string;
    expect((await feed(unitUrl)).status).toBe(404);
    expect((await feed(again)).status).toBe(200);
    expect((await s.unitOfficerB.delete('/api/me/calendar-feed')).statusCode).toBe(204);
    expect((await feed(again)).status).toBe(404);
    expect((await s.unitOfficerB.get('/api/me/calendar-feed')).json().active).toBe(false);
  });

  it('folds its lines at 75 octets (RFC 5545 §3.1), never inside a Vietnamese character', async () => {
    const longName = 'Ủy ban nhân dân phường Tam Quan Bắc thị xã Hoài Nhơn tỉnh Bình Định — Bộ phận Một cửa';
    await t.database.db.update(agency).set({ name: longName }).where(eq(agency.id, s.a.wardACommittee.id));
    await schedule(s.secretariat, { planId: s.plan.id, agencyId: s.a.wardACommittee.id, teamId: s.team2.id, kind: 'announced', startsOn: '2021-09-16', startTime: '08:00' });
    const url = (await s.secretariat.post('/api/me/calendar-feed')).json().url as string;
    const res = await t.app.inject({ method: 'GET', url: new URL(url).pathname });
    expect(res.statusCode).toBe(200);
    const lines = res.rawPayload.toString('utf8').split('\r\n');
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
    expect(res.body).not.toContain('\uFFFD');
    // Unfolded, the summary is whole again.
    expect(res.body.replace(/\r\n /g, '')).toContain(`SUMMARY:Kiểm tra có báo trước: ${longName}`);
    expect((await feed(url)).events).toContain(`2021-09-16T01:00:00Z Kiểm tra có báo trước: ${longName}`);
  });

  it('folds by octets: 3-byte characters stay whole across a fold', () => {
    const line = `DESCRIPTION:${'Ừ'.repeat(60)}`;
    const folded = foldContentLines(`BEGIN:VCALENDAR\r\n${line}\r\nEND:VCALENDAR\r\n`);
    const lines = folded.split('\r\n');
    expect(lines.every((l) => Buffer.byteLength(l, 'utf8') <= 75)).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(`BEGIN:VCALENDAR\r\n${line}\r\nEND:VCALENDAR\r\n`);
  });
});
