import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardDto } from '../../../shared/api/dashboard.schemas.js';
import type { RiskRankingDto } from '../../../shared/api/indices.schemas.js';
import type { ResultsReportDto } from '../../../shared/api/results-reports.schemas.js';
import { queryRows, type Database } from '../../db/client.js';
import { openDocx, plainText } from '../../documents/test-support.js';
import type { Client } from '../../test/harness.js';
import { openDemoDashboard, type DemoDashboard } from './demo-dashboard.test-support.js';
import { viPct } from './season-labels.js';

/**
 * The dashboard's sections on the demo season (Hoài Nhơn 2021): reports on time, late and
 * missing; findings by kind and content group; corrective actions open, overdue and closed; the
 * difficulties raised to the committee — each counted by hand in SQL here, each linked to its
 * records; and the draft results report printing the same figures and reading the difficulties.
 */
let database: Database;
let leader: Client;
let d: DashboardDto;
let demo: DemoDashboard | undefined;
beforeAll(async () => {
  demo = await openDemoDashboard();
  ({ database, leader, d } = demo);
});
afterAll(() => demo?.close());

const section = (key: string) => {
  const s = d.sections.find((x) => x.key === key)!;
  return Object.fromEntries(s.items.map((i) => [i.key, i.value]));
};
const one = async (query: ReturnType<typeof sql>) => (await queryRows<Record<string, number>>(database.db, query))[0];
const town = sql`(select path from unit where code = '543')`;

