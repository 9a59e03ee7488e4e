import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Notice } from '../../../shared/api/notices.schemas.js';
import { ManualClock } from '../../clock.js';
import { appUser, auditEvent, notification, reportSubmission } from '../../db/schema/index.js';
import { openDocx, plainText } from '../../documents/test-support.js';
import { enqueueJob } from '../../jobs/enqueue.js';
import { createTestApp, type Client, type TestApp } from '../../test/harness.js';
import { startSmtpSink, type SmtpSink } from '../../test/smtp-sink.js';
import { makeSeason, schedule, type Season } from '../inspections/inspections.test-support.js';
import { inspectionRemindersJob } from '../inspections/reminders.job.js';

/**
 * Schedule notices (issue 8 §3) and the reminders that follow (§5), through the real job queue
 * and an SMTP server started here; the clock is injected.
 */
let smtp: SmtpSink;
let t: TestApp;
let s: Season;
const clock = new ManualClock('2021-08-16T02:00:00Z'); // Monday 16/08/2021, 09:00 in Việt Nam
beforeAll(async () => {
  smtp = await startSmtpSink();
  t = await createTestApp({ clock, env: { SMTP_URL: smtp.url, MAIL_FROM: 'CCHC <cchc@hoainhon.test>', PAR_PUBLIC_URL: 'https://cchc.hoainhon.test' } });
  s = await makeSeason(t);
  const who = [s.unitOfficerA, s.unitOfficerB, s.deskOfficer, s.inspector, s.inspector2, s.secretariat];
  await t.database.db.update(appUser).set({ email: sql`${appUser.username} || '@hoainhon.test'` }).where(inArray(appUser.id, who.map((c) => c.userId)));
});
afterAll(async () => {
  await t?.close();
  await smtp?.stop();
});

const mailsTo = (c: Client) => smtp.messages.filter((m) => m.to && !Array.isArray(m.to) && m.to.value[0].address === `${c.username}@hoainhon.test`);
const kindsFor = async (c: Client, subjectId: string) =>
  (await t.database.db.select({ kind: notification.kind }).from(notification).where(and(eq(notification.recipientId, c.userId), eq(notification.subjectId, subjectId)))).map((n) => n.kind);
async function runDaily(day: string) {
  await t.database.db.transaction((tx) => enqueueJob(tx, inspectionRemindersJob, { day }));
  await t.drain();
}

