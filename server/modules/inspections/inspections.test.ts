import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Inspection } from '../../../shared/api/inspections.schemas.js';
import { ManualClock } from '../../clock.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { countRows, makeAuthority } from '../../test/factories.js';
import { makeSeason, schedule, type Season } from './inspections.test-support.js';

let t: TestApp;
let s: Season;
const clock = new ManualClock('2021-05-11T02:00:00Z'); // 09:00 on Tuesday 11/05/2021 in Việt Nam
beforeAll(async () => {
  t = await createTestApp({ clock });
  s = await makeSeason(t);
});
afterAll(() => t.close());

const announced = (over: Record<string, unknown> = {}) => ({
  planId: s.plan.id,
  agencyId: s.a.wardACommittee.id,
  teamId: s.team1.id,
  kind: 'announced',
  startsOn: '2021-09-09',
  startTime: '08:00',
  ...over,
});
const auditOf = async (id: string) => {
  const res = await t.database.db.execute(sql`select action, after from audit_event where entity_type = 'inspection' and entity_id = ${id} order by id`);
  return (res as unknown as { rows: { action: string; after: Record<string, unknown> }[] }).rows;
};
const inspectionsOfPlan = () => countRows(t.database.db, 'inspection', sql`plan_id = ${s.plan.id}`);

