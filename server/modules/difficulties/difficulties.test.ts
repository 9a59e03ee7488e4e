import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Difficulty, DifficultyDetail, ReformArea } from '../../../shared/api/difficulties.schemas.js';
import { officialCalendar } from '../../../shared/domain/calendar/index.js';
import { ManualClock } from '../../clock.js';
import { queryRows } from '../../db/client.js';
import { readListWorkbook } from '../../documents/list-workbook.test-support.js';
import { sampleExe, samplePdf } from '../../files/sample-files.js';
import { actorOf, makeAuthority, makeUser, signInAuthority, TEST_PASSWORD } from '../../test/factories.js';
import { createTestApp, signIn, type Client, type TestApp } from '../../test/harness.js';
import { multipart } from '../../test/multipart.js';
import { listDifficultiesForYear } from './difficulties-for-report.js';

// 09:00 on Tuesday 15/6/2021 in Việt Nam.
const clock = new ManualClock('2021-06-15T02:00:00Z');
let t: TestApp;
let areas: ReformArea[];
beforeAll(async () => {
  t = await createTestApp({ clock, env: { PAR_MAX_FILE_MB: '1' } });
});
afterAll(() => t.close());

const kindsFor = async (userId: string, subjectId: string) =>
  (await queryRows<{ kind: string }>(t.database.db, sql`select kind from notification where recipient_id = ${userId} and subject_id = ${subjectId} order by created_at`)).map((n) => n.kind);
const upload = (client: Client, id: string, purpose: string, data: Buffer, filename: string) =>
  client.request({ method: 'POST', url: `/api/files?ownerType=difficulty&ownerId=${id}&purpose=${purpose}`, ...multipart([{ name: 'file', filename, contentType: 'application/octet-stream', data }]) });

async function setUp() {
  clock.set('2021-06-15T02:00:00Z');
  const a = await makeAuthority(t.database.db);
  const c = await signInAuthority(t.app, a);
  const officerB = await signIn(t.app, (await makeUser(t.database.db, [{ role: 'unit_officer', agencyId: a.wardBCommittee.id }], 'Đầu mối phường B')).username, TEST_PASSWORD);
  areas ??= (await c.unitOfficerA.get('/api/reform-areas')).json().items;
  const area = (code: string) => areas.find((x) => x.code === code)!.id;
  const body = (over: Record<string, unknown> = {}) => ({
    agencyId: a.wardACommittee.id,
    reformAreaId: area('chinh_quyen_so'),
    title: 'Thiếu máy scan để số hóa hồ sơ, kết quả giải quyết thủ tục hành chính',
    body: 'Bộ phận Một cửa phường chỉ có 01 máy scan cũ; đề nghị UBND thị xã hỗ trợ kinh phí mua sắm.',
    ...over,
  });
  return { a, c, officerB, body, area };
}

