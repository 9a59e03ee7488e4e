import { and, eq, inArray, sql } from 'drizzle-orm';
import type { HistoryEntry, ResultRow } from '../../../shared/api/indices.schemas.js';
import { leafValue, rankByIndex, round2, summarizeSheet, type SheetSummary } from '../../../shared/domain/index-scoring.js';
import { indexFramework, indexScore, indexScoreSheet, unit } from '../../db/schema/index.js';
import type { DbOrTx } from '../../db/client.js';
import { findFilterUnit } from '../../authz/guard.js';
import type { Actor } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { criteriaOf, criteriaOfMany, findVisibleFramework, type CriterionRow } from './frameworks.repository.js';
import { ownerVisible, readsScoresOf, scoresVisible } from './indices.policy.js';
import { rulesOf } from './score-sheets.js';

export interface ScoredUnit {
  unitId: string;
  unitName: string;
  unitKind: string;
  unitPath: string;
  parentId: string | null;
  origin: string;
  summary: SheetSummary;
  /** The sheet's points by criterion id (the value the summary counts: final, else appraised, else self), or 'n/a'. */
  points: Map<string, number | 'n/a' | null>;
}

/**
 * Every sheet of a framework and year, summarised, with rank among peers (units of the same
 * parent). Ranks are computed over all peers, whoever asks: a ward's officer learns "3rd of 17"
 * without seeing the others' figures. `parentIds` narrows to the peers of those parents.
 */
export async function scoredUnits(tx: DbOrTx, framework: { id: string; aggregation: string; unmetThresholdPct: number }, year: number, criteria: CriterionRow[], parentIds?: (string | null)[]) {
  const conditions = [eq(indexScoreSheet.frameworkId, framework.id), eq(indexScoreSheet.year, year)];
  const realParents = parentIds?.filter((p): p is string => p !== null);
  if (realParents) conditions.push(realParents.length ? inArray(unit.parentId, realParents) : sql`false`);
  const sheets = await tx
    .select({ sheetId: indexScoreSheet.id, origin: indexScoreSheet.origin, unitId: unit.id, unitName: unit.name, unitKind: unit.kind, unitPath: unit.path, parentId: unit.parentId, sortKey: unit.sortKey })
    .from(indexScoreSheet)
    .innerJoin(unit, eq(unit.id, indexScoreSheet.unitId))
    .where(and(...conditions))
    .orderBy(sql`${unit.sortKey} collate "C"`);
  const scores = sheets.length ? await tx.select().from(indexScore).where(inArray(indexScore.sheetId, sheets.map((s) => s.sheetId))) : [];
  const bySheet = new Map<string, (typeof scores)[number][]>();
  for (const s of scores) bySheet.set(s.sheetId, [...(bySheet.get(s.sheetId) ?? []), s]);
  const rules = rulesOf(framework);
  const units: ScoredUnit[] = sheets.map((s) => ({
    ...s,
    summary: summarizeSheet(criteria, bySheet.get(s.sheetId) ?? [], rules),
    points: new Map((bySheet.get(s.sheetId) ?? []).map((x) => [x.criterionId, x.notApplicable ? 'n/a' : leafValue(x)])),
  }));
  const groups = new Map<string, ScoredUnit[]>();
  for (const u of units) groups.set(u.parentId ?? '', [...(groups.get(u.parentId ?? '') ?? []), u]);
  const ranks = new Map<string, { rank: number | null; peerCount: number; peerAverage: number | null }>();
  for (const peers of groups.values()) {
    const r = rankByIndex(peers.map((p) => ({ key: p.unitId, indexPct: p.summary.indexPct })));
    const scored = peers.filter((p) => p.summary.indexPct !== null);
    const peerAverage = scored.length ? round2(scored.reduce((a, p) => a + p.summary.indexPct!, 0) / scored.length) : null;
    for (const p of peers) ranks.set(p.unitId, { rank: r.get(p.unitId) ?? null, peerCount: scored.length, peerAverage });
  }
  return { units, ranks };
}

