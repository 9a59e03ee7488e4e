/**
 * How an index framework's leaves add up (reference.md §1.3–1.5, §2.3), shared by the server (API,
 * import, ranking) and the web app (the score form shows the same totals before saving).
 *
 *  - A leaf's value is its final points, else appraised, else self-assessed; none: not scored.
 *  - A leaf marked "not applicable" leaves the unit's maximum (index % = points / applicable
 *    maximum × 100, as Quảng Trị normalises).
 *  - A sheet has an index only when it is complete: every applicable leaf scored
 *    (docs/decisions/incomplete-score-sheets.md). A province publishes a unit's index after the
 *    whole set is appraised (reference.md §1.3); a partly scored sheet is "chưa chấm đủ": no
 *    index %, so it is left out of averages, ranks and the roll-ups' `scored`, which count the
 *    same complete sheets everywhere. Its judged leaves still count: unmet criteria and points
 *    lost are those of the scored leaves (a leaf nobody judged is neither lost nor unmet).
 *  - `sum` frameworks (PAR): index % = Σ values / Σ applicable maxima × 100.
 *    `average` frameworks (SIPAS): index % = the mean of each element's value / maximum × 100.
 *  - A scored leaf is unmet below its own threshold (`unmetBelow`) or, without one, below
 *    `unmetThresholdPct` % of its maximum (100: anything below the maximum).
 */

export type Aggregation = 'sum' | 'average';

export interface CriterionNode {
  id: string;
  parentId: string | null;
  code: string;
  name: string;
  maxPoints: number;
  unmetBelow: number | null;
  position: number;
}

export interface LeafScore {
  criterionId: string;
  selfPoints: number | null;
  appraisedPoints: number | null;
  finalPoints: number | null;
  notApplicable: boolean;
}

export interface FrameworkRules {
  aggregation: Aggregation;
  unmetThresholdPct: number;
}

export interface UnmetLeaf {
  criterionId: string;
  code: string;
  name: string;
  points: number;
  maxPoints: number;
  threshold: number;
  /** maxPoints − points. */
  lost: number;
}

export interface SheetSummary {
  /** Σ values of scored, applicable leaves. */
  total: number;
  /** Σ maxima of applicable leaves. */
  applicableMax: number;
  /** null until every applicable leaf is scored (`complete`). */
  indexPct: number | null;
  /** Σ (maximum − value) over the scored, applicable leaves; on a complete sheet applicableMax − total. */
  pointsLost: number;
  unmet: UnmetLeaf[];
  scoredLeaves: number;
  /** Applicable leaves (not-applicable ones left out). */
  applicableLeaves: number;
  leafCount: number;
  /** Every applicable leaf scored (and at least one applies): the sheet has an index. */
  complete: boolean;
}

/** Two decimals, as the columns store them (avoids 7.499999 in sums). */
export const round2 = (x: number): number => Math.round(x * 100 + Number.EPSILON * 100) / 100;

/** The leaves of a tree: nodes nobody names as parent, in code order. */
export function leavesOf<T extends Pick<CriterionNode, 'id' | 'parentId' | 'code' | 'position'>>(nodes: readonly T[]): T[] {
  const parents = new Set(nodes.map((n) => n.parentId).filter((p): p is string => p !== null));
  return nodes.filter((n) => !parents.has(n.id)).sort(compareCodes);
}

/** "1.2" before "1.10", "2" after "1.9". */
export function compareCodes(a: { code: string; position?: number }, b: { code: string; position?: number }): number {
  const pa = a.code.split('.').map((s) => Number.parseInt(s, 10));
  const pb = b.code.split('.').map((s) => Number.parseInt(s, 10));
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? -1;
    const y = pb[i] ?? -1;
    if (Number.isNaN(x) || Number.isNaN(y)) return a.code.localeCompare(b.code);
    if (x !== y) return x - y;
  }
  return (a.position ?? 0) - (b.position ?? 0);
}

