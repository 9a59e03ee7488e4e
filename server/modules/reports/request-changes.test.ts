import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { ReportRequest, Submission } from '../../../shared/api/reports.schemas.js';
import { ManualClock } from '../../clock.js';
import { auditEvent, notification } from '../../db/schema/index.js';
import { openDocx, plainText } from '../../documents/test-support.js';
import { makeAuthority, signInAuthority } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { issuedRequest, publishedTemplate, sampleBody } from './test-support.js';

/**
 * A report request once sent (issue 9 §2, review findings): what the issued công văn printed is
 * frozen, the due day moves only by an audited extension the units are told of; a periodic request
 * is bounded in years; a request sent by mistake is withdrawn; on time / late stays visible after
 * acceptance.
 */
let t: TestApp;
const clock = new ManualClock('2021-06-01T02:00:00Z');
let a: Awaited<ReturnType<typeof makeAuthority>>;
let c: Awaited<ReturnType<typeof signInAuthority>>;
beforeAll(async () => {
  t = await createTestApp({ clock });
  a = await makeAuthority(t.database.db);
  c = await signInAuthority(t.app, a);
});
afterAll(async () => {
  await t?.close();
});

const bodyNoAttachments = () => ({ ...sampleBody(), attachments: [] });
const notificationsOf = (userId: string, kind: string) =>
  t.database.db
    .select({ params: notification.params })
    .from(notification)
    .where(and(eq(notification.recipientId, userId), eq(notification.kind, kind)));
const audits = (entityId: string, action: string) =>
  t.database.db
    .select({ id: auditEvent.id })
    .from(auditEvent)
    .where(and(eq(auditEvent.entityId, entityId), eq(auditEvent.action, action)));
const letterText = async (id: string) => plainText((await openDocx((await c.secretariat.get(`/api/documents/report-request/${id}.docx`)).rawPayload)).document);
const mySubmission = async (requestId: string) => ((await c.unitOfficerA.get(`/api/report-submissions?mine=true&requestId=${requestId}`)).json().items as Submission[])[0];

