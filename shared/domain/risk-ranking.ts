import { compareVietnamese } from './vietnamese.js';

/**
 * Risk-based targeting (issue 11 §3, M15): a transparent score per unit from figures the office
 * can check, with weights the office sets, and a sentence per rank that says why, with the
 * figures ("Hạng 2: 5 tiêu chí chưa đạt (mất 7,5 điểm); SIPAS 78,2%, thấp hơn bình quân 6,1
 * điểm; chưa được kiểm tra từ năm 2019").
 *
 * The arithmetic, so anyone can redo it by hand:
 *  1. Each factor has a raw value per unit, "more is riskier":
 *       unmet            unmet criteria of the PAR index (count)
 *       pointsLost       points lost on the PAR index
 *       lowIndex         points of PAR index % below the peers' average (0 when above)
 *       lowSatisfaction  points of satisfaction % below the peers' average (0 when above)
 *       complaints       complaints and feedback received in the year
 *       sinceInspection  years since the last inspection, capped at NEVER_INSPECTED_YEARS
 *                        (never inspected, as far as the records go, counts as the cap)
 *       openActions      corrective actions of the unit's agencies still to be fixed (open, in
 *                        progress or reported, not closed) at the reference date
 *       overdueActions   of those, the ones still to be done (not reported) past their due date
 *                        at the reference date (counted in both: an overdue action weighs more)
 *       overdueTasks     assigned tasks due in the year done late or still open past due
 *       lateReports      reports due in the year sent after their due date, or not sent and past
 *                        due at the reference date (missingReports of them)
 *       (the last four come from modules that register a source on the server; a factor without
 *       one is null: not counted, and said so)
 *     The reference date is today, or the end of the ranking's year if that is earlier.
 *  2. Normalised by the largest value among the units ranked: value / max (0 when max is 0).
 *  3. Score = Σ weight × normalised / Σ weights of the factors with data × 100 (0–100).
 *  4. Highest score first; equal scores share a rank.
 * A unit without a figure for a factor (not scored that year) gets 0 for it and the sentence
 * says the figure is missing.
 */

export const riskFactors = ['unmet', 'pointsLost', 'lowIndex', 'lowSatisfaction', 'complaints', 'sinceInspection', 'openActions', 'overdueActions', 'overdueTasks', 'lateReports'] as const;
export type RiskFactor = (typeof riskFactors)[number];
export type RiskWeights = Record<RiskFactor, number>;

/** The defaults until an office sets its own (0–10 each). */
export const defaultRiskWeights: RiskWeights = {
  unmet: 3,
  pointsLost: 1,
  lowIndex: 2,
  lowSatisfaction: 2,
  complaints: 2,
  sinceInspection: 2,
  openActions: 1,
  overdueActions: 2,
  overdueTasks: 1,
  lateReports: 1,
};

export const NEVER_INSPECTED_YEARS = 5;

export interface RiskInput {
  key: string;
  name: string;
  unmetCount: number | null;
  pointsLost: number | null;
  indexPct: number | null;
  satisfactionPct: number | null;
  complaints: number;
  lastInspectedYear: number | null;
  /** null: the figure has no source yet (corrective actions, tasks, reports). */
  openActions: number | null;
  overdueActions: number | null;
  overdueTasks: number | null;
  lateReports: number | null;
  /** Of lateReports, those never sent (the rest were sent late); absent or null: not told apart. */
  missingReports?: number | null;
}

export interface FactorScore {
  factor: RiskFactor;
  /** The raw value (null: no figure for this unit). */
  value: number | null;
  normalized: number;
  weight: number;
  /** Points of the 0–100 score this factor gives. */
  contribution: number;
}

export interface RankedUnit {
  key: string;
  name: string;
  rank: number;
  score: number;
  factors: FactorScore[];
  explanation: { vi: string; en: string };
}

export interface RiskRanking {
  year: number;
  averageIndex: number | null;
  averageSatisfaction: number | null;
  /** Factors without a data source: left out of the weights' sum. */
  unavailable: RiskFactor[];
  items: RankedUnit[];
}

const r1 = (x: number) => Math.round(x * 10 + Number.EPSILON * 10) / 10;
const r2 = (x: number) => Math.round(x * 100 + Number.EPSILON * 100) / 100;
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/** The number rounded to `digits` decimals, without trailing decimal zeros (never the integer's own: 10 stays "10"). */
const rounded = (x: number, digits: number): string => {
  const s = (Math.round(x * 10 ** digits) / 10 ** digits).toFixed(digits);
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
};
/** 7.5 → "7,5"; 78.25 → "78,3"; 10 → "10" (one decimal, Vietnamese comma, no trailing ",0"). */
export const viNumber = (x: number, digits = 1): string => rounded(x, digits).replace('.', ',');
const enNumber = (x: number, digits = 1): string => rounded(x, digits);

