import { describe, expect, it } from 'vitest';
import { defaultRiskWeights, rankByRisk, viNumber, type RiskInput, type RiskWeights } from './risk-ranking.js';

const unit = (key: string, v: Partial<RiskInput>): RiskInput => ({
  key,
  name: key,
  unmetCount: null,
  pointsLost: null,
  indexPct: null,
  satisfactionPct: null,
  complaints: 0,
  lastInspectedYear: null,
  openActions: null,
  overdueActions: null,
  overdueTasks: null,
  lateReports: null,
  ...v,
});

describe('rankByRisk: a hand-computed example', () => {
  // Weights 2,1,1,1,1,1 on the six factors with data (sum 7); the four without a source are left out.
  const weights: RiskWeights = { ...defaultRiskWeights, unmet: 2, pointsLost: 1, lowIndex: 1, lowSatisfaction: 1, complaints: 1, sinceInspection: 1 };
  const units = [
    unit('A', { unmetCount: 5, pointsLost: 7.5, indexPct: 80, satisfactionPct: 78.2, complaints: 3, lastInspectedYear: 2019 }),
    unit('B', { unmetCount: 1, pointsLost: 2, indexPct: 90, satisfactionPct: 86.3, complaints: 0, lastInspectedYear: 2021 }),
    unit('C', { unmetCount: 0, pointsLost: 0, indexPct: 97.5, satisfactionPct: 87, complaints: 1, lastInspectedYear: null }),
  ];
  const ranking = rankByRisk(units, weights, 2021);

  it('computes the score by hand: Σ weight × value / max ÷ Σ weights × 100', () => {
    // Averages: index (80 + 90 + 97.5) / 3 = 89.17; SIPAS (78.2 + 86.3 + 87) / 3 = 83.83.
    expect(ranking.averageIndex).toBe(89.17);
    expect(ranking.averageSatisfaction).toBe(83.83);
    expect(ranking.unavailable).toEqual(['openActions', 'overdueActions', 'overdueTasks', 'lateReports']);
    // A: unmet 5/5, lost 7.5/7.5, below index 9.17/9.17, below SIPAS 5.63/5.63, complaints 3/3, years 2/5:
    //    (2·1 + 1 + 1 + 1 + 1 + 0.4) / 7 × 100 = 91.43
    // C: never inspected counts 5 years (5/5), complaints 1/3: (1/3 + 1) / 7 × 100 = 19.05
    // B: unmet 1/5, lost 2/7.5: (2·0.2 + 0.2667) / 7 × 100 = 9.52
    expect(ranking.items.map((i) => [i.key, i.rank, i.score])).toEqual([
      ['A', 1, 91.4],
      ['C', 2, 19],
      ['B', 3, 9.5],
    ]);
    const a = ranking.items[0].factors;
    expect(a.map((f) => [f.factor, f.value, f.normalized])).toEqual([
      ['unmet', 5, 1],
      ['pointsLost', 7.5, 1],
      ['lowIndex', 9.17, 1],
      ['lowSatisfaction', 5.63, 1],
      ['complaints', 3, 1],
      ['sinceInspection', 2, 0.4],
    ]);
    expect(a.find((f) => f.factor === 'unmet')!.contribution).toBe(28.57);
  });

  it('explains each rank in Vietnamese with the figures, strongest reasons first', () => {
    expect(ranking.items[0].explanation.vi).toBe(
      'Hạng 1 (điểm rủi ro 91,4): 5 tiêu chí chưa đạt (mất 7,5 điểm); chỉ số CCHC 80%, thấp hơn bình quân 9,17 điểm; SIPAS 78,2%, thấp hơn bình quân 5,63 điểm; 3 phản ánh, kiến nghị năm 2021; chưa được kiểm tra từ năm 2019.',
    );
    expect(ranking.items[1].explanation.vi).toBe(
      'Hạng 2 (điểm rủi ro 19): chưa có cuộc kiểm tra nào trong dữ liệu; 1 phản ánh, kiến nghị năm 2021; không có tiêu chí chưa đạt; chỉ số CCHC 97,5%, cao hơn bình quân 8,33 điểm; SIPAS 87%, cao hơn bình quân 3,17 điểm.',
    );
    expect(ranking.items[2].explanation.en).toBe('Rank 3 (risk score 9.5): 1 unmet criteria (2 points lost); PAR index 90%, 0.83 points above the average; SIPAS 86.3%, 2.47 points above the average; inspected in 2021.');
  });

  it('writes every figure of a sentence at one precision: the index and the points lost add up to 100 (issue 12 review #6)', () => {
    const r = rankByRisk([unit('D', { unmetCount: 4, pointsLost: 23.75, indexPct: 76.25 }), unit('E', { unmetCount: 0, pointsLost: 0, indexPct: 76.27 })], weights, 2021);
    const d = r.items.find((i) => i.key === 'D')!.explanation;
    expect(d.vi).toContain('4 tiêu chí chưa đạt (mất 23,75 điểm)');
    expect(d.vi).toContain('chỉ số CCHC 76,25%, thấp hơn bình quân 0,01 điểm');
    expect(d.en).toContain('PAR index 76.25%, 0.01 points below the average');
  });

  it('lets the office change the weights: complaints alone put C above B', () => {
    const onlyComplaints = Object.fromEntries(Object.keys(weights).map((k) => [k, k === 'complaints' ? 1 : 0])) as RiskWeights;
    const r = rankByRisk(units, onlyComplaints, 2021);
    expect(r.items.map((i) => [i.key, i.rank, i.score])).toEqual([
      ['A', 1, 100],
      ['C', 2, 33.3],
      ['B', 3, 0],
    ]);
  });

  it('gives equal scores the same rank and counts figures from new sources when they exist', () => {
    const r = rankByRisk([unit('X', { overdueTasks: 3 }), unit('Y', { overdueTasks: 3 }), unit('Z', { overdueTasks: 0 })], defaultRiskWeights, 2021);
    expect(r.unavailable).toEqual(['openActions', 'overdueActions', 'lateReports']);
    expect(r.items.map((i) => [i.key, i.rank])).toEqual([['X', 1], ['Y', 1], ['Z', 3]]);
    expect(r.items[0].explanation.vi).toContain('3 nhiệm vụ quá hạn');
  });

  it('writes numbers the Vietnamese way', () => {
    expect([viNumber(7.5), viNumber(78.25), viNumber(19), viNumber(7.25, 2)]).toEqual(['7,5', '78,3', '19', '7,25']);
    // A count keeps its own zeros (reviewer finding: 10 was shown as "1" and 0 as nothing).
    expect([viNumber(10, 0), viNumber(0, 0), viNumber(100), viNumber(20.0), viNumber(10.04)]).toEqual(['10', '0', '100', '20', '10']);
  });
});