describe('scheduling an inspection', () => {
  it('schedules an announced visit with its report due 3 working days before, and the sentence that explains it', async () => {
    const created = await schedule(s.secretariat, announced());
    expect(created).toMatchObject({
      kind: 'announced',
      status: 'planned',
      startsOn: '2021-09-09',
      endsOn: '2021-09-09',
      startTime: '08:00',
      reportDueOn: '2021-09-06',
      reportDueExplanation: 'chậm nhất ngày 06/09/2021 (03 ngày làm việc trước ngày kiểm tra 09/09/2021)',
      agencyName: s.a.wardACommittee.name,
      teamName: 'Đoàn kiểm tra số 1',
      places: [{ agencyId: s.a.wardACommittee.id, name: s.a.wardACommittee.name, kind: 'peoples_committee' }],
      allowedMoves: ['edit', 'notify', 'cancel', 'reschedule'],
      abilities: { update: true, start: false, close: false, cancel: true, reschedule: true },
      version: 1,
    });
    expect((await auditOf(created.id)).map((e) => e.action)).toEqual(['inspection.created']);
    // The unit sees it, without the office's abilities.
    const seen = await s.unitOfficerA.get(`/api/inspections/${created.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().abilities).toEqual({ update: false, start: false, close: false, cancel: false, reschedule: false });
  });

  it('refuses bad input with the field named, and writes nothing', async () => {
    const before = await inspectionsOfPlan();
    const draftTeam = (await s.secretariat.post(`/api/plans/${s.plan.id}/teams`, { name: 'Đoàn chưa thành lập' })).json();
    const cases: [Record<string, unknown>, number, string, string?][] = [
      [announced({ planId: crypto.randomUUID() }), 404, 'NOT_FOUND'],
      [announced({ agencyId: s.a.townCommittee.id }), 400, 'VALIDATION_FAILED', 'body.agencyId'],
      [announced({ teamId: draftTeam.id }), 400, 'VALIDATION_FAILED', 'body.teamId'],
      [announced({ teamId: crypto.randomUUID() }), 400, 'VALIDATION_FAILED', 'body.teamId'],
      [announced({ endsOn: '2021-09-08' }), 400, 'VALIDATION_FAILED', 'body.endsOn'],
      [announced({ startsOn: '2021-02-30' }), 400, 'VALIDATION_FAILED', 'body.startsOn'],
      [announced({ startTime: '25:00' }), 400, 'VALIDATION_FAILED', 'body.startTime'],
      [announced({ kind: 'reinspection' }), 400, 'VALIDATION_FAILED', 'body.reinspectionOfId'],
      [announced({ places: [s.a.wardBDesk.id] }), 400, 'VALIDATION_FAILED', 'body.places.0'],
      [announced({ places: [s.a.wardACommittee.id, s.a.wardACommittee.id] }), 400, 'VALIDATION_FAILED', 'body.places'],
      [announced({ places: [] }), 400, 'VALIDATION_FAILED', 'body.places'],
      [announced({ endsOn: '2021-12-31' }), 400, 'VALIDATION_FAILED', 'body.endsOn'],
      [announced({ reinspectionOfId: crypto.randomUUID() }), 400, 'VALIDATION_FAILED', 'body.reinspectionOfId'],
      [announced({ kind: 'reinspection', reinspectionOfId: crypto.randomUUID() }), 400, 'VALIDATION_FAILED', 'body.reinspectionOfId'],
      [announced({ startsOn: '2022-01-05' }), 409, 'SCHEDULE_CONFLICT'],
      // A field the endpoint does not know is refused, never stripped (strict-request-bodies.md).
      [announced({ status: 'under_way' }), 400, 'VALIDATION_FAILED', 'body.status'],
      [announced({ startOn: '2021-09-09' }), 400, 'VALIDATION_FAILED', 'body.startOn'],
    ];
    for (const [body, status, code, field] of cases) {
      const res = await s.secretariat.post('/api/inspections', body);
      expect(res.statusCode, `${JSON.stringify(body)} ${res.body}`).toBe(status);
      expect(res.json().code).toBe(code);
      if (field) expect(res.json().invalidParams.map((p: { name: string }) => p.name)).toContain(field);
    }
    // An impossible day: a stable code the web app translates (issue 12 review #2: it was zod's "custom").
    const feb30 = await s.secretariat.post('/api/inspections', announced({ startsOn: '2021-02-30' }));
    expect(feb30.json().invalidParams).toEqual([expect.objectContaining({ name: 'body.startsOn', code: 'invalid_date', reason: 'not a real calendar date' })]);
    // A year out of range: one error for the field, one range (issue 8 review: two, from two checks).
    const year0 = await s.secretariat.post('/api/inspections', announced({ startsOn: '0000-01-01' }));
    expect(year0.json().invalidParams).toEqual([expect.objectContaining({ name: 'body.startsOn', code: 'out_of_range', reason: 'a year from 1990 to 2199' })]);
    // Only the standing office schedules.
    expect((await s.leader.post('/api/inspections', announced())).statusCode).toBe(403);
    expect((await s.unitOfficerA.post('/api/inspections', announced())).statusCode).toBe(403);
    expect(await inspectionsOfPlan()).toBe(before);
  });

  it('refuses a team member booked twice the same day, and an agency visited twice the same day, naming the other record', async () => {
    const first = await schedule(s.secretariat, announced({ agencyId: s.a.homeAffairs.id, startsOn: '2021-10-12' }));
    // Team 2 has none of team 1's people: the day is free for it, but not for the same agency.
    const sameAgency = await s.secretariat.post('/api/inspections', announced({ agencyId: s.a.homeAffairs.id, teamId: s.team2.id, startsOn: '2021-10-12' }));
    expect(sameAgency.statusCode).toBe(409);
    expect(sameAgency.json().conflicts.map((c: { code: string; otherInspectionId: string }) => [c.code, c.otherInspectionId])).toEqual([['agency_visited_recently', first.id]]);
    expect(sameAgency.json().conflicts[0].message).toContain('Đoàn kiểm tra số 1');
    // A third team sharing Hùng's account with team 1.
    const team3 = (await s.secretariat.post(`/api/plans/${s.plan.id}/teams`, { name: 'Đoàn kiểm tra số 3' })).json();
    const put = await s.secretariat.put(`/api/teams/${team3.id}/members`, {
      version: team3.version,
      members: [{ honorific: 'Ông', fullName: 'Nguyễn Văn Hùng', position: 'Trưởng phòng Nội vụ', agencyId: s.a.homeAffairs.id, role: 'truong_doan', userId: s.a.users.inspector.id }],
    });
    const founded = await s.leader.post(`/api/teams/${team3.id}/found`, { version: put.json().version, issuedOn: '2021-05-10', signature: { position: 'CHỦ TỊCH', signerName: 'Phạm Trương' } });
    expect(founded.statusCode, founded.body).toBe(200);
    const doubleBooked = await s.secretariat.post('/api/inspections', announced({ agencyId: s.a.wardBCommittee.id, teamId: team3.id, startsOn: '2021-10-12' }));
    expect(doubleBooked.statusCode).toBe(409);
    const [conflict] = doubleBooked.json().conflicts;
    expect(conflict).toMatchObject({ code: 'member_double_booked', otherInspectionId: first.id, overridable: false });
    expect(conflict.message).toBe(`Ông Nguyễn Văn Hùng đã có lịch kiểm tra ${s.a.homeAffairs.name} (Đoàn kiểm tra số 1) ngày 12/10/2021.`);
    // Another day is fine.
    await schedule(s.secretariat, announced({ agencyId: s.a.wardBCommittee.id, teamId: team3.id, startsOn: '2021-10-13' }));
  });

  it('refuses a team booked at two agencies the same day, naming the other visit, unless the office gives a reason', async () => {
    const first = await schedule(s.secretariat, announced({ agencyId: s.a.wardACommittee.id, teamId: s.team2.id, startsOn: '2021-11-02' }));
    const body = announced({ agencyId: s.a.wardBCommittee.id, teamId: s.team2.id, startsOn: '2021-11-02' });
    const refused = await s.secretariat.post('/api/inspections', body);
    expect(refused.statusCode).toBe(409);
    const conflict = refused.json().conflicts.find((c: { code: string }) => c.code === 'team_double_booked');
    expect(conflict).toMatchObject({ otherInspectionId: first.id, overridable: true, message: `Đoàn kiểm tra số 2 đã có lịch kiểm tra ${s.a.wardACommittee.name} ngày 02/11/2021.` });
  });

  it('schedules a desk review (kiểm tra qua báo cáo) with no place and no team day booked, asking the unit for its report due that day', async () => {
    // Team 2 visits ward A on 02/11 (above); reading ward B's report the same day books nobody.
    const desk = await s.secretariat.post('/api/inspections', { planId: s.plan.id, agencyId: s.a.wardBCommittee.id, teamId: s.team2.id, kind: 'report', startsOn: '2021-11-02', places: [] });
    expect(desk.statusCode, desk.body).toBe(201);
    const created: Inspection = desk.json();
    expect(created).toMatchObject({ kind: 'report', places: [], reportDueOn: '2021-11-02' });
    expect(created.reportDueExplanation).toBe('chậm nhất ngày 02/11/2021 (kiểm tra qua báo cáo: Đoàn kiểm tra xem xét báo cáo của đơn vị, không làm việc trực tiếp tại đơn vị)');
    expect(created.reportDueExplanation).not.toContain('trước ngày kiểm tra');
    // The unit is asked at once (no notice for a desk review), on the same due day and sentence.
    const asked = () => s.unitOfficerB.get('/api/report-requests?kind=pre_visit').then((r) => (r.json().items as { inspectionId: string; dueOn: string; dueExplanation: string; status: string; title: string }[]).find((x) => x.inspectionId === created.id));
    expect(await asked()).toMatchObject({ dueOn: '2021-11-02', dueExplanation: created.reportDueExplanation, status: 'open' });
    expect((await asked())!.title).toContain('kiểm tra qua báo cáo');
    // Moved: the request follows; cancelled: it is withdrawn.
    const moved = await s.secretariat.post(`/api/inspections/${created.id}/reschedule`, { version: created.version, startsOn: '2021-11-05', reason: 'Đơn vị xin lùi hạn' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await asked()).toMatchObject({ dueOn: '2021-11-05', status: 'open' });
    const cancelled = await s.secretariat.post(`/api/inspections/${created.id}/cancel`, { version: moved.json().version, reason: 'Không cần thiết' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(await asked()).toMatchObject({ status: 'withdrawn' });
    // With no places given, a desk review still has none.
    const other = await schedule(s.secretariat, { planId: s.plan.id, agencyId: s.a.homeAffairs.id, teamId: s.team2.id, kind: 'report', startsOn: '2021-11-02' });
    expect(other.places).toEqual([]);
  });

  it('refuses a visit outside the plan’s period, whatever reason is given', async () => {
    const before = await inspectionsOfPlan();
    for (const startsOn of ['2021-04-29', '2022-01-05']) {
      const res = await s.secretariat.post('/api/inspections', announced({ startsOn, overrideReason: 'Cần gấp' }));
      expect(res.statusCode).toBe(409);
      expect(res.json().conflicts).toEqual([expect.objectContaining({ code: 'outside_plan_period', severity: 'error', overridable: false })]);
    }
    expect(await inspectionsOfPlan()).toBe(before);
  });

  it('refuses too short a lead time unless the office gives a reason, which the audit trail keeps', async () => {
    const body = announced({ agencyId: s.a.wardBCommittee.id, teamId: s.team2.id, startsOn: '2021-05-14' });
    const refused = await s.secretariat.post('/api/inspections', body);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().conflicts.map((c: { code: string }) => c.code)).toEqual(['short_lead_time']);
    const created = await schedule(s.secretariat, { ...body, overrideReason: 'Đơn vị đã đồng ý qua điện thoại' });
    // Still without a notice, the visit carries the warning for the office (by the injected clock), never for the unit (issue 8 review).
    const read = (await s.secretariat.get(`/api/inspections/${created.id}`)).json() as Inspection;
    expect(read.warnings.map((w) => [w.code, w.severity])).toEqual([['short_lead_time', 'warning']]);
    expect((await s.unitOfficerB.get(`/api/inspections/${created.id}`)).json().warnings).toEqual([]);
    const listed = (await s.secretariat.get(`/api/inspections?kind=announced&status=planned&pageSize=100`)).json().items as Inspection[];
    expect(listed.find((i) => i.id === created.id)?.warnings.map((w) => w.code)).toEqual(['short_lead_time']);
    // Once the visit's day has passed, nothing more to warn of (an office recording an earlier season).
    clock.set('2021-05-15T02:00:00Z');
    try {
      expect((await s.secretariat.get(`/api/inspections/${created.id}`)).json().warnings).toEqual([]);
    } finally {
      clock.set('2021-05-11T02:00:00Z');
    }
    const [event] = await auditOf(created.id);
    expect(event.after.override).toMatchObject({ reason: 'Đơn vị đã đồng ý qua điện thoại' });
  });

  it('warns of a visit on a day off, saying which, and lets it through', async () => {
    const created = await schedule(s.secretariat, announced({ agencyId: s.a.wardACommittee.id, teamId: s.team2.id, startsOn: '2021-09-03' }));
    expect(created.warnings.map((w) => [w.code, w.date])).toEqual([['non_working_day', '2021-09-03']]);
    // The English message names the day in English (issue 8 review: it carried "Quốc khánh (ngày liền kề)").
    expect(created.warnings[0].messageEn).toBe('03/09/2021 is not a working day (National Day, adjacent day).');
  });
});

describe('moves', () => {
  it('answers a move from the wrong state with 409 INVALID_TRANSITION and the moves allowed', async () => {
    const created = await schedule(s.secretariat, announced({ startsOn: '2021-11-09' }));
    const res = await s.secretariat.post(`/api/inspections/${created.id}/start`, { version: created.version });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'INVALID_TRANSITION', allowedMoves: ['edit', 'notify', 'cancel', 'reschedule'] });
    expect((await s.secretariat.post(`/api/inspections/${created.id}/close`, { version: created.version })).json().code).toBe('INVALID_TRANSITION');
  });

  it('edits with optimistic concurrency, recomputing the report date', async () => {
    const created = await schedule(s.secretariat, announced({ startsOn: '2021-11-16' }));
    const edited = await s.secretariat.patch(`/api/inspections/${created.id}`, { version: created.version, startsOn: '2021-11-18', note: 'Mang theo hồ sơ' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ startsOn: '2021-11-18', endsOn: '2021-11-18', reportDueOn: '2021-11-15', note: 'Mang theo hồ sơ', version: 2 });
    // An unknown field (the record's id sent back with it) is refused, naming it, and changes nothing.
    const extra = await s.secretariat.patch(`/api/inspections/${created.id}`, { id: created.id, version: 2, note: 'khác' });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().invalidParams).toEqual([expect.objectContaining({ name: 'body.id', code: 'unknown' })]);
    expect((await s.secretariat.post(`/api/inspections/${created.id}/cancel`, { version: 2, reason: 'Trùng lịch', extra: true })).json().invalidParams[0]).toMatchObject({ name: 'body.extra', code: 'unknown' });
    const stale = await s.secretariat.patch(`/api/inspections/${created.id}`, { version: created.version, note: 'cũ' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    expect((await auditOf(created.id)).map((e) => e.action)).toEqual(['inspection.created', 'inspection.updated']);
  });

  it('cancels and reschedules with a reason, each audited', async () => {
    const one = await schedule(s.secretariat, announced({ startsOn: '2021-11-23' }));
    const moved = await s.secretariat.post(`/api/inspections/${one.id}/reschedule`, { version: one.version, reason: 'Trùng lịch họp HĐND', startsOn: '2021-11-25' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ status: 'planned', startsOn: '2021-11-25', reportDueOn: '2021-11-22' });
    expect((await s.secretariat.post(`/api/inspections/${one.id}/cancel`, { version: moved.json().version })).statusCode).toBe(400);
    const cancelled = await s.secretariat.post(`/api/inspections/${one.id}/cancel`, { version: moved.json().version, reason: 'Đơn vị sáp nhập' });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelReason: 'Đơn vị sáp nhập', allowedMoves: [] });
    expect((await auditOf(one.id)).map((e) => e.action)).toEqual(['inspection.created', 'inspection.rescheduled', 'inspection.cancelled']);
    // A cancelled visit frees the day.
    await schedule(s.secretariat, announced({ startsOn: '2021-11-25' }));
  });

  it('lets an inspector of the team start an unannounced visit on the day, recording the time; another team may not', async () => {
    const visit = await schedule(s.secretariat, { planId: s.plan.id, agencyId: s.a.wardBCommittee.id, teamId: s.team1.id, kind: 'unannounced', startsOn: '2021-06-15', places: [s.a.wardBDesk.id] });
    expect((await s.inspector2.post(`/api/inspections/${visit.id}/start`, { version: 1 })).statusCode).toBe(404);
    clock.set('2021-06-14T03:00:00Z');
    // The day before (Việt Nam): start is neither offered nor taken; the refusal says so in one language, with the day.
    const before = (await s.inspector.get(`/api/inspections/${visit.id}`)).json();
    expect(before.allowedMoves).not.toContain('start');
    expect(before.abilities.start).toBe(false);
    const early = (await s.inspector.post(`/api/inspections/${visit.id}/start`, { version: 1 })).json();
    expect(early).toMatchObject({ code: 'INVALID_STATE', startsOn: '2021-06-15', detail: 'the visit is scheduled from 15/06/2021: it cannot start before its first day' });
    // A refused move lists the moves of the record as it reads today: no start before the day.
    const closing = (await s.inspector.post(`/api/inspections/${visit.id}/close`, { version: 1 })).json();
    expect(closing.code).toBe('INVALID_TRANSITION');
    expect(closing.allowedMoves).toEqual(before.allowedMoves);
    expect(closing.allowedMoves).not.toContain('start');
    clock.set('2021-06-14T17:30:00Z'); // 00:30 on 15/6 in Việt Nam
    expect((await s.inspector.get(`/api/inspections/${visit.id}`)).json()).toMatchObject({ abilities: { start: true }, allowedMoves: expect.arrayContaining(['start']) });
    clock.set('2021-06-15T01:30:00Z');
    const started = await s.inspector.post(`/api/inspections/${visit.id}/start`, { version: 1 });
    expect(started.statusCode, started.body).toBe(200);
    expect(started.json()).toMatchObject({ status: 'under_way', startedAt: '2021-06-15T01:30:00.000Z', abilities: { close: true } });
    // Under way, its dates no longer change: answered as a refused move, with the moves allowed.
    const redated = await s.secretariat.patch(`/api/inspections/${visit.id}`, { version: 2, startsOn: '2021-06-16' });
    expect(redated.statusCode).toBe(409);
    expect(redated.json()).toMatchObject({ code: 'INVALID_TRANSITION', allowedMoves: started.json().allowedMoves });
    // Now another inspector in scope sees it, but cannot close it.
    expect((await s.inspector2.get(`/api/inspections/${visit.id}`)).statusCode).toBe(200);
    expect((await s.inspector2.post(`/api/inspections/${visit.id}/close`, { version: 2 })).statusCode).toBe(403);
    const closed = await s.inspector.post(`/api/inspections/${visit.id}/close`, { version: 2 });
    expect(closed.json()).toMatchObject({ status: 'closed', allowedMoves: [] });
    // A re-inspection follows it: of the same agency, after a visit that has taken place.
    const planned = await schedule(s.secretariat, announced({ agencyId: s.a.wardBCommittee.id, teamId: s.team2.id, startsOn: '2021-11-30' }));
    const refusedRe: [Record<string, unknown>, string][] = [
      [{ agencyId: s.a.wardACommittee.id, reinspectionOfId: visit.id }, 'other_agency'],
      [{ agencyId: s.a.wardBCommittee.id, reinspectionOfId: planned.id }, 'not_taken_place'],
    ];
    for (const [over, code] of refusedRe) {
      const res = await s.secretariat.post('/api/inspections', { planId: s.plan.id, teamId: s.team2.id, kind: 'reinspection', startsOn: '2021-12-07', ...over });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().invalidParams).toEqual([expect.objectContaining({ name: 'body.reinspectionOfId', code })]);
    }
    const re = await schedule(s.secretariat, { planId: s.plan.id, agencyId: s.a.wardBCommittee.id, teamId: s.team2.id, kind: 'reinspection', reinspectionOfId: visit.id, startsOn: '2021-12-07' });
    expect(re).toMatchObject({ kind: 'reinspection', reinspectionOfId: visit.id, reportDueOn: null });
    clock.set('2021-05-11T02:00:00Z');
  });

  it('records the day of arrival when a visit starts after its planned day (audited); after the plan’s period it is a past season recorded as planned', async () => {
    const late = await schedule(s.secretariat, { planId: s.plan.id, agencyId: s.a.wardACommittee.id, teamId: s.team2.id, kind: 'unannounced', startsOn: '2021-06-16', places: [s.a.wardACommittee.id] });
    const lost = await schedule(s.secretariat, { planId: s.plan.id, agencyId: s.a.wardBCommittee.id, teamId: s.team2.id, kind: 'unannounced', startsOn: '2021-12-28', places: [s.a.wardBCommittee.id] });
    try {
      clock.set('2021-06-18T02:00:00Z');
      const started = await s.inspector2.post(`/api/inspections/${late.id}/start`, { version: late.version });
      expect(started.statusCode, started.body).toBe(200);
      expect(started.json()).toMatchObject({ status: 'under_way', startsOn: '2021-06-18', endsOn: '2021-06-18' });
      const event = (await auditOf(late.id)).find((e) => e.action === 'inspection.started');
      expect(event?.after).toMatchObject({ startsOn: '2021-06-18', endsOn: '2021-06-18' });
      clock.set('2026-11-30T02:00:00Z');
      const recorded = await s.inspector2.post(`/api/inspections/${lost.id}/start`, { version: lost.version });
      expect(recorded.statusCode, recorded.body).toBe(200);
      expect(recorded.json()).toMatchObject({ status: 'under_way', startsOn: '2021-12-28', endsOn: '2021-12-28' });
      const recordedEvent = (await auditOf(lost.id)).find((e) => e.action === 'inspection.started');
      expect(recordedEvent?.after).toMatchObject({ recordedAfterPeriod: true });
    } finally {
      clock.set('2021-05-11T02:00:00Z');
    }
  });

  it('records the arrival time given for an earlier season (startedAt): not after now, not before the scheduled day, audited', async () => {
    const visit = await schedule(s.secretariat, { planId: s.plan.id, agencyId: s.a.homeAffairs.id, teamId: s.team2.id, kind: 'unannounced', startsOn: '2021-07-14', places: [s.a.homeAffairs.id] });
    try {
      clock.set('2026-11-30T02:00:00Z'); // 09:00 in Việt Nam
      const refused = async (startedAt: string, code: string) => {
        const res = await s.secretariat.post(`/api/inspections/${visit.id}/start`, { version: visit.version, startedAt });
        expect(res.statusCode, res.body).toBe(400);
        expect(res.json().invalidParams[0]).toMatchObject({ name: 'body.startedAt', code });
      };
      await refused('2026-11-30T10:00:00+07:00', 'date_in_future');
      await refused('2021-07-13T16:00:00+07:00', 'before_scheduled');
      // 14/07 00:30 in Việt Nam is still 13/07 in UTC: the day counted is Việt Nam's.
      await refused('2021-07-13T16:59:00Z', 'before_scheduled');
      await refused('14/07/2021 08:30', 'invalid_format');
      // Refused, nothing changed.
      expect((await s.secretariat.get(`/api/inspections/${visit.id}`)).json()).toMatchObject({ status: 'planned', startedAt: null, version: visit.version });

      const started = await s.secretariat.post(`/api/inspections/${visit.id}/start`, { version: visit.version, startedAt: '2021-07-14T08:30:00+07:00' });
      expect(started.statusCode, started.body).toBe(200);
      expect(started.json()).toMatchObject({ status: 'under_way', startsOn: '2021-07-14', endsOn: '2021-07-14' });
      expect(new Date(started.json().startedAt).toISOString()).toBe('2021-07-14T01:30:00.000Z');
      const event = (await auditOf(visit.id)).find((e) => e.action === 'inspection.started');
      expect(new Date(String(event?.after.startedAt)).toISOString()).toBe('2021-07-14T01:30:00.000Z');
      expect(new Date(String(event?.after.recordedAt)).toISOString()).toBe('2026-11-30T02:00:00.000Z');
    } finally {
      clock.set('2021-05-11T02:00:00Z');
    }
  });
});

describe('the list', () => {
  it('filters by plan, team, agency, kind, status and date range, with the total', async () => {
    const list = async (q: string) => {
      const res = await s.secretariat.get(`/api/inspections?planId=${s.plan.id}&${q}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { items: Inspection[]; total: number };
    };
    const all = await list('pageSize=500');
    expect(all.total).toBe(all.items.length);
    expect(all.items.map((i) => i.startsOn)).toEqual([...all.items.map((i) => i.startsOn)].sort());
    const team2 = await list(`teamId=${s.team2.id}`);
    expect(team2.items.length).toBeGreaterThan(0);
    expect(team2.items.every((i) => i.teamId === s.team2.id)).toBe(true);
    expect((await list(`agencyId=${s.a.homeAffairs.id}`)).items.every((i) => i.agencyId === s.a.homeAffairs.id)).toBe(true);
    const unannounced = (await list('kind=unannounced')).items;
    expect(unannounced.length).toBeGreaterThan(0);
    expect(unannounced.every((i) => i.kind === 'unannounced')).toBe(true);
    // The visit cancelled above and the desk review cancelled above.
    expect((await list('status=cancelled')).total).toBe(2);
    const october = await list('from=2021-10-01&to=2021-10-31');
    expect(october.items.map((i) => i.startsOn)).toEqual(['2021-10-12', '2021-10-13']);
    const paged = await list('pageSize=2&page=2');
    expect(paged.items.map((i) => i.id)).toEqual(all.items.slice(2, 4).map((i) => i.id));
    expect((await s.secretariat.get('/api/inspections?from=2021-10-31&to=2021-10-01')).statusCode).toBe(400);
  });

  it('filters on the server what the pages show: several statuses, from a day, reports still awaited by due day; unknown keys refused', async () => {
    const list = async (q: string) => {
      const res = await s.secretariat.get(`/api/inspections?planId=${s.plan.id}&${q}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { items: Inspection[]; total: number };
    };
    const all = (await list('pageSize=500')).items;
    const live = await list('status=planned,notified&pageSize=500');
    expect(live.items.map((i) => i.id)).toEqual(all.filter((i) => i.status === 'planned' || i.status === 'notified').map((i) => i.id));
    expect(live.total).toBe(live.items.length);
    expect(new Set(all.map((i) => i.status)).size).toBeGreaterThan(1);
    const fromOct = await list('status=planned,notified&from=2021-10-01');
    expect(fromOct.items.length).toBeGreaterThan(0);
    expect(fromOct.items.every((i) => i.endsOn >= '2021-10-01' && (i.status === 'planned' || i.status === 'notified'))).toBe(true);
    const pending = await list('status=planned,notified&reportPending=true&sort=reportDueOn&pageSize=500');
    expect(pending.items.length).toBeGreaterThan(0);
    expect(pending.items.every((i) => i.reportDueOn !== null)).toBe(true);
    expect(pending.items.map((i) => i.reportDueOn)).toEqual([...pending.items.map((i) => i.reportDueOn)].sort());
    for (const q of ['status=planned,later', 'sort=name', 'statuses=planned', 'reportPending=maybe']) {
      const res = await s.secretariat.get(`/api/inspections?${q}`);
      expect(res.statusCode, q).toBe(400);
    }
  });

  it('filters by a unit in reach (its subtree); a unit out of reach is not found, never an empty page', async () => {
    const list = async (client: typeof s.secretariat, q: string) => {
      const res = await client.get(`/api/inspections?planId=${s.plan.id}&pageSize=500&${q}`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { items: Inspection[] }).items.map((i) => i.id);
    };
    const secret = await schedule(s.secretariat, { planId: s.plan.id, agencyId: s.a.wardBCommittee.id, teamId: s.team2.id, kind: 'unannounced', startsOn: '2021-11-17', places: [s.a.wardBCommittee.id] });
    const all = (await s.secretariat.get(`/api/inspections?planId=${s.plan.id}&pageSize=500`)).json().items as Inspection[];
    const wardA = all.filter((i) => i.agencyId === s.a.wardACommittee.id).map((i) => i.id);
    expect(wardA.length).toBeGreaterThan(0);
    expect(await list(s.secretariat, `unitId=${s.a.wardA.id}`)).toEqual(wardA);
    expect(await list(s.secretariat, `unitId=${s.a.town.id}`)).toEqual(all.map((i) => i.id));
    // The inspected ward's officer filters by their own ward: what they see unfiltered, no unannounced visit before it starts.
    const seenByWardB = await list(s.unitOfficerB, '');
    expect(seenByWardB.length).toBeGreaterThan(0);
    expect(await list(s.unitOfficerB, `unitId=${s.a.wardB.id}`)).toEqual(seenByWardB);
    expect(all.map((i) => i.id)).toContain(secret.id);
    expect(seenByWardB).not.toContain(secret.id);
    // Out of reach (was 200 []): another authority's ward, the neighbouring ward for ward B's officer, an unknown id; the export too.
    const elsewhere = await makeAuthority(t.database.db);
    for (const [client, path] of [
      [s.secretariat, `/api/inspections?unitId=${elsewhere.wardA.id}`],
      [s.secretariat, `/api/inspections/export.xlsx?unitId=${elsewhere.wardA.id}`],
      [s.unitOfficerB, `/api/inspections?unitId=${s.a.wardA.id}`],
      [s.secretariat, `/api/inspections?unitId=${crypto.randomUUID()}`],
    ] as const) {
      const res = await client.get(path);
      expect(res.statusCode, path).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    }
  });

  it('exports the same schedule as .xlsx, read back cell by cell', async () => {
    const all = (await s.secretariat.get(`/api/inspections?planId=${s.plan.id}&pageSize=500`)).json() as { items: Inspection[] };
    const res = await s.secretariat.get(`/api/inspections/export.xlsx?planId=${s.plan.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = book.getWorksheet('Lịch kiểm tra')!;
    const rows: string[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    expect(rows[0]).toEqual(['TT', 'Ngày kiểm tra', 'Đến ngày', 'Giờ', 'Cơ quan, đơn vị được kiểm tra', 'Đơn vị hành chính', 'Hình thức', 'Đoàn kiểm tra', 'Địa điểm', 'Hạn gửi báo cáo', 'Trạng thái']);
    expect(rows.length - 1).toBe(all.items.length);
    // Real Excel dates shown dd/mm/yyyy (not text), the day itself whatever the reader's zone.
    const day = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : v === null || v === undefined ? null : `text:${String(v)}`);
    const cells: unknown[][] = [];
    ws.eachRow((row, n) => n > 1 && cells.push([day(row.getCell(2).value), day(row.getCell(10).value), row.getCell(2).numFmt]));
    expect(cells).toEqual(all.items.map((i) => [i.startsOn, i.reportDueOn, 'dd/mm/yyyy']));
    expect(rows.slice(1).map((r) => r[4])).toEqual(all.items.map((i) => i.agencyName));
    const desk = rows.find((r) => r[6] === 'Đột xuất')!;
    expect(desk[8]).toBe(s.a.wardBDesk.name);
  });
});

describe('one team, one hour', () => {
  it('warns, naming the other visit, when a reschedule overridden onto a booked day leaves the team twice at the same start time (rev8b #7)', async () => {
    const first = await schedule(s.secretariat, announced({ agencyId: s.a.wardACommittee.id, teamId: s.team2.id, startsOn: '2021-12-14', startTime: '08:00' }));
    const second = await schedule(s.secretariat, announced({ agencyId: s.a.homeAffairs.id, teamId: s.team2.id, startsOn: '2021-12-16', startTime: '08:00' }));
    const moved = await s.secretariat.post(`/api/inspections/${second.id}/reschedule`, { version: second.version, startsOn: '2021-12-14', reason: 'Đơn vị đề nghị', overrideReason: 'Đoàn chia hai tổ' });
    expect(moved.statusCode, moved.body).toBe(200);
    const warning = (moved.json().warnings as { code: string }[]).find((w) => w.code === 'team_same_start_time');
    expect(warning).toMatchObject({ severity: 'warning', otherInspectionId: first.id, message: `Đoàn kiểm tra số 2 cũng có lịch kiểm tra ${s.a.wardACommittee.name} lúc 08:00 ngày 14/12/2021.` });
    const other = (await s.secretariat.get(`/api/inspections/${first.id}`)).json();
    expect(other.warnings).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'team_same_start_time', otherInspectionId: second.id })]));
    // The team's clash is the office's matter: the unit is not told of it.
    expect((await s.unitOfficerA.get(`/api/inspections/${first.id}`)).json().warnings.map((w: { code: string }) => w.code)).not.toContain('team_same_start_time');
    // Another hour the same day: no warning.
    const later = await s.secretariat.patch(`/api/inspections/${second.id}`, { version: moved.json().version, startTime: '14:00', overrideReason: 'Đoàn chia hai tổ' });
    expect(later.statusCode, later.body).toBe(200);
    expect(later.json().warnings.map((w: { code: string }) => w.code)).not.toContain('team_same_start_time');
  });
});