/** The raw value of each factor for a unit. */
function rawValues(u: RiskInput, year: number, avgIndex: number | null, avgSat: number | null): Record<RiskFactor, number | null> {
  return {
    unmet: u.unmetCount,
    pointsLost: u.pointsLost,
    lowIndex: u.indexPct === null || avgIndex === null ? null : Math.max(0, r2(avgIndex - u.indexPct)),
    lowSatisfaction: u.satisfactionPct === null || avgSat === null ? null : Math.max(0, r2(avgSat - u.satisfactionPct)),
    complaints: u.complaints,
    sinceInspection: u.lastInspectedYear === null ? NEVER_INSPECTED_YEARS : Math.min(NEVER_INSPECTED_YEARS, Math.max(0, year - u.lastInspectedYear)),
    openActions: u.openActions,
    overdueActions: u.overdueActions,
    overdueTasks: u.overdueTasks,
    lateReports: u.lateReports,
  };
}

/** Ranks the units; see the module comment for the arithmetic. */
export function rankByRisk(units: readonly RiskInput[], weights: RiskWeights, year: number): RiskRanking {
  const avgIndex = mean(units.map((u) => u.indexPct).filter((x): x is number => x !== null));
  const avgSat = mean(units.map((u) => u.satisfactionPct).filter((x): x is number => x !== null));
  const raws = units.map((u) => rawValues(u, year, avgIndex, avgSat));
  // A factor with no figure for any unit has no source: it neither scores nor weighs.
  const unavailable = riskFactors.filter((f) => raws.every((r) => r[f] === null) && ['openActions', 'overdueActions', 'overdueTasks', 'lateReports'].includes(f));
  const active = riskFactors.filter((f) => !unavailable.includes(f));
  const weightSum = active.reduce((a, f) => a + Math.max(0, weights[f]), 0);
  const maxOf = Object.fromEntries(active.map((f) => [f, Math.max(0, ...raws.map((r) => r[f] ?? 0))])) as Record<RiskFactor, number>;
  const scored = units.map((u, i) => {
    const factors: FactorScore[] = active.map((f) => {
      const value = raws[i][f];
      const normalized = value === null || maxOf[f] === 0 ? 0 : value / maxOf[f];
      const weight = Math.max(0, weights[f]);
      return { factor: f, value, normalized: r2(normalized), weight, contribution: weightSum > 0 ? r2((weight * normalized * 100) / weightSum) : 0 };
    });
    const score = weightSum > 0 ? r1(factors.reduce((a, f) => a + (f.weight * (f.value === null || maxOf[f.factor] === 0 ? 0 : f.value / maxOf[f.factor]) * 100) / weightSum, 0)) : 0;
    return { u, factors, score };
  });
  scored.sort((a, b) => b.score - a.score || compareVietnamese(a.u.name, b.u.name));
  const items: RankedUnit[] = [];
  scored.forEach((s, i) => {
    const rank = i > 0 && scored[i - 1].score === s.score ? items[i - 1].rank : i + 1;
    items.push({ key: s.u.key, name: s.u.name, rank, score: s.score, factors: s.factors, explanation: explain(rank, s.score, s.u, s.factors, year, avgIndex, avgSat) });
  });
  return { year, averageIndex: avgIndex === null ? null : r2(avgIndex), averageSatisfaction: avgSat === null ? null : r2(avgSat), unavailable, items };
}

/** Decimals of the figures a rank's sentence shows: points are scored to hundredths. */
const FIGURE_DIGITS = 2;

