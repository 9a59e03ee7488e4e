import ExcelJS from 'exceljs';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TaskImport } from '../../../shared/api/assigned-tasks.schemas.js';
import { scopeKeysOf } from '../../authz/scope-keys.js';
import { queryRows } from '../../db/client.js';
import { agency, appUser, assignedTask, assignedTaskCoOwner, emailOutbox, notification } from '../../db/schema/index.js';
import { makeAuthority, signInAuthority } from '../../test/factories.js';
import { createTestApp, type Client, type TestApp } from '../../test/harness.js';
import { multipart } from '../../test/multipart.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const header = ['TT', 'Số, ký hiệu văn bản', 'Ngày văn bản', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời hạn'];

async function workbook(rows: unknown[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh mục');
  ws.addRow(header);
  rows.forEach((r) => ws.addRow(r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function setUp() {
  const a = await makeAuthority(t.database.db);
  const c = await signInAuthority(t.app, a);
  const run = async (client: Client, rows: unknown[][], dryRun = false) => {
    const res = await client.request({ method: 'POST', url: `/api/assigned-tasks/imports?assigningAgencyId=${a.townCommittee.id}&dryRun=${dryRun}`, ...multipart([{ name: 'file', filename: 'nhiem-vu.xlsx', contentType: XLSX, data: await workbook(rows) }]) });
    expect(res.statusCode, res.body).toBe(202);
    await t.drain({ queues: ['assigned-tasks.import'] });
    return (await client.get(`/api/assigned-task-imports/${res.json().id}`)).json() as TaskImport;
  };
  const tasksOf = () => t.database.db.select().from(assignedTask).where(eq(assignedTask.assigningAgencyId, a.townCommittee.id));
  return { a, c, run, tasksOf };
}

describe('task import in sets', () => {
  it('names rows whose agencies lie outside the committee’s unit or are inactive, and tasks given twice in the file; writes nothing', async () => {
    const { a, c, run, tasksOf } = await setUp();
    const other = await makeAuthority(t.database.db);
    const closed = (await t.database.db.update(agency).set({ active: false }).where(eq(agency.id, a.wardBDesk.id)).returning())[0];
    const imp = await run(c.secretariat, [
      [1, '20/KL-UBND', '01/06/2021', 'Rà soát quy chế làm việc', a.homeAffairs.code, '', '30/06/2021'],
      // Another province's office, by code and by name: as unknown as a typo.
      [2, '20/KL-UBND', '01/06/2021', 'Việc của tỉnh khác', other.homeAffairs.code, '', ''],
      [3, '20/KL-UBND', '01/06/2021', 'Phối hợp với tỉnh khác', a.homeAffairs.code, other.wardACommittee.name, ''],
      // An office of the town no longer active.
      [4, '20/KL-UBND', '01/06/2021', 'Bộ phận đã giải thể', closed.code, '', ''],
      // The same number and content, written differently: the first row keeps it.
      [5, '20/kl-ubnd', '01/06/2021', 'RÀ SOÁT QUY CHẾ LÀM VIỆC.', a.wardACommittee.code, '', ''],
      [6, '20/KL-UBND', '01/06/2021', 'Rà soát quy chế làm việc', a.wardBCommittee.code, '', ''],
    ]);
    expect(imp.status).toBe('rejected');
    expect(imp.errors.map((e) => [e.row, e.code, e.column, e.params])).toEqual([
      [3, 'unknown_agency', 'Cơ quan chủ trì', {}],
      [4, 'unknown_agency', 'Cơ quan phối hợp', {}],
      [5, 'unknown_agency', 'Cơ quan chủ trì', {}],
      [6, 'duplicate_in_file', 'Nội dung nhiệm vụ', { first: 2 }],
      [7, 'duplicate_in_file', 'Nội dung nhiệm vụ', { first: 2 }],
    ]);
    expect(imp.summary).toEqual({ rows: 6, tasks: 1 });
    expect(await tasksOf()).toEqual([]);
    // Nothing of the other province was written or told either.
    expect(await t.database.db.select().from(assignedTask).where(eq(assignedTask.ownerAgencyId, other.homeAffairs.id))).toEqual([]);
  });

  it('writes many tasks at once as it would write each: co-owners in order without repeats, an audit event each scoped to its agencies, a notice and an e-mail per officer', async () => {
    const { a, c, run, tasksOf } = await setUp();
    await t.database.db.update(appUser).set({ email: sql`${appUser.username} || '@hoainhon.test'` }).where(eq(appUser.id, a.users.unitOfficerA.id));
    const rows = Array.from({ length: 60 }, (_, i) => [
      i + 1,
      `${30 + (i % 3)}/KL-UBND`,
      '10/05/2021',
      `Nhiệm vụ số ${i + 1}`,
      i % 2 ? a.wardACommittee.code : a.homeAffairs.name,
      // The owner named again and a co-owner twice: each agency once, the owner not among its co-owners.
      i % 2 ? `${a.homeAffairs.code}; ${a.wardACommittee.code}; ${a.homeAffairs.name}` : `${a.wardACommittee.name}; ${a.wardBCommittee.code}`,
      i % 3 ? '30/06/2021' : '10 ngày làm việc',
    ]);
    const dry = await run(c.secretariat, rows, true);
    expect(dry).toMatchObject({ status: 'done', errors: [], summary: { rows: 60, tasks: 60 } });
    expect(await tasksOf()).toEqual([]);

    const done = await run(c.secretariat, rows);
    expect(done).toMatchObject({ status: 'done', errors: [], summary: { rows: 60, tasks: 60 } });
    const tasks = await tasksOf();
    expect(tasks).toHaveLength(60);
    expect(new Set(tasks.map((x) => x.origin))).toEqual(new Set(['import']));
    const byContent = new Map(tasks.map((x) => [x.content, x]));
    const even = byContent.get('Nhiệm vụ số 1')!;
    const odd = byContent.get('Nhiệm vụ số 2')!;
    expect([even.ownerAgencyId, even.deadline, even.deadlineExplanation !== null]).toEqual([a.homeAffairs.id, '2021-05-24', true]);
    expect([odd.ownerAgencyId, odd.deadline]).toEqual([a.wardACommittee.id, '2021-06-30']);
    const coOwners = await t.database.db.select().from(assignedTaskCoOwner).where(inArray(assignedTaskCoOwner.taskId, [even.id, odd.id])).orderBy(assignedTaskCoOwner.position);
    expect(coOwners.filter((x) => x.taskId === even.id).map((x) => x.agencyId)).toEqual([a.wardACommittee.id, a.wardBCommittee.id]);
    expect(coOwners.filter((x) => x.taskId === odd.id).map((x) => x.agencyId)).toEqual([a.homeAffairs.id]);

    // An event each, by the requester, scoped to the committee, the owner and the co-owners.
    const events = await queryRows<{ entity_id: string; actor_id: string; scope: string[]; after: { importId: string; coOwnerAgencyIds: string[] } }>(
      t.database.db,
      sql`select entity_id, actor_id, scope, after from audit_event where action = 'assigned_task.imported' and after->>'importId' = ${done.id}`,
    );
    expect(events).toHaveLength(60);
    expect(new Set(events.map((e) => e.actor_id))).toEqual(new Set([c.secretariat.userId]));
    const ofEven = events.find((e) => e.entity_id === even.id)!;
    expect(ofEven.after.coOwnerAgencyIds).toEqual([a.wardACommittee.id, a.wardBCommittee.id]);
    // The same keys an event recorded for that task alone would have (recordAudit with its agencies).
    const places = await t.database.db.select({ unitPath: agency.unitPath, agencyPath: agency.path }).from(agency).where(inArray(agency.id, [a.townCommittee.id, a.homeAffairs.id, a.wardACommittee.id, a.wardBCommittee.id]));
    expect([...ofEven.scope].sort()).toEqual(scopeKeysOf(places));

    // Ward A's officer owns 30 tasks and supports the other 30: one notice each, with the role, and an e-mail each.
    const notices = await t.database.db.select().from(notification).where(and(eq(notification.recipientId, a.users.unitOfficerA.id), eq(notification.kind, 'assigned_task.assigned')));
    expect(notices).toHaveLength(60);
    expect(notices.find((n) => n.subjectId === odd.id)!.params).toMatchObject({ role: 'owner', sourceNumber: '31/KL-UBND' });
    expect(notices.find((n) => n.subjectId === even.id)!.params).toMatchObject({ role: 'co_owner' });
    const mails = await t.database.db.select().from(emailOutbox).where(inArray(emailOutbox.notificationId, notices.map((n) => n.id)));
    expect(mails).toHaveLength(60);
    await t.drain({ queues: ['notifications.send-email'] });
    // Each has its job: run, it finds no mail server configured and says so on the row.
    const after = await t.database.db.select({ status: emailOutbox.status }).from(emailOutbox).where(inArray(emailOutbox.id, mails.map((m) => m.id)));
    expect(after.map((m) => m.status)).toEqual(mails.map(() => 'disabled'));
  });
});
