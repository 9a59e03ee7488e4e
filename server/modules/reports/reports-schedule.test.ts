import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { ReportCompilation, ReportRequest, Submission } from '../../../shared/api/reports.schemas.js';
import { openDocx, plainText } from '../../documents/test-support.js';
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

  it('compiles the accepted reports as a job into one .xlsx (a sheet per table, a row per unit, totals) and the .docx skeleton of the office’s report, exports a report’s tables, and counts on time per unit', async () => {
    clock.set('2021-07-05T02:00:00Z'); // after the due day: ward A submits late
    const content = { answers: { context: 'Phường có 8 khu phố.', results: 'Hoàn thành.' }, tables: { dossiers: [{ received: 120, on_time: 118, rate: 98.3 }, { received: 40, on_time: 40, rate: 100 }], tasks: [{ task: 'Niêm yết TTHC', deadline: '2021-04-30', done: true }] } };
    const fresh = (await c.unitOfficerA.get(`/api/report-submissions/${subA.id}`)).json() as Submission;
    const submitted = await c.unitOfficerA.post(`/api/report-submissions/${subA.id}/submit`, { version: fresh.version, content });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect((await c.secretariat.post(`/api/report-submissions/${subA.id}/accept`, { version: submitted.json().version })).statusCode).toBe(200);
    const subs = (await c.secretariat.get(`/api/report-submissions?requestId=${request.id}`)).json().items as Submission[];
    const subB = subs.find((x) => x.agencyId === a.wardBCommittee.id)!;
    await t.database.db.execute(sql`update report_submission set content = ${JSON.stringify({ answers: { context: 'B', results: 'B' }, tables: { dossiers: [{ received: 10, on_time: 9, rate: 90 }, { received: 5, on_time: 5, rate: 100 }], tasks: [] } })}::jsonb where id = ${subB.id}::uuid`);
    expect((await c.secretariat.post(`/api/report-submissions/${subB.id}/accept`, { version: subB.version })).statusCode).toBe(200);

    // A job: authorized before any work (the unit asked sees the request, but does not compile it), 202, then its progress.
    expect((await c.unitOfficerA.post(`/api/report-requests/${request.id}/compilations`)).statusCode).toBe(403);
    expect((await c.inspector.post(`/api/report-requests/${request.id}/compilations`)).statusCode).toBe(404);
    const started = await c.secretariat.post(`/api/report-requests/${request.id}/compilations`);
    expect(started.statusCode, started.body).toBe(202);
    const job = started.json() as ReportCompilation;
    expect(job).toMatchObject({ status: 'queued', processed: 0, xlsxUrl: null, docxUrl: null });
    expect((await c.secretariat.get(`/api/report-compilations/${job.id}/compilation.xlsx`)).json().code).toBe('INVALID_STATE');
    const drained = await t.drain({ queues: ['reports.compile'] });
    expect(drained.map((d) => d.outcome)).toEqual(['completed']);
    const done = (await c.secretariat.get(`/api/report-compilations/${job.id}`)).json() as ReportCompilation;
    expect(done).toMatchObject({ status: 'done', total: 2, processed: 2, xlsxUrl: `/api/report-compilations/${job.id}/compilation.xlsx`, docxUrl: `/api/report-compilations/${job.id}/report.docx` });
    // Only the requester follows it and downloads its files.
    expect((await c.leader.get(`/api/report-compilations/${job.id}`)).statusCode).toBe(404);
    expect((await c.leader.get(done.xlsxUrl!)).statusCode).toBe(404);

    const res = await c.secretariat.get(done.xlsxUrl!);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('tong-hop-bao-cao-cchc-quy-ii-nam-2021.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Biểu 1. Hồ sơ thủ tục hành c', 'Phụ lục. Nhiệm vụ được giao']);
    const dossiers = wb.worksheets[0];
    const values = (r: number) => (dossiers.getRow(r).values as unknown[]).slice(1);
    expect(values(1).slice(0, 3)).toEqual(['TT', 'Cơ quan, đơn vị', 'Lĩnh vực đất đai']);
    expect(values(2).slice(2, 5)).toEqual(['Tiếp nhận', 'Giải quyết đúng hạn', 'Tỷ lệ đúng hạn']);
    const unitRows = [values(3), values(4)];
    expect(unitRows.map((r) => r[1]).sort()).toEqual([a.wardACommittee.name, a.wardBCommittee.name].sort());
    const rowA = unitRows.find((r) => r[1] === a.wardACommittee.name)!;
    expect(rowA.slice(2)).toEqual([120, 118, 98.3, 40, 40, 100]);
    // Totals of the columns the template totals (received, on time), none for the rate.
    expect(values(5)).toEqual(['', 'Tổng cộng', 130, 127, undefined, 45, 45]);
    const tasks = wb.worksheets[1];
    // A date column holds real Excel dates, shown day first.
    expect((tasks.getRow(2).values as unknown[]).slice(1)).toEqual([1, a.wardACommittee.name, 'Niêm yết TTHC', new Date(Date.UTC(2021, 3, 30)), 'Có']);
    expect(tasks.getCell('D2').numFmt).toBe('dd/mm/yyyy');

    // The .docx skeleton of the office's own report, from the same compilation: Mẫu 1.4, DỰ THẢO, who reported, the compiled tables.
    const docRes = await c.secretariat.get(done.docxUrl!);
    expect(docRes.statusCode).toBe(200);
    expect(docRes.headers['content-disposition']).toContain('bao-cao-tong-hop-bao-cao-cchc-quy-ii-nam-2021-du-thao.docx');
    const doc = plainText((await openDocx(docRes.rawPayload)).document);
    expect(doc).toContain('DỰ THẢO');
    expect(doc).toMatch(/Số:\s+\/BC-/);
    expect(doc).toContain('BÁO CÁO\nCCHC quý II năm 2021');
    expect(doc).toContain('có 2/2 cơ quan, đơn vị gửi báo cáo (1 đúng hạn, 1 muộn hạn), 0 chưa gửi; 2 báo cáo đã được tiếp nhận');
    expect(doc).toContain('I. Đặc điểm tình hình');
    // The subject keeps its acronym's capitals after "về"; a percentage of its own is averaged and says so.
    expect(doc).toContain(' về CCHC quý II năm 2021, đến ngày');
    expect(doc).toContain('Tỷ lệ đúng hạn (bình quân các đơn vị)');
    expect(doc).toMatch(/Lĩnh vực đất đai\n130\n127\n94,\d%/);
    expect(doc).toMatch(/Lĩnh vực hộ tịch\n45\n45\n100%/);
    expect(doc).toContain('1 dòng của 2 đơn vị');

    const own = await c.unitOfficerA.get(`/api/report-submissions/${subA.id}/tables.xlsx`);
    expect(own.statusCode).toBe(200);
    const wbA = new ExcelJS.Workbook();
    await wbA.xlsx.load(own.rawPayload as unknown as ArrayBuffer);
    expect((wbA.worksheets[0].getRow(4).values as unknown[]).slice(1)).toEqual(['Tổng cộng', '', 160, 158]);
    expect((await c.unitOfficerA.get(`/api/report-submissions/${subB.id}/tables.xlsx`)).statusCode).toBe(404);

    const stats = (await c.secretariat.get('/api/report-statistics?year=2021')).json() as { items: { agencyName: string; asked: number; onTime: number; late: number; missing: number; onTimeRate: number | null }[] };
    expect(stats.items.map((i) => [i.agencyName, i.asked, i.onTime, i.late, i.missing, i.onTimeRate]).sort()).toEqual(
      [
        [a.wardACommittee.name, 1, 0, 1, 0, 0],
        [a.wardBCommittee.name, 1, 1, 0, 0, 100],
      ].sort(),
    );
    // The same lines as .xlsx for the statistics page's download: figures as numbers, the rate a percentage.
    const statsXlsx = await c.secretariat.get('/api/report-statistics.xlsx?year=2021');
    expect(statsXlsx.statusCode).toBe(200);
    expect(statsXlsx.headers['content-disposition']).toContain('ty-le-bao-cao-dung-han-2021.xlsx');
    const sw = new ExcelJS.Workbook();
    await sw.xlsx.load(statsXlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = sw.worksheets[0];
    expect((sheet.getRow(1).values as unknown[]).slice(1, 3)).toEqual(['TT', 'Cơ quan, đơn vị']);
    const lines = [2, 3].map((r) => (sheet.getRow(r).values as unknown[]).slice(2));
    expect(lines.find((l) => l[0] === a.wardBCommittee.name)!.slice(0, 3)).toEqual([a.wardBCommittee.name, 1, 1]);
    expect(lines.find((l) => l[0] === a.wardBCommittee.name)!.at(-1)).toBe(1);
    expect(sheet.getCell(2, sheet.columnCount).numFmt).toBe('0.0%');
    expect((await c.secretariat.get('/api/report-statistics.xlsx?year=abc')).statusCode).toBe(400);
    const mine = (await c.unitOfficerA.get('/api/report-statistics?year=2021')).json() as { items: { agencyName: string }[] };
    expect(mine.items.map((i) => i.agencyName)).toEqual([a.wardACommittee.name]);
    expect((await c.secretariat.get('/api/report-statistics?year=abc')).statusCode).toBe(400);
  });
});