describe("the dashboard's sections on the demo season", () => {
  it('lists reports, findings, corrective actions and difficulties, in that order, each number linked', () => {
    expect(d.unit.name).toBe('Hoài Nhơn');
    expect(d.sections.map((s) => s.key)).toEqual(['reports', 'findings', 'corrective_actions', 'difficulties']);
    // Named apart from the inspections' pre-visit reports ("Báo cáo trước đợt kiểm tra", the web's figure).
    expect(d.sections[0].title).toEqual({ vi: 'Báo cáo định kỳ, theo yêu cầu', en: 'Periodic and requested reports' });
    for (const s of d.sections) for (const i of s.items) expect(i.link, `${s.key}.${i.key}`).toMatch(/^\//);
  });

  it('counts the units’ reports due in 2021: on time, late and missing (past due, not sent)', async () => {
    const want = await one(sql`select count(*) filter (where s.status in ('submitted','accepted') and not coalesce(s.late, false))::int as on_time,
                                      count(*) filter (where s.status in ('submitted','accepted') and s.late)::int as late,
                                      count(*) filter (where s.status not in ('submitted','accepted') and r.due_on < '2021-12-20')::int as missing
                                 from report_submission s join report_request r on r.id = s.request_id join agency a on a.id = s.agency_id
                                where r.status <> 'draft' and extract(year from r.due_on) = 2021 and a.unit_path like ${town} || '%'`);
    expect(section('reports')).toEqual(want);
    expect(want.on_time + want.late + want.missing).toBeGreaterThan(0);
  });

  it('counts the findings of the 2021 visits by kind and by content group, withdrawn ones left out', async () => {
    const rows = await queryRows<{ g: string; kind: string; n: number }>(
      database.db,
      sql`select f.content_group as g, f.kind, count(*)::int as n from finding f join inspection i on i.id = f.inspection_id join agency a on a.id = i.agency_id
           where f.withdrawn_at is null and extract(year from i.starts_on) = 2021 and a.unit_path like ${town} || '%' group by 1, 2`,
    );
    const s = section('findings');
    for (const kind of ['good_practice', 'shortcoming', 'violation']) expect(s[kind]).toBe(rows.filter((r) => r.kind === kind).reduce((a, r) => a + r.n, 0));
    // By group, named by the group's title on the visit's checklists: the groups of a kind add up to it.
    const groups = d.sections.find((x) => x.key === 'findings')!.items.filter((i) => i.key.includes(':'));
    for (const kind of ['good_practice', 'shortcoming', 'violation']) expect(groups.filter((i) => i.key.endsWith(`:${kind}`)).reduce((a, i) => a + (i.value ?? 0), 0)).toBe(s[kind]);
    const codes = new Set(rows.map((r) => r.g));
    expect(groups.filter((i) => codes.has(i.key.split(':')[0]))).toEqual([]);
    expect(groups.every((i) => / — (cách làm hay|tồn tại, hạn chế|vi phạm)$/.test(i.label.vi))).toBe(true);
    expect(s.good_practice).toBeGreaterThan(0);
    expect((s.shortcoming ?? 0) + (s.violation ?? 0)).toBeGreaterThan(0);
  });

  it('counts the corrective actions of the issued conclusions: open, overdue and closed', async () => {
    // Overdue: not yet reported by its due day (a reported action waits on the office, not the unit); open: the rest not closed.
    const want = await one(sql`select count(*) filter (where a.status <> 'closed' and not (a.status in ('open', 'in_progress') and coalesce(a.due_on < '2021-12-20', false)))::int as open,
                                      count(*) filter (where a.status in ('open', 'in_progress') and a.due_on < '2021-12-20')::int as overdue,
                                      count(*) filter (where a.status = 'closed')::int as closed
                                 from corrective_action a join inspection_conclusion c on c.id = a.conclusion_id join inspection i on i.id = c.inspection_id
                                 join agency ta on ta.id = i.agency_id
                                where a.status <> 'draft' and extract(year from i.starts_on) = 2021 and ta.unit_path like ${town} || '%'`);
    expect(section('corrective_actions')).toEqual(want);
    expect(want.open + want.overdue + want.closed).toBeGreaterThan(0);
  });

  it('ranks the 2021 units with their corrective actions and late reports, the figures counted by hand here (issue 11 §3)', async () => {
    const ranking = (await leader.get(`/api/risk-ranking?parentUnitId=${(await one(sql`select id from unit where code = '543'`)).id}&year=2021`)).json() as RiskRankingDto;
    expect(ranking).toMatchObject({ referenceDate: '2021-12-20', unavailable: [] });
    const rows = await queryRows<{ id: string; open: number; overdue: number; late: number; missing: number }>(
      database.db,
      sql`select u.id,
                 (select count(*)::int from corrective_action a join inspection_conclusion c on c.id = a.conclusion_id join inspection i on i.id = c.inspection_id join agency ta on ta.id = i.agency_id
                   where ta.unit_id = u.id and c.status = 'issued' and c.issued_on < '2021-12-20' and a.status in ('open', 'in_progress', 'reported')) as open,
                 (select count(*)::int from corrective_action a join inspection_conclusion c on c.id = a.conclusion_id join inspection i on i.id = c.inspection_id join agency ta on ta.id = i.agency_id
                   where ta.unit_id = u.id and c.status = 'issued' and c.issued_on < '2021-12-20' and a.status in ('open', 'in_progress') and a.due_on < '2021-12-20') as overdue,
                 (select count(*)::int from report_submission s join report_request r on r.id = s.request_id join agency sa on sa.id = s.agency_id
                   where sa.unit_id = u.id and r.status in ('open', 'closed') and extract(year from r.due_on) = 2021 and s.status in ('submitted', 'accepted') and s.late) as late,
                 (select count(*)::int from report_submission s join report_request r on r.id = s.request_id join agency sa on sa.id = s.agency_id
                   where sa.unit_id = u.id and r.status in ('open', 'closed') and extract(year from r.due_on) = 2021 and s.status not in ('submitted', 'accepted') and r.due_on < '2021-12-20') as missing
            from unit u where u.parent_id = (select id from unit where code = '543')`,
    );
    const want = new Map(rows.map((r) => [r.id, [r.open, r.overdue, r.late + r.missing, r.missing]]));
    for (const item of ranking.items) expect([item.figures.openActions, item.figures.overdueActions, item.figures.lateReports, item.figures.missingReports], item.unitName).toEqual(want.get(item.unitId));
    // The demo has all three: some unit explains its rank with each, with the figure.
    const said = ranking.items.map((i) => i.explanation.vi).join('\n');
    expect(said).toMatch(/\d+ biện pháp khắc phục chưa hoàn thành/);
    expect(said).toMatch(/\d+ báo cáo (nộp muộn|quá hạn chưa nộp)/);
    expect(rows.some((r) => r.open > 0) && rows.some((r) => r.late + r.missing > 0)).toBe(true);
  });

  it('exports every section in the dashboard’s .xlsx, one sheet each, with the same numbers', async () => {
    const res = await leader.get('/api/dashboard.xlsx?year=2021');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    for (const sec of d.sections) {
      const ws = wb.getWorksheet(sec.title.vi.slice(0, 31))!;
      const rows: unknown[][] = [];
      ws.eachRow((row) => rows.push([row.getCell(1).value, row.getCell(2).value]));
      for (const it of sec.items) expect(rows, `${sec.key}.${it.key}`).toContainEqual([it.label.vi, it.value]);
    }
  });

  it('counts the difficulties raised to the committee: one answered, one open', () => {
    expect(section('difficulties')).toMatchObject({ answered: 1, open: 1 });
    expect(section('difficulties').response_days).toBeGreaterThan(0);
  });

  it('prints the same figures in the draft results report, which reads the difficulties raised', async () => {
    const list = (await leader.get('/api/results-reports?year=2021')).json() as { items: { id: string }[] };
    const report = (await leader.get(`/api/results-reports/${list.items[0].id}`)).json() as ResultsReportDto;
    const shared = (x: DashboardDto | ResultsReportDto['figures']) => ({ year: x.year, unit: x.unit, issuer: x.issuer, level: x.level, inspections: x.inspections, indices: x.indices, sections: x.sections });
    // The report's figures are the dashboard's restricted to the town's own plans (issuer=own); in
    // 2021 every visit under the town was the town's own, so the figures are the leader's dashboard's too.
    const own = (await leader.get('/api/dashboard?year=2021&issuer=own')).json() as DashboardDto;
    expect(shared(report.figures)).toEqual(shared(own));
    expect({ ...shared(report.figures), issuer: undefined, sections: undefined }).toEqual({ ...shared(d), sections: undefined });
    expect(report.content.proposals).toContain('Đề nghị Ủy ban nhân dân xem xét, giải quyết các kiến nghị của cơ sở còn chưa được trả lời:');
    expect(report.content.proposals).toContain('Bồng Sơn');
    const text = plainText((await openDocx((await leader.get(`/api/documents/results-report/${report.id}.docx`)).rawPayload)).document);
    const once = (needle: string) => expect(text.split(needle).length - 1, needle).toBe(1);
    // The units' reports of the year are periodic and pre-visit ones: named as both, never as "phục vụ kiểm tra" only
    // (section I's "báo cáo phục vụ kiểm tra" are the visits' own reports).
    const reports = section('reports');
    once(`Các đơn vị đã gửi đúng hạn ${reports.on_time} báo cáo (gồm báo cáo định kỳ và báo cáo phục vụ kiểm tra).`);
    if (reports.late || reports.missing) once(`Việc gửi báo cáo định kỳ và báo cáo phục vụ kiểm tra: ${reports.late} báo cáo gửi trễ hạn, ${reports.missing} báo cáo chưa gửi dù đã quá hạn.`);
    expect(text).not.toMatch(/\d+ báo cáo phục vụ kiểm tra (đúng|trễ) hạn/);
    // Each figure once, from the data (rev11 #2): the difficulties, the corrective actions, the index average.
    once('Trong năm, các cơ quan, đơn vị đã kiến nghị 2 khó khăn, vướng mắc lên Ủy ban nhân dân; đã trả lời 1 kiến nghị');
    const actions = section('corrective_actions');
    once(`Yêu cầu khắc phục theo kết luận: ${actions.closed} đã hoàn thành, ${actions.open} đang thực hiện, ${actions.overdue} quá hạn chưa hoàn thành.`);
    once(`bình quân đạt ${viPct(report.figures.indices[0].average)}%`);
    once(`tổng số ${report.figures.indices[0].unmetCount} tiêu chí chưa đạt`);
    // The findings are results (II), written before the measures taken (III).
    const findings = section('findings');
    const found = text.indexOf(`Qua kiểm tra phát hiện ${findings.shortcoming} tồn tại, hạn chế và ${findings.violation} vi phạm, theo nội dung: `);
    expect(found).toBeGreaterThan(text.indexOf('Tồn tại, hạn chế và nguyên nhân'));
    expect(found).toBeLessThan(text.indexOf('CÁC BIỆN PHÁP ĐÃ THỰC HIỆN'));
    // The office's causes come after the shortcomings the data lists; dates dd/mm/yyyy.
    expect(text.indexOf('Nguyên nhân: công chức')).toBeGreaterThan(found);
    expect(text).toMatch(/Kế hoạch số \d+\/KH-UBND ngày \d{2}\/\d{2}\/2021/);
    expect(text).not.toMatch(/ngày \d{1,2}\/\d\/\d{4}/);
  });
});