/** A framework's results for a year: the units in the caller's reach, with ranks among peers. */
export async function frameworkResults(tx: DbOrTx, actor: Actor, frameworkId: string, year: number, parentUnitId?: string, subtreeUnitId?: string) {
  const framework = await findVisibleFramework(tx, actor, frameworkId);
  if (!framework) throw AppError.notFound('index framework');
  // The subtree's root: one the caller may not read the scores of is not found, like any record.
  let under: string | null = null;
  if (subtreeUnitId) {
    const [root] = await tx.select({ path: unit.path }).from(unit).where(and(eq(unit.id, subtreeUnitId), scoresVisible(actor, 'unit')));
    if (!root) throw AppError.notFound('unit');
    under = root.path;
  }
  // The peers' parent: one the caller does not see is not found either (a ward's officer sees their town).
  if (parentUnitId) await findFilterUnit(tx, actor, parentUnitId);
  const criteria = await criteriaOf(tx, frameworkId);
  const { units, ranks } = await scoredUnits(tx, framework, year, criteria, parentUnitId ? [parentUnitId] : undefined);
  const visible = units.filter((u) => readsScoresOf(actor, u.unitPath) && (under === null || u.unitPath.startsWith(under)));
  const items: ResultRow[] = visible.map((u) => ({
    unitId: u.unitId,
    unitName: u.unitName,
    unitKind: u.unitKind,
    origin: u.origin as ResultRow['origin'],
    total: u.summary.total,
    applicableMax: u.summary.applicableMax,
    indexPct: u.summary.indexPct,
    pointsLost: u.summary.pointsLost,
    unmetCount: u.summary.unmet.length,
    complete: u.summary.complete,
    rank: ranks.get(u.unitId)?.rank ?? null,
    peerCount: ranks.get(u.unitId)?.peerCount ?? 0,
  }));
  // The average is over the units the caller reads, and only said when it compares at least two:
  // a ward's officer sees their own row alone, whose "average" would be their own score.
  const scored = items.filter((i) => i.indexPct !== null);
  const average = scored.length >= 2 ? round2(scored.reduce((a, i) => a + i.indexPct!, 0) / scored.length) : null;
  return { frameworkId, year, average, averageOf: average === null ? 0 : scored.length, items, framework, criteria, pointsOf: new Map(visible.map((u) => [u.unitId, u.points])) };
}

/** A unit's scores across frameworks and years, each with its rank among its peers. */
export async function unitHistory(tx: DbOrTx, actor: Actor, unitId: string) {
  const [u] = await tx.select().from(unit).where(and(eq(unit.id, unitId), scoresVisible(actor, 'unit')));
  if (!u) throw AppError.notFound('unit');
  const sheets = await tx
    .select({ frameworkId: indexScoreSheet.frameworkId, year: indexScoreSheet.year, code: indexFramework.code, name: indexFramework.name, kind: indexFramework.kind, illustrative: indexFramework.illustrative, aggregation: indexFramework.aggregation, unmetThresholdPct: indexFramework.unmetThresholdPct })
    .from(indexScoreSheet)
    .innerJoin(indexFramework, eq(indexFramework.id, indexScoreSheet.frameworkId))
    .where(and(eq(indexScoreSheet.unitId, unitId), sql`${indexFramework.ownerAgencyId} in (select agency.id from agency where ${ownerVisible(actor, 'agency')})`));
  const criteria = await criteriaOfMany(tx, [...new Set(sheets.map((s) => s.frameworkId))]);
  const items: HistoryEntry[] = [];
  for (const s of sheets) {
    const { units, ranks } = await scoredUnits(tx, { id: s.frameworkId, aggregation: s.aggregation, unmetThresholdPct: s.unmetThresholdPct }, s.year, criteria.get(s.frameworkId)!, [u.parentId]);
    const mine = units.find((x) => x.unitId === unitId);
    if (!mine) continue;
    const r = ranks.get(unitId)!;
    items.push({
      frameworkId: s.frameworkId,
      frameworkCode: s.code,
      frameworkName: s.name,
      kind: s.kind as HistoryEntry['kind'],
      illustrative: s.illustrative,
      year: s.year,
      origin: mine.origin as HistoryEntry['origin'],
      total: mine.summary.total,
      applicableMax: mine.summary.applicableMax,
      indexPct: mine.summary.indexPct,
      pointsLost: mine.summary.pointsLost,
      unmet: mine.summary.unmet,
      rank: r.rank,
      peerCount: r.peerCount,
      peerAverage: r.peerAverage,
    });
  }
  items.sort((a, b) => b.year - a.year || a.kind.localeCompare(b.kind) || a.frameworkCode.localeCompare(b.frameworkCode));
  return { unitId, unitName: u.name, items };
}
