import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Conclusion } from '../../../shared/api/conclusions.schemas.js';
import type { CorrectiveAction, CorrectiveActionDetail, ActionBoard } from '../../../shared/api/corrective-actions.schemas.js';
import { readListWorkbook } from '../../documents/list-workbook.test-support.js';
import { actionStatusLabels } from '../corrective-actions/actions-workbook.js';
import { ManualClock } from '../../clock.js';
import { appUser, documentRegisterEntry, inspectionChecklist, inspectionChecklistItem, inspectionConclusion, notification } from '../../db/schema/index.js';
import { publishedOneStopTemplate } from '../checklists/checklists.test-support.js';
import { openDocx, paragraphWith, plainText, runWith } from '../../documents/test-support.js';
import { samplePng } from '../../files/sample-files.js';
import { enqueueJob } from '../../jobs/enqueue.js';
import { createTestApp, type Client, type TestApp } from '../../test/harness.js';
import { makeAuthority } from '../../test/factories.js';
import { multipart } from '../../test/multipart.js';
import { startSmtpSink, type SmtpSink } from '../../test/smtp-sink.js';
import { makeSeason, schedule, type Season } from '../inspections/inspections.test-support.js';
import { actionRemindersJob } from '../corrective-actions/reminders.job.js';

/**
 * Conclusion notices and corrective actions (issue 10 §5, §6): every move and refusal through the
 * HTTP API, the issued .docx read back, e-mail to an SMTP server started here, the daily
 * reminders through the real job queue, and the re-inspection built from open actions.
 */
let smtp: SmtpSink;
let t: TestApp;
let s: Season;
const clock = new ManualClock('2021-06-10T02:00:00Z');
beforeAll(async () => {
  smtp = await startSmtpSink();
  t = await createTestApp({ clock, env: { SMTP_URL: smtp.url, MAIL_FROM: 'CCHC <cchc@hoainhon.test>', PAR_PUBLIC_URL: 'https://cchc.hoainhon.test' } });
  s = await makeSeason(t);
  const who = [s.unitOfficerA, s.unitOfficerB, s.inspector, s.secretariat, s.leader];
  await t.database.db.update(appUser).set({ email: sql`${appUser.username} || '@hoainhon.test'` }).where(inArray(appUser.id, who.map((c) => c.userId)));
});
afterAll(async () => {
  await t?.close();
  await smtp?.stop();
});

const kindsFor = async (c: Client, subjectId: string) =>
  (await t.database.db.select({ kind: notification.kind }).from(notification).where(and(eq(notification.recipientId, c.userId), eq(notification.subjectId, subjectId)))).map((n) => n.kind);

/** An unannounced visit to ward A on 10/06/2021, started and closed by the team. */
async function visitedWardA(startsOn = '2021-06-10') {
  const visit = await schedule(s.secretariat, { planId: s.plan.id, agencyId: s.a.wardACommittee.id, teamId: s.team1.id, kind: 'unannounced', startsOn });
  clock.set(`${startsOn}T02:00:00Z`);
  const started = await s.inspector.post(`/api/inspections/${visit.id}/start`, { version: visit.version });
  expect(started.statusCode, started.body).toBe(200);
  const closed = await s.inspector.post(`/api/inspections/${visit.id}/close`, { version: started.json().version });
  expect(closed.statusCode, closed.body).toBe(200);
  return closed.json() as { id: string; version: number };
}

async function uploadEvidence(c: Client, actionId: string) {
  const { payload, headers } = multipart([{ name: 'file', filename: 'niem-yet.png', contentType: 'image/png', data: samplePng(5, 4, [10, 120, 30]) }]);
  return c.request({ method: 'POST', url: `/api/files?ownerType=corrective_action&ownerId=${actionId}&purpose=evidence`, payload, headers });
}