describe('difficulties raised to the committee', () => {
  it('has the reform areas as data', async () => {
    const { c } = await setUp();
    const res = (await c.leader.get('/api/reform-areas')).json().items as ReformArea[];
    expect(res.map((x) => x.code)).toEqual(['chi_dao_dieu_hanh', 'the_che', 'thu_tuc_hanh_chinh', 'to_chuc_bo_may', 'che_do_cong_vu', 'tai_chinh_cong', 'chinh_quyen_so']);
  });

  it('is raised by a unit for itself only; the office forwards it to a leader who answers; the unit sees the answer and closes it; every refusal', async () => {
    const { a, c, officerB, body } = await setUp();
    const raised = await c.unitOfficerA.post('/api/difficulties', body());
    expect(raised.statusCode, raised.body).toBe(201);
    const d = raised.json() as DifficultyDetail;
    expect(d).toMatchObject({ agencyName: a.wardACommittee.name, reformAreaName: 'Xây dựng và phát triển chính quyền điện tử, chính quyền số', status: 'raised', raisedOn: '2021-06-15', raisedByName: 'Đầu mối phường A', waitingWorkingDays: 0, abilities: { moves: [], attach: true }, forwardTargets: [] });
    expect(await kindsFor(a.users.secretariat.id, d.id)).toEqual(['difficulty.raised']);

    // Another unit: neither the difficulty nor the agency exists for it; nor for the raising unit acting for another.
    expect((await officerB.post('/api/difficulties', body())).statusCode).toBe(404);
    expect((await c.unitOfficerA.post('/api/difficulties', body({ agencyId: a.wardBCommittee.id }))).statusCode).toBe(404);
    expect((await officerB.get(`/api/difficulties/${d.id}`)).statusCode).toBe(404);
    expect((await officerB.post(`/api/difficulties/${d.id}/close`, { version: 1 })).statusCode).toBe(404);
    for (const role of ['secretariat', 'leader', 'inspector', 'admin'] as const) expect((await c[role].post('/api/difficulties', body())).statusCode).toBe(403);
    expect((await c.unitOfficerA.post('/api/difficulties', body({ reformAreaId: a.wardACommittee.id }))).json().invalidParams[0]).toMatchObject({ name: 'body.reformAreaId', code: 'not_found' });
    expect((await c.unitOfficerA.post('/api/difficulties', body({ title: '' }))).json().invalidParams[0]).toMatchObject({ name: 'body.title', code: 'too_small' });

    // The unit never answers or forwards its own difficulty; the inspector and admin only read.
    expect((await c.unitOfficerA.post(`/api/difficulties/${d.id}/answer`, { version: 1, answer: 'Tự trả lời' })).statusCode).toBe(403);
    expect((await c.unitOfficerA.post(`/api/difficulties/${d.id}/forward`, { version: 1, leaderUserId: a.users.leader.id })).statusCode).toBe(403);
    expect((await c.inspector.post(`/api/difficulties/${d.id}/answer`, { version: 1, answer: 'x' })).statusCode).toBe(403);
    expect((await c.unitOfficerA.post(`/api/difficulties/${d.id}/close`, { version: 1 })).json().code).toBe('INVALID_TRANSITION');

    const office = (await c.secretariat.get(`/api/difficulties/${d.id}`)).json() as DifficultyDetail;
    expect(office.abilities.moves).toEqual(['forward', 'answer']);
    expect(office.forwardTargets).toEqual([{ userId: a.users.leader.id, fullName: 'Lãnh đạo' }]);
    expect((await c.secretariat.post(`/api/difficulties/${d.id}/forward`, { version: 1, leaderUserId: a.users.unitOfficerA.id })).json().invalidParams[0]).toMatchObject({ name: 'body.leaderUserId', code: 'not_a_leader' });
    clock.set('2021-06-16T02:00:00Z');
    const forwarded = await c.secretariat.post(`/api/difficulties/${d.id}/forward`, { version: 1, leaderUserId: a.users.leader.id, note: 'Đề nghị đồng chí Phó Chủ tịch cho ý kiến.' });
    expect(forwarded.statusCode, forwarded.body).toBe(200);
    expect(forwarded.json()).toMatchObject({ status: 'forwarded', forwardedToName: 'Lãnh đạo', forwardedOn: '2021-06-16', version: 2, abilities: { moves: [] } });
    expect(await kindsFor(a.users.leader.id, d.id)).toEqual(['difficulty.forwarded']);
    // Forwarded: the leader answers, not the office; a stale version is 409.
    expect((await c.secretariat.post(`/api/difficulties/${d.id}/answer`, { version: 2, answer: 'x' })).json().code).toBe('INVALID_TRANSITION');
    expect((await c.leader.post(`/api/difficulties/${d.id}/answer`, { version: 1, answer: 'x' })).json().code).toBe('VERSION_CONFLICT');

    // Answered on Tuesday 22/6/2021: five working days after Tuesday 15/6.
    clock.set('2021-06-22T02:00:00Z');
    const answered = await c.leader.post(`/api/difficulties/${d.id}/answer`, { version: 2, answer: 'Giao Phòng Tài chính – Kế hoạch bố trí kinh phí mua 01 máy scan trong quý III/2021.' });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({ status: 'answered', answeredByName: 'Lãnh đạo', answeredOn: '2021-06-22', responseWorkingDays: 5, waitingWorkingDays: null });
    expect(officialCalendar.workingDaysBetween('2021-06-15', '2021-06-22')).toBe(5);
    expect(await kindsFor(a.users.unitOfficerA.id, d.id)).toEqual(['difficulty.answered']);
    expect((await c.leader.post(`/api/difficulties/${d.id}/answer`, { version: 3, answer: 'again' })).json().code).toBe('INVALID_TRANSITION');

    const seen = (await c.unitOfficerA.get(`/api/difficulties/${d.id}`)).json() as DifficultyDetail;
    expect(seen).toMatchObject({ answer: 'Giao Phòng Tài chính – Kế hoạch bố trí kinh phí mua 01 máy scan trong quý III/2021.', abilities: { moves: ['close'] } });
    expect((await c.unitOfficerA.post(`/api/difficulties/${d.id}/close`, { version: 3 })).json()).toMatchObject({ status: 'closed', closedOn: '2021-06-22', version: 4 });

    const events = await queryRows<{ action: string }>(t.database.db, sql`select action from audit_event where entity_id = ${d.id} order by id`);
    expect(events.map((e) => e.action)).toEqual(['difficulty.raised', 'difficulty.forwarded', 'difficulty.answered', 'difficulty.closed']);
    const other = await signInAuthority(t.app, await makeAuthority(t.database.db));
    expect((await other.secretariat.get(`/api/difficulties/${d.id}`)).statusCode).toBe(404);
    expect((await other.secretariat.post(`/api/difficulties/${d.id}/close`, { version: 4 })).statusCode).toBe(404);
  });

  it('is answered by the office directly, never by the one who raised it', async () => {
    const { a, c, body } = await setUp();
    const d = (await c.unitOfficerA.post('/api/difficulties', body())).json() as DifficultyDetail;
    clock.set('2021-06-17T02:00:00Z');
    expect((await c.secretariat.post(`/api/difficulties/${d.id}/answer`, { version: 1, answer: 'Phòng Nội vụ hướng dẫn: …' })).json()).toMatchObject({ status: 'answered', responseWorkingDays: 2 });
    // One person both unit officer of ward A and member of the office raises a difficulty: they may not answer it.
    const both = await makeUser(t.database.db, [{ role: 'unit_officer', agencyId: a.wardACommittee.id }, { role: 'secretariat', agencyId: a.homeAffairs.id }], 'Kiêm nhiệm');
    const bothC = await signIn(t.app, both.username, TEST_PASSWORD);
    const own = (await bothC.post('/api/difficulties', body())).json() as DifficultyDetail;
    expect(own.abilities.moves).toEqual(['forward']);
    expect((await bothC.post(`/api/difficulties/${own.id}/answer`, { version: 1, answer: 'Tự trả lời' })).statusCode).toBe(403);
    expect((await c.secretariat.post(`/api/difficulties/${own.id}/answer`, { version: 1, answer: 'Trả lời' })).statusCode).toBe(200);
  });

  it('takes the unit’s files through the files module: oversized and disguised files refused, only the unit attaches while raised', async () => {
    const { c, officerB, body } = await setUp();
    const d = (await c.unitOfficerA.post('/api/difficulties', body())).json() as DifficultyDetail;
    expect((await upload(c.unitOfficerA, d.id, 'attachment', samplePdf('Tờ trình'), 'to-trinh.pdf')).statusCode).toBe(201);
    const big = Buffer.concat([samplePdf('big'), Buffer.alloc(1024 * 1024 + 10, 0x20)]);
    for (const [data, name, code] of [
      [big, 'ho-so.pdf', 'file_too_large'],
      [sampleExe(), 'ho-so.pdf', 'file_type_not_allowed'],
    ] as const) {
      const res = await upload(c.unitOfficerA, d.id, 'attachment', data, name);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().invalidParams[0]).toMatchObject({ name: 'file', code });
    }
    expect((await upload(c.secretariat, d.id, 'attachment', samplePdf('x'), 'x.pdf')).statusCode).toBe(403);
    expect((await upload(officerB, d.id, 'attachment', samplePdf('x'), 'x.pdf')).statusCode).toBe(404);
    expect((await upload(c.secretariat, d.id, 'answer_attachment', samplePdf('Công văn trả lời'), 'tra-loi.pdf')).statusCode).toBe(201);
    expect((await c.leader.get(`/api/files?ownerType=difficulty&ownerId=${d.id}`)).json().items).toHaveLength(2);
  });

  it('lists with filters and diacritic-insensitive search, scoped; exports .xlsx; gives the results report a year with response times', async () => {
    const { a, c, officerB, body, area } = await setUp();
    const d1 = (await c.unitOfficerA.post('/api/difficulties', body())).json() as Difficulty;
    const d2 = (await officerB.post('/api/difficulties', body({ agencyId: a.wardBCommittee.id, reformAreaId: area('thu_tuc_hanh_chinh'), title: 'Vướng mắc giải phóng mặt bằng', body: 'Chưa có hướng dẫn về trình tự thu hồi đất.' }))).json() as Difficulty;
    clock.set('2021-06-18T02:00:00Z');
    await c.secretariat.post(`/api/difficulties/${d1.id}/answer`, { version: 1, answer: 'Đã bố trí kinh phí.' });

    const list = async (client: Client, q: string) => ((await client.get(`/api/difficulties?${q}`)).json() as { items: Difficulty[]; total: number; counts: { open: number; answered: number; averageResponseWorkingDays: number | null } });
    const mine = `agencyId=`;
    expect((await list(officerB, 'year=2021')).items.map((d) => d.id)).toEqual([d2.id]);
    const all = await list(c.secretariat, 'year=2021');
    expect(all.items.map((d) => d.id)).toEqual([d2.id, d1.id]);
    expect(all.counts).toEqual({ open: 1, answered: 1, averageResponseWorkingDays: 3 });
    expect(all.items[0].waitingWorkingDays).toBe(3);
    // Still open in a later year: no count across the seasons (the demo's 2021 one read 1,300 days).
    clock.set('2022-03-01T02:00:00Z');
    expect((await list(c.secretariat, 'year=2021')).items[0]).toMatchObject({ id: d2.id, status: 'raised', waitingWorkingDays: null });
    clock.set('2021-06-18T02:00:00Z');
    expect((await list(c.secretariat, 'q=MAT%20BANG')).items.map((d) => d.id)).toEqual([d2.id]);
    expect((await list(c.secretariat, 'q=may%20scan')).items.map((d) => d.id)).toEqual([d1.id]);
    expect((await list(c.secretariat, 'status=answered')).items.map((d) => d.id)).toEqual([d1.id]);
    expect((await list(c.secretariat, `reformAreaId=${area('thu_tuc_hanh_chinh')}`)).items.map((d) => d.id)).toEqual([d2.id]);
    expect((await list(c.secretariat, `${mine}${a.wardBCommittee.id}`)).total).toBe(1);
    expect((await list(c.secretariat, 'year=2020')).total).toBe(0);
    expect((await c.secretariat.get('/api/difficulties?status=lost')).statusCode).toBe(400);
    expect((await list(c.secretariat, `unitId=${a.wardB.id}`)).items.map((d) => d.id)).toEqual([d2.id]);
    // A unit out of reach as a filter is not found, in the list and its export (issue 12 review #4: was 200 []).
    const elsewhere = await makeAuthority(t.database.db);
    for (const path of [`/api/difficulties?unitId=${elsewhere.wardA.id}`, `/api/difficulties/export.xlsx?unitId=${elsewhere.wardA.id}`, `/api/difficulties?unitId=${crypto.randomUUID()}`]) {
      const res = await c.secretariat.get(path);
      expect(res.statusCode, path).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    }
    // A ward's officer filters by their own ward, or by the town it lies in.
    expect((await list(officerB, `unitId=${a.town.id}`)).items.map((d) => d.id)).toEqual([d2.id]);
    // So is an agency out of reach (was 200 []): another authority's, a neighbouring ward's for a ward's officer, an unknown id.
    for (const [client, path] of [
      [c.secretariat, `/api/difficulties?agencyId=${elsewhere.wardACommittee.id}`],
      [c.secretariat, `/api/difficulties/export.xlsx?agencyId=${elsewhere.wardACommittee.id}`],
      [officerB, `/api/difficulties?agencyId=${a.wardACommittee.id}`],
      [c.secretariat, `/api/difficulties?agencyId=${crypto.randomUUID()}`],
    ] as const) {
      const res = await client.get(path);
      expect(res.statusCode, path).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    }
    // An agency in reach keeps its rows: the office's filter, and a ward's officer on their own committee.
    expect((await list(c.secretariat, `agencyId=${a.wardACommittee.id}`)).items.map((d) => d.id)).toEqual([d1.id]);
    expect((await list(officerB, `agencyId=${a.wardBCommittee.id}`)).items.map((d) => d.id)).toEqual([d2.id]);

    // Through the shared list builder, like the other list exports: a title row naming scope and filters (issue 12 review #6).
    const exported = await c.secretariat.get('/api/difficulties/export.xlsx?year=2021&state=answered');
    expect(exported.statusCode).toBe(200);
    const book = await readListWorkbook(exported.rawPayload);
    expect(book.title).toBe(`Khó khăn, vướng mắc của các đơn vị — Phạm vi: ${a.homeAffairs.name}; Năm: 2021; Tình trạng: Đã trả lời`);
    expect(book.headers[4]).toBe('Nội dung khó khăn, vướng mắc');
    expect(book.rows).toHaveLength(1);
    expect(book.rows[0]).toEqual(expect.arrayContaining(['2021-06-15', 'Đã trả lời', '2021-06-18', 3]));
    expect(book.formats[0][1]).toBe('dd/mm/yyyy');
    const byUnit = await readListWorkbook((await c.secretariat.get(`/api/difficulties/export.xlsx?year=2021&unitId=${a.wardB.id}`)).rawPayload);
    expect(byUnit.title).toBe(`Khó khăn, vướng mắc của các đơn vị — Phạm vi: ${a.wardB.name}; Năm: 2021`);
    expect(byUnit.rows.map((r) => r[4])).toEqual(['Vướng mắc giải phóng mặt bằng']);

    const forReport = await listDifficultiesForYear(t.database.db, await actorOf(t.database.db, a.users.secretariat), { today: '2021-06-18', calendar: officialCalendar }, 2021);
    expect(forReport.map((r) => [r.title.slice(0, 12), r.open, r.responseWorkingDays])).toEqual([
      ['Thiếu máy sc', false, 3],
      ['Vướng mắc gi', true, 3],
    ]);
  });
});