/** The value a leaf counts with: final, else appraised, else self-assessed. */
export const leafValue = (s: Pick<LeafScore, 'selfPoints' | 'appraisedPoints' | 'finalPoints'>): number | null => s.finalPoints ?? s.appraisedPoints ?? s.selfPoints;

/** The points below which a leaf is unmet. */
export const unmetThreshold = (leaf: Pick<CriterionNode, 'maxPoints' | 'unmetBelow'>, rules: Pick<FrameworkRules, 'unmetThresholdPct'>): number =>
  leaf.unmetBelow ?? round2((leaf.maxPoints * rules.unmetThresholdPct) / 100);

/** Totals, index % and unmet leaves of one unit's sheet. */
export function summarizeSheet(nodes: readonly CriterionNode[], scores: readonly LeafScore[], rules: FrameworkRules): SheetSummary {
  const byLeaf = new Map(scores.map((s) => [s.criterionId, s]));
  const leaves = leavesOf(nodes);
  let total = 0;
  let applicableMax = 0;
  let scoredLeaves = 0;
  let applicableLeaves = 0;
  let scoredMax = 0;
  const shares: number[] = [];
  const unmet: UnmetLeaf[] = [];
  for (const leaf of leaves) {
    const s = byLeaf.get(leaf.id);
    if (s?.notApplicable) continue;
    applicableMax += leaf.maxPoints;
    applicableLeaves++;
    const value = s ? leafValue(s) : null;
    if (value === null) continue;
    scoredLeaves++;
    scoredMax += leaf.maxPoints;
    total += value;
    if (leaf.maxPoints > 0) shares.push((value / leaf.maxPoints) * 100);
    const threshold = unmetThreshold(leaf, rules);
    if (value < threshold) unmet.push({ criterionId: leaf.id, code: leaf.code, name: leaf.name, points: value, maxPoints: leaf.maxPoints, threshold, lost: round2(leaf.maxPoints - value) });
  }
  const complete = applicableLeaves > 0 && scoredLeaves === applicableLeaves;
  let indexPct: number | null = null;
  if (complete) {
    if (rules.aggregation === 'average') indexPct = shares.length ? round2(shares.reduce((a, b) => a + b, 0) / shares.length) : null;
    else indexPct = applicableMax > 0 ? round2((total / applicableMax) * 100) : null;
  }
  return {
    total: round2(total),
    applicableMax: round2(applicableMax),
    indexPct,
    pointsLost: round2(scoredMax - total),
    unmet,
    scoredLeaves,
    applicableLeaves,
    leafCount: leaves.length,
    complete,
  };
}

/**
 * Ranks by index % (highest first); equal indices share a rank ("1, 2, 2, 4"); units without an
 * index are left out. Returns rank by key.
 */
export function rankByIndex(rows: readonly { key: string; indexPct: number | null }[]): Map<string, number> {
  const scored = rows.filter((r) => r.indexPct !== null).sort((a, b) => b.indexPct! - a.indexPct!);
  const ranks = new Map<string, number>();
  scored.forEach((r, i) => ranks.set(r.key, i > 0 && scored[i - 1].indexPct === r.indexPct ? ranks.get(scored[i - 1].key)! : i + 1));
  return ranks;
}

/** A tree's maximum checks: every parent equals the sum of its children (within a cent). */
export function maxPointMismatches(nodes: readonly CriterionNode[]): { code: string; maxPoints: number; childrenSum: number }[] {
  const out: { code: string; maxPoints: number; childrenSum: number }[] = [];
  for (const n of nodes) {
    const children = nodes.filter((c) => c.parentId === n.id);
    if (!children.length) continue;
    const childrenSum = round2(children.reduce((a, c) => a + c.maxPoints, 0));
    if (Math.abs(childrenSum - n.maxPoints) > 0.005) out.push({ code: n.code, maxPoints: n.maxPoints, childrenSum });
  }
  return out;
}