describe('conclusion notices', () => {
  let visitId: string;
  let conclusion: Conclusion;

  it('is drafted by the standing office only, once per inspection, after the visit', async () => {
    const planned = await schedule(s.secretariat, { planId: s.plan.id, agencyId: s.a.wardBCommittee.id, teamId: s.team2.id, kind: 'report', startsOn: '2021-07-20' });
    expect((await s.secretariat.post('/api/conclusions', { inspectionId: planned.id })).json().code).toBe('INVALID_STATE');
    visitId = (await visitedWardA()).id;
    expect((await s.leader.post('/api/conclusions', { inspectionId: visitId })).statusCode).toBe(403);
    expect((await s.unitOfficerA.post('/api/conclusions', { inspectionId: visitId })).statusCode).toBe(403);
    expect((await s.unitOfficerB.post('/api/conclusions', { inspectionId: visitId })).statusCode).toBe(404);
    const res = await s.secretariat.post('/api/conclusions', { inspectionId: visitId });
    expect(res.statusCode, res.body).toBe(201);
    conclusion = res.json();
    expect(conclusion).toMatchObject({ status: 'draft', documentNumber: null, agencyId: s.a.wardACommittee.id, abilities: { update: true, issue: false, reinspect: false } });
    expect(conclusion.content.introduction).toContain('kiểm tra đột xuất');
    // TM. is the signing authority; the Ký thay (KT.) line stays empty for the chairman's own signature.
    expect(conclusion.content.signature).toMatchObject({ authority: 'TM. ỦY BAN NHÂN DÂN', position: 'CHỦ TỊCH' });
    expect(conclusion.content.signature.onBehalfOf).toBeUndefined();
    expect((await s.secretariat.post('/api/conclusions', { inspectionId: visitId })).json().code).toBe('DUPLICATE');
    // A draft is the office's and the leaders': the unit and the team do not see it.
    expect((await s.leader.get(`/api/conclusions/${conclusion.id}`)).json().abilities).toMatchObject({ update: false, issue: true });
    for (const c of [s.unitOfficerA, s.inspector]) {
      expect((await c.get(`/api/conclusions/${conclusion.id}`)).statusCode).toBe(404);
      expect((await c.get(`/api/documents/conclusion/${conclusion.id}.docx`)).statusCode).toBe(404);
      expect((await c.get('/api/conclusions')).json().items).toEqual([]);
    }
  });

  it('takes requirements: what, who, due on a date or N working days after the notice, and a report-by date', async () => {
    const other = await makeAuthority(t.database.db);
    const bad = [
      [{ content: 'Hai hạn', dueOn: '2021-07-30', dueWorkingDays: 5 }, 'body.actions.0.dueOn', 'custom'],
      [{ content: 'Không hạn' }, 'body.actions.0.dueOn', 'custom'],
      [{ content: 'Đơn vị lạ', dueWorkingDays: 5, responsibleAgencyId: other.wardACommittee.id }, 'body.actions.0.responsibleAgencyId', 'out_of_scope'],
      [{ content: 'Trước ngày kiểm tra', dueOn: '2021-06-01' }, 'body.actions.0.dueOn', 'before_visit'],
    ] as const;
    for (const [action, name, code] of bad) {
      const res = await s.secretariat.patch(`/api/conclusions/${conclusion.id}`, { version: conclusion.version, actions: [action] });
      expect(res.statusCode, JSON.stringify(action)).toBe(400);
      expect(res.json().invalidParams[0]).toMatchObject({ name, code });
    }
    expect((await s.unitOfficerA.patch(`/api/conclusions/${conclusion.id}`, { version: conclusion.version, content: { summary: 'x' } })).statusCode).toBe(404);
    expect((await s.leader.patch(`/api/conclusions/${conclusion.id}`, { version: conclusion.version, content: { summary: 'x' } })).statusCode).toBe(403);
    const res = await s.secretariat.patch(`/api/conclusions/${conclusion.id}`, {
      version: conclusion.version,
      content: {
        strengths: ['Bộ phận Một cửa bố trí đủ công chức, thái độ phục vụ tốt.'],
        shortcomings: ['Chưa niêm yết đầy đủ thủ tục hành chính mới được công bố.', 'Sổ theo dõi hồ sơ chưa cập nhật.'],
      },
      actions: [
        { content: 'Niêm yết đầy đủ, kịp thời thủ tục hành chính tại Bộ phận Một cửa', contentGroup: 'c', dueWorkingDays: 10, reportDueWorkingDays: 12 },
        { content: 'Cập nhật đầy đủ Sổ theo dõi hồ sơ', contentGroup: 'c', dueOn: '2021-07-30', reportDueOn: '2021-08-05' },
        { content: 'Hướng dẫn phường cập nhật hệ thống một cửa điện tử', contentGroup: 'a', responsibleAgencyId: s.a.homeAffairs.id, dueWorkingDays: 20 },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    conclusion = res.json();
    expect(conclusion.actions.map((a) => [a.status, a.responsibleAgencyName, a.dueOn, a.dueWorkingDays])).toEqual([
      ['draft', s.a.wardACommittee.name, null, 10],
      ['draft', s.a.wardACommittee.name, '2021-07-30', null],
      ['draft', s.a.homeAffairs.name, null, 20],
    ]);
    // A draft's actions are not actions yet for anyone.
    expect((await s.secretariat.get(`/api/corrective-actions/${conclusion.actions[0].id}`)).statusCode).toBe(404);
    const draft = await s.secretariat.get(`/api/documents/conclusion/${conclusion.id}.docx`);
    expect(draft.statusCode).toBe(200);
    const text = plainText((await openDocx(draft.rawPayload)).document);
    expect(text).toContain('DỰ THẢO');
    expect(text).toContain('Trong thời hạn 10 ngày làm việc kể từ ngày ban hành Thông báo');
  });

  it('is issued by a leader with a TB number; the requirements get their dates; the unit is told in the app and by e-mail', async () => {
    clock.set('2021-06-15T02:00:00Z');
    const sign = { authority: 'TM. ỦY BAN NHÂN DÂN', position: 'CHỦ TỊCH', signerName: 'Phạm Trương' };
    // The committee's notice: the office may not sign it.
    expect((await s.secretariat.post(`/api/conclusions/${conclusion.id}/issue`, { version: conclusion.version, issuedOn: '2021-06-15', signature: sign })).statusCode).toBe(403);
    expect((await s.leader.post(`/api/conclusions/${conclusion.id}/issue`, { version: conclusion.version + 1, issuedOn: '2021-06-15', signature: sign })).json().code).toBe('VERSION_CONFLICT');
    for (const [issuedOn, code] of [['2021-06-16', 'in_future'], ['2021-06-09', 'before_visit']] as const) {
      const refused = await s.leader.post(`/api/conclusions/${conclusion.id}/issue`, { version: conclusion.version, issuedOn, signature: sign });
      expect(refused.statusCode, issuedOn).toBe(400);
      expect(refused.json().invalidParams[0]).toMatchObject({ name: 'body.issuedOn', code });
    }
    // Dated after a requirement's due date (30/7): both the date and the requirement are named.
    clock.set('2021-08-02T02:00:00Z');
    const late = await s.leader.post(`/api/conclusions/${conclusion.id}/issue`, { version: conclusion.version, issuedOn: '2021-08-02', signature: sign });
    expect(late.statusCode).toBe(400);
    expect(late.json().invalidParams.map((p: { name: string; code: string }) => [p.name, p.code])).toEqual([
      ['body.issuedOn', 'after_requirement_due'],
      ['body.actions.1.dueOn', 'due_before_notice'],
    ]);
    clock.set('2021-06-15T02:00:00Z');
    const res = await s.leader.post(`/api/conclusions/${conclusion.id}/issue`, { version: conclusion.version, issuedOn: '2021-06-15', signature: sign });
    expect(res.statusCode, res.body).toBe(200);
    conclusion = res.json();
    const [entry] = await t.database.db
      .select({ signerPosition: documentRegisterEntry.signerPosition })
      .from(documentRegisterEntry)
      .innerJoin(inspectionConclusion, eq(inspectionConclusion.registerEntryId, documentRegisterEntry.id))
      .where(eq(inspectionConclusion.id, conclusion.id));
    expect(entry.signerPosition).toBe('TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH');
    // The committee's plan and team decisions took the first numbers of its register.
    expect(conclusion.documentNumber).toMatch(/^\d{2}\/TB-UBND$/);
    // 10 and 20 working days after Tuesday 15/06/2021; the report 12 working days after.
    expect(conclusion.actions.map((a) => [a.status, a.dueOn, a.reportDueOn])).toEqual([
      ['open', '2021-06-29', '2021-07-01'],
      ['open', '2021-07-30', '2021-08-05'],
      ['open', '2021-07-13', null],
    ]);
    // Frozen.
    const edit = await s.secretariat.patch(`/api/conclusions/${conclusion.id}`, { version: conclusion.version, content: { summary: 'Khác' } });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe('INVALID_STATE');
    expect((await s.leader.post(`/api/conclusions/${conclusion.id}/issue`, { version: conclusion.version, issuedOn: '2021-06-15' })).json().code).toBe('INVALID_STATE');

    expect(await kindsFor(s.unitOfficerA, conclusion.id)).toEqual(['conclusion.issued']);
    expect(await kindsFor(s.unitOfficerB, conclusion.id)).toEqual([]);
    await t.drain();
    const mail = smtp.messages.find((m) => m.to && !Array.isArray(m.to) && m.to.value[0].address === `${s.unitOfficerA.username}@hoainhon.test` && m.subject?.includes('kết luận'));
    expect(mail?.text).toContain(conclusion.documentNumber!);
    expect(mail?.text).toContain('3 yêu cầu khắc phục');
  });

  it('prints as a Decree 30 notice (Mẫu 1.4): number, date, sections I–V, the requirements table, the signature', async () => {
    const doc = await s.unitOfficerA.get(`/api/documents/conclusion/${conclusion.id}.docx`);
    expect(doc.statusCode).toBe(200);
    const { document } = await openDocx(doc.rawPayload);
    const text = plainText(document);
    expect(text).not.toContain('DỰ THẢO');
    expect(text).toContain(`Số: ${conclusion.documentNumber}`);
    expect(runWith(document, 'ngày 15 tháng 6 năm 2021').italic).toBe(true);
    expect(runWith(document, 'THÔNG BÁO').bold).toBe(true);
    expect(text).toContain(`Kết luận kiểm tra công tác cải cách hành chính tại ${s.a.wardACommittee.name}`);
    for (const heading of ['I. KHÁI QUÁT CHUNG', 'II. KẾT QUẢ ĐẠT ĐƯỢC', 'III. HẠN CHẾ, TỒN TẠI', 'IV. YÊU CẦU', 'V. TỔ CHỨC THỰC HIỆN']) expect(paragraphWith(document, heading).runs[0].bold).toBe(true);
    expect(text).toContain('kiểm tra đột xuất, không báo trước');
    expect(text).toContain('Chưa niêm yết đầy đủ thủ tục hành chính mới được công bố.');
    const table = [...document.matchAll(/<w:tbl>.*?<\/w:tbl>/gs)].map((m) => m[0]).find((x) => x.includes('Nội dung yêu cầu khắc phục'))!;
    expect(plainText(table)).toContain('Chậm nhất ngày 29/06/2021 (10 ngày làm việc kể từ ngày ban hành Thông báo)');
    expect(plainText(table)).toContain(s.a.homeAffairs.name);
    expect(text).toContain('TM. ỦY BAN NHÂN DÂN');
    expect(text).toContain('Phạm Trương');
    expect(text.indexOf('IV. YÊU CẦU')).toBeLessThan(text.indexOf('V. TỔ CHỨC THỰC HIỆN'));
    expect(text.indexOf('V. TỔ CHỨC THỰC HIỆN')).toBeLessThan(text.indexOf('Nơi nhận:'));
  });

  it('may be issued by the standing office under authorisation (TUQ.) when it is in the office’s name', async () => {
    const other = await visitedWardA('2021-06-17');
    clock.set('2021-06-18T02:00:00Z');
    const draft: Conclusion = (await s.secretariat.post('/api/conclusions', { inspectionId: other.id, issuingAgencyId: s.a.homeAffairs.id })).json();
    expect(draft.content.signature).toMatchObject({ authority: 'TUQ. CHỦ TỊCH', position: 'TRƯỞNG PHÒNG' });
    expect(draft.content.signature.onBehalfOf).toBeUndefined();
    expect(draft.abilities).toMatchObject({ update: true, issue: true });
    const res = await s.secretariat.post(`/api/conclusions/${draft.id}/issue`, { version: draft.version, issuedOn: '2021-06-18', signature: { ...draft.content.signature, signerName: 'Nguyễn Văn Hùng' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().documentNumber).toBe('01/TB-NV');
  });
});

describe('corrective actions', () => {
  let conclusion: Conclusion;
  let action: CorrectiveActionDetail;
  beforeAll(async () => {
    conclusion = (await s.secretariat.get('/api/conclusions')).json().items.find((c: Conclusion) => c.documentNumber?.endsWith('/TB-UBND'));
    action = (await s.unitOfficerA.get(`/api/corrective-actions/${conclusion.actions[0].id}`)).json();
  });

  it('lists conclusions a page at a time, saying whether another follows', async () => {
    const all = (await s.secretariat.get('/api/conclusions')).json();
    expect(all.hasMore).toBe(false);
    expect(all.items.length).toBeGreaterThanOrEqual(2);
    const first = (await s.secretariat.get('/api/conclusions?pageSize=1')).json();
    expect(first).toMatchObject({ items: [{ id: all.items[0].id }], hasMore: true });
    const last = (await s.secretariat.get(`/api/conclusions?pageSize=1&page=${all.items.length}`)).json();
    expect(last).toMatchObject({ items: [{ id: all.items.at(-1).id }], hasMore: false });
    expect((await s.secretariat.get('/api/conclusions?pageSize=201')).json().invalidParams[0]).toMatchObject({ name: 'query.pageSize' });
  });

  it('the unit plans and reports progress; the report needs evidence; the office is told', async () => {
    expect(action.abilities).toMatchObject({ plan: true, report: true, accept: false, return: false, attachEvidence: true });
    expect((await s.unitOfficerB.get(`/api/corrective-actions/${action.id}`)).statusCode).toBe(404);
    expect((await s.secretariat.post(`/api/corrective-actions/${action.id}/updates`, { version: action.version, move: 'plan', note: 'x' })).statusCode).toBe(403);
    let res = await s.unitOfficerA.post(`/api/corrective-actions/${action.id}/updates`, { version: action.version, move: 'plan', note: 'Rà soát, niêm yết lại toàn bộ thủ tục trước 25/6.' });
    expect(res.statusCode, res.body).toBe(200);
    action = res.json();
    expect(action).toMatchObject({ status: 'in_progress', planText: 'Rà soát, niêm yết lại toàn bộ thủ tục trước 25/6.' });
    const noEvidence = await s.unitOfficerA.post(`/api/corrective-actions/${action.id}/updates`, { version: action.version, move: 'report', note: 'Đã niêm yết.' });
    expect(noEvidence.statusCode).toBe(400);
    expect(noEvidence.json().invalidParams[0]).toMatchObject({ name: 'body.move', code: 'evidence_required' });
    expect((await uploadEvidence(s.unitOfficerB, action.id)).statusCode).toBe(404);
    const upload = await uploadEvidence(s.unitOfficerA, action.id);
    expect(upload.statusCode, upload.body).toBe(201);
    res = await s.unitOfficerA.post(`/api/corrective-actions/${action.id}/updates`, { version: action.version, move: 'report', note: 'Đã niêm yết đầy đủ 126 thủ tục.' });
    expect(res.statusCode, res.body).toBe(200);
    action = res.json();
    expect(action.status).toBe('reported');
    expect(await kindsFor(s.secretariat, action.id)).toEqual(['action.reported']);
  });

  it('is accepted or returned by the standing office, never by its own unit', async () => {
    // The unit sees its action but may not accept its own report.
    const own = await s.unitOfficerA.post(`/api/corrective-actions/${action.id}/review`, { version: action.version, decision: 'accept' });
    expect(own.statusCode).toBe(403);
    expect((await s.leader.post(`/api/corrective-actions/${action.id}/review`, { version: action.version, decision: 'accept' })).statusCode).toBe(403);
    expect((await s.secretariat.post(`/api/corrective-actions/${action.id}/review`, { version: action.version, decision: 'return' })).json().invalidParams[0]).toMatchObject({ name: 'body.note', code: 'required' });
    let res = await s.secretariat.post(`/api/corrective-actions/${action.id}/review`, { version: action.version, decision: 'return', note: 'Thiếu ảnh niêm yết tại bảng thứ hai.' });
    expect(res.statusCode, res.body).toBe(200);
    action = res.json();
    expect(action.status).toBe('in_progress');
    expect(await kindsFor(s.unitOfficerA, action.id)).toEqual(['action.reviewed']);
    // Nothing to review now.
    const early = await s.secretariat.post(`/api/corrective-actions/${action.id}/review`, { version: action.version, decision: 'accept' });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'INVALID_TRANSITION', allowedMoves: ['plan', 'progress', 'report', 'reinspection_fixed', 'reinspection_kept'] });
    res = await s.unitOfficerA.post(`/api/corrective-actions/${action.id}/updates`, { version: action.version, move: 'report', note: 'Bổ sung ảnh.' });
    action = res.json();
    res = await s.secretariat.post(`/api/corrective-actions/${action.id}/review`, { version: action.version, decision: 'accept', note: 'Đạt.' });
    expect(res.statusCode, res.body).toBe(200);
    action = res.json();
    expect(action.status).toBe('closed');
    expect(action.history.map((h) => h.move)).toEqual(['plan', 'report', 'return', 'report', 'accept']);
    const after = await s.unitOfficerA.post(`/api/corrective-actions/${action.id}/updates`, { version: action.version, move: 'progress', note: 'x' });
    expect(after.json()).toMatchObject({ code: 'INVALID_TRANSITION', allowedMoves: [] });
    expect((await uploadEvidence(s.unitOfficerA, action.id)).statusCode).toBe(403);
  });

  it('an office named responsible reports its own action; the inspected unit only reads it', async () => {
    const officeAction = conclusion.actions[2];
    const seen = (await s.unitOfficerA.get(`/api/corrective-actions/${officeAction.id}`)).json();
    expect(seen.abilities).toMatchObject({ plan: false, report: false });
    expect((await s.unitOfficerA.post(`/api/corrective-actions/${officeAction.id}/updates`, { version: officeAction.version, move: 'plan', note: 'x' })).statusCode).toBe(403);
  });

  it('reminds three working days before the due date and warns once when overdue; the board counts', async () => {
    const second = conclusion.actions[1]; // due Friday 30/07/2021
    await t.database.db.transaction((tx) => enqueueJob(tx, actionRemindersJob, { day: '2021-07-27' }));
    await t.drain();
    expect(await kindsFor(s.unitOfficerA, second.id)).toEqual(['action.due']);
    for (const day of ['2021-08-02', '2021-08-03']) {
      await t.database.db.transaction((tx) => enqueueJob(tx, actionRemindersJob, { day }));
      await t.drain();
    }
    expect(await kindsFor(s.unitOfficerA, second.id)).toEqual(['action.due', 'action.due']);
    expect(await kindsFor(s.secretariat, second.id)).toEqual(['action.due', 'action.due']);

    clock.set('2021-08-02T02:00:00Z');
    const boardRes = await s.secretariat.get(`/api/corrective-actions/board?planId=${s.plan.id}`);
    expect(boardRes.statusCode, boardRes.body).toBe(200);
    const board: ActionBoard = boardRes.json();
    expect(board.total).toEqual({ open: 0, overdue: 2, closed: 1 });
    expect(board.byAgency).toEqual([expect.objectContaining({ agencyId: s.a.wardACommittee.id, open: 0, overdue: 2, closed: 1 })]);
    expect(board.agencyCount).toBe(1);
    // The agencies come a page at a time (a country has thousands); totals and groups stay whole.
    const past = (await s.secretariat.get(`/api/corrective-actions/board?planId=${s.plan.id}&agencyPage=2&agencyPageSize=1`)).json() as ActionBoard;
    expect(past).toMatchObject({ byAgency: [], agencyCount: 1, total: board.total, byContentGroup: board.byContentGroup });
    const tooBig = await s.secretariat.get(`/api/corrective-actions/board?planId=${s.plan.id}&agencyPageSize=1000`);
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json().invalidParams).toEqual([expect.objectContaining({ name: 'query.agencyPageSize' })]);
    // The board is filtered by unit like the list (?unitId=, on the server): the ward's own actions, none of another ward's.
    const wardA = (await s.secretariat.get(`/api/corrective-actions/board?planId=${s.plan.id}&unitId=${s.a.wardA.id}`)).json() as ActionBoard;
    expect(wardA).toMatchObject({ total: board.total, agencyCount: 1, byContentGroup: board.byContentGroup });
    const listed = (await s.secretariat.get(`/api/corrective-actions?planId=${s.plan.id}&unitId=${s.a.wardA.id}`)).json();
    expect(listed.total).toBe(board.total.open + board.total.overdue + board.total.closed);
    expect((await s.secretariat.get(`/api/corrective-actions/board?planId=${s.plan.id}&unitId=${s.a.wardB.id}`)).json()).toMatchObject({ total: { open: 0, overdue: 0, closed: 0 }, byAgency: [], agencyCount: 0 });
    expect((await s.secretariat.get(`/api/corrective-actions/board?unitId=x`)).json().invalidParams).toEqual([expect.objectContaining({ name: 'query.unitId' })]);
    // The list as .xlsx: the same rows under the same filters, dates as Excel dates; another province's unit: 404.
    const full = (await s.secretariat.get(`/api/corrective-actions?planId=${s.plan.id}&unitId=${s.a.wardA.id}&pageSize=200`)).json() as { items: CorrectiveAction[] };
    // The visit's checklist names a content group: the export shows that title, as the findings list does, not the code "a" (issue 12 review #6).
    const grouped = full.items.find((x) => x.contentGroup)!;
    const groupTitle = 'Công tác chỉ đạo, điều hành cải cách hành chính';
    const template = await publishedOneStopTemplate(s.secretariat, s.a.townCommittee.id);
    const [list] = await t.database.db.insert(inspectionChecklist).values({ inspectionId: grouped.inspectionId, templateId: template.id, name: 'Phiếu kiểm tra', kind: 'one_stop' }).returning();
    await t.database.db.insert(inspectionChecklistItem).values({ checklistId: list.id, position: 0, groupCode: grouped.contentGroup!, groupTitle, code: `${grouped.contentGroup}.1`, text: 'Kế hoạch CCHC năm', answerType: 'rating' });
    const shownGroup = (x: CorrectiveAction) => (x.inspectionId === grouped.inspectionId && x.contentGroup === grouped.contentGroup ? groupTitle : x.contentGroup);
    const book = await readListWorkbook((await s.secretariat.get(`/api/corrective-actions/export.xlsx?planId=${s.plan.id}&unitId=${s.a.wardA.id}`)).rawPayload);
    expect(book.title).toContain(`Yêu cầu khắc phục sau kiểm tra — Phạm vi: ${s.a.wardA.name}`);
    expect(book.title).toContain('Tính đến ngày: 02/08/2021');
    expect(book.headers).toEqual(['TT', 'Nội dung yêu cầu khắc phục', 'Cơ quan, đơn vị được kiểm tra', 'Đơn vị chịu trách nhiệm', 'Thông báo kết luận số', 'Ngày ban hành', 'Nhóm nội dung', 'Hạn hoàn thành', 'Hạn báo cáo', 'Trạng thái', 'Quá hạn']);
    expect(book.rows).toEqual(
      full.items.map((x, i) => [i + 1, x.content, x.agencyName, x.responsibleAgencyName, x.conclusionNumber, x.conclusionIssuedOn, shownGroup(x), x.dueOn, x.reportDueOn, actionStatusLabels[x.status], x.overdue ? 'Có' : null]),
    );
    const other = await makeAuthority(t.database.db);
    expect((await s.secretariat.get(`/api/corrective-actions/export.xlsx?unitId=${other.town.id}`)).statusCode).toBe(404);
    expect(board.byContentGroup).toEqual([
      { contentGroup: 'a', open: 0, overdue: 1, closed: 0 },
      { contentGroup: 'c', open: 0, overdue: 1, closed: 1 },
    ]);
    const overdue = (await s.unitOfficerA.get('/api/corrective-actions?overdue=true')).json();
    expect(overdue.total).toBe(2);
    // The board's rows open the list filtered the same way: by content group ('-' for none).
    const groupA = (await s.secretariat.get(`/api/corrective-actions?planId=${s.plan.id}&contentGroup=a`)).json();
    expect(groupA.items.map((a: { contentGroup: string }) => a.contentGroup)).toEqual(['a']);
    expect((await s.secretariat.get(`/api/corrective-actions?planId=${s.plan.id}&contentGroup=-`)).json().total).toBe(0);
    expect((await s.unitOfficerB.get(`/api/corrective-actions/board?planId=${s.plan.id}`)).json().total).toEqual({ open: 0, overdue: 0, closed: 0 });
    // Reported (done, awaiting the office's review): no longer overdue on the list nor the board; returned, it is again.
    let current = (await s.unitOfficerA.get(`/api/corrective-actions/${second.id}`)).json();
    expect(current.overdue).toBe(true);
    expect((await uploadEvidence(s.unitOfficerA, second.id)).statusCode).toBe(201);
    const reported = await s.unitOfficerA.post(`/api/corrective-actions/${second.id}/updates`, { version: current.version, move: 'report', note: 'Đã khắc phục.' });
    expect(reported.statusCode, reported.body).toBe(200);
    expect(reported.json()).toMatchObject({ status: 'reported', overdue: false });
    expect((await s.secretariat.get(`/api/corrective-actions/board?planId=${s.plan.id}`)).json().total).toEqual({ open: 1, overdue: 1, closed: 1 });
    expect((await s.unitOfficerA.get('/api/corrective-actions?overdue=true')).json().total).toBe(1);
    current = (await s.secretariat.post(`/api/corrective-actions/${second.id}/review`, { version: reported.json().version, decision: 'return', note: 'Chưa đủ.' })).json();
    expect(current).toMatchObject({ status: 'in_progress', overdue: true });
  });

  it('lists by a unit in reach (its subtree), the inspected unit by its own; a unit out of reach is not found, never an empty page', async () => {
    const ids = async (client: Client, q: string) => {
      const res = await client.get(`/api/corrective-actions?pageSize=200&${q}`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { items: CorrectiveAction[] }).items.map((x) => x.id);
    };
    const all = (await s.secretariat.get(`/api/corrective-actions?planId=${s.plan.id}&pageSize=200`)).json().items as CorrectiveAction[];
    const wardA = all.filter((x) => x.agencyId === s.a.wardACommittee.id).map((x) => x.id);
    expect(wardA.length).toBeGreaterThan(0);
    expect(await ids(s.secretariat, `planId=${s.plan.id}&unitId=${s.a.wardA.id}`)).toEqual(wardA);
    expect(await ids(s.secretariat, `planId=${s.plan.id}&unitId=${s.a.wardB.id}`)).toEqual([]);
    expect(await ids(s.unitOfficerA, `unitId=${s.a.wardA.id}`)).toEqual(await ids(s.unitOfficerA, ''));
    expect(await ids(s.unitOfficerA, `unitId=${s.a.wardA.id}`)).toEqual(expect.arrayContaining(wardA));
    const other = await makeAuthority(t.database.db);
    for (const [client, path] of [
      [s.secretariat, `/api/corrective-actions?unitId=${other.town.id}`],
      [s.secretariat, `/api/corrective-actions/board?unitId=${other.town.id}`],
      [s.unitOfficerA, `/api/corrective-actions?unitId=${s.a.wardB.id}`],
      [s.secretariat, `/api/corrective-actions?unitId=${crypto.randomUUID()}`],
    ] as const) {
      const res = await client.get(path);
      expect(res.statusCode, path).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    }
  });

  it('open actions become a re-inspection whose result closes or keeps them', async () => {
    expect((await s.unitOfficerA.post(`/api/conclusions/${conclusion.id}/reinspection`, { teamId: s.team1.id, startsOn: '2021-08-10' })).statusCode).toBe(403);
    const notOpen = await s.secretariat.post(`/api/conclusions/${conclusion.id}/reinspection`, { teamId: s.team1.id, startsOn: '2021-08-10', actionIds: [conclusion.actions[0].id] });
    expect(notOpen.json().invalidParams[0]).toMatchObject({ name: 'body.actionIds.0', code: 'not_open' });
    const res = await s.secretariat.post(`/api/conclusions/${conclusion.id}/reinspection`, { teamId: s.team1.id, startsOn: '2021-08-10' });
    expect(res.statusCode, res.body).toBe(201);
    const { inspectionId, actionIds } = res.json();
    expect(actionIds.sort()).toEqual([conclusion.actions[1].id, conclusion.actions[2].id].sort());
    const re = (await s.secretariat.get(`/api/inspections/${inspectionId}`)).json();
    expect(re).toMatchObject({ kind: 'reinspection', reinspectionOfId: conclusion.inspectionId, status: 'planned' });
    expect((await s.secretariat.get(`/api/corrective-actions?reinspectionId=${inspectionId}`)).json().total).toBe(2);
    expect((await s.secretariat.post(`/api/conclusions/${conclusion.id}/reinspection`, { teamId: s.team1.id, startsOn: '2021-08-12' })).json().code).toBe('INVALID_STATE');

    const [fixed, kept] = await Promise.all(actionIds.map(async (id: string) => (await s.inspector.get(`/api/corrective-actions/${id}`)).json() as Promise<CorrectiveActionDetail>));
    const early = await s.inspector.post(`/api/corrective-actions/${fixed.id}/reinspection-result`, { version: fixed.version, result: 'reinspection_fixed' });
    expect(early.json().code).toBe('INVALID_STATE');
    clock.set('2021-08-10T02:00:00Z');
    expect((await s.inspector.post(`/api/inspections/${inspectionId}/start`, { version: re.version })).statusCode).toBe(200);
    expect((await s.unitOfficerA.post(`/api/corrective-actions/${fixed.id}/reinspection-result`, { version: fixed.version, result: 'reinspection_fixed' })).statusCode).toBe(403);
    expect((await s.inspector2.post(`/api/corrective-actions/${fixed.id}/reinspection-result`, { version: fixed.version, result: 'reinspection_fixed' })).statusCode).toBe(403);
    const closed = await s.inspector.post(`/api/corrective-actions/${fixed.id}/reinspection-result`, { version: fixed.version, result: 'reinspection_fixed', note: 'Đã cập nhật đầy đủ.' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().status).toBe('closed');
    const open = await s.inspector.post(`/api/corrective-actions/${kept.id}/reinspection-result`, { version: kept.version, result: 'reinspection_kept', note: 'Chưa thực hiện.' });
    expect(open.json().status).toBe('in_progress');
  });
});
