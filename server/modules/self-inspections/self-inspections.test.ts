import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SelfInspection, SelfInspectionOverview } from '../../../shared/api/self-inspections.schemas.js';
import { ManualClock } from '../../clock.js';
import { queryRows } from '../../db/client.js';
import { sampleExe, samplePdf } from '../../files/sample-files.js';
import { makeAuthority, makeUser, signInAuthority, TEST_PASSWORD } from '../../test/factories.js';
import { createTestApp, signIn, type Client, type TestApp } from '../../test/harness.js';
import { multipart } from '../../test/multipart.js';
import { publishedTemplate, sampleBody } from '../reports/test-support.js';

// 09:00 on Tuesday 15/6/2021 in Việt Nam.
const clock = new ManualClock('2021-06-15T02:00:00Z');
let t: TestApp;
beforeAll(async () => {
  // A 1 MB limit, so an oversized file is small enough to send in a test.
  t = await createTestApp({ clock, env: { PAR_MAX_FILE_MB: '1' } });
});
afterAll(() => t.close());

const planBody = (agencyId: string, over: Record<string, unknown> = {}) => ({
  agencyId,
  year: 2021,
  documentNumber: '12/KH-UBND',
  issuedOn: '2021-02-05',
  content: 'Tự kiểm tra việc niêm yết, giải quyết thủ tục hành chính; kỷ luật, kỷ cương hành chính tại Bộ phận Một cửa.',
  scope: 'Bộ phận Tiếp nhận và Trả kết quả; công chức địa chính, tư pháp – hộ tịch.',
  startsOn: '2021-05-03',
  endsOn: '2021-11-30',
  ...over,
});
const resultsBody = (version: number, over: Record<string, unknown> = {}) => ({
  version,
  resultsOn: '2021-06-14',
  inspectedCount: 4,
  shortcomingCount: 3,
  fixedCount: 2,
  findings: 'Còn 02 thủ tục niêm yết chưa cập nhật; 01 hồ sơ đất đai trễ hạn chưa có thư xin lỗi.',
  remedies: 'Đã cập nhật niêm yết; giao công chức địa chính gửi thư xin lỗi.',
  ...over,
});

function upload(client: Client, id: string, purpose: string, data: Buffer, filename: string) {
  return client.request({ method: 'POST', url: `/api/files?ownerType=self_inspection&ownerId=${id}&purpose=${purpose}`, ...multipart([{ name: 'file', filename, contentType: 'application/octet-stream', data }]) });
}

async function setUp() {
  const a = await makeAuthority(t.database.db);
  const c = await signInAuthority(t.app, a);
  const officerB = await signIn(t.app, (await makeUser(t.database.db, [{ role: 'unit_officer', agencyId: a.wardBCommittee.id }], 'Đầu mối phường B')).username, TEST_PASSWORD);
  return { a, c, officerB };
}

