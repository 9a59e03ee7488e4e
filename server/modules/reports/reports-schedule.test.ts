import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { ReportRequest, Submission } from '../../../shared/api/reports.schemas.js';
import { renderStoredNotification } from '../../../shared/domain/notifications.js';
import { ManualClock } from '../../clock.js';
import { appUser, notification, reportRequest } from '../../db/schema/index.js';
import { enqueueJob } from '../../jobs/enqueue.js';
import { makeAuthority, signInAuthority } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { startSmtpSink, type SmtpSink } from '../../test/smtp-sink.js';
import { reportsDailyJob } from './reports.job.js';
import { publishedTemplate, sampleBody } from './test-support.js';

/**
 * The recurring schedule (issue 9 §2, §4): the daily job opens each period's request from the
 * periodic rule on its own, then reminds before the due day and on it, tells the unit and the
 * office when overdue and escalates to the unit's leader after the request's working days —
 * counted on the working calendar, through the real queue and an SMTP server started here.
 */
let smtp: SmtpSink;
let t: TestApp;
const clock = new ManualClock('2021-06-01T02:00:00Z');
let a: Awaited<ReturnType<typeof makeAuthority>>;
let c: Awaited<ReturnType<typeof signInAuthority>>;
beforeAll(async () => {
  smtp = await startSmtpSink();
  t = await createTestApp({ clock, env: { SMTP_URL: smtp.url, MAIL_FROM: 'CCHC <cchc@hoainhon.test>', PAR_PUBLIC_URL: 'https://cchc.hoainhon.test' } });
  a = await makeAuthority(t.database.db);
  c = await signInAuthority(t.app, a);
  const who = [a.users.unitOfficerA, a.users.secretariat, a.users.leader];
  await t.database.db.update(appUser).set({ email: sql`${appUser.username} || '@hoainhon.test'` }).where(inArray(appUser.id, who.map((u) => u.id)));
});
afterAll(async () => {
  await t?.close();
  await smtp?.stop();
});

async function runDaily(day: string) {
  await t.database.db.transaction((tx) => enqueueJob(tx, reportsDailyJob, { day }));
  return t.drain();
}
const kinds = async (userId: string, subjectId: string) =>
  (await t.database.db.select({ kind: notification.kind, params: notification.params }).from(notification).where(and(eq(notification.recipientId, userId), eq(notification.subjectId, subjectId))).orderBy(notification.createdAt, notification.id)).map((n) => renderStoredNotification(n.kind, n.params, 'vi').title);