describe('schedule notices', () => {
  let wardA: string;
  let wardB: string;
  let notice: Notice;

  it('drafts a notice for announced visits, seen by the office only, with each report deadline', async () => {
    wardA = (await schedule(s.secretariat, { planId: s.plan.id, agencyId: s.a.wardACommittee.id, teamId: s.team1.id, kind: 'announced', startsOn: '2021-09-09', startTime: '08:00' })).id;
    wardB = (await schedule(s.secretariat, { planId: s.plan.id, agencyId: s.a.wardBCommittee.id, teamId: s.team2.id, kind: 'announced', startsOn: '2021-09-07', startTime: '14:00', places: [s.a.wardBCommittee.id, s.a.wardBDesk.id] })).id;
    const unannounced = (await schedule(s.secretariat, { planId: s.plan.id, agencyId: s.a.wardBCommittee.id, teamId: s.team1.id, kind: 'unannounced', startsOn: '2021-09-14' })).id;
    // Only announced visits go into a notice.
    const refused = await s.secretariat.post('/api/inspection-notices', { planId: s.plan.id, items: [{ inspectionId: unannounced }] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().invalidParams[0]).toMatchObject({ name: 'body.items.0.inspectionId', code: 'not_announced' });

    const res = await s.secretariat.post('/api/inspection-notices', { planId: s.plan.id, issuingAgencyId: s.a.homeAffairs.id, items: [{ inspectionId: wardB, attendees: 'Chủ tịch UBND phường, công chức Bộ phận Một cửa' }, { inspectionId: wardA }] });
    expect(res.statusCode, res.body).toBe(201);
    notice = res.json();
    expect(notice).toMatchObject({ status: 'draft', documentNumber: null, abilities: { update: true, issue: true } });
    expect(notice.content.signature).toMatchObject({ authority: 'TL. CHỦ TỊCH', position: 'TRƯỞNG PHÒNG' });
    expect(notice.content.signature.onBehalfOf).toBeUndefined();
    expect(notice.items.map((i) => [i.agencyName, i.reportDueOn])).toEqual([
      [s.a.wardBCommittee.name, '2021-08-31'],
      [s.a.wardACommittee.name, '2021-09-06'],
    ]);
    // A visit is in one draft at most: a second draft of it is refused, naming the item.
    const twice = await s.secretariat.post('/api/inspection-notices', { planId: s.plan.id, items: [{ inspectionId: wardA }] });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().invalidParams[0]).toMatchObject({ name: 'body.items.0.inspectionId', code: 'in_other_draft' });
    expect((await s.unitOfficerA.get(`/api/inspection-notices/${notice.id}`)).statusCode).toBe(404);
    expect((await s.unitOfficerA.get(`/api/documents/inspection-notice/${notice.id}.docx`)).statusCode).toBe(404);
    // Before the notice the unit was asked nothing: it sees the visit, with no report deadline and no office note.
    await s.secretariat.patch(`/api/inspections/${wardA}`, { version: (await s.secretariat.get(`/api/inspections/${wardA}`)).json().version, note: 'Ghi chú nội bộ của Văn phòng' });
    expect((await s.secretariat.get(`/api/inspections/${wardA}`)).json()).toMatchObject({ reportDueOn: '2021-09-06', note: 'Ghi chú nội bộ của Văn phòng' });
    expect((await s.unitOfficerA.get(`/api/inspections/${wardA}`)).json()).toMatchObject({ status: 'planned', reportDueOn: null, reportDueExplanation: null, note: null });
    const unitList = (await s.unitOfficerA.get('/api/inspections')).json().items as { id: string; reportDueOn: string | null; note: string | null }[];
    expect(unitList.find((i) => i.id === wardA)).toMatchObject({ reportDueOn: null, note: null });
    expect((await s.inspector.get(`/api/inspections/${wardA}`)).json()).toMatchObject({ reportDueOn: '2021-09-06', note: 'Ghi chú nội bộ của Văn phòng' });
    const draft = await s.secretariat.get(`/api/documents/inspection-notice/${notice.id}.docx`);
    expect(draft.statusCode).toBe(200);
    expect(plainText((await openDocx(draft.rawPayload)).document)).toContain('DỰ THẢO');
  });

  it('edits the draft (its table, attendees, annex and signer), refusing a stale version and changing nothing then', async () => {
    const path = `/api/inspection-notices/${notice.id}`;
    const signature = { ...notice.content.signature, signerName: 'Nguyễn Văn Hùng' };
    const edited = await s.secretariat.patch(path, { version: notice.version, items: [{ inspectionId: wardA, attendees: 'Chủ tịch UBND phường' }], content: { outline: 'I. Kết quả\nII. Đề xuất', signature } });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ version: notice.version + 1, content: { outline: 'I. Kết quả\nII. Đề xuất', signature: { signerName: 'Nguyễn Văn Hùng' } } });
    expect(edited.json().items.map((i: { inspectionId: string; attendees: string }) => [i.inspectionId, i.attendees])).toEqual([[wardA, 'Chủ tịch UBND phường']]);
    const stale = await s.secretariat.patch(path, { version: notice.version, content: { outline: 'cũ' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    expect((await s.secretariat.get(path)).json().content.outline).toBe('I. Kết quả\nII. Đề xuất');
    // Only the office edits; a unit does not even see the draft.
    expect((await s.leader.patch(path, { version: edited.json().version, content: { outline: 'x' } })).statusCode).toBe(403);
    expect((await s.unitOfficerA.patch(path, { version: edited.json().version, content: { outline: 'x' } })).statusCode).toBe(404);
    const back = await s.secretariat.patch(path, { version: edited.json().version, items: notice.items.map((i) => ({ inspectionId: i.inspectionId, attendees: i.attendees })) });
    expect(back.statusCode, back.body).toBe(200);
    notice = back.json();
  });

  it("saves a row's time and places with the notice in one transaction: a save refused anywhere changes neither", async () => {
    const path = `/api/inspection-notices/${notice.id}`;
    const inspectionOf = async (id: string) => (await s.secretariat.get(`/api/inspections/${id}`)).json() as { version: number; startTime: string | null; places: { agencyId: string }[] };
    const b = await inspectionOf(wardB);
    const rows = (changes: Record<string, Record<string, unknown>>) => notice.items.map((i) => ({ inspectionId: i.inspectionId, attendees: i.attendees, ...changes[i.inspectionId] }));
    // The notice's own part is fine, the inspection's version stale: 409, and the notice's texts unchanged too.
    const stale = await s.secretariat.patch(path, { version: notice.version, items: rows({ [wardB]: { inspectionVersion: b.version + 5, startTime: '15:00' } }), content: { outline: 'không lưu' } });
    expect(stale.statusCode).toBe(409);
    // A place that is not the agency's: 400 naming the row's field; nothing saved.
    const badPlace = await s.secretariat.patch(path, { version: notice.version, items: rows({ [wardB]: { inspectionVersion: b.version, startTime: '15:00', places: [s.a.wardACommittee.id] } }), content: { outline: 'không lưu' } });
    expect(badPlace.statusCode).toBe(400);
    expect(badPlace.json().invalidParams[0].name).toMatch(/^body\.items\.\d+\.places/);
    // A change of time without the inspection's version: 400 on that row.
    const noVersion = await s.secretariat.patch(path, { version: notice.version, items: rows({ [wardB]: { startTime: '15:00' } }) });
    expect(noVersion.json().invalidParams[0]).toMatchObject({ name: expect.stringMatching(/^body\.items\.\d+\.inspectionVersion$/), code: 'required' });
    expect(await inspectionOf(wardB)).toEqual(b);
    expect((await s.secretariat.get(path)).json()).toMatchObject({ version: notice.version, content: { outline: notice.content.outline } });
    // Accepted: both saved, each versioned and audited.
    const saved = await s.secretariat.patch(path, { version: notice.version, items: rows({ [wardB]: { inspectionVersion: b.version, startTime: '15:00', places: [s.a.wardBDesk.id, s.a.wardBCommittee.id] } }) });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(await inspectionOf(wardB)).toMatchObject({ version: b.version + 1, startTime: '15:00', places: [{ agencyId: s.a.wardBDesk.id }, { agencyId: s.a.wardBCommittee.id }] });
    notice = saved.json();
    expect(notice.items.find((i) => i.inspectionId === wardB)).toMatchObject({ startTime: '15:00' });
  });

  it('issues it: a TB number from the register, the inspections notified, each unit told in the app and by e-mail', async () => {
    const stale = await s.secretariat.post(`/api/inspection-notices/${notice.id}/issue`, { version: notice.version + 1, issuedOn: '2021-08-16', signature: { onBehalfOf: 'TL. CHỦ TỊCH', position: 'TRƯỞNG PHÒNG', signerName: 'Nguyễn Văn Hùng' } });
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    expect((await s.leader.post(`/api/inspection-notices/${notice.id}/issue`, { version: notice.version, issuedOn: '2021-08-16' })).statusCode).toBe(403);
    // Dated after today, or after a visit it announces: refused, whatever reason is given, and nothing numbered.
    const sign = { onBehalfOf: 'TL. CHỦ TỊCH', position: 'TRƯỞNG PHÒNG', signerName: 'Nguyễn Văn Hùng' };
    for (const [issuedOn, code] of [['2031-11-10', 'in_future'], ['2021-12-31', 'in_future'], ['2021-02-31', 'invalid_date']] as const) {
      const refused = await s.secretariat.post(`/api/inspection-notices/${notice.id}/issue`, { version: notice.version, issuedOn, signature: sign, overrideReason: 'x' });
      expect(refused.statusCode, issuedOn).toBe(400);
      expect(refused.json().invalidParams[0]).toMatchObject({ name: 'body.issuedOn', code });
    }
    // The signing form must agree with the issuer (Decree 30): the office's notice signed as the Committee's chairman, or a deputy without KT.
    for (const [signature, name, code] of [
      [{ position: 'CHỦ TỊCH', signerName: 'Phạm Trương' }, 'body.signature.position', 'signer_not_of_issuer'],
      [{ onBehalfOf: 'TM. PHÒNG NỘI VỤ', position: 'TRƯỞNG PHÒNG', signerName: 'Nguyễn Văn Hùng' }, 'body.signature.onBehalfOf', 'tm_needs_collective'],
      [{ position: 'PHÓ TRƯỞNG PHÒNG', signerName: 'Trần Thị Lan' }, 'body.signature.position', 'deputy_needs_kt'],
    ] as const) {
      const refused = await s.secretariat.post(`/api/inspection-notices/${notice.id}/issue`, { version: notice.version, issuedOn: '2021-08-16', signature });
      expect(refused.statusCode, code).toBe(400);
      expect(refused.json().invalidParams[0]).toMatchObject({ name, code });
    }
    // Dated before the plan or a team's founding decision it cites ("Căn cứ Quyết định số … ngày 10/05/2021"): refused, naming it.
    const beforeBasis = await s.secretariat.post(`/api/inspection-notices/${notice.id}/issue`, { version: notice.version, issuedOn: '2021-05-07', signature: sign, overrideReason: 'x' });
    expect(beforeBasis.statusCode).toBe(400);
    expect(beforeBasis.json().invalidParams[0]).toMatchObject({ name: 'body.issuedOn', code: 'before_basis', params: { issuedOn: '10/05/2021', basis: expect.stringMatching(/\/QĐ-UBND$/) } });
    // Signed the day before ward B's visit: too late for both units, refused without a reason, one bracket deep (issue 8 review).
    clock.set('2021-09-06T02:00:00Z');
    try {
      const late = await s.secretariat.post(`/api/inspection-notices/${notice.id}/issue`, { version: notice.version, issuedOn: '2021-09-06', signature: sign });
      expect(late.statusCode).toBe(409);
      const messages = (late.json().conflicts as { code: string; message: string }[]).map((c) => c.message);
      expect(messages).toHaveLength(2);
      for (const m of messages) expect(m).not.toMatch(/\([^)]*\(/);
      expect(messages.join(' ')).toContain('; đơn vị gửi báo cáo chậm nhất ngày 06/09/2021 (03 ngày làm việc trước ngày kiểm tra 09/09/2021).');
    } finally {
      clock.set('2021-08-16T02:00:00Z');
    }
    clock.set('2022-03-01T02:00:00Z');
    try {
      const late = await s.secretariat.post(`/api/inspection-notices/${notice.id}/issue`, { version: notice.version, issuedOn: '2022-02-28', signature: sign, overrideReason: 'x' });
      expect(late.json().invalidParams[0]).toMatchObject({ name: 'body.issuedOn', code: 'after_visit' });
    } finally {
      clock.set('2021-08-16T02:00:00Z');
    }
    const res = await s.secretariat.post(`/api/inspection-notices/${notice.id}/issue`, { version: notice.version, issuedOn: '2021-08-16', signature: { onBehalfOf: 'TL. CHỦ TỊCH', position: 'TRƯỞNG PHÒNG', signerName: 'Nguyễn Văn Hùng' } });
    expect(res.statusCode, res.body).toBe(200);
    const issued: Notice = res.json();
    expect(issued.documentNumber).toMatch(/^01\/TB-NV$/);
    expect(issued.items.map((i) => i.status)).toEqual(['notified', 'notified']);
    // Started only from its day (09/09): not offered before.
    expect((await s.secretariat.get(`/api/inspections/${wardA}`)).json()).toMatchObject({ status: 'notified', allowedMoves: ['edit', 'cancel', 'reschedule'] });
    // The unit has these dates: a new day is a reschedule, and the refusal says so (409 INVALID_TRANSITION with the moves allowed, issue 8 review).
    const visitA = (await s.secretariat.get(`/api/inspections/${wardA}`)).json();
    const redated = await s.secretariat.patch(`/api/inspections/${wardA}`, { version: visitA.version, startsOn: '2021-09-10' });
    expect(redated.statusCode).toBe(409);
    expect(redated.json()).toMatchObject({ code: 'INVALID_TRANSITION', allowedMoves: visitA.allowedMoves });
    expect(visitA.allowedMoves).toEqual(['edit', 'cancel', 'reschedule']);
    expect(redated.json().detail).toContain('reschedule');
    // Frozen: no more edits.
    expect((await s.secretariat.patch(`/api/inspection-notices/${notice.id}`, { version: issued.version, content: { summary: 'Khác' } })).json().code).toBe('INVALID_STATE');

    // The unit now sees the notice and downloads the issued document.
    const seenByUnit = await s.unitOfficerA.get(`/api/inspection-notices/${notice.id}`);
    expect(seenByUnit.statusCode).toBe(200);
    // It lists both units' visits; each line says whether the caller may open it, as GET /api/inspections/:id answers.
    const lines = (seenByUnit.json() as Notice).items;
    for (const line of lines) expect(line.canOpen).toBe((await s.unitOfficerA.get(`/api/inspections/${line.inspectionId}`)).statusCode === 200);
    expect(Object.fromEntries(lines.map((l) => [l.inspectionId, l.canOpen]))).toEqual({ [wardA]: true, [wardB]: false });
    expect(issued.items.every((i) => i.canOpen)).toBe(true);
    // From the notice on, the unit sees its deadline; the office's note stays internal.
    expect((await s.unitOfficerA.get(`/api/inspections/${wardA}`)).json()).toMatchObject({ status: 'notified', reportDueOn: '2021-09-06', note: null });
    const doc = await s.unitOfficerA.get(`/api/documents/inspection-notice/${notice.id}.docx`);
    expect(doc.statusCode).toBe(200);
    const text = plainText((await openDocx(doc.rawPayload)).document);
    expect(text).toContain('THÔNG BÁO');
    expect(text).toContain('Số: 01/TB-NV');
    expect(text).toContain(`${s.a.wardACommittee.name}: chậm nhất ngày 06/09/2021 (03 ngày làm việc trước ngày kiểm tra 09/09/2021)`);
    expect(text).toContain('ĐỀ CƯƠNG BÁO CÁO');
    expect(text).toContain('08:00, Thứ Năm ngày 09/09/2021');
    expect(text).not.toContain('DỰ THẢO');

    expect(await kindsFor(s.unitOfficerA, wardA)).toEqual(['inspection.notice_issued']);
    expect(await kindsFor(s.unitOfficerB, wardB)).toEqual(['inspection.notice_issued']);
    expect(await kindsFor(s.deskOfficer, wardB)).toEqual(['inspection.notice_issued']);
    expect(await kindsFor(s.inspector, wardA)).toEqual(['inspection.notice_issued']);
    expect(await kindsFor(s.unitOfficerB, wardA)).toEqual([]);
    // Each announced unit is asked for its report on the pre-visit outline, due 3 working days before (issue 9 §2).
    const asked = (await s.unitOfficerA.get('/api/report-requests?kind=pre_visit')).json().items as { inspectionId: string; dueOn: string; dueExplanation: string; status: string; templateName: string }[];
    expect(asked.map((r) => [r.inspectionId, r.dueOn, r.status])).toEqual([[wardA, '2021-09-06', 'open']]);
    expect(asked[0].dueExplanation).toContain('03 ngày làm việc trước ngày kiểm tra 09/09/2021');
    const all = (await s.secretariat.get('/api/report-requests?kind=pre_visit')).json().items as { inspectionId: string; dueOn: string }[];
    expect(all.map((r) => [r.inspectionId, r.dueOn]).sort()).toEqual([[wardA, '2021-09-06'], [wardB, '2021-08-31']].sort());
    const [mine] = (await s.unitOfficerA.get('/api/report-submissions?mine=true')).json().items as { id: string; status: string }[];
    expect(mine.status).toBe('not_started');
    expect((await t.database.db.select({ kind: notification.kind }).from(notification).where(and(eq(notification.recipientId, s.unitOfficerA.userId), eq(notification.subjectId, mine.id)))).map((n) => n.kind)).toEqual(['report.requested']);
    await t.drain();
    const mail = mailsTo(s.unitOfficerA).find((m) => m.subject?.includes('Thông báo lịch kiểm tra'));
    expect(mail?.text).toContain('chậm nhất ngày 06/09/2021');
  });

  it('reminds the unit and the office of the report in two working days, on the day and when overdue; the team of tomorrow’s visits', async () => {
    // Ward B's report is due Tuesday 31/8: two working days before is Friday 27/8.
    await runDaily('2021-08-27');
    expect(await kindsFor(s.unitOfficerB, wardB)).toEqual(['inspection.notice_issued', 'inspection.report_due']);
    expect(await kindsFor(s.secretariat, wardB)).toEqual(['inspection.report_due']);
    // A second run the same day sends nothing more.
    await runDaily('2021-08-27');
    expect((await kindsFor(s.unitOfficerB, wardB)).length).toBe(2);
    await runDaily('2021-08-31');
    await runDaily('2021-09-01');
    const params = await t.database.db.select({ params: notification.params }).from(notification).where(and(eq(notification.recipientId, s.unitOfficerB.userId), eq(notification.subjectId, wardB), eq(notification.kind, 'inspection.report_due')));
    expect(params.map((p) => (p.params as { when: string }).when)).toEqual(['soon', 'today', 'overdue']);
    // Monday 06/9: ward B's visit is tomorrow — its team is told, the unit is not.
    await runDaily('2021-09-06');
    expect((await kindsFor(s.inspector2, wardB)).includes('inspection.visit_tomorrow')).toBe(true);
    expect((await kindsFor(s.unitOfficerB, wardB)).includes('inspection.visit_tomorrow')).toBe(false);
  });

  it('tells the team of an unannounced visit tomorrow and the unit nothing until the team starts it, by e-mail too', async () => {
    const visit = await schedule(s.secretariat, { planId: s.plan.id, agencyId: s.a.wardBCommittee.id, teamId: s.team1.id, kind: 'unannounced', startsOn: '2021-09-21', places: [s.a.wardBDesk.id], note: 'Đột xuất Một cửa' });
    await runDaily('2021-09-20');
    await t.drain();
    expect(await kindsFor(s.inspector, visit.id)).toEqual(['inspection.visit_tomorrow']);
    for (const c of [s.unitOfficerB, s.deskOfficer, s.inspector2]) {
      expect(await kindsFor(c, visit.id)).toEqual([]);
      expect(mailsTo(c).some((m) => `${m.subject} ${m.text}`.includes('21/09/2021'))).toBe(false);
      expect((await c.get('/api/notifications')).body).not.toContain(visit.id);
    }
    clock.set('2021-09-21T01:00:00Z');
    const started = await s.inspector.post(`/api/inspections/${visit.id}/start`, { version: visit.version });
    expect(started.statusCode, started.body).toBe(200);
    await t.drain();
    expect(await kindsFor(s.unitOfficerB, visit.id)).toEqual(['inspection.started']);
    expect(await kindsFor(s.deskOfficer, visit.id)).toEqual(['inspection.started']);
    expect(mailsTo(s.deskOfficer).some((m) => m.subject?.includes('bắt đầu kiểm tra'))).toBe(true);
  });

  it('reminds the team on the last working day before its visit (Friday for a Monday), and never of a desk review', async () => {
    clock.set('2021-08-16T02:00:00Z');
    const monday = await schedule(s.secretariat, { planId: s.plan.id, agencyId: s.a.homeAffairs.id, teamId: s.team1.id, kind: 'announced', startsOn: '2021-10-04' });
    const desk = await schedule(s.secretariat, { planId: s.plan.id, agencyId: s.a.homeAffairs.id, teamId: s.team1.id, kind: 'report', startsOn: '2021-11-09' });
    await runDaily('2021-10-01');
    const told = await t.database.db.select({ params: notification.params }).from(notification).where(and(eq(notification.recipientId, s.inspector.userId), eq(notification.subjectId, monday.id), eq(notification.kind, 'inspection.visit_tomorrow')));
    expect(told.map((n) => n.params)).toEqual([expect.objectContaining({ startsOn: '2021-10-04', tomorrow: false })]);
    // Not again on the weekend.
    await runDaily('2021-10-02');
    await runDaily('2021-10-03');
    expect(await kindsFor(s.inspector, monday.id)).toEqual(['inspection.visit_tomorrow']);
    // The eve of a desk review: the team goes nowhere.
    await runDaily('2021-11-08');
    expect(await kindsFor(s.inspector, desk.id)).not.toContain('inspection.visit_tomorrow');
  });

  it('tells the team and the unit when a visit is rescheduled or cancelled', async () => {
    clock.set('2021-08-16T02:00:00Z');
    const visit = await schedule(s.secretariat, { planId: s.plan.id, agencyId: s.a.homeAffairs.id, teamId: s.team2.id, kind: 'announced', startsOn: '2021-10-20' });
    const moved = await s.secretariat.post(`/api/inspections/${visit.id}/reschedule`, { version: visit.version, startsOn: '2021-10-21', reason: 'Trùng lịch họp' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await kindsFor(s.inspector2, visit.id)).toEqual(['inspection.schedule_changed']);
  });

  it('states its table as issued when a visit it announced is moved later, and says it was moved', async () => {
    const visit = (await s.secretariat.get(`/api/inspections/${wardA}`)).json();
    const moved = await s.secretariat.post(`/api/inspections/${wardA}/reschedule`, { version: visit.version, startsOn: '2021-09-16', reason: 'Đơn vị đề nghị lùi lịch' });
    expect(moved.statusCode, moved.body).toBe(200);
    for (const who of [s.secretariat, s.unitOfficerA]) {
      const after: Notice = (await who.get(`/api/inspection-notices/${notice.id}`)).json();
      expect(after.items.find((i) => i.inspectionId === wardA)).toMatchObject({ startsOn: '2021-09-09', reportDueOn: '2021-09-06', status: 'planned', changedAfterIssue: true });
      expect(after.items.find((i) => i.inspectionId === wardB)).toMatchObject({ changedAfterIssue: false });
    }
    // The document says what it said.
    const text = plainText((await openDocx((await s.unitOfficerA.get(`/api/documents/inspection-notice/${notice.id}.docx`)).rawPayload)).document);
    expect(text).toContain('08:00, Thứ Năm ngày 09/09/2021');
  });
  it('moves the pre-visit request with its visit, keeps it on a new notice, and withdraws it when the visit is cancelled', async () => {
    // Ward A's visit was moved to Thursday 16/9 (above): its report is now due Monday 13/9, the sentence says so.
    const reqOf = async (id: string) => ((await s.secretariat.get('/api/report-requests?kind=pre_visit')).json().items as { id: string; inspectionId: string; dueOn: string; dueExplanation: string; status: string }[]).find((r) => r.inspectionId === id)!;
    const a = await reqOf(wardA);
    expect(a).toMatchObject({ dueOn: '2021-09-13', status: 'open' });
    expect(a.dueExplanation).toContain('trước ngày kiểm tra 16/09/2021');
    expect((await s.secretariat.get(`/api/inspections/${wardA}`)).json().reportDueOn).toBe('2021-09-13');
    // The unit was told the new deadline: it keeps seeing the visit with its new day and deadline,
    // awaiting a new notice, on the record and among the reports it owes.
    expect((await s.unitOfficerA.get(`/api/inspections/${wardA}`)).json()).toMatchObject({ status: 'planned', startsOn: '2021-09-16', reportDueOn: '2021-09-13', awaitingNewNotice: true });
    const owed = (await s.unitOfficerA.get('/api/inspections?status=planned,notified&reportPending=true&sort=reportDueOn')).json().items as { id: string; reportDueOn: string }[];
    expect(owed.map((i) => [i.id, i.reportDueOn])).toEqual([[wardA, '2021-09-13']]);
    const [subA] = (await s.unitOfficerA.get('/api/report-submissions?mine=true')).json().items as { id: string; version: number }[];
    expect(await kindsFor(s.unitOfficerA, subA.id)).toEqual(['report.requested', 'report.request_changed']);
    const audit = await t.database.db.select({ action: auditEvent.action }).from(auditEvent).where(eq(auditEvent.entityId, a.id));
    expect(audit.map((r) => r.action)).toContain('report_request.rescheduled');

    // A new notice for the moved visit: the one request stays, with the due day of the visit.
    const draft = (await s.secretariat.post('/api/inspection-notices', { planId: s.plan.id, issuingAgencyId: s.a.homeAffairs.id, items: [{ inspectionId: wardA }] })).json() as Notice;
    const reissued = await s.secretariat.post(`/api/inspection-notices/${draft.id}/issue`, { version: draft.version, issuedOn: '2021-08-16', signature: { onBehalfOf: 'TL. CHỦ TỊCH', position: 'TRƯỞNG PHÒNG', signerName: 'Nguyễn Văn Hùng' } });
    expect(reissued.statusCode, reissued.body).toBe(200);
    const all = ((await s.secretariat.get('/api/report-requests?kind=pre_visit')).json().items as { inspectionId: string; dueOn: string }[]).filter((r) => r.inspectionId === wardA);
    expect(all).toEqual([expect.objectContaining({ dueOn: '2021-09-13' })]);

    // Ward B's visit is cancelled: its request is withdrawn, the unit told, nothing more to send, not counted missing.
    const b = await reqOf(wardB);
    const subB = ((await s.unitOfficerB.get('/api/report-submissions?mine=true')).json().items as { id: string; version: number; requestId: string }[]).find((x) => x.requestId === b.id)!;
    const statsBefore = ((await s.secretariat.get('/api/report-statistics?year=2021&kind=pre_visit')).json().items as { agencyName: string; asked: number }[]).find((x) => x.agencyName === s.a.wardBCommittee.name);
    expect(statsBefore?.asked).toBe(1);
    const visitB = (await s.secretariat.get(`/api/inspections/${wardB}`)).json();
    const cancelled = await s.secretariat.post(`/api/inspections/${wardB}/cancel`, { version: visitB.version, reason: 'Đơn vị sáp nhập' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect((await reqOf(wardB)).status).toBe('withdrawn');
    expect(await kindsFor(s.unitOfficerB, subB.id)).toEqual(['report.requested', 'report.withdrawn']);
    const saved = await s.unitOfficerB.put(`/api/report-submissions/${subB.id}/draft`, { version: subB.version, content: { answers: {}, tables: {} } });
    expect(saved.statusCode).toBe(409);
    const shown = (await s.unitOfficerB.get(`/api/report-submissions/${subB.id}`)).json();
    expect(shown.abilities).toMatchObject({ edit: false, submit: false });
    const statsAfter = ((await s.secretariat.get('/api/report-statistics?year=2021&kind=pre_visit')).json().items as { agencyName: string }[]).find((x) => x.agencyName === s.a.wardBCommittee.name);
    expect(statsAfter).toBeUndefined();
  });

  it("lets the visiting team read the unit's pre-visit report once sent, and nobody else's team", async () => {
    const [mine] = (await s.unitOfficerA.get('/api/report-submissions?mine=true')).json().items as { id: string; version: number }[];
    // Not yet sent: the team does not see the unit's draft.
    expect((await s.inspector.get(`/api/report-submissions/${mine.id}`)).statusCode).toBe(404);
    expect((await s.inspector.get(`/api/inspections/${wardA}`)).json().preVisitReport).toBeNull();
    // Sent (the form's own rules are reports.test.ts's): the status is enough here.
    await t.database.db.update(reportSubmission).set({ status: 'submitted', submittedAt: new Date(), late: false }).where(eq(reportSubmission.id, mine.id));
    // Ward A's visit is team 1's (the demo inspector's), not team 2's.
    const read = await s.inspector.get(`/api/report-submissions/${mine.id}`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().abilities).toMatchObject({ edit: false, submit: false, review: false });
    expect((await s.inspector2.get(`/api/report-submissions/${mine.id}`)).statusCode).toBe(404);
    expect((await s.inspector.get(`/api/inspections/${wardA}`)).json().preVisitReport).toMatchObject({ submissionId: mine.id, status: 'submitted' });
    expect((await s.unitOfficerA.get(`/api/inspections/${wardA}`)).json().preVisitReport).toMatchObject({ submissionId: mine.id });
  });

  it('reminds nobody of a report the unit has sent (issue 8 review)', async () => {
    // Ward A's report (due Monday 13/9, visit 16/9) was sent above: no "in two working days" (Thursday 9/9), "today" or "overdue" reminder.
    const reminders = async () => (await kindsFor(s.unitOfficerA, wardA)).filter((k) => k === 'inspection.report_due').length;
    const before = await reminders();
    for (const day of ['2021-09-09', '2021-09-13', '2021-09-14']) await runDaily(day);
    expect(await reminders()).toBe(before);
    expect((await kindsFor(s.secretariat, wardA)).filter((k) => k === 'inspection.report_due').length).toBe(before);
  });
  it("lists a plan's notices all, in the order drafted; without a plan the latest first, `limit` of them, saying when there are more", async () => {
    const ofPlan = (await s.secretariat.get(`/api/inspection-notices?planId=${s.plan.id}`)).json() as { items: Notice[]; hasMore: boolean };
    expect(ofPlan.items.length).toBeGreaterThanOrEqual(2);
    expect(ofPlan.hasMore).toBe(false);
    const latest = (await s.secretariat.get('/api/inspection-notices?limit=1')).json() as { items: Notice[]; hasMore: boolean };
    expect([latest.items.map((n) => n.id), latest.hasMore]).toEqual([[ofPlan.items.at(-1)!.id], true]);
    const all = (await s.secretariat.get('/api/inspection-notices')).json() as { items: Notice[]; hasMore: boolean };
    expect([all.items.map((n) => n.id), all.hasMore]).toEqual([ofPlan.items.map((n) => n.id).reverse(), false]);
    for (const limit of ['0', '101', 'x']) {
      const bad = await s.secretariat.get(`/api/inspection-notices?limit=${limit}`);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().invalidParams[0].name).toBe('query.limit');
    }
  });
});
