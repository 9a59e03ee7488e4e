import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { riskFactorNames, type RiskRankingDto } from '../../../shared/api/indices.schemas.js';
import { readListWorkbook } from '../../documents/list-workbook.test-support.js';
import { riskFactorLabels } from './risk-workbook.js';
import { defaultRiskWeights } from '../../../shared/domain/risk-ranking.js';
import { makeAuthority, makeAgency, makeUnit, signInAuthority } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { issueNewPlan } from '../plans/plans.test-support.js';
import { publishedFramework, saveFinal } from './test-support.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('risk-based ranking', () => {
  it('ranks the wards of a town from their index, satisfaction, complaints and inspections, explains each rank, and follows the office’s weights', async () => {
    const a = await makeAuthority(t.database.db);
    const c = await signInAuthority(t.app, a);
    // A third ward, never scored: it ranks with "no figure" rather than a made-up one.
    const wardC = await makeUnit(t.database.db, { name: `Hoài Hảo ${a.tag}`, kind: 'ward', parentId: a.town.id, code: `WC-${a.tag}` });
    await makeAgency(t.database.db, { unitId: wardC.id, name: `UBND phường Hoài Hảo ${a.tag}`, kind: 'peoples_committee' });
    const par = await publishedFramework(c.secretariat, a);
    const sipas = await publishedFramework(c.secretariat, a, {
      code: `SIPAS-${a.tag}`,
      kind: 'sipas',
      unmetThresholdPct: 80,
      criteria: [
        { code: '1', name: 'Tiếp cận dịch vụ', maxPoints: 100 },
        { code: '2', name: 'Thủ tục hành chính', maxPoints: 100 },
      ],
    });
    // Ward A: 7.25 of 10 (1.1, 1.2 and 2.2 unmet), SIPAS 80; ward B: 10 of 10, SIPAS 90.
    await saveFinal(c.secretariat, par, a.wardA.id, 2021, { '1.1': 1, '1.2': 2, '2.1': 2, '2.2': 2.25 });
    await saveFinal(c.secretariat, par, a.wardB.id, 2021, { '1.1': 1.5, '1.2': 2.5, '2.1': 2, '2.2': 4 });
    await saveFinal(c.secretariat, sipas, a.wardA.id, 2021, { '1': 75, '2': 85 });
    await saveFinal(c.secretariat, sipas, a.wardB.id, 2021, { '1': 90, '2': 90 });
    for (const day of ['2021-02-01', '2021-06-15']) await c.secretariat.post('/api/feedback', { unitId: a.wardA.id, receivedOn: day, channel: 'hotline', subject: 'Chậm trả kết quả' });
    await c.secretariat.post('/api/feedback', { unitId: a.wardB.id, receivedOn: '2020-06-15', channel: 'portal', subject: 'Năm trước: không tính' });
    // Ward B's committee was the target of a plan carried out in 2021.
    const plan = await issueNewPlan(c.secretariat, c.leader, a, '2021-05-05', { targetAgencyIds: [a.wardBCommittee.id] });
    expect((await c.secretariat.post(`/api/plans/${plan.id}/start`, { version: plan.version })).statusCode).toBe(200);

    const res = await c.leader.get(`/api/risk-ranking?parentUnitId=${a.town.id}&year=2021`);
    expect(res.statusCode, res.body).toBe(200);
    const ranking = res.json() as RiskRankingDto;
    expect(ranking).toMatchObject({ parFramework: { id: par.id }, sipasFramework: { id: sipas.id }, averageIndex: 86.25, averageSatisfaction: 85, unavailable: [] });
    expect(ranking.weights).toEqual(defaultRiskWeights);
    // Weights 3,1,2,2,2,2 and, counted by their modules though 0 for everyone here, open actions 1,
    // overdue actions 2, overdue tasks 1, late reports 1 (sum 17). A: unmet 3/3, lost 2.75/2.75, below
    // index 13.75/13.75, below SIPAS 5/5, complaints 2/2, years 5/5 → 12/17 = 70.6.
    // C: never inspected 5/5 → 2/17 = 11.8. B: all 0 → 0.
    expect(ranking.items.map((i) => [i.unitName, i.rank, i.score, i.targetAgencyId])).toEqual([
      [a.wardA.name, 1, 70.6, a.wardACommittee.id],
      [wardC.name, 2, 11.8, expect.any(String)],
      [a.wardB.name, 3, 0, a.wardBCommittee.id],
    ]);
    expect(ranking.items[0].explanation.vi).toBe(
      'Hạng 1 (điểm rủi ro 70,6): 3 tiêu chí chưa đạt (mất 2,75 điểm); chỉ số CCHC 72,5%, thấp hơn bình quân 13,75 điểm; SIPAS 80%, thấp hơn bình quân 5 điểm; 2 phản ánh, kiến nghị năm 2021; chưa có cuộc kiểm tra nào trong dữ liệu.',
    );
    expect(ranking.items[1].explanation.vi).toBe(`Hạng 2 (điểm rủi ro 11,8): chưa có cuộc kiểm tra nào trong dữ liệu; chưa có điểm chỉ số CCHC năm 2021; chưa có chỉ số hài lòng năm 2021.`);
    expect(ranking.items[2].figures).toMatchObject({ lastInspectedYear: 2021, complaints: 0, indexPct: 100 });
    expect(ranking.items[2].explanation.vi).toContain('đã được kiểm tra năm 2021');

    // The office weighs only the time since the last inspection: B drops, A and C share the top.
    const weights = Object.fromEntries(Object.keys(defaultRiskWeights).map((k) => [k, k === 'sinceInspection' ? 5 : 0]));
    expect((await c.leader.put(`/api/risk-weights/${a.town.id}`, { version: null, weights })).statusCode).toBe(403);
    // Every weight at 0 ranks nothing: refused, nothing saved.
    const zero = Object.fromEntries(Object.keys(defaultRiskWeights).map((k) => [k, 0]));
    const refused = await c.secretariat.put(`/api/risk-weights/${a.town.id}`, { version: null, weights: zero });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().invalidParams[0]).toMatchObject({ name: 'body.weights', code: 'all_weights_zero' });
    expect((await c.secretariat.get(`/api/risk-weights/${a.town.id}`)).json().version).toBeNull();
    const saved = await c.secretariat.put(`/api/risk-weights/${a.town.id}`, { version: null, weights });
    expect(saved.json()).toMatchObject({ version: 1, weights: { sinceInspection: 5, unmet: 0 } });
    expect((await c.secretariat.put(`/api/risk-weights/${a.town.id}`, { version: null, weights })).statusCode).toBe(409);
    const reweighed = (await c.secretariat.get(`/api/risk-ranking?parentUnitId=${a.town.id}&year=2021`)).json() as RiskRankingDto;
    // The whole ranking as .xlsx: the same units in the same order, each factor's figure and share, the explanation.
    const book = await readListWorkbook((await c.secretariat.get(`/api/risk-ranking.xlsx?parentUnitId=${a.town.id}&year=2021`)).rawPayload);
    expect(book.title).toContain(`Xếp hạng rủi ro các đơn vị năm 2021 — Phạm vi: ${a.town.name}`);
    expect(book.headers).toEqual(['Hạng', 'Đơn vị', 'Điểm rủi ro', ...riskFactorNames.flatMap((f) => [riskFactorLabels[f], `${riskFactorLabels[f]} (điểm)`]), 'Giải thích']);
    expect(book.rows).toEqual(
      reweighed.items.map((u) => [u.rank, u.unitName, u.score, ...riskFactorNames.flatMap((f) => { const x = u.factors.find((y) => y.factor === f); return [x?.value ?? null, x?.contribution ?? null]; }), u.explanation.vi]),
    );
    expect(reweighed.items.map((i) => [i.unitName, i.rank, i.score])).toEqual([
      [wardC.name, 1, 100],
      [a.wardA.name, 1, 100],
      [a.wardB.name, 3, 0],
    ]);
  });

  it('is for the leaders and the standing office only, within their reach', async () => {
    const a = await makeAuthority(t.database.db);
    const c = await signInAuthority(t.app, a);
    expect((await c.unitOfficerA.get(`/api/risk-ranking?parentUnitId=${a.town.id}&year=2021`)).statusCode).toBe(403);
    expect((await c.inspector.get(`/api/risk-ranking?parentUnitId=${a.town.id}&year=2021`)).statusCode).toBe(403);
    const other = await makeAuthority(t.database.db);
    expect((await c.leader.get(`/api/risk-ranking?parentUnitId=${other.town.id}&year=2021`)).statusCode).toBe(404);
    expect((await c.leader.get(`/api/risk-ranking.xlsx?parentUnitId=${other.town.id}&year=2021`)).statusCode).toBe(404);
    expect((await c.inspector.get(`/api/risk-ranking.xlsx?parentUnitId=${a.town.id}&year=2021`)).statusCode).toBe(403);
    expect((await c.leader.get(`/api/risk-weights/${other.town.id}`)).statusCode).toBe(404);
  });
});
