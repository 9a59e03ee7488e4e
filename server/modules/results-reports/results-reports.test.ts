import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardDto } from '../../../shared/api/dashboard.schemas.js';
import type { ResultsReportDto } from '../../../shared/api/results-reports.schemas.js';
import { queryRows } from '../../db/client.js';
import { openDocx, plainText } from '../../documents/test-support.js';
import { createTestApp, signIn, type TestApp } from '../../test/harness.js';
import { makeUser, TEST_PASSWORD } from '../../test/factories.js';
import { makeSeason, schedule, type Season } from '../inspections/inspections.test-support.js';
import { publishedFramework, saveFinal } from '../indices/test-support.js';
import { issueNewPlan } from '../plans/plans.test-support.js';
import type { FrameworkDetail } from '../../../shared/api/indices.schemas.js';

let t: TestApp;
let s: Season;
let f: FrameworkDetail;
beforeAll(async () => {
  t = await createTestApp();
  s = await makeSeason(t);
  // Ward A's visit took place (begun); ward B's is still to come.
  const visitA = await schedule(s.secretariat, { planId: s.plan.id, agencyId: s.a.wardACommittee.id, teamId: s.team1.id, kind: 'announced', startsOn: '2021-09-09' });
  // (Begun without its notice round: the fixture sets the state the notice and the start would.)
  await t.database.db.execute(sql`update inspection set status = 'under_way', started_at = '2021-09-09T01:00:00Z' where id = ${visitA.id}`);
  await schedule(s.secretariat, { planId: s.plan.id, agencyId: s.a.wardBCommittee.id, teamId: s.team2.id, kind: 'announced', startsOn: '2021-09-10' });
  // A visit cancelled: left out of the count, said apart (rev11 #3).
  const dropped = await schedule(s.secretariat, { planId: s.plan.id, agencyId: s.a.homeAffairs.id, teamId: s.team1.id, kind: 'announced', startsOn: '2021-10-05' });
  expect((await s.secretariat.post(`/api/inspections/${dropped.id}/cancel`, { version: dropped.version, reason: 'Trùng lịch' })).statusCode).toBe(200);
  f = await publishedFramework(s.secretariat, s.a);
  await saveFinal(s.secretariat, f, s.a.wardB.id, 2021, { '1.1': 1.5, '1.2': 2.5, '2.1': 2, '2.2': 4 });
  await saveFinal(s.secretariat, f, s.a.wardA.id, 2021, { '1.1': 1.5, '1.2': 1, '2.1': 2, '2.2': 2 });
  await saveFinal(s.secretariat, f, s.a.wardA.id, 2020, { '1.1': 1.5, '1.2': 2.5, '2.1': 2, '2.2': 4 });
});
afterAll(() => t.close());

/** The figures the dashboard and the report share (the dashboard adds what the caller may pick). */
const shared = (d: DashboardDto | ResultsReportDto['figures']) => ({ year: d.year, unit: d.unit, issuer: d.issuer, level: d.level, inspections: d.inspections, indices: d.indices, sections: d.sections });

