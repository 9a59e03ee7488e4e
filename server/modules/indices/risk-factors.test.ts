import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RiskRankingDto } from '../../../shared/api/indices.schemas.js';
import { defaultRiskWeights } from '../../../shared/domain/risk-ranking.js';
import { ManualClock } from '../../clock.js';
import { correctiveAction, reportSubmission } from '../../db/schema/index.js';
import { makeAgency, makeUnit } from '../../test/factories.js';
import { createTestApp, type Client, type TestApp } from '../../test/harness.js';
import { makeSeason, schedule, type Season } from '../inspections/inspections.test-support.js';
import { publishedTemplate } from '../reports/test-support.js';

/**
 * The ranking's corrective-action and report factors on a hand-computed example (issue 11 §3,
 * docs/decisions/risk-ranking.md). The visits, conclusions, actions and report requests go
 * through the API; the actions' later moves and the units' replies are written straight to their
 * rows (status, late mark), which is all the ranking reads of them.
 */
let t: TestApp;
let s: Season;
const clock = new ManualClock('2021-06-01T02:00:00Z');
beforeAll(async () => {
  t = await createTestApp({ clock });
  s = await makeSeason(t);
});
afterAll(() => t?.close());

async function visit(agencyId: string, teamId: string, inspector: Client, startsOn: string) {
  const v = await schedule(s.secretariat, { planId: s.plan.id, agencyId, teamId, kind: 'unannounced', startsOn });
  clock.set(`${startsOn}T02:00:00Z`);
  const started = await inspector.post(`/api/inspections/${v.id}/start`, { version: v.version });
  expect(started.statusCode, started.body).toBe(200);
  const closed = await inspector.post(`/api/inspections/${v.id}/close`, { version: started.json().version });
  expect(closed.statusCode, closed.body).toBe(200);
  return v.id as string;
}

/** A conclusion of the visit with actions due on the given days, issued on 15/6/2021; the actions' ids in order. */
async function conclusionWith(inspectionId: string, dues: string[]): Promise<string[]> {
  const created = await s.secretariat.post('/api/conclusions', { inspectionId });
  expect(created.statusCode, created.body).toBe(201);
  const patched = await s.secretariat.patch(`/api/conclusions/${created.json().id}`, { version: created.json().version, actions: dues.map((dueOn, i) => ({ content: `Yêu cầu ${i + 1}`, contentGroup: 'c', dueOn })) });
  expect(patched.statusCode, patched.body).toBe(200);
  clock.set('2021-06-15T02:00:00Z');
  const issued = await s.leader.post(`/api/conclusions/${created.json().id}/issue`, { version: patched.json().version, issuedOn: '2021-06-15', signature: { authority: 'TM. ỦY BAN NHÂN DÂN', position: 'CHỦ TỊCH', signerName: 'Phạm Trương' } });
  expect(issued.statusCode, issued.body).toBe(200);
  return (issued.json().actions as { id: string }[]).map((a) => a.id);
}

async function request(templateId: string, dueOn: string, targets: string[]) {
  const draft = await s.secretariat.post('/api/report-requests', { kind: 'ad_hoc', ownerAgencyId: s.a.townCommittee.id, templateId, title: `Báo cáo hạn ${dueOn}`, dueOn, targetAgencyIds: targets });
  expect(draft.statusCode, draft.body).toBe(201);
  const issued = await s.secretariat.post(`/api/report-requests/${draft.json().id}/issue`, { version: draft.json().version, issuedOn: '2021-06-01', signature: { onBehalfOf: 'TL. CHỦ TỊCH', position: 'TRƯỞNG PHÒNG NỘI VỤ', signerName: 'Nguyễn Văn Hùng' } });
  expect(issued.statusCode, issued.body).toBe(200);
  return draft.json().id as string;
}