describe('an issued công văn', () => {
  let r: ReportRequest;

  it('refuses changing what the letter printed (409 DOCUMENT_ISSUED); the reminder counts still change', async () => {
    const template = await publishedTemplate(c.secretariat, a.homeAffairs.id, bodyNoAttachments());
    r = await issuedRequest(c.secretariat, a.townCommittee.id, template.id, [a.wardACommittee.id, a.wardBCommittee.id]);
    expect(r.documentNumber).toBeTruthy();
    expect(await letterText(r.id)).toContain('chậm nhất ngày 18/06/2021');
    for (const change of [{ dueOn: '2021-12-31' }, { title: 'Tiêu đề khác' }, { letter: { summary: 'báo cáo khác' } }]) {
      const res = await c.secretariat.patch(`/api/report-requests/${r.id}`, { version: r.version, ...change });
      expect(res.statusCode, JSON.stringify(change)).toBe(409);
      expect(res.json()).toMatchObject({ code: 'DOCUMENT_ISSUED', invalidParams: [{ name: `body.${Object.keys(change)[0]}` }] });
    }
    const after = (await c.secretariat.get(`/api/report-requests/${r.id}`)).json() as ReportRequest;
    expect(after).toMatchObject({ dueOn: '2021-06-18', title: r.title, version: r.version });
    const reminders = await c.secretariat.patch(`/api/report-requests/${r.id}`, { version: r.version, remindWorkingDays: 3 });
    expect(reminders.statusCode, reminders.body).toBe(200);
    r = reminders.json();
  });

  it('extends the due day later only, with a reason: audited, the units told, the letter unchanged and the extension shown beside it', async () => {
    const url = `/api/report-requests/${r.id}/extend`;
    const earlier = await c.secretariat.post(url, { version: r.version, dueOn: '2021-06-18', reason: 'Lùi hạn' });
    expect(earlier.statusCode).toBe(400);
    expect(earlier.json().invalidParams[0]).toMatchObject({ name: 'body.dueOn', code: 'not_later' });
    expect((await c.secretariat.post(url, { version: r.version, dueOn: '2021-06-25' })).json().invalidParams[0].name).toBe('body.reason');
    expect((await c.secretariat.post(url, { version: r.version, dueOn: '2023-01-05', reason: 'Quá xa' })).json().invalidParams[0]).toMatchObject({ name: 'body.dueOn', code: 'year_out_of_range' });
    expect((await c.unitOfficerA.post(url, { version: r.version, dueOn: '2021-06-25', reason: 'Tự gia hạn' })).statusCode).toBe(403);
    expect((await c.secretariat.post(url, { version: r.version - 1, dueOn: '2021-06-25', reason: 'Cũ' })).statusCode).toBe(409);

    const res = await c.secretariat.post(url, { version: r.version, dueOn: '2021-06-25', reason: 'Trùng đợt kiểm tra của tỉnh' });
    expect(res.statusCode, res.body).toBe(200);
    const extended = res.json() as ReportRequest;
    expect(extended).toMatchObject({ dueOn: '2021-06-25', dueExplanation: 'chậm nhất ngày 25/06/2021 (gia hạn từ ngày 18/06/2021)' });
    expect(extended.dueExtensions).toEqual([expect.objectContaining({ previousDueOn: '2021-06-18', dueOn: '2021-06-25', reason: 'Trùng đợt kiểm tra của tỉnh', byName: expect.any(String) })]);
    expect(await audits(r.id, 'report_request.extended')).toHaveLength(1);
    const told = await notificationsOf(a.users.unitOfficerA.id, 'report.extended');
    expect(told.map((n) => n.params)).toEqual([expect.objectContaining({ previousDueOn: '2021-06-18', dueOn: '2021-06-25', documentNumber: r.documentNumber })]);
    // The issued letter stays as issued; the unit's report is judged by the new day.
    expect(await letterText(r.id)).toContain('chậm nhất ngày 18/06/2021');
    const mine = await mySubmission(r.id);
    clock.set('2021-06-22T03:00:00Z');
    const sent = await c.unitOfficerA.post(`/api/report-submissions/${mine.id}/submit`, { version: mine.version, content: { answers: { context: 'Ổn định', results: 'Đạt' }, tables: {} } });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ late: false, request: { dueOn: '2021-06-25' } });
  });

  it('keeps on time and late visible after acceptance', async () => {
    const template = await publishedTemplate(c.secretariat, a.homeAffairs.id, bodyNoAttachments());
    clock.set('2021-06-01T02:00:00Z');
    const req = await issuedRequest(c.secretariat, a.townCommittee.id, template.id, [a.wardACommittee.id], 'Báo cáo tình hình thực hiện');
    clock.set('2021-06-21T03:00:00Z');
    const mine = await mySubmission(req.id);
    const sent = await c.unitOfficerA.post(`/api/report-submissions/${mine.id}/submit`, { version: mine.version, content: { answers: { context: 'x', results: 'y' }, tables: {} } });
    expect(sent.json().late).toBe(true);
    // The office's queue ("Việc của tôi"): the reports sent and waiting for it; not the unit's, nor the leader's to review.
    const queue = (await c.secretariat.get('/api/report-submissions?toReview=true')).json().items as Submission[];
    expect(queue.map((s) => [s.id, s.requestTitle])).toContainEqual([mine.id, 'Báo cáo tình hình thực hiện']);
    expect((await c.leader.get('/api/report-submissions?toReview=true')).json().items).toEqual([]);
    const accepted = await c.secretariat.post(`/api/report-submissions/${mine.id}/accept`, { version: sent.json().version });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ displayStatus: 'accepted', late: true });
    const after = (await c.secretariat.get(`/api/report-requests/${req.id}`)).json() as ReportRequest;
    expect(after.counts).toMatchObject({ accepted: 1, submitted_late: 0 });
    expect(after.timeliness).toEqual({ onTime: 0, late: 1, missing: 0 });
    expect(((await c.secretariat.get('/api/report-submissions?toReview=true')).json().items as Submission[]).map((s) => s.id)).not.toContain(mine.id);
  });
});