describe('the annual results report', () => {
  let report: ResultsReportDto;

  it('is drafted by the office with texts from the plan and the dashboard’s figures, equal to the leader’s dashboard', async () => {
    expect((await s.leader.post('/api/results-reports', { year: 2021 })).statusCode).toBe(403);
    const res = await s.secretariat.post('/api/results-reports', { year: 2021 });
    expect(res.statusCode, res.body).toBe(201);
    report = res.json();
    expect(report).toMatchObject({ issuingAgencyId: s.a.townCommittee.id, unitId: s.a.town.id, status: 'draft', number: null, abilities: { update: true, issue: false, delete: true } });
    expect(report.content.organisation).toContain(`Thực hiện Kế hoạch số`);
    // Dates written dd/mm/yyyy (the plan of 05/05/2021, the teams of 10/05/2021).
    expect(report.content.organisation).toMatch(/Kế hoạch số \d+\/KH-UBND ngày 05\/05\/2021/);
    expect(report.content.organisation).toContain('ngày 10/05/2021');
    // Narrative only: every figure is the data's, written into the document (no figure to go stale).
    for (const k of ['organisation', 'strengths', 'shortcomings', 'measures'] as const) expect(report.content[k]).not.toMatch(/\d+(,\d+)?%|\d+ (đơn vị|tiêu chí|kết luận|cuộc)/);
    // A town's words: to the province, the town's own leaders, its Phòng Nội vụ following up.
    expect(report.content.recipients[0]).toBe(`UBND tỉnh thử ${s.a.tag} (để báo cáo);`);
    expect(report.content.recipients).toContain('TT. Thị ủy, TT. HĐND thị xã;');
    expect(report.content.proposals).toContain('Giao Phòng Nội vụ theo dõi');
    // The narrative follows the figures: no conclusion issued yet → none said to have been announced.
    expect(report.figures.facts?.conclusionsIssued).toBe(0);
    expect(report.content.measures).not.toContain('đã thông báo kết luận');
    expect((await s.secretariat.post('/api/results-reports', { year: 2021 })).json().code).toBe('DUPLICATE');

    // Its figures are the dashboard's restricted to the authority's own plans (issuer=own).
    const dashboard = (await s.leader.get(`/api/dashboard?year=2021&unitId=${s.a.town.id}&issuer=own`)).json() as DashboardDto;
    expect(shared(report.figures)).toEqual(shared(dashboard));
    expect(report.figures.issuer).toBe('own');
    expect(report.figures.indices[0]).toMatchObject({ average: 82.5, scored: 2 });
    // The headline counts the visits made, the cancelled one apart: the kinds add up to it.
    expect(report.figures.inspections).toMatchObject({ total: 2, cancelled: 1 });
    expect(report.figures.inspections.byKind.reduce((a, k) => a + k.count, 0)).toBe(report.figures.inspections.total);
    // Named as inspected: only the visit that took place (ward B's is still ahead).
    expect(report.figures.facts?.inspectedByKind).toEqual([{ kind: 'announced', agencies: [s.a.wardACommittee.name] }]);
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
    expect(text).toContain(`Năm 2021, theo kế hoạch kiểm tra của Ủy ban nhân dân, có 2 cuộc kiểm tra (không kể 1 cuộc đã hủy) tại 2 cơ quan, đơn vị (2 cuộc kiểm tra có báo trước)`);
    expect(text).toContain(`Các cơ quan, đơn vị được kiểm tra: kiểm tra có báo trước (1): ${s.a.wardACommittee.name}.`);
    expect(text).toContain(`Chỉ số CCHC năm 2021 của 2 đơn vị bình quân đạt 82,5%, giảm 17,5 điểm so với năm 2020; các đơn vị dẫn đầu: ${s.a.wardB.name} (100%).`);
    expect(text).toContain(`Chỉ số CCHC: kết quả của một số đơn vị còn thấp: ${s.a.wardA.name} (65%); tổng số 2 tiêu chí chưa đạt ở các đơn vị`);
    expect(text).toContain('Đã ban hành 0 thông báo kết luận kiểm tra.');
    expect(text).toContain('Yêu cầu khắc phục theo kết luận: 0 đã hoàn thành, 0 đang thực hiện, 0 quá hạn chưa hoàn thành.');
    expect(text).toContain('Không có trường hợp phải kiến nghị cấp có thẩm quyền xử lý.');
    // Each figure once (rev11 #2): the average, the unmet criteria, the corrective actions.
    const times = (needle: string) => text.split(needle).length - 1;
    expect(times('bình quân đạt 82,5%')).toBe(1);
    expect(times('2 tiêu chí chưa đạt')).toBe(1);
    expect(times('0 đang thực hiện')).toBe(1);
    expect(text).not.toContain('đang thực hiện: 0');
    // A draft's place-and-date line is left blank, never a guessed year.
    expect(text).not.toMatch(/ngày\s+tháng\s+năm 2022/);
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
    expect(issued).toMatchObject({ status: 'issued', symbol: 'BC-UBND', issuedOn: '2022-01-10', abilities: { update: false, issue: false, delete: false } });
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

describe('a results report is the authority’s own season (docs/decisions/results-report-scope.md)', () => {
  it('a ward’s report counts and names none of the visits of the authority above, secret or announced, and equals its dashboard with issuer=own', async () => {
    // The town visits ward B: announced (beforeAll) and unannounced, not begun (secret to the ward).
    const secret = await schedule(s.secretariat, { planId: s.plan.id, agencyId: s.a.wardBCommittee.id, teamId: s.team1.id, kind: 'unannounced', startsOn: '2021-11-15', places: [s.a.wardBDesk.id] });
    const wardOffice = await signIn(t.app, (await makeUser(t.database.db, [{ role: 'secretariat', agencyId: s.a.wardBCommittee.id }], 'Văn phòng phường B')).username, TEST_PASSWORD);
    const wardLeader = await signIn(t.app, (await makeUser(t.database.db, [{ role: 'leader', agencyId: s.a.wardBCommittee.id }], 'Chủ tịch phường B')).username, TEST_PASSWORD);
    expect((await wardLeader.get(`/api/inspections/${secret.id}`)).statusCode).toBe(404);

    const res = await wardOffice.post('/api/results-reports', { year: 2021 });
    expect(res.statusCode, res.body).toBe(201);
    const ward = res.json() as ResultsReportDto;
    expect(ward).toMatchObject({ issuingAgencyId: s.a.wardBCommittee.id, unitId: s.a.wardB.id });
    expect(ward.figures.inspections).toMatchObject({ total: 0, cancelled: 0, agencies: 0 });
    expect(ward.figures.inspections.byKind.every((k) => k.count === 0)).toBe(true);
    expect(ward.figures.facts?.inspectedByKind).toEqual([]);
    const dashboard = (await wardLeader.get(`/api/dashboard?year=2021&unitId=${s.a.wardB.id}&issuer=own`)).json() as DashboardDto;
    expect(shared(ward.figures)).toEqual(shared(dashboard));
    // The dashboard's links of that view list the same visits: none.
    expect((await wardLeader.get(`/api/inspections?year=2021&unitId=${s.a.wardB.id}&issuer=own&live=true`)).json().total).toBe(0);
    // The town's own view lists its two visits made (the cancelled one apart), as its report counts them.
    const town = (await s.leader.get(`/api/dashboard?year=2021&unitId=${s.a.town.id}&issuer=own`)).json() as DashboardDto;
    expect(town.inspections.total).toBe(3);
    expect((await s.leader.get(`/api/inspections?year=2021&unitId=${s.a.town.id}&issuer=own&live=true`)).json().total).toBe(town.inspections.total);
    // A commune-level authority reports to the committee above; its own office follows up.
    expect(ward.content.recipients[0]).toBe(`UBND thị xã thử ${s.a.tag} (để báo cáo);`);
    expect(ward.content.recipients).toContain('TT. Đảng ủy, TT. HĐND phường;');
    expect(ward.content.proposals).toContain('Giao Văn phòng HĐND và UBND phường theo dõi');

    const text = plainText((await openDocx((await wardLeader.get(`/api/documents/results-report/${ward.id}.docx`)).rawPayload)).document);
    expect(text).toContain('có 0 cuộc kiểm tra tại 0 cơ quan, đơn vị');
    expect(text).not.toMatch(/đột xuất|có báo trước/i);
    // Nobody named as inspected (the ward's own committee is named only as the issuer of its report).
    expect(text).not.toContain('được kiểm tra:');
    expect(text).not.toContain(`${s.a.wardBCommittee.name} (`);

    // The other way round: the ward's own plan visits its one-stop desk. The ward's report counts
    // it; the town's report neither counts nor names it ("as if the town's team made it").
    const townBefore = (await s.secretariat.get(`/api/results-reports?year=2021`)).json().items.find((r: { unitId: string }) => r.unitId === s.a.town.id);
    const townFigures = ((await s.secretariat.get(`/api/results-reports/${townBefore.id}`)).json() as ResultsReportDto).figures;
    // The town's own report counts its secret visit to ward B but never names it: not begun (rev-final #1).
    expect(townFigures.facts?.inspectedByKind.some((k) => k.kind === 'unannounced')).toBe(false);
    expect(JSON.stringify(townFigures.facts)).not.toContain(s.a.wardBCommittee.name);
    const townText = plainText((await openDocx((await s.leader.get(`/api/documents/results-report/${townBefore.id}.docx`)).rawPayload)).document);
    expect(townText).not.toContain(s.a.wardBCommittee.name);
    await t.database.db.execute(sql`update agency set doc_abbreviation = 'UBND' where id = ${s.a.wardBCommittee.id}`);
    const plan = await issueNewPlan(wardOffice, wardLeader, s.a, '2021-05-06', { issuingAgencyId: s.a.wardBCommittee.id, targetAgencyIds: [s.a.wardBDesk.id] });
    const team = (await wardOffice.post(`/api/plans/${plan.id}/teams`, { name: 'Tổ kiểm tra phường' })).json();
    const members = [{ honorific: 'Ông', fullName: 'Võ Văn Ba', position: 'Chánh Văn phòng', agencyId: s.a.wardBCommittee.id, role: 'truong_doan' }];
    const put = await wardOffice.put(`/api/teams/${team.id}/members`, { version: team.version, members });
    expect(put.statusCode, put.body).toBe(200);
    const founded = await wardLeader.post(`/api/teams/${team.id}/found`, { version: put.json().version, issuedOn: '2021-05-10', signature: { position: 'CHỦ TỊCH', signerName: 'Võ Văn Một' } });
    expect(founded.statusCode, founded.body).toBe(200);
    await schedule(wardOffice, { planId: plan.id, agencyId: s.a.wardBDesk.id, teamId: team.id, kind: 'announced', startsOn: '2021-10-12' });
    const wardAfter = (await wardOffice.get(`/api/results-reports/${ward.id}`)).json() as ResultsReportDto;
    expect(wardAfter.figures.inspections).toMatchObject({ total: 1, agencies: 1 });
    // Counted, not named: the visit is still ahead.
    expect(wardAfter.figures.facts?.inspectedByKind).toEqual([]);
    const townAfter = ((await s.secretariat.get(`/api/results-reports/${townBefore.id}`)).json() as ResultsReportDto).figures;
    expect(townAfter.inspections).toEqual(townFigures.inspections);
    expect(townAfter.facts).toEqual(townFigures.facts);
    expect(JSON.stringify(townAfter)).not.toContain(s.a.wardBDesk.name);
  });

  it('refuses a year not begun, and lets the office discard its draft (audited), never an issued report', async () => {
    for (const year of [2100, 2099]) {
      const future = await s.secretariat.post('/api/results-reports', { year });
      expect(future.statusCode, future.body).toBe(400);
      expect(future.json().invalidParams[0]).toMatchObject({ name: 'body.year', code: 'in_future' });
    }
    const draft = (await s.secretariat.post('/api/results-reports', { year: 2020 })).json() as ResultsReportDto;
    // The leader who issues may not discard: its abilities say so (the page shows no button).
    expect(((await s.leader.get(`/api/results-reports/${draft.id}`)).json() as ResultsReportDto).abilities).toEqual({ update: false, issue: true, delete: false });
    expect((await s.leader.delete(`/api/results-reports/${draft.id}?version=${draft.version}`)).statusCode).toBe(403);
    expect((await s.secretariat.delete(`/api/results-reports/${draft.id}?version=${draft.version + 1}`)).statusCode).toBe(409);
    expect((await s.secretariat.get(`/api/results-reports/${draft.id}`)).statusCode).toBe(200);
    expect((await s.secretariat.delete(`/api/results-reports/${draft.id}?version=${draft.version}`)).statusCode).toBe(204);
    expect((await s.secretariat.get(`/api/results-reports/${draft.id}`)).statusCode).toBe(404);
    const events = await queryRows<{ action: string }>(t.database.db, sql`select action from audit_event where entity_id = ${draft.id} order by id`);
    expect(events.map((e) => e.action)).toEqual(['results_report.drafted', 'results_report.deleted']);
    // The same year may be drafted again.
    expect((await s.secretariat.post('/api/results-reports', { year: 2020 })).statusCode).toBe(201);
    // The 2021 report was issued above: it stays.
    const issued = (await s.secretariat.get('/api/results-reports?year=2021')).json().items.find((r: { status: string }) => r.status === 'issued');
    const refused = await s.secretariat.delete(`/api/results-reports/${issued.id}?version=${issued.version}`);
    expect(refused.json().code).toBe('INVALID_STATE');
  });
});
