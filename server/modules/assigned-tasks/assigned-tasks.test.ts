import ExcelJS from 'exceljs';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssignedTask, AssignedTaskDetail, TaskImport } from '../../../shared/api/assigned-tasks.schemas.js';
import { ManualClock } from '../../clock.js';
import { queryRows } from '../../db/client.js';
import { notification } from '../../db/schema/index.js';
import { enqueueJob } from '../../jobs/enqueue.js';
import { makeAuthority, makeUser, signInAuthority, TEST_PASSWORD } from '../../test/factories.js';
import { createTestApp, signIn, type Client, type TestApp } from '../../test/harness.js';
import { multipart } from '../../test/multipart.js';
import { taskRemindersJob } from './reminders.job.js';

// 09:00 on Tuesday 15/6/2021 in Việt Nam.
const clock = new ManualClock('2021-06-15T02:00:00Z');
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const kindsFor = async (c: Client, subjectId: string) =>
  (await t.database.db.select({ kind: notification.kind }).from(notification).where(and(eq(notification.recipientId, c.userId), eq(notification.subjectId, subjectId)))).map((n) => n.kind);

async function setUp() {
  const a = await makeAuthority(t.database.db);
  const c = await signInAuthority(t.app, a);
  const officerB = await signIn(t.app, (await makeUser(t.database.db, [{ role: 'unit_officer', agencyId: a.wardBCommittee.id }], 'Đầu mối phường B')).username, TEST_PASSWORD);
  const body = (over: Record<string, unknown> = {}) => ({
    assigningAgencyId: a.townCommittee.id,
    sourceNumber: '125/TB-UBND',
    sourceDate: '2021-03-15',
    sourceTitle: 'Kết luận của Chủ tịch UBND thị xã tại buổi làm việc với các phường',
    content: 'Rà soát, công bố thủ tục hành chính lĩnh vực đất đai',
    ownerAgencyId: a.wardACommittee.id,
    coOwnerAgencyIds: [a.homeAffairs.id],
    deadline: '2021-06-30',
    ...over,
  });
  return { a, c, officerB, body };
}