describe("the units' self-inspection", () => {
  it('is planned by the unit for its own agency only, refused with field codes, corrected with versions, audited; the office is told', async () => {
    const { a, c, officerB } = await setUp();
    const created = await c.unitOfficerA.post('/api/self-inspections', planBody(a.wardACommittee.id));
    expect(created.statusCode, created.body).toBe(201);
    const plan = created.json() as SelfInspection;
    expect(plan).toMatchObject({ agencyName: a.wardACommittee.name, year: 2021, status: 'planned', abilities: { update: true, recordResults: true }, planDocumentCount: 0, version: 1 });

    // Another unit's officer: the plan and the agency do not exist for them.
    expect((await officerB.get(`/api/self-inspections/${plan.id}`)).statusCode).toBe(404);
    expect((await officerB.post('/api/self-inspections', planBody(a.wardACommittee.id, { year: 2022, startsOn: '2022-05-03', endsOn: '2022-06-01', issuedOn: null }))).statusCode).toBe(404);
    expect((await officerB.patch(`/api/self-inspections/${plan.id}`, { version: 1, content: 'x' })).statusCode).toBe(404);
    expect((await c.unitOfficerA.post('/api/self-inspections', planBody(a.wardBCommittee.id))).statusCode).toBe(404);
    // The office and the others read but never write.
    for (const role of ['secretariat', 'leader', 'inspector', 'admin'] as const) {
      expect((await c[role].post('/api/self-inspections', planBody(a.wardACommittee.id))).statusCode).toBe(403);
      expect((await c[role].get(`/api/self-inspections/${plan.id}`)).json()).toMatchObject({ id: plan.id, abilities: { update: false } });
      expect((await c[role].patch(`/api/self-inspections/${plan.id}`, { version: 1, content: 'x' })).statusCode).toBe(403);
    }
    expect((await c.unitOfficerA.post('/api/self-inspections', planBody(a.wardACommittee.id))).json().code).toBe('DUPLICATE');
    const refusals: [Record<string, unknown>, string, string][] = [
      [{ year: 2022 }, 'body.startsOn', 'outside_year'],
      [{ year: 2022, startsOn: '2022-05-01', endsOn: '2023-01-10' }, 'body.endsOn', 'outside_year'],
      [{ year: 2022, startsOn: '2022-05-01', endsOn: '2022-04-10', issuedOn: null }, 'body.endsOn', 'before_start'],
      [{ year: 2022, startsOn: '2022-05-01', endsOn: '2022-06-10', issuedOn: '2023-01-02' }, 'body.issuedOn', 'outside_year'],
      [{ year: 2022, content: '' }, 'body.content', 'too_small'],
      [{ year: 2022, startsOn: '2022-02-30' }, 'body.startsOn', 'invalid_date'],
    ];
    for (const [over, name, code] of refusals) {
      const res = await c.unitOfficerA.post('/api/self-inspections', planBody(a.wardACommittee.id, over));
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(res.json().invalidParams[0], JSON.stringify(over)).toMatchObject({ name, code });
    }

    const edited = await c.unitOfficerA.patch(`/api/self-inspections/${plan.id}`, { version: 1, endsOn: '2021-12-15', documentNumber: '15/KH-UBND' });
    expect(edited.json()).toMatchObject({ endsOn: '2021-12-15', documentNumber: '15/KH-UBND', version: 2 });
    expect((await c.unitOfficerA.patch(`/api/self-inspections/${plan.id}`, { version: 1, content: 'Cũ' })).json().code).toBe('VERSION_CONFLICT');
    expect((await c.unitOfficerA.patch(`/api/self-inspections/${plan.id}`, { version: 2, endsOn: '2021-04-01' })).json().invalidParams[0]).toMatchObject({ name: 'body.endsOn', code: 'before_start' });

    const kinds = await queryRows<{ kind: string }>(t.database.db, sql`select kind from notification where recipient_id = ${a.users.secretariat.id} and subject_id = ${plan.id}`);
    expect(kinds.map((k) => k.kind)).toEqual(['self_inspection.recorded']);
    const events = await queryRows<{ action: string }>(t.database.db, sql`select action from audit_event where entity_id = ${plan.id} order by id`);
    expect(events.map((e) => e.action)).toEqual(['self_inspection.created', 'self_inspection.updated']);
  });

  it('takes the plan document through the files module: the unit attaches, the office reads, oversized and disguised files are refused', async () => {
    const { a, c, officerB } = await setUp();
    const plan = (await c.unitOfficerA.post('/api/self-inspections', planBody(a.wardACommittee.id))).json() as SelfInspection;
    const ok = await upload(c.unitOfficerA, plan.id, 'plan_document', samplePdf('Kế hoạch tự kiểm tra'), 'Kế hoạch tự kiểm tra 2021.pdf');
    expect(ok.statusCode, ok.body).toBe(201);
    expect((await c.secretariat.get(`/api/self-inspections/${plan.id}`)).json().planDocumentCount).toBe(1);
    expect((await c.secretariat.get(`/api/files?ownerType=self_inspection&ownerId=${plan.id}`)).json().items).toHaveLength(1);
    expect((await c.secretariat.get(`/api/files/${ok.json().id}`)).statusCode).toBe(200);
    // One plan document; the office may not attach; another unit does not see it.
    expect((await upload(c.unitOfficerA, plan.id, 'plan_document', samplePdf('again'), 'lan-2.pdf')).json().invalidParams[0].code).toBe('too_many_files');
    expect((await upload(c.secretariat, plan.id, 'results_document', samplePdf('x'), 'x.pdf')).statusCode).toBe(403);
    expect((await upload(officerB, plan.id, 'results_document', samplePdf('x'), 'x.pdf')).statusCode).toBe(404);
    expect((await officerB.get(`/api/files/${ok.json().id}`)).statusCode).toBe(404);

    const big = Buffer.concat([samplePdf('big'), Buffer.alloc(1024 * 1024 + 10, 0x20)]);
    const cases: [Buffer, string, string][] = [
      [big, 'ket-qua.pdf', 'file_too_large'],
      [sampleExe(), 'ket-qua.pdf', 'file_type_not_allowed'],
    ];
    for (const [data, name, code] of cases) {
      const res = await upload(c.unitOfficerA, plan.id, 'results_document', data, name);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().invalidParams[0]).toMatchObject({ name: 'file', code });
    }
    expect((await c.unitOfficerA.get(`/api/files?ownerType=self_inspection&ownerId=${plan.id}&purpose=results_document`)).json().items).toHaveLength(0);
  });

  it('takes the results from the unit; the office sees which units have a plan and results and the roll-up of what they found', async () => {
    const { a, c, officerB } = await setUp();
    const planA = (await c.unitOfficerA.post('/api/self-inspections', planBody(a.wardACommittee.id))).json() as SelfInspection;
    const planB = (await officerB.post('/api/self-inspections', planBody(a.wardBCommittee.id, { documentNumber: null }))).json() as SelfInspection;
    const url = `/api/self-inspections/${planA.id}/results`;
    const refusals: [Record<string, unknown>, string, string][] = [
      [{ fixedCount: 5 }, 'body.fixedCount', 'more_than_found'],
      [{ resultsOn: '2021-06-16' }, 'body.resultsOn', 'date_in_future'],
      [{ resultsOn: '2021-04-01' }, 'body.resultsOn', 'before_start'],
      [{ inspectedCount: -1 }, 'body.inspectedCount', 'too_small'],
      [{ resultSubmissionId: planB.id }, 'body.resultSubmissionId', 'not_found'],
    ];
    for (const [over, name, code] of refusals) {
      const res = await c.unitOfficerA.put(url, resultsBody(1, over));
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(res.json().invalidParams[0], JSON.stringify(over)).toMatchObject({ name, code });
    }
    expect((await officerB.put(url, resultsBody(1))).statusCode).toBe(404);
    expect((await c.secretariat.put(url, resultsBody(1))).statusCode).toBe(403);
    const done = await c.unitOfficerA.put(url, resultsBody(1));
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'reported', resultsOn: '2021-06-14', inspectedCount: 4, shortcomingCount: 3, fixedCount: 2, version: 2 });
    expect((await c.unitOfficerA.put(url, resultsBody(1))).json().code).toBe('VERSION_CONFLICT');

    // A unit sees only its own; the office every unit in reach.
    expect(((await officerB.get('/api/self-inspections?year=2021')).json().items as SelfInspection[]).map((s) => s.id)).toEqual([planB.id]);
    expect(((await c.secretariat.get('/api/self-inspections?year=2021')).json().items as SelfInspection[]).map((s) => s.id).sort()).toEqual([planA.id, planB.id].sort());
    expect((await c.secretariat.get('/api/self-inspections?year=2021&status=reported')).json().items).toHaveLength(1);
    expect((await c.unitOfficerA.get('/api/self-inspections/overview?year=2021')).statusCode).toBe(403);

    const overview = (await c.secretariat.get('/api/self-inspections/overview?year=2021')).json() as SelfInspectionOverview;
    const byId = new Map(overview.units.map((u) => [u.agencyId, u]));
    expect(byId.get(a.wardACommittee.id)).toMatchObject({ hasPlan: true, hasResults: true, shortcomingCount: 3 });
    expect(byId.get(a.wardBCommittee.id)).toMatchObject({ hasPlan: true, hasResults: false });
    expect(byId.get(a.homeAffairs.id)).toMatchObject({ hasPlan: false, hasResults: false });
    // The town's own committee is the authority, not an inspected unit; another province is out of reach.
    expect(byId.has(a.townCommittee.id)).toBe(false);
    expect(overview.totals).toMatchObject({ withPlan: 2, withResults: 1, inspected: 4, shortcomings: 3, fixed: 2 });
    const other = await makeAuthority(t.database.db);
    const otherC = await signInAuthority(t.app, other);
    expect((await otherC.secretariat.get(`/api/self-inspections/${planA.id}`)).statusCode).toBe(404);
    expect((await otherC.secretariat.get('/api/self-inspections/overview?year=2021')).json().totals).toMatchObject({ withPlan: 0 });
  });

  it('links as results only the unit’s own report through a self-inspection template, about the plan’s year', async () => {
    const { a, c } = await setUp();
    const plan = (await c.unitOfficerA.post('/api/self-inspections', planBody(a.wardACommittee.id))).json() as SelfInspection;
    const body = { ...sampleBody(), attachments: [] };
    const selfTemplate = await publishedTemplate(c.secretariat, a.homeAffairs.id, body, 'self_inspection');
    const otherTemplate = await publishedTemplate(c.secretariat, a.homeAffairs.id, body, 'periodic');
    /** The ward A report of an issued request of the template, for a period. */
    async function reportOf(templateId: string, periodFrom: string | null, periodTo: string | null) {
      const draft = await c.secretariat.post('/api/report-requests', { kind: 'ad_hoc', ownerAgencyId: a.townCommittee.id, templateId, title: 'Báo cáo kết quả tự kiểm tra', dueOn: '2021-06-30', periodFrom, periodTo, targetAgencyIds: [a.wardACommittee.id] });
      expect(draft.statusCode, draft.body).toBe(201);
      const issued = await c.secretariat.post(`/api/report-requests/${draft.json().id}/issue`, { version: draft.json().version, issuedOn: '2021-06-15', signature: { position: 'TRƯỞNG PHÒNG', signerName: 'Nguyễn Văn Hùng' } });
      expect(issued.statusCode, issued.body).toBe(200);
      return ((await c.unitOfficerA.get(`/api/report-submissions?mine=true&requestId=${draft.json().id}`)).json().items as { id: string }[])[0].id;
    }
    const periodic = await reportOf(otherTemplate.id, '2021-03-15', '2021-06-14');
    const lastYear = await reportOf(selfTemplate.id, '2020-01-01', '2020-12-31');
    const right = await reportOf(selfTemplate.id, null, null);
    const url = `/api/self-inspections/${plan.id}/results`;
    for (const [id, code] of [
      [periodic, 'wrong_template'],
      [lastYear, 'outside_year'],
    ] as const) {
      const res = await c.unitOfficerA.put(url, resultsBody(1, { resultSubmissionId: id }));
      expect(res.statusCode, code).toBe(400);
      expect(res.json().invalidParams[0]).toMatchObject({ name: 'body.resultSubmissionId', code });
    }
    const ok = await c.unitOfficerA.put(url, resultsBody(1, { resultSubmissionId: right }));
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().resultSubmissionId).toBe(right);
  });
});
