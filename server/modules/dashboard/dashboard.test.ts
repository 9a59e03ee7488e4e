import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardDto } from '../../../shared/api/dashboard.schemas.js';
import { agency } from '../../db/schema/index.js';
import { makeAuthority } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { makeSeason, schedule, type Season } from '../inspections/inspections.test-support.js';
import { publishedFramework, saveFinal } from '../indices/test-support.js';
import { issueNewPlan } from '../plans/plans.test-support.js';

let t: TestApp;
let s: Season;
let frameworkId: string;
beforeAll(async () => {
  t = await createTestApp();
  s = await makeSeason(t);
  await schedule(s.secretariat, { planId: s.plan.id, agencyId: s.a.wardACommittee.id, teamId: s.team1.id, kind: 'announced', startsOn: '2021-09-09' });
  await schedule(s.secretariat, { planId: s.plan.id, agencyId: s.a.wardBCommittee.id, teamId: s.team1.id, kind: 'unannounced', startsOn: '2021-06-15', places: [s.a.wardBDesk.id] });
  const f = await publishedFramework(s.secretariat, s.a);
  frameworkId = f.id;
  // Ward B full marks; ward A 6.5 of 10 with 1.2 and 2.2 unmet; ward A full marks in 2020.
  await saveFinal(s.secretariat, f, s.a.wardB.id, 2021, { '1.1': 1.5, '1.2': 2.5, '2.1': 2, '2.2': 4 });
  await saveFinal(s.secretariat, f, s.a.wardA.id, 2021, { '1.1': 1.5, '1.2': 1, '2.1': 2, '2.2': 2 });
  await saveFinal(s.secretariat, f, s.a.wardA.id, 2020, { '1.1': 1.5, '1.2': 2.5, '2.1': 2, '2.2': 4 });
});
afterAll(() => t.close());