describe('the register of assigned tasks', () => {
  it('is kept by the office: entered with a deadline as a date or in working days, refused with field codes, corrected with versions, audited', async () => {
    const { a, c, body } = await setUp();
    const created = await c.secretariat.post('/api/assigned-tasks', body());
    expect(created.statusCode).toBe(201);
    const task = created.json() as AssignedTaskDetail;
    expect(task).toMatchObject({
      assigningAgencyName: a.townCommittee.name,
      ownerAgencyName: a.wardACommittee.name,
      coOwners: [{ agencyId: a.homeAffairs.id, name: a.homeAffairs.name }],
      status: 'not_started',
      timeliness: 'on_track',
      deadline: '2021-06-30',
      abilities: { update: true, report: true, moves: ['start', 'complete', 'cancel'] },
      notes: [],
      version: 1,
    });
    // The owner's officer hears of it.
    expect(await kindsFor(c.unitOfficerA, task.id)).toEqual(['assigned_task.assigned']);

    // 3 working days after Wednesday 28/4/2021: 29/4, then 30/4 and 1/5 (holidays), 3/5 (compensatory day off), 4/5, 5/5.
    const counted = (await c.secretariat.post('/api/assigned-tasks', body({ sourceDate: '2021-04-28', deadline: undefined, deadlineWorkingDays: 3 }))).json() as AssignedTask;
    expect(counted.deadline).toBe('2021-05-05');
    expect(counted.deadlineExplanation).toContain('03 ngày làm việc');

    const refusals: [Record<string, unknown>, string, string][] = [
      [{ deadline: '2021-03-01' }, 'body.deadline', 'before_source_date'],
      [{ deadlineWorkingDays: 5 }, 'body.deadlineWorkingDays', 'deadline_twice'],
      [{ coOwnerAgencyIds: [a.wardACommittee.id] }, 'body.coOwnerAgencyIds.0', 'duplicate'],
      [{ ownerAgencyId: a.provinceCommittee.id }, 'body.ownerAgencyId', 'out_of_scope'],
      [{ content: '' }, 'body.content', 'too_small'],
      [{ sourceDate: '2021-02-30' }, 'body.sourceDate', 'invalid_date'],
    ];
    for (const [over, name, code] of refusals) {
      const res = await c.secretariat.post('/api/assigned-tasks', body(over));
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(res.json().invalidParams[0], JSON.stringify(over)).toMatchObject({ name, code });
    }
    const other = await makeAuthority(t.database.db);
    const outside = await c.secretariat.post('/api/assigned-tasks', body({ assigningAgencyId: other.townCommittee.id, ownerAgencyId: other.wardACommittee.id, coOwnerAgencyIds: [] }));
    expect(outside.json().invalidParams[0]).toMatchObject({ name: 'body.assigningAgencyId', code: 'out_of_scope' });
    for (const role of ['leader', 'inspector', 'unitOfficerA', 'admin'] as const) expect((await c[role].post('/api/assigned-tasks', body())).statusCode).toBe(403);

    const moved = await c.secretariat.patch(`/api/assigned-tasks/${task.id}`, { version: 1, ownerAgencyId: a.wardBCommittee.id, coOwnerAgencyIds: [a.wardACommittee.id], deadline: '2021-07-15' });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ ownerAgencyId: a.wardBCommittee.id, coOwners: [{ agencyId: a.wardACommittee.id }], deadline: '2021-07-15', version: 2 });
    expect((await c.secretariat.patch(`/api/assigned-tasks/${task.id}`, { version: 1, content: 'x' })).json().code).toBe('VERSION_CONFLICT');
    expect((await c.secretariat.patch(`/api/assigned-tasks/${task.id}`, { version: 2, sourceDate: '2021-08-01' })).json().invalidParams[0]).toMatchObject({ name: 'body.sourceDate', code: 'before_source_date' });
    expect((await c.unitOfficerA.patch(`/api/assigned-tasks/${task.id}`, { version: 2, content: 'x' })).statusCode).toBe(403);
    const otherC = await signInAuthority(t.app, other);
    expect((await otherC.secretariat.patch(`/api/assigned-tasks/${task.id}`, { version: 2, content: 'x' })).statusCode).toBe(404);

    const events = await queryRows<{ action: string }>(t.database.db, sql`select action from audit_event where entity_id = ${task.id} order by id`);
    expect(events.map((e) => e.action)).toEqual(['assigned_task.created', 'assigned_task.updated']);
  });

  it('is reported on by the owner agency: notes, start and complete; the office reopens and cancels; others are refused', async () => {
    const { a, c, officerB, body } = await setUp();
    const task = (await c.secretariat.post('/api/assigned-tasks', body())).json() as AssignedTaskDetail;
    const url = `/api/assigned-tasks/${task.id}/progress`;
    // The co-owner's officer (ward B is not named; the office is) and another ward's officer.
    expect((await officerB.get(`/api/assigned-tasks/${task.id}`)).statusCode).toBe(404);
    expect((await officerB.post(url, { version: 1, note: 'x' })).statusCode).toBe(404);

    const started = await c.unitOfficerA.post(url, { version: 1, move: 'start', note: 'Đã giao công chức địa chính rà soát.' });
    expect(started.statusCode).toBe(200);
    expect(started.json()).toMatchObject({ status: 'in_progress', version: 2, lastNote: { body: 'Đã giao công chức địa chính rà soát.', move: 'start', statusAfter: 'in_progress' }, abilities: { update: false, report: true, moves: ['complete'] } });
    expect((await c.unitOfficerA.post(url, { version: 1, note: 'Cũ' })).json().code).toBe('VERSION_CONFLICT');
    expect((await c.unitOfficerA.post(url, { version: 2 })).json().invalidParams[0]).toMatchObject({ name: 'body.note', code: 'required' });
    expect((await c.unitOfficerA.post(url, { version: 2, move: 'cancel' })).statusCode).toBe(403);
    expect((await c.unitOfficerA.post(url, { version: 2, move: 'complete', completedOn: '2021-06-16' })).json().invalidParams[0]).toMatchObject({ name: 'body.completedOn', code: 'after_today' });
    expect((await c.unitOfficerA.post(url, { version: 2, move: 'complete', completedOn: '2021-03-01' })).json().invalidParams[0]).toMatchObject({ name: 'body.completedOn', code: 'before_source_date' });
    expect((await c.unitOfficerA.post(url, { version: 2, move: 'fly' })).statusCode).toBe(400);
    expect((await c.inspector.post(url, { version: 2, note: 'x' })).statusCode).toBe(403);
    expect((await c.leader.post(url, { version: 2, note: 'x' })).statusCode).toBe(403);

    const done = await c.unitOfficerA.post(url, { version: 2, move: 'complete', note: 'Đã công bố 12 thủ tục.' });
    expect(done.json()).toMatchObject({ status: 'completed', completedOn: '2021-06-15', timeliness: 'done_on_time', version: 3 });
    const again = await c.unitOfficerA.post(url, { version: 3, move: 'complete' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'INVALID_TRANSITION', allowedMoves: ['reopen'] });
    const reopened = await c.secretariat.post(url, { version: 3, move: 'reopen', note: 'Còn thiếu thủ tục đăng ký biến động.' });
    expect(reopened.json()).toMatchObject({ status: 'in_progress', completedOn: null, version: 4 });
    const cancelled = (await c.secretariat.post(url, { version: 4, move: 'cancel', note: 'Nhiệm vụ được thay thế.' })).json() as AssignedTaskDetail;
    expect(cancelled).toMatchObject({ status: 'cancelled', timeliness: 'cancelled', allowedMoves: ['restore'] });
    expect(cancelled.notes.map((n) => n.move)).toEqual(['cancel', 'reopen', 'complete', 'start']);
    expect(cancelled.notes[0].authorName).toBe('Thường trực');

    const events = await queryRows<{ action: string }>(t.database.db, sql`select action from audit_event where entity_id = ${task.id} order by id`);
    expect(events.map((e) => e.action)).toEqual(['assigned_task.created', ...Array(4).fill('assigned_task.progress_reported')]);
    void a;
  });

  it('lists in scope with filters, diacritic-insensitive search, overdue flags in working days, and an agency’s tasks for content group b)', async () => {
    const { a, c, officerB, body } = await setUp();
    const land = (await c.secretariat.post('/api/assigned-tasks', body({ deadline: '2021-06-08' }))).json() as AssignedTask;
    const digital = (await c.secretariat.post('/api/assigned-tasks', body({ sourceNumber: '88/KH-UBND', content: 'Triển khai dịch vụ công trực tuyến mức độ 4', ownerAgencyId: a.wardBCommittee.id, coOwnerAgencyIds: [a.wardACommittee.id], deadline: null }))).json() as AssignedTask;
    const officeTask = (await c.secretariat.post('/api/assigned-tasks', body({ content: 'Xây dựng kế hoạch tuyên truyền CCHC', ownerAgencyId: a.homeAffairs.id, coOwnerAgencyIds: [] }))).json() as AssignedTask;

    const list = async (client: Client, query: string) => (await client.get(`/api/assigned-tasks?assigningAgencyId=${a.townCommittee.id}${query}`)).json() as { items: AssignedTask[]; total: number; counts: Record<string, number> };
    const all = await list(c.secretariat, '');
    expect(all.items.map((i) => i.id)).toEqual([land.id, officeTask.id, digital.id]);
    expect(all.counts).toEqual({ open: 3, overdue: 1, completed: 0 });
    // Tuesday 8/6 → Tuesday 15/6: five working days late.
    expect(all.items[0]).toMatchObject({ timeliness: 'overdue', overdueWorkingDays: 5 });
    expect((await list(c.secretariat, '&timeliness=overdue')).items.map((i) => i.id)).toEqual([land.id]);
    expect((await list(c.secretariat, '&q=DAT%20DAI')).items.map((i) => i.id)).toEqual([land.id]);
    expect((await list(c.secretariat, '&q=88%2FKH')).items.map((i) => i.id)).toEqual([digital.id]);
    expect((await list(c.leader, `&agencyId=${a.wardACommittee.id}`)).items.map((i) => i.id)).toEqual([land.id, digital.id]);
    expect((await list(c.inspector, '&status=completed')).items).toEqual([]);
    // The unit officer of ward A: its own and the one it supports; ward B's officer: its own.
    expect((await list(c.unitOfficerA, '')).items.map((i) => i.id)).toEqual([land.id, digital.id]);
    expect((await list(officerB, '')).items.map((i) => i.id)).toEqual([digital.id]);
    expect((await list(officerB, '')).items[0].abilities).toEqual({ update: false, report: true, moves: ['start', 'complete'] });
    expect((await list(c.unitOfficerA, '')).items[1].abilities).toEqual({ update: false, report: false, moves: [] });
    expect((await c.secretariat.get('/api/assigned-tasks?q=%00')).statusCode).toBe(400);
    expect((await c.secretariat.get('/api/assigned-tasks?timeliness=late')).json().invalidParams[0].name).toBe('query.timeliness');

    const groupB = (await c.inspector.get(`/api/agencies/${a.wardACommittee.id}/assigned-tasks`)).json().items as AssignedTask[];
    expect(groupB.map((i) => i.id)).toEqual([land.id, digital.id]);
    const other = await signInAuthority(t.app, await makeAuthority(t.database.db));
    // Another authority's agency, or no agency at all, is not found (not an empty list).
    const hidden = await other.inspector.get(`/api/agencies/${a.wardACommittee.id}/assigned-tasks`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().code).toBe('NOT_FOUND');
    expect((await c.inspector.get(`/api/agencies/${crypto.randomUUID()}/assigned-tasks`)).statusCode).toBe(404);
    expect((await other.secretariat.get(`/api/assigned-tasks/${land.id}`)).statusCode).toBe(404);
    expect((await other.admin.get(`/api/assigned-tasks?assigningAgencyId=${a.townCommittee.id}`)).json().items).toEqual([]);

    // The export, read back.
    const xlsx = await c.secretariat.get(`/api/assigned-tasks/export.xlsx?assigningAgencyId=${a.townCommittee.id}`);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('Nhiệm vụ được giao');
    expect(ws.getRow(1).getCell(5).value).toBe('Nội dung nhiệm vụ');
    expect(ws.getRow(2).values).toEqual(expect.arrayContaining(['125/TB-UBND', '15/03/2021', 'Rà soát, công bố thủ tục hành chính lĩnh vực đất đai', a.wardACommittee.name, a.homeAffairs.name, '08/06/2021', 'Chưa thực hiện', 'Quá hạn (5 ngày làm việc)']));
    expect(ws.rowCount).toBe(4);
  });

  it('imports an .xlsx as a job: row-level errors write nothing, a dry run writes nothing, then every task with its audit and notice', async () => {
    const { a, c } = await setUp();
    const header = ['TT', 'Số, ký hiệu văn bản', 'Ngày văn bản', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời hạn'];
    const workbook = async (rows: unknown[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Danh mục');
      ws.addRow(header);
      rows.forEach((r) => ws.addRow(r));
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const upload = (client: Client, data: Buffer, dryRun = false, assigning = a.townCommittee.id) =>
      client.request({ method: 'POST', url: `/api/assigned-tasks/imports?assigningAgencyId=${assigning}&dryRun=${dryRun}`, ...multipart([{ name: 'file', filename: 'nhiem-vu.xlsx', contentType: XLSX, data }]) });
    const follow = async (client: Client, id: string) => {
      await t.drain();
      return (await client.get(`/api/assigned-task-imports/${id}`)).json() as TaskImport;
    };
    const wardA = a.wardACommittee.name.toUpperCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/Đ/g, 'D');
    const good = [
      [1, '15/KL-UBND', '10/05/2021', 'Niêm yết công khai thủ tục hành chính tại Bộ phận Một cửa', wardA, `Phòng Nội vụ ${a.tag}`, '30/06/2021'],
      [2, '15/KL-UBND', new Date(Date.UTC(2021, 4, 10)), 'Báo cáo kết quả số hóa hồ sơ', a.homeAffairs.code, '', '10 ngày làm việc'],
    ];
    const bad = await workbook([
      ...good,
      [3, '16/KL-UBND', '31/02/2021', 'Ngày sai', a.wardACommittee.name, '', ''],
      [4, '16/KL-UBND', '01/06/2021', '', a.wardACommittee.name, '', ''],
      [5, '16/KL-UBND', '01/06/2021', 'Cơ quan lạ', 'UBND phường Không Có', '', ''],
      [6, '15/KL-UBND', '10/05/2021', 'Niêm yết công khai thủ tục hành chính tại Bộ phận Một cửa', a.wardACommittee.name, '', ''],
      [7, '16/KL-UBND', '01/06/2021', 'Hạn trước văn bản', a.wardACommittee.name, '', '01/05/2021'],
      // Every error of a row in one pass: the required and date errors with the unknown agencies.
      [8, '', '32/13/2021', 'Nhiều lỗi', 'UBND xã Không Có', 'Phòng Không Có', 'sớm'],
    ]);
    expect((await upload(c.unitOfficerA, bad)).statusCode).toBe(403);
    expect((await upload(c.leader, bad)).statusCode).toBe(403);
    const other = await makeAuthority(t.database.db);
    expect((await upload(c.secretariat, bad, false, other.townCommittee.id)).json().invalidParams[0]).toMatchObject({ name: 'query.assigningAgencyId', code: 'out_of_scope' });
    expect((await upload(c.secretariat, Buffer.from('not a workbook'))).statusCode).toBe(415);

    const rejected = await upload(c.secretariat, bad);
    expect(rejected.statusCode).toBe(202);
    const outcome = await follow(c.secretariat, rejected.json().id);
    expect(outcome.status).toBe('rejected');
    expect(outcome.errors.map((e) => [e.row, e.code, e.column])).toEqual([
      [4, 'invalid_date', 'Ngày văn bản'],
      [5, 'required', 'Nội dung nhiệm vụ'],
      [6, 'unknown_agency', 'Cơ quan chủ trì'],
      [7, 'duplicate_in_file', 'Nội dung nhiệm vụ'],
      [8, 'before_source_date', 'Thời hạn'],
      [9, 'required', 'Số, ký hiệu văn bản'],
      [9, 'invalid_date', 'Ngày văn bản'],
      [9, 'invalid_date', 'Thời hạn'],
      [9, 'unknown_agency', 'Cơ quan chủ trì'],
      [9, 'unknown_agency', 'Cơ quan phối hợp'],
    ]);
    const count = async () => (await c.secretariat.get(`/api/assigned-tasks?assigningAgencyId=${a.townCommittee.id}`)).json().total as number;
    expect(await count()).toBe(0);
    // Someone else's import is not theirs to follow.
    expect((await c.leader.get(`/api/assigned-task-imports/${rejected.json().id}`)).statusCode).toBe(404);

    const dry = await follow(c.secretariat, (await upload(c.secretariat, await workbook(good), true)).json().id);
    expect(dry).toMatchObject({ status: 'done', dryRun: true, errors: [], summary: { rows: 2, tasks: 2 } });
    expect(await count()).toBe(0);

    const done = await follow(c.secretariat, (await upload(c.secretariat, await workbook(good))).json().id);
    expect(done).toMatchObject({ status: 'done', summary: { rows: 2, tasks: 2 } });
    const items = (await c.secretariat.get(`/api/assigned-tasks?assigningAgencyId=${a.townCommittee.id}`)).json().items as AssignedTask[];
    expect(items.map((i) => [i.sourceNumber, i.sourceDate, i.ownerAgencyName, i.coOwners.map((o) => o.name), i.deadline])).toEqual([
      ['15/KL-UBND', '2021-05-10', a.homeAffairs.name, [], '2021-05-24'],
      ['15/KL-UBND', '2021-05-10', a.wardACommittee.name, [a.homeAffairs.name], '2021-06-30'],
    ]);
    expect(await kindsFor(c.unitOfficerA, items[1].id)).toEqual(['assigned_task.assigned']);
    const events = await queryRows<{ action: string; actor_id: string }>(t.database.db, sql`select action, actor_id from audit_event where entity_id = ${items[0].id}`);
    expect(events).toEqual([{ action: 'assigned_task.imported', actor_id: c.secretariat.userId }]);

    // The row cap: refused before any row is checked.
    const tooMany = await follow(c.secretariat, (await upload(c.secretariat, await workbook(Array.from({ length: 1001 }, (_, i) => [i + 1, `${i}/KL`, '01/06/2021', `Việc ${i}`, a.homeAffairs.code, '', ''])))).json().id);
    expect(tooMany.errors).toEqual([expect.objectContaining({ code: 'too_many_rows', params: { max: 1000 } })]);
    const template = await c.secretariat.get('/api/assigned-tasks/import-template.xlsx');
    expect(template.statusCode).toBe(200);
    expect((await c.unitOfficerA.get('/api/assigned-tasks/import-template.xlsx')).statusCode).toBe(403);
  });

  it('reminds the owner before the deadline in working days and flags overdue tasks to the owner and the office, once', async () => {
    const { c, body } = await setUp();
    const soon = (await c.secretariat.post('/api/assigned-tasks', body({ deadline: '2021-06-18' }))).json() as AssignedTask;
    const late = (await c.secretariat.post('/api/assigned-tasks', body({ content: 'Báo cáo kết quả kiểm soát thủ tục hành chính', deadline: '2021-06-11' }))).json() as AssignedTask;
    const far = (await c.secretariat.post('/api/assigned-tasks', body({ content: 'Tổng kết', deadline: '2021-07-30' }))).json() as AssignedTask;
    const runDaily = async (day: string) => {
      await t.database.db.transaction((tx) => enqueueJob(tx, taskRemindersJob, { day }));
      await t.drain();
    };
    await runDaily('2021-06-15');
    await runDaily('2021-06-15');
    expect(await kindsFor(c.unitOfficerA, soon.id)).toEqual(['assigned_task.assigned', 'assigned_task.deadline']);
    expect(await kindsFor(c.unitOfficerA, late.id)).toEqual(['assigned_task.assigned', 'assigned_task.deadline']);
    expect(await kindsFor(c.secretariat, late.id)).toEqual(['assigned_task.deadline']);
    expect(await kindsFor(c.secretariat, soon.id)).toEqual([]);
    expect(await kindsFor(c.unitOfficerA, far.id)).toEqual(['assigned_task.assigned']);
    const [params] = await t.database.db.select({ params: notification.params }).from(notification).where(and(eq(notification.subjectId, late.id), eq(notification.recipientId, c.secretariat.userId)));
    expect(params.params).toMatchObject({ when: 'overdue', workingDays: 2, deadline: '2021-06-11' });
    // A Saturday sends nothing.
    await runDaily('2021-06-19');
    expect((await kindsFor(c.unitOfficerA, soon.id)).length).toBe(2);
  });
});
