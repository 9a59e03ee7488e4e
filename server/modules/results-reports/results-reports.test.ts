import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardDto } from '../../../shared/api/dashboard.schemas.js';
import type { ResultsReportDto } from '../../../shared/api/results-reports.schemas.js';
import { queryRows } from '../../db/client.js';
import { openDocx, plainText } from '../../documents/test-support.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { makeSeason, schedule, type Season } from '../inspections/inspections.test-support.js';
import { publishedFramework, saveFinal } from '../indices/test-support.js';
import type { FrameworkDetail } from '../../../shared/api/indices.schemas.js';

let t: TestApp;
let s: Season;
let f: FrameworkDetail;
beforeAll(async () => {
  t = await createTestApp();
  s = await makeSeason(t);
  await schedule(s.secretariat, { planId: s.plan.id, agencyId: s.a.wardACommittee.id, teamId: s.team1.id, kind: 'announced', startsOn: '2021-09-09' });
  await schedule(s.secretariat, { planId: s.plan.id, agencyId: s.a.wardBCommittee.id, teamId: s.team2.id, kind: 'announced', startsOn: '2021-09-10' });
  f = await publishedFramework(s.secretariat, s.a);
  await saveFinal(s.secretariat, f, s.a.wardB.id, 2021, { '1.1': 1.5, '1.2': 2.5, '2.1': 2, '2.2': 4 });
  await saveFinal(s.secretariat, f, s.a.wardA.id, 2021, { '1.1': 1.5, '1.2': 1, '2.1': 2, '2.2': 2 });
  await saveFinal(s.secretariat, f, s.a.wardA.id, 2020, { '1.1': 1.5, '1.2': 2.5, '2.1': 2, '2.2': 4 });
});
afterAll(() => t.close());

/** The figures the dashboard and the report share (the dashboard adds what the caller may pick). */
const shared = (d: DashboardDto | ResultsReportDto['figures']) => ({ year: d.year, unit: d.unit, level: d.level, inspections: d.inspections, indices: d.indices, sections: d.sections });

