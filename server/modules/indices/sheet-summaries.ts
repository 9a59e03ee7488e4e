import { inArray, isNull, sql } from 'drizzle-orm';
import { summarizeSheet, type CriterionNode, type FrameworkRules, type LeafScore } from '../../../shared/domain/index-scoring.js';
import type { DbOrTx } from '../../db/client.js';
import { indexFramework, indexScore, indexScoreSheet, indexSheetSummary } from '../../db/schema/index.js';
import { criteriaOfMany } from './frameworks.repository.js';
import { rulesOf } from './score-sheets.js';

/** One area's figure on a sheet (an area is a top-level criterion). */
export interface AreaFigure {
  criterionId: string;
  pct: number | null;
}

/**
 * The index % of each area: the same rules as the whole sheet, on the area's leaves alone. A sheet
 * not complete has no area figures either (every pct null), so the area averages count the same
 * sheets as the index average (docs/decisions/incomplete-score-sheets.md).
 */
export function areaFigures(nodes: readonly CriterionNode[], scores: readonly LeafScore[], rules: FrameworkRules): AreaFigure[] {
  const complete = summarizeSheet(nodes, scores, rules).complete;
  const childrenOf = new Map<string | null, CriterionNode[]>();
  for (const n of nodes) childrenOf.set(n.parentId, [...(childrenOf.get(n.parentId) ?? []), n]);
  const subtree = (n: CriterionNode): CriterionNode[] => [n, ...(childrenOf.get(n.id) ?? []).flatMap(subtree)];
  return (childrenOf.get(null) ?? []).map((area) => {
    const below = subtree(area);
    // A bare area is its own leaf; otherwise its leaves are the nodes under it.
    const tree = below.length === 1 ? below : below.map((x) => (x.id === area.id ? x : x.parentId === area.id ? { ...x, parentId: null } : x)).filter((x) => x.id !== area.id);
    return { criterionId: area.id, pct: complete ? summarizeSheet(tree, scores, rules).indexPct : null };
  });
}

/**
 * Recomputes the summaries of these sheets from their entries, in the caller's transaction:
 * called by every write of a sheet (writeSheet, the demo and scale seeds).
 */
export async function refreshSheetSummaries(tx: DbOrTx, sheetIds: readonly string[]): Promise<void> {
  for (let at = 0; at < sheetIds.length; at += 500) {
    const ids = sheetIds.slice(at, at + 500);
    const sheets = await tx
      .select({ id: indexScoreSheet.id, frameworkId: indexScoreSheet.frameworkId, unitId: indexScoreSheet.unitId, year: indexScoreSheet.year, aggregation: indexFramework.aggregation, unmetThresholdPct: indexFramework.unmetThresholdPct })
      .from(indexScoreSheet)
      .innerJoin(indexFramework, sql`${indexFramework.id} = ${indexScoreSheet.frameworkId}`)
      .where(inArray(indexScoreSheet.id, ids));
    if (!sheets.length) continue;
    const criteria = await criteriaOfMany(tx, [...new Set(sheets.map((s) => s.frameworkId))]);
    const scores = await tx.select().from(indexScore).where(inArray(indexScore.sheetId, ids));
    const bySheet = new Map<string, LeafScore[]>();
    for (const s of scores) bySheet.set(s.sheetId, [...(bySheet.get(s.sheetId) ?? []), s]);
    const rows = sheets.map((s) => {
      const nodes = criteria.get(s.frameworkId)!;
      const entries = bySheet.get(s.id) ?? [];
      const rules = rulesOf(s);
      const summary = summarizeSheet(nodes, entries, rules);
      return {
        sheetId: s.id,
        frameworkId: s.frameworkId,
        unitId: s.unitId,
        year: s.year,
        indexPct: summary.indexPct,
        total: summary.total,
        applicableMax: summary.applicableMax,
        pointsLost: summary.pointsLost,
        unmetCount: summary.unmet.length,
        areas: areaFigures(nodes, entries, rules),
      };
    });
    await tx
      .insert(indexSheetSummary)
      .values(rows)
      .onConflictDoUpdate({
        target: indexSheetSummary.sheetId,
        set: {
          indexPct: sql`excluded.index_pct`,
          total: sql`excluded.total`,
          applicableMax: sql`excluded.applicable_max`,
          pointsLost: sql`excluded.points_lost`,
          unmetCount: sql`excluded.unmet_count`,
          areas: sql`excluded.areas`,
        },
      });
  }
}

/**
 * Summarises the sheets that have none (a database from before the summaries, at start-up).
 * Returns how many were done.
 */
export async function summarizeUnsummarizedSheets(db: DbOrTx): Promise<number> {
  let done = 0;
  for (;;) {
    const missing = await db
      .select({ id: indexScoreSheet.id })
      .from(indexScoreSheet)
      .leftJoin(indexSheetSummary, sql`${indexSheetSummary.sheetId} = ${indexScoreSheet.id}`)
      .where(isNull(indexSheetSummary.sheetId))
      .limit(2000);
    if (!missing.length) return done;
    await refreshSheetSummaries(db, missing.map((m) => m.id));
    done += missing.length;
  }
}