describe("the leaders' dashboard", () => {
  it('counts the season and the indices of the leader’s town, hand-checked, equal to the framework results', async () => {
    const res = await s.leader.get('/api/dashboard?year=2021');
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json() as DashboardDto;
    expect(d.unit.id).toBe(s.a.town.id);
    expect(d.level).toBe('commune');
    expect(d.inspections).toMatchObject({ total: 2, agencies: 2, reports: { due: 1, dueByToday: 1 } });
    expect(d.inspections.byStatus.find((x) => x.status === 'planned')!.count).toBe(2);
    expect(d.inspections.byKind.filter((x) => x.count).map((x) => [x.kind, x.count])).toEqual([['announced', 1], ['unannounced', 1]]);
    expect(d.inspections.byMonth.filter((x) => x.count).map((x) => [x.month, x.count])).toEqual([[6, 1], [9, 1]]);
    expect(d.inspections.teams).toEqual([{ teamId: s.team1.id, teamName: 'Đoàn kiểm tra số 1', count: 2, closed: 0 }]);

    const par = d.indices.find((x) => x.kind === 'par')!;
    expect(par.framework?.id).toBe(frameworkId);
    expect(par).toMatchObject({ average: 82.5, scored: 2, unmetCount: 2 });
    expect(par.units.map((u) => [u.unitName, u.indexPct, u.rank, u.unmetCount])).toEqual([
      [s.a.wardB.name, 100, 1, 0],
      [s.a.wardA.name, 65, 2, 2],
    ]);
    // Areas: 1 → (62.5 + 100) / 2; 2 → (66.67 + 100) / 2.
    expect(par.areas.map((a) => [a.code, a.average])).toEqual([['1', 81.25], ['2', 83.34]]);
    expect(par.trend).toMatchObject([{ year: 2020, average: 100, scored: 1 }, { year: 2021, average: 82.5, scored: 2 }]);
    expect(d.indices.find((x) => x.kind === 'sipas')!.framework).toBeNull();
    expect(d.ranking?.items.map((i) => i.unitName).sort()).toEqual([s.a.wardA.name, s.a.wardB.name].sort());

    // The same figures as the framework's results (computed leaf by leaf, shared/domain/index-scoring.ts).
    const results = (await s.secretariat.get(`/api/index-frameworks/${frameworkId}/results?year=2021`)).json() as { average: number; items: { unitId: string; indexPct: number; rank: number; unmetCount: number }[] };
    expect(results.average).toBe(par.average);
    for (const r of results.items) expect(par.units.find((u) => u.unitId === r.unitId)).toMatchObject({ indexPct: r.indexPct, rank: r.rank, unmetCount: r.unmetCount });

    // A ward as the root, and the district level (nothing scored there).
    const ward = (await s.leader.get(`/api/dashboard?year=2021&unitId=${s.a.wardB.id}`)).json() as DashboardDto;
    expect(ward.inspections.total).toBe(1);
    expect(ward.indices[0].units.map((u) => u.indexPct)).toEqual([100]);
    const district = (await s.leader.get(`/api/dashboard?year=2021&level=district`)).json() as DashboardDto;
    expect(district.indices[0]).toMatchObject({ framework: null, average: null });
  });

  it('is for leaders, the office and admins within their reach', async () => {
    expect((await s.unitOfficerA.get('/api/dashboard?year=2021')).statusCode).toBe(403);
    expect((await s.inspector.get('/api/dashboard?year=2021')).statusCode).toBe(403);
    const other = await makeAuthority(t.database.db);
    expect((await s.leader.get(`/api/dashboard?year=2021&unitId=${other.town.id}`)).statusCode).toBe(404);
    expect((await s.leader.get('/api/dashboard?year=21')).statusCode).toBe(400);
    // The office sees what the leader sees; the province's admin starts at the province.
    const office = (await s.secretariat.get('/api/dashboard?year=2021')).json() as DashboardDto;
    expect(office.inspections.total).toBe(2);
    const admin = (await s.admin.get('/api/dashboard?year=2021')).json() as DashboardDto;
    expect(admin.unit.id).toBe(s.a.province.id);
    expect(admin.indices[0].units.map((u) => [u.unitName, u.indexPct, u.scored])).toEqual([[s.a.town.name, 82.5, 2]]);
  });

  it('exports the figures as an .xlsx that reads back with the same numbers', async () => {
    const res = await s.leader.get('/api/dashboard.xlsx?year=2021');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const units = wb.getWorksheet('CCHC theo đơn vị')!;
    const rows = units.getSheetValues().slice(5).map((r) => (r as unknown[]).slice(1, 4));
    expect(rows).toEqual([
      [s.a.wardB.name, 100, 1],
      [s.a.wardA.name, 65, 2],
      ['Bình quân', 82.5, undefined],
    ]);
    const status = wb.getWorksheet('Theo trạng thái')!;
    expect(status.getRow(5).values).toEqual([undefined, 'Đã lên lịch', 2]);
    // The total is the visits made (the headline), named so against the cancelled row above it.
    expect(status.getRow(10).values).toEqual([undefined, 'Tổng số (không kể cuộc đã hủy)', 2]);
  });

  it('with issuer=own and no year, opens on the latest season of the authority’s own plans, not of a ward’s plan under it', async () => {
    // Ward B's People's Committee issues its own plan for 2023 (inspecting its one-stop desk); the town's last is 2021.
    await t.database.db.update(agency).set({ docAbbreviation: 'UBND' }).where(eq(agency.id, s.a.wardBCommittee.id));
    await issueNewPlan(s.secretariat, s.leader, s.a, '2023-05-05', { issuingAgencyId: s.a.wardBCommittee.id, year: 2023, periodFrom: '2023-05', periodTo: '2023-12', targetAgencyIds: [s.a.wardBDesk.id] });
    // Every visit under the town: the ward's season counts, so the default is 2023 (today is later).
    expect(((await s.leader.get('/api/dashboard')).json() as DashboardDto).year).toBe(2023);
    // The town's own plans (its results report's figures): 2021, as ownPlansSql counts them.
    const own = (await s.leader.get('/api/dashboard?issuer=own')).json() as DashboardDto;
    expect(own.year).toBe(2021);
    expect(own.inspections.total).toBe(2);
    // The ward's own view opens on the ward's season.
    expect(((await s.leader.get(`/api/dashboard?issuer=own&unitId=${s.a.wardB.id}`)).json() as DashboardDto).year).toBe(2023);
  });
});