/** The sentence of a rank, in Vietnamese and English, strongest reasons first. */
function explain(rank: number, score: number, u: RiskInput, factors: FactorScore[], year: number, avgIndex: number | null, avgSat: number | null): { vi: string; en: string } {
  const vi: [number, string][] = [];
  const en: [number, string][] = [];
  const weightOf = (f: RiskFactor) => factors.find((x) => x.factor === f)?.contribution ?? 0;
  const lost = u.pointsLost ?? 0;
  // Every figure of the sentence at one precision (issue 12 review: "chỉ số CCHC 76,3%" beside
  // "mất 23,75 điểm" did not add up to 100): points, percentages and gaps are kept to hundredths.
  const vn = (x: number) => viNumber(x, FIGURE_DIGITS);
  const en2 = (x: number) => enNumber(x, FIGURE_DIGITS);
  if (u.unmetCount) {
    vi.push([weightOf('unmet') + weightOf('pointsLost'), `${u.unmetCount} tiêu chí chưa đạt (mất ${vn(lost)} điểm)`]);
    en.push([weightOf('unmet') + weightOf('pointsLost'), `${u.unmetCount} unmet criteria (${en2(lost)} points lost)`]);
  } else if (u.unmetCount === 0) {
    vi.push([0, 'không có tiêu chí chưa đạt']);
    en.push([0, 'no unmet criteria']);
  }
  if (u.indexPct !== null && avgIndex !== null) {
    const gap = avgIndex - u.indexPct;
    const gapShown = Number(rounded(gap, FIGURE_DIGITS));
    vi.push([weightOf('lowIndex'), `chỉ số CCHC ${vn(u.indexPct)}%, ${gapShown > 0 ? `thấp hơn bình quân ${vn(gap)} điểm` : gapShown < 0 ? `cao hơn bình quân ${vn(-gap)} điểm` : 'bằng bình quân'}`]);
    en.push([weightOf('lowIndex'), `PAR index ${en2(u.indexPct)}%, ${gapShown > 0 ? `${en2(gap)} points below the average` : gapShown < 0 ? `${en2(-gap)} points above the average` : 'at the average'}`]);
  } else {
    vi.push([0, `chưa có điểm chỉ số CCHC năm ${year}`]);
    en.push([0, `no PAR index score for ${year}`]);
  }
  if (u.satisfactionPct !== null && avgSat !== null) {
    const gap = avgSat - u.satisfactionPct;
    const gapShown = Number(rounded(gap, FIGURE_DIGITS));
    vi.push([weightOf('lowSatisfaction'), `SIPAS ${vn(u.satisfactionPct)}%, ${gapShown > 0 ? `thấp hơn bình quân ${vn(gap)} điểm` : gapShown < 0 ? `cao hơn bình quân ${vn(-gap)} điểm` : 'bằng bình quân'}`]);
    en.push([weightOf('lowSatisfaction'), `SIPAS ${en2(u.satisfactionPct)}%, ${gapShown > 0 ? `${en2(gap)} points below the average` : gapShown < 0 ? `${en2(-gap)} points above the average` : 'at the average'}`]);
  } else {
    vi.push([0, `chưa có chỉ số hài lòng năm ${year}`]);
    en.push([0, `no satisfaction index for ${year}`]);
  }
  if (u.complaints > 0) {
    vi.push([weightOf('complaints'), `${u.complaints} phản ánh, kiến nghị năm ${year}`]);
    en.push([weightOf('complaints'), `${u.complaints} complaint${u.complaints > 1 ? 's' : ''} in ${year}`]);
  }
  if (u.lastInspectedYear === null) {
    vi.push([weightOf('sinceInspection'), 'chưa có cuộc kiểm tra nào trong dữ liệu']);
    en.push([weightOf('sinceInspection'), 'no inspection on record']);
  } else if (u.lastInspectedYear < year) {
    vi.push([weightOf('sinceInspection'), `chưa được kiểm tra từ năm ${u.lastInspectedYear}`]);
    en.push([weightOf('sinceInspection'), `not inspected since ${u.lastInspectedYear}`]);
  } else {
    vi.push([weightOf('sinceInspection'), `đã được kiểm tra năm ${u.lastInspectedYear}`]);
    en.push([weightOf('sinceInspection'), `inspected in ${u.lastInspectedYear}`]);
  }
  const counts: [RiskFactor, number | null, string, string][] = [
    ['openActions', u.openActions, 'biện pháp khắc phục chưa hoàn thành', 'open corrective action'],
    ['overdueActions', u.overdueActions, 'biện pháp khắc phục quá hạn', 'overdue corrective action'],
    ['overdueTasks', u.overdueTasks, 'nhiệm vụ quá hạn', 'overdue task'],
  ];
  for (const [f, n, vLabel, eLabel] of counts) {
    if (n) {
      vi.push([weightOf(f), `${n} ${vLabel}`]);
      en.push([weightOf(f), `${n} ${eLabel}${n > 1 ? 's' : ''}`]);
    }
  }
  if (u.lateReports) {
    const missing = Math.min(u.lateReports, u.missingReports ?? 0);
    const sentLate = u.lateReports - missing;
    const viParts = [sentLate ? `${sentLate} báo cáo nộp muộn` : '', missing ? `${missing} báo cáo quá hạn chưa nộp` : ''].filter(Boolean);
    const enParts = [sentLate ? `${sentLate} report${sentLate > 1 ? 's' : ''} sent late` : '', missing ? `${missing} report${missing > 1 ? 's' : ''} overdue, not sent` : ''].filter(Boolean);
    vi.push([weightOf('lateReports'), viParts.join(', ')]);
    en.push([weightOf('lateReports'), enParts.join(', ')]);
  }
  const order = (parts: [number, string][]) => parts.map((p, i) => ({ p, i })).sort((a, b) => b.p[0] - a.p[0] || a.i - b.i).map((x) => x.p[1]);
  return {
    vi: `Hạng ${rank} (điểm rủi ro ${viNumber(score)}): ${order(vi).join('; ')}.`,
    en: `Rank ${rank} (risk score ${enNumber(score)}): ${order(en).join('; ')}.`,
  };
}