/** The unit's reply to a request: sent on time, sent late, or nothing (not started). */
async function reply(requestId: string, agencyId: string, how: 'on_time' | 'late') {
  await t.database.db
    .update(reportSubmission)
    .set({ status: 'submitted', late: how === 'late', submittedAt: new Date('2021-08-20T03:00:00Z') })
    .where(and(eq(reportSubmission.requestId, requestId), eq(reportSubmission.agencyId, agencyId)));
}

describe('the risk ranking’s corrective actions and late reports', () => {
  it('counts open and overdue actions and late or missing reports per ward at the reference date, weighs them as hand-computed, and explains them', async () => {
    const { a } = s;
    const wardC = await makeUnit(t.database.db, { name: `Hoài Hảo ${a.tag}`, kind: 'ward', parentId: a.town.id, code: `WC-${a.tag}` });
    const wardCCommittee = await makeAgency(t.database.db, { unitId: wardC.id, name: `UBND phường Hoài Hảo ${a.tag}`, kind: 'peoples_committee' });

    // Reports asked of the three wards: due 15/7, 15/8 and 15/10/2021.
    const template = await publishedTemplate(s.secretariat, a.homeAffairs.id, undefined, 'other');
    const targets = [a.wardACommittee.id, a.wardBCommittee.id, wardCCommittee.id];
    const [july, august] = [await request(template.id, '2021-07-15', targets), await request(template.id, '2021-08-15', targets)];
    await request(template.id, '2021-10-15', targets);

    // Ward A: visited 10/6, three requirements; ward B: visited 11/6, three requirements.
    const [a1, a2, a3] = await conclusionWith(await visit(a.wardACommittee.id, s.team1.id, s.inspector, '2021-06-10'), ['2021-07-30', '2021-07-15', '2021-12-15']);
    clock.set('2021-06-01T02:00:00Z');
    const [b1, b2, b3] = await conclusionWith(await visit(a.wardBCommittee.id, s.team2.id, s.inspector2, '2021-06-11'), ['2021-07-30', '2021-08-10', '2021-08-20']);
    const setStatus = (ids: string[], status: string) => t.database.db.update(correctiveAction).set({ status, closedAt: status === 'closed' ? new Date('2021-07-14T03:00:00Z') : null }).where(inArray(correctiveAction.id, ids));
    await setStatus([a2], 'closed');
    await setStatus([a3, b2], 'in_progress');
    await setStatus([b3], 'reported');
    void [a1, b1]; // a1 and b1 stay open.

    // The replies: A on time in July, late in August; B nothing in July, on time in August; C late in July, nothing in August.
    await reply(july, a.wardACommittee.id, 'on_time');
    await reply(august, a.wardACommittee.id, 'late');
    await reply(august, a.wardBCommittee.id, 'on_time');
    await reply(july, wardCCommittee.id, 'late');

    // The office weighs open actions 1, overdue actions 2, late reports 1 and the time since the last inspection 1; nothing else.
    const weights = { ...Object.fromEntries(Object.keys(defaultRiskWeights).map((k) => [k, 0])), openActions: 1, overdueActions: 2, lateReports: 1, sinceInspection: 1 };
    expect((await s.secretariat.put(`/api/risk-weights/${a.town.id}`, { version: null, weights })).statusCode).toBe(200);

    // Reference date 1/9/2021 (today, before the year's end).
    clock.set('2021-09-01T02:00:00Z');
    const res = await s.leader.get(`/api/risk-ranking?parentUnitId=${a.town.id}&year=2021`);
    expect(res.statusCode, res.body).toBe(200);
    const ranking = res.json() as RiskRankingDto;
    expect(ranking).toMatchObject({ referenceDate: '2021-09-01', unavailable: [] });
    // By hand, at 1/9/2021:
    //   open actions (open, in progress, reported): A 2 (a1, a3; a2 closed), B 3, C 0 — max 3
    //   overdue (open or in progress, due before 1/9): A 1 (a1), B 2 (b1, b2; b3 reported), C 0 — max 2
    //   late reports (due in 2021 before 1/9: July, August): A 1 sent late, B 1 missing (July),
    //     C 2 (July late, August missing) — max 2; October's is not due yet
    //   years since the last inspection: A 0, B 0 (visited 2021), C never → 5 — max 5
    // Σ weights = 1 + 2 + 1 + 1 = 5.
    //   B: 1×3/3 + 2×2/2 + 1×1/2 + 1×0 = 3.5   → 3.5/5 × 100 = 70
    //   A: 1×2/3 + 2×1/2 + 1×1/2 + 1×0 = 2.1667 → 43.3
    //   C: 0 + 0 + 1×2/2 + 1×5/5 = 2           → 40
    expect(ranking.items.map((i) => [i.unitName, i.rank, i.score])).toEqual([
      [a.wardB.name, 1, 70],
      [a.wardA.name, 2, 43.3],
      [wardC.name, 3, 40],
    ]);
    const figures = (name: string) => {
      const f = ranking.items.find((i) => i.unitName === name)!.figures;
      return [f.openActions, f.overdueActions, f.overdueTasks, f.lateReports, f.missingReports];
    };
    expect([figures(a.wardA.name), figures(a.wardB.name), figures(wardC.name)]).toEqual([
      [2, 1, 0, 1, 0],
      [3, 2, 0, 1, 1],
      [0, 0, 0, 2, 1],
    ]);
    // Each part's points of the score: weight × normalised × 100 / 5, strongest first (ties in the sentence's order).
    //   B: overdue 40, open 20, late 10;  A: overdue 20, open 13.33, late 10;  C: never inspected 20, late 20.
    const [b, aa, c] = ranking.items;
    expect(b.explanation.vi).toBe('Hạng 1 (điểm rủi ro 70): 2 biện pháp khắc phục quá hạn; 3 biện pháp khắc phục chưa hoàn thành; 1 báo cáo quá hạn chưa nộp; chưa có điểm chỉ số CCHC năm 2021; chưa có chỉ số hài lòng năm 2021; đã được kiểm tra năm 2021.');
    expect(aa.explanation.vi).toBe('Hạng 2 (điểm rủi ro 43,3): 1 biện pháp khắc phục quá hạn; 2 biện pháp khắc phục chưa hoàn thành; 1 báo cáo nộp muộn; chưa có điểm chỉ số CCHC năm 2021; chưa có chỉ số hài lòng năm 2021; đã được kiểm tra năm 2021.');
    expect(aa.explanation.en).toBe('Rank 2 (risk score 43.3): 1 overdue corrective action; 2 open corrective actions; 1 report sent late; no PAR index score for 2021; no satisfaction index for 2021; inspected in 2021.');
    expect(c.explanation.vi).toBe('Hạng 3 (điểm rủi ro 40): chưa có cuộc kiểm tra nào trong dữ liệu; 1 báo cáo nộp muộn, 1 báo cáo quá hạn chưa nộp; chưa có điểm chỉ số CCHC năm 2021; chưa có chỉ số hài lòng năm 2021.');
    expect(c.explanation.en).toBe('Rank 3 (risk score 40): no inspection on record; 1 report sent late, 1 report overdue, not sent; no PAR index score for 2021; no satisfaction index for 2021.');

    // Read in 2023, the 2021 ranking is judged at the year's end (1/1/2022): a3 (due 15/12) is overdue
    // too, and October's report is missing for all three.
    clock.set('2023-03-01T02:00:00Z');
    const later = (await s.leader.get(`/api/risk-ranking?parentUnitId=${a.town.id}&year=2021`)).json() as RiskRankingDto;
    expect(later.referenceDate).toBe('2022-01-01');
    expect(later.items.map((i) => [i.unitName, i.figures.openActions, i.figures.overdueActions, i.figures.lateReports, i.figures.missingReports])).toEqual(
      expect.arrayContaining([
        [a.wardA.name, 2, 2, 2, 1],
        [a.wardB.name, 3, 2, 2, 2],
        [wardC.name, 0, 0, 3, 2],
      ]),
    );
  });
});