describe('periodic requests by year, and withdrawal', () => {
  let rule: { id: string };

  it('opens a periodic request for a past year or up to next year, never further (400 year_out_of_range)', async () => {
    clock.set('2021-06-01T02:00:00Z');
    const template = await publishedTemplate(c.secretariat, a.homeAffairs.id, bodyNoAttachments(), 'periodic');
    const created = await c.secretariat.post('/api/report-period-rules', {
      ownerAgencyId: a.homeAffairs.id,
      code: 'Q3',
      name: 'Báo cáo CCHC quý III',
      templateCode: template.code,
      fromMonth: 6,
      fromDay: 15,
      fromYearOffset: 0,
      toMonth: 9,
      toDay: 14,
      dueMonth: 9,
      dueDay: 18,
      opensDaysBeforeDue: 15,
      remindWorkingDays: 2,
      escalateAfterWorkingDays: 3,
      targetAgencyIds: [a.wardACommittee.id, a.wardBCommittee.id],
      active: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    rule = created.json();
    for (const year of [2100, 2023]) {
      const res = await c.secretariat.post('/api/report-requests', { kind: 'periodic', ruleId: rule.id, year });
      expect(res.statusCode).toBe(400);
      expect(res.json().invalidParams[0]).toMatchObject({ name: 'body.year', code: 'year_out_of_range', params: { max: 2022 } });
    }
    expect((await c.secretariat.post('/api/report-requests', { kind: 'periodic', ruleId: rule.id, year: 2019 })).statusCode).toBe(201);
    expect((await c.secretariat.post('/api/report-requests', { kind: 'periodic', ruleId: rule.id, year: 2022 })).statusCode).toBe(201);
    const adHoc = await c.secretariat.post('/api/report-requests', { kind: 'ad_hoc', ownerAgencyId: a.townCommittee.id, templateId: template.id, title: 'Báo cáo xa', dueOn: '2100-01-01', targetAgencyIds: [a.wardACommittee.id] });
    expect(adHoc.json().invalidParams[0]).toMatchObject({ name: 'body.dueOn', code: 'year_out_of_range' });
  });

  it('withdraws a request sent by mistake: audited, the units told, their reports closed, left out of statistics and reminders', async () => {
    const list = (await c.secretariat.get('/api/report-requests?kind=periodic&year=2022')).json().items as ReportRequest[];
    const mistaken = list.find((r) => r.title.includes('quý III'))!;
    expect(mistaken.abilities).toMatchObject({ withdraw: true, extend: true });
    const statsBefore = (await c.secretariat.get('/api/report-statistics?year=2022')).json().items as { asked: number }[];
    expect(statsBefore.reduce((n, i) => n + i.asked, 0)).toBe(2);
    const url = `/api/report-requests/${mistaken.id}/withdraw`;
    expect((await c.secretariat.post(url, { version: mistaken.version })).statusCode).toBe(400);
    expect((await c.unitOfficerA.post(url, { version: mistaken.version, reason: 'x' })).statusCode).toBe(403);
    const res = await c.secretariat.post(url, { version: mistaken.version, reason: 'Mở nhầm năm 2022' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'withdrawn', withdrawal: { reason: 'Mở nhầm năm 2022' }, abilities: { withdraw: false, extend: false, update: false } });
    // Nothing is outstanding on a withdrawn request: no "2 Chưa làm" on the requests page, for the office or the unit.
    expect(mistaken.counts.not_started).toBe(2);
    expect(res.json().counts).toMatchObject({ not_started: 0, draft: 0, returned: 0 });
    expect(((await c.secretariat.get('/api/report-requests?kind=periodic&year=2022')).json().items as ReportRequest[]).find((r) => r.id === mistaken.id)!.counts.not_started).toBe(0);
    expect((await c.unitOfficerA.get(`/api/report-requests/${mistaken.id}`)).json().counts.not_started).toBe(0);
    expect(await audits(mistaken.id, 'report_request.withdrawn')).toHaveLength(1);
    expect((await notificationsOf(a.users.unitOfficerA.id, 'report.withdrawn')).map((n) => n.params)).toEqual([expect.objectContaining({ reason: 'Mở nhầm năm 2022' })]);
    // The unit can no longer send it; a second withdrawal, an extension or an edit is refused.
    const mine = await mySubmission(mistaken.id);
    expect(mine).toBeTruthy();
    const submit = await c.unitOfficerA.post(`/api/report-submissions/${mine.id}/submit`, { version: mine.version, content: { answers: { context: 'x', results: 'y' }, tables: {} } });
    expect(submit.statusCode).toBe(409);
    const now = res.json() as ReportRequest;
    expect((await c.secretariat.post(url, { version: now.version, reason: 'Lần nữa' })).statusCode).toBe(409);
    expect((await c.secretariat.post(`/api/report-requests/${now.id}/extend`, { version: now.version, dueOn: '2022-10-01', reason: 'x' })).statusCode).toBe(409);
    expect((await c.secretariat.patch(`/api/report-requests/${now.id}`, { version: now.version, remindWorkingDays: 1 })).statusCode).toBe(409);
    const statsAfter = (await c.secretariat.get('/api/report-statistics?year=2022')).json().items as { asked: number }[];
    expect(statsAfter.reduce((n, i) => n + i.asked, 0)).toBe(0);
  });

  it('withdraws an issued letter: the register keeps it, the letter is unchanged, the request shows it withdrawn', async () => {
    clock.set('2021-06-01T02:00:00Z');
    const template = await publishedTemplate(c.secretariat, a.homeAffairs.id, bodyNoAttachments());
    const r = await issuedRequest(c.secretariat, a.townCommittee.id, template.id, [a.wardACommittee.id], 'Báo cáo gửi nhầm');
    const before = await letterText(r.id);
    const res = await c.secretariat.post(`/api/report-requests/${r.id}/withdraw`, { version: r.version, reason: 'Gửi nhầm đơn vị' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'withdrawn', documentNumber: r.documentNumber });
    expect(await letterText(r.id)).toBe(before);
    expect((await c.unitOfficerA.get(`/api/report-requests/${r.id}`)).json()).toMatchObject({ status: 'withdrawn', withdrawal: { reason: 'Gửi nhầm đơn vị' } });
  });
});

describe('an ad hoc request that could never be answered', () => {
  it('is refused (400, field and code): a due day already past, a period ending after the due day, the office asking itself, a date out of the calendar’s years', async () => {
    clock.set('2021-06-10T02:00:00Z'); // 10/06/2021 in Hà Nội
    const template = await publishedTemplate(c.secretariat, a.homeAffairs.id, bodyNoAttachments());
    const draft = { kind: 'ad_hoc', ownerAgencyId: a.townCommittee.id, templateId: template.id, title: 'Báo cáo đột xuất', dueOn: '2021-06-30', targetAgencyIds: [a.wardACommittee.id] };
    const refused = async (change: Record<string, unknown>) => {
      const res = await c.secretariat.post('/api/report-requests', { ...draft, ...change });
      expect(res.statusCode, JSON.stringify(change)).toBe(400);
      return res.json().invalidParams[0];
    };
    expect(await refused({ dueOn: '2021-06-09' })).toMatchObject({ name: 'body.dueOn', code: 'due_in_past', params: { today: '2021-06-10' } });
    expect(await refused({ periodFrom: '2021-01-01', periodTo: '2021-07-15' })).toMatchObject({ name: 'body.periodTo', code: 'after_due' });
    expect(await refused({ targetAgencyIds: [a.wardACommittee.id, a.townCommittee.id] })).toMatchObject({ name: 'body.targetAgencyIds.1', code: 'self_target' });
    expect(await refused({ dueOn: '0001-06-30' })).toMatchObject({ name: 'body.dueOn', code: 'out_of_range' });
    expect(await refused({ periodFrom: '1899-12-31', periodTo: '2021-06-01' })).toMatchObject({ name: 'body.periodFrom', code: 'out_of_range' });
    // Due today is not past; a period ending on the due day is fine.
    const ok = await c.secretariat.post('/api/report-requests', { ...draft, dueOn: '2021-06-10', periodFrom: '2021-01-01', periodTo: '2021-06-10' });
    expect(ok.statusCode, ok.body).toBe(201);
    const r = ok.json() as ReportRequest;
    // An edit of the draft: the same rules.
    const url = `/api/report-requests/${r.id}`;
    expect((await c.secretariat.patch(url, { version: r.version, dueOn: '2021-06-01' })).json().invalidParams[0]).toMatchObject({ name: 'body.dueOn', code: 'due_in_past' });
    clock.set('2021-06-05T02:00:00Z');
    expect((await c.secretariat.patch(url, { version: r.version, dueOn: '2021-06-08' })).json().invalidParams[0]).toMatchObject({ name: 'body.periodTo', code: 'after_due' });
    expect((await c.secretariat.patch(url, { version: r.version, targetAgencyIds: [a.townCommittee.id] })).json().invalidParams[0]).toMatchObject({ name: 'body.targetAgencyIds.0', code: 'self_target' });
    // Issuing a letter dated after the due day: the due day is past on the letter's date.
    const issued = await c.secretariat.post(`${url}/issue`, { version: r.version, issuedOn: '2021-06-11', signature: { onBehalfOf: 'TL. CHỦ TỊCH', position: 'TRƯỞNG PHÒNG NỘI VỤ', signerName: 'Nguyễn Văn Hùng' } });
    expect(issued.statusCode).toBe(400);
    expect(issued.json().invalidParams[0]).toMatchObject({ name: 'body.issuedOn', code: 'due_in_past' });
    expect((await c.secretariat.get(url)).json()).toMatchObject({ status: 'draft', dueOn: '2021-06-10', version: r.version });
    clock.set('2021-06-01T02:00:00Z');
  });

  it('refuses a report’s date cell outside the calendar’s years (400 cell_out_of_range), nothing saved', async () => {
    clock.set('2021-06-01T02:00:00Z');
    const template = await publishedTemplate(c.secretariat, a.homeAffairs.id, bodyNoAttachments());
    const r = await issuedRequest(c.secretariat, a.townCommittee.id, template.id, [a.wardACommittee.id], 'Báo cáo có ngày');
    const mine = await mySubmission(r.id);
    const save = (deadline: string) => c.unitOfficerA.put(`/api/report-submissions/${mine.id}/draft`, { version: mine.version, content: { answers: {}, tables: { tasks: [{ task: 'Rà soát thủ tục', deadline }] } } });
    const res = await save('0001-01-01');
    expect(res.statusCode).toBe(400);
    expect(res.json().invalidParams[0]).toMatchObject({ name: 'body.content.tables.tasks.0.deadline', code: 'cell_out_of_range' });
    expect((await c.unitOfficerA.get(`/api/report-submissions/${mine.id}`)).json()).toMatchObject({ status: 'not_started', version: mine.version });
    expect((await save('2021-06-30')).statusCode).toBe(200);
  });
});