describe('the recurring reporting schedule', () => {
  let request: ReportRequest;
  let subA: Submission;

  it('opens the period’s request on its own on the opening day, once', async () => {
    const body = { ...sampleBody(), attachments: [] };
    const template = await publishedTemplate(c.secretariat, a.homeAffairs.id, body, 'periodic');
    const rule = await c.secretariat.post('/api/report-period-rules', {
      ownerAgencyId: a.homeAffairs.id,
      code: 'Q2',
      name: 'Báo cáo CCHC quý II',
      templateCode: template.code,
      fromMonth: 3,
      fromDay: 15,
      fromYearOffset: 0,
      toMonth: 6,
      toDay: 14,
      dueMonth: 6,
      dueDay: 18,
      opensDaysBeforeDue: 15,
      remindWorkingDays: 2,
      escalateAfterWorkingDays: 3,
      targetAgencyIds: [a.wardACommittee.id, a.wardBCommittee.id],
      active: true,
    });
    expect(rule.statusCode, rule.body).toBe(201);
    await runDaily('2021-06-02');
    expect((await c.secretariat.get('/api/report-requests?kind=periodic')).json().items).toEqual([]);
    await runDaily('2021-06-03');
    await runDaily('2021-06-03');
    const items = (await c.secretariat.get('/api/report-requests?kind=periodic')).json().items as ReportRequest[];
    expect(items.map((r) => [r.title, r.periodFrom, r.periodTo, r.dueOn, r.counts.not_started])).toEqual([['Báo cáo CCHC quý II năm 2021', '2021-03-15', '2021-06-14', '2021-06-18', 2]]);
    request = items[0];
    const [own] = (await c.unitOfficerA.get('/api/report-submissions?mine=true')).json().items as Submission[];
    subA = own;
    expect(await kinds(a.users.unitOfficerA.id, subA.id)).toEqual(['Yêu cầu báo cáo: Báo cáo CCHC quý II năm 2021']);
  });

  it('reminds the unit two working days before and on the due day; overdue to the unit and the office; escalates to the leader after 3 working days; by e-mail too', async () => {
    // Ward B submits on time: it hears nothing more.
    const unitB = (await c.secretariat.get(`/api/report-submissions?requestId=${request.id}`)).json().items.find((s: Submission) => s.agencyId === a.wardBCommittee.id) as Submission;
    await t.database.db.execute(sql`update report_submission set status = 'submitted', late = false, submitted_at = now() where id = ${unitB.id}::uuid`);

    await runDaily('2021-06-15'); // 3 working days before: nothing yet
    expect(await kinds(a.users.unitOfficerA.id, subA.id)).toHaveLength(1);
    await runDaily('2021-06-16'); // Wednesday: 2 working days before Friday 18/6
    await runDaily('2021-06-18');
    await runDaily('2021-06-19'); // Saturday: nothing
    await runDaily('2021-06-21'); // Monday: overdue by 1 working day
    await runDaily('2021-06-22');
    await runDaily('2021-06-23'); // 3 working days late: escalated
    await runDaily('2021-06-24');
    expect(await kinds(a.users.unitOfficerA.id, subA.id)).toEqual([
      'Yêu cầu báo cáo: Báo cáo CCHC quý II năm 2021',
      'Còn 02 ngày làm việc đến hạn gửi báo cáo: Báo cáo CCHC quý II năm 2021',
      'Hôm nay là hạn gửi báo cáo: Báo cáo CCHC quý II năm 2021',
      'Quá hạn gửi báo cáo: Báo cáo CCHC quý II năm 2021',
    ]);
    expect(await kinds(a.users.secretariat.id, subA.id)).toEqual(['Quá hạn gửi báo cáo: Báo cáo CCHC quý II năm 2021', `Báo cáo quá hạn 3 ngày làm việc: ${a.wardACommittee.name}`]);
    expect(await kinds(a.users.leader.id, subA.id)).toEqual([`Báo cáo quá hạn 3 ngày làm việc: ${a.wardACommittee.name}`]);
    expect(await kinds(a.users.unitOfficerA.id, unitB.id)).toEqual([]);

    await t.drain();
    const to = (username: string) => smtp.messages.filter((m) => m.to && !Array.isArray(m.to) && m.to.value[0].address === `${username}@hoainhon.test`);
    expect(to(a.users.unitOfficerA.username).map((m) => m.subject)).toEqual(expect.arrayContaining(['Còn 02 ngày làm việc đến hạn gửi báo cáo: Báo cáo CCHC quý II năm 2021', 'Quá hạn gửi báo cáo: Báo cáo CCHC quý II năm 2021']));
    const escalation = to(a.users.leader.username).find((m) => m.subject?.startsWith('Báo cáo quá hạn'));
    expect(escalation?.text).toContain('Đề nghị đồng chí chỉ đạo hoàn thành');
  });

  it('escalates after the number of working days the office sets on the request', async () => {
    const fresh = (await c.secretariat.get(`/api/report-requests/${request.id}`)).json() as ReportRequest;
    expect(fresh.escalateAfterWorkingDays).toBe(3);
    // A request due later, escalated after 5 working days instead.
    await t.database.db.update(reportRequest).set({ dueOn: '2021-06-25', escalateAfterWorkingDays: 5 }).where(eq(reportRequest.id, request.id));
    await runDaily('2021-07-01'); // 4 working days late
    const leaderTitles = () => kinds(a.users.leader.id, subA.id);
    expect(await leaderTitles()).toHaveLength(1);
    await runDaily('2021-07-02'); // 5
    expect((await leaderTitles()).at(-1)).toBe(`Báo cáo quá hạn 5 ngày làm việc: ${a.wardACommittee.name}`);
  });
});