describe('the annual results report', () => {
  let report: ResultsReportDto;

  it('is drafted by the office with texts from the plan and the dashboard’s figures, equal to the leader’s dashboard', async () => {
    expect((await s.leader.post('/api/results-reports', { year: 2021 })).statusCode).toBe(403);
    const res = await s.secretariat.post('/api/results-reports', { year: 2021 });
    expect(res.statusCode, res.body).toBe(201);
    report = res.json();
    expect(report).toMatchObject({ issuingAgencyId: s.a.townCommittee.id, unitId: s.a.town.id, status: 'draft', number: null, abilities: { update: true, issue: false } });
    expect(report.content.organisation).toContain(`Thực hiện Kế hoạch số`);
    // Drafted from the data, not a fixed text: who was inspected and how, the best and weakest units with their figures, what followed.
    expect(report.content.organisation).toContain(`Các cơ quan, đơn vị được kiểm tra: kiểm tra có báo trước (2): ${s.a.wardACommittee.name}, ${s.a.wardBCommittee.name}.`);
    expect(report.content.strengths).toContain(`Chỉ số CCHC năm 2021 bình quân đạt 82,5% (2 đơn vị); các đơn vị dẫn đầu: ${s.a.wardB.name} (100%).`);
    expect(report.content.shortcomings).toContain(`Chỉ số CCHC của một số đơn vị còn thấp: ${s.a.wardA.name} (65%); tổng số 2 tiêu chí chưa đạt.`);
    expect(report.content.measures).toContain('Đã ban hành 0 kết luận kiểm tra.');
    expect(report.content.measures).toContain('Yêu cầu khắc phục theo kết luận: 0 đã hoàn thành, 0 đang thực hiện, 0 quá hạn chưa hoàn thành.');
    expect(report.content.measures).toContain('Không có trường hợp phải kiến nghị cấp có thẩm quyền xử lý.');
    expect((await s.secretariat.post('/api/results-reports', { year: 2021 })).json().code).toBe('DUPLICATE');

    const dashboard = (await s.leader.get(`/api/dashboard?year=2021&unitId=${s.a.town.id}`)).json() as DashboardDto;
    expect(shared(report.figures)).toEqual(shared(dashboard));
    expect(report.figures.indices[0]).toMatchObject({ average: 82.5, scored: 2 });
    expect(report.figures.inspections.total).toBe(2);
    // Another authority's leader does not see it; the unit officer neither.
    expect((await s.unitOfficerA.get(`/api/results-reports/${report.id}`)).statusCode).toBe(404);
    expect((await s.inspector.get('/api/results-reports')).statusCode).toBe(403);
  });

  it('is edited by the office and reads back as a Decree 30 report with its figures, charts and annex', async () => {
    const edited = await s.secretariat.patch(`/api/results-reports/${report.id}`, { version: report.version, content: { strengths: 'Các đơn vị đã chấp hành nghiêm kế hoạch kiểm tra.' } });
    expect(edited.statusCode, edited.body).toBe(200);
    report = edited.json();
    expect((await s.secretariat.patch(`/api/results-reports/${report.id}`, { version: 1, content: { proposals: 'x' } })).statusCode).toBe(409);
    // Nested unknown keys are refused at their path like a top-level one (strict bodies), and nothing changes.
    for (const [content, name] of [
      [{ proposal: 'typo' }, 'body.content.proposal'],
      [{ proposals: 'x', signature: { position: 'CHỦ TỊCH', signerName: 'A', signer: 'B' } }, 'body.content.signature.signer'],
    ] as const) {
      const refused = await s.secretariat.patch(`/api/results-reports/${report.id}`, { version: report.version, content });
      expect(refused.statusCode, refused.body).toBe(400);
      expect(refused.json().invalidParams).toEqual([expect.objectContaining({ name, code: 'unknown' })]);
    }
    expect((await s.secretariat.get(`/api/results-reports/${report.id}`)).json()).toMatchObject({ version: report.version, content: { proposals: report.content.proposals } });

    const res = await s.leader.get(`/api/documents/results-report/${report.id}.docx`);
    expect(res.statusCode).toBe(200);
    const docx = await openDocx(res.rawPayload);
    const text = plainText(docx.document);
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('Kết quả kiểm tra công tác cải cách hành chính năm 2021');
    expect(text).toContain('DỰ THẢO');
    expect(text).toContain('Các đơn vị đã chấp hành nghiêm kế hoạch kiểm tra.');
    expect(text).toContain('có 2 cuộc kiểm tra tại 2 cơ quan, đơn vị (2 cuộc kiểm tra có báo trước)');
    expect(text).toContain(`Chỉ số CCHC năm 2021 của 2 đơn vị bình quân đạt 82,5%, giảm 17,5 điểm so với năm 2020; cao nhất: ${s.a.wardB.name} (100%); thấp nhất: ${s.a.wardA.name} (65%).`);
    // The office's edit kept; the drafted measures and the shortcomings read back from the .docx; the sections as sentences.
    expect(text).toContain('Đã ban hành 0 kết luận kiểm tra.');
    expect(text).toContain(`Chỉ số CCHC của một số đơn vị còn thấp: ${s.a.wardA.name} (65%)`);
    expect(text).toContain('Yêu cầu khắc phục: đang thực hiện: 0, quá hạn: 0, đã hoàn thành: 0.');
    expect(text).toContain('Biểu đồ 1. Chỉ số CCHC năm 2021 của các đơn vị');
    expect(text).toContain('Biểu đồ 2. Chỉ số CCHC bình quân qua các năm');
    // The annex table: each unit with its index and rank, and the average.
    expect(text).toMatch(new RegExp(`1\\n${s.a.wardB.name}\\n100\\n1\\n0`));
    expect(text).toMatch(new RegExp(`2\\n${s.a.wardA.name}\\n65\\n2\\n2`));
    expect(text).toContain('Bình quân\n82,5');
    const media = Object.keys(docx.zip.files).filter((n) => n.startsWith('word/media/'));
    expect(media.length).toBe(2);
    const png = await docx.zip.file(media[0])!.async('uint8array');
    expect(Buffer.from(png.subarray(1, 4)).toString('latin1')).toBe('PNG');
  });

  it('is issued by a leader: numbered, figures and document frozen, no later edits', async () => {
    expect((await s.secretariat.post(`/api/results-reports/${report.id}/issue`, { version: report.version, issuedOn: '2022-01-10' })).statusCode).toBe(403);
    const future = await s.leader.post(`/api/results-reports/${report.id}/issue`, { version: report.version, issuedOn: '2150-01-01' });
    expect(future.json().invalidParams[0]).toMatchObject({ name: 'body.issuedOn', code: 'in_future' });
    // A report on 2021 covers the whole year: not dated before 01/12/2021 (it would be frozen forever), and nothing changes.
    for (const issuedOn of ['2021-06-01', '2021-11-30']) {
      const early = await s.leader.post(`/api/results-reports/${report.id}/issue`, { version: report.version, issuedOn });
      expect(early.statusCode, early.body).toBe(400);
      expect(early.json().invalidParams[0]).toMatchObject({ name: 'body.issuedOn', code: 'before_period_end' });
    }
    expect((await s.leader.get(`/api/results-reports/${report.id}`)).json()).toMatchObject({ status: 'draft', version: report.version });
    const res = await s.leader.post(`/api/results-reports/${report.id}/issue`, { version: report.version, issuedOn: '2022-01-10', signature: { onBehalfOf: 'TM. ỦY BAN NHÂN DÂN', position: 'CHỦ TỊCH', signerName: 'Phạm Trương' } });
    expect(res.statusCode, res.body).toBe(200);
    const issued = res.json() as ResultsReportDto;
    expect(issued).toMatchObject({ status: 'issued', symbol: 'BC-UBND', issuedOn: '2022-01-10', abilities: { update: false, issue: false } });
    expect(issued.number).toBeGreaterThan(0);
    expect((await s.secretariat.patch(`/api/results-reports/${report.id}`, { version: issued.version, content: { proposals: 'x' } })).json().code).toBe('INVALID_STATE');

    // A later correction moves the dashboard, never the issued report.
    await saveFinal(s.secretariat, f, s.a.wardA.id, 2021, { '1.1': 1.5, '1.2': 2.5, '2.1': 2, '2.2': 4 });
    const dashboard = (await s.leader.get(`/api/dashboard?year=2021&unitId=${s.a.town.id}`)).json() as DashboardDto;
    expect(dashboard.indices[0].average).toBe(100);
    const again = (await s.leader.get(`/api/results-reports/${report.id}`)).json() as ResultsReportDto;
    expect(again.figures.indices[0].average).toBe(82.5);
    const doc = await openDocx((await s.leader.get(`/api/documents/results-report/${report.id}.docx`)).rawPayload);
    expect(plainText(doc.document)).toContain('bình quân đạt 82,5%');
    expect(plainText(doc.document)).not.toContain('DỰ THẢO');

    const events = await queryRows<{ action: string }>(t.database.db, sql`select action from audit_event where entity_id = ${report.id} order by id`);
    expect(events.map((e) => e.action)).toEqual(['results_report.drafted', 'results_report.updated', 'results_report.issued']);
  });
});
