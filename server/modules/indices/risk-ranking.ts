import { and, count, eq, inArray, sql } from 'drizzle-orm';
import type { RiskRankingDto } from '../../../shared/api/indices.schemas.js';
import { defaultRiskWeights, rankByRisk, riskFactors, type RiskFactor, type RiskInput, type RiskWeights } from '../../../shared/domain/risk-ranking.js';
import { authorize } from '../../authz/guard.js';
import { inReach, unitColumns, unitInReach } from '../../authz/scope.js';
import { agency, citizenFeedback, indexFramework, indexScoreSheet, indexSheetSummary, riskWeights, unit } from '../../db/schema/index.js';
import { queryRows, type DbOrTx, type Tx } from '../../db/client.js';
import type { Actor, RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { ownerVisible } from './indices.policy.js';

/**
 * Risk-based targeting on the server (issue 11 §3): gathers each unit's figures and hands them to
 * the pure ranking (shared/domain/risk-ranking.ts), which the web app can explain and a test can
 * redo by hand.
 *
 * Figures and where they come from:
 *  - PAR index (unmet criteria, points lost, index %) and satisfaction (SIPAS %): the published
 *    frameworks with the most sheets for these units that year;
 *  - complaints: the feedback register, received that year;
 *  - last inspection: the latest year with an inspection of one of the unit's agencies under way
 *    or closed, or with a plan targeting one of them under way or closed (an issued plan not yet
 *    started is not an inspection);
 *  - open and overdue corrective actions (corrective-actions/risk-source.ts), overdue assigned
 *    tasks (assigned-tasks/risk-source.ts), late reports (reports/risk-source.ts): each module
 *    registers a `RiskCountSource` below (registerRiskSource), one set-based query for all the
 *    units; a factor without a source is listed as unavailable, never a made-up 0.
 * "Overdue" and "missing" are judged at the ranking's reference date (riskReferenceDate): today
 * by the injected clock, or the end of the ranking's year if that is earlier.
 */
export interface RiskCountSource {
  factor: Extract<RiskFactor, 'openActions' | 'overdueActions' | 'overdueTasks' | 'lateReports'>;
  /**
   * Counts per unit id for the units and year (units absent from the map count 0); `asOf` is the
   * reference date: what is due before it and not done is overdue. A count may say how many of it
   * are missing reports ({ n, missing }: lateReports only).
   */
  count(tx: DbOrTx, unitIds: string[], year: number, asOf: string): Promise<Map<string, RiskCount>>;
}
export type RiskCount = number | { n: number; missing: number };
const countN = (c: RiskCount | undefined): number => (c === undefined ? 0 : typeof c === 'number' ? c : c.n);

/**
 * The reference date of a ranking: today (the Việt Nam calendar date from the injected clock), or
 * 1 January after the ranking's year if that is earlier — "due before it" then covers the whole
 * year, as the report statistics of a past year count every report due in it.
 */
export const riskReferenceDate = (year: number, today: string): string => (today < `${year + 1}-01-01` ? today : `${year + 1}-01-01`);

/** SQL `in (…)` list of unit ids, for the sources' grouped counts. */
export const unitIdList = (unitIds: string[]) => sql.join(unitIds.map((id) => sql`${id}::uuid`), sql`, `);
const riskCountSources: RiskCountSource[] = [];
/** Called once by a module at import time (like registerRecordAccess). */
export function registerRiskSource(source: RiskCountSource): void {
  riskCountSources.push(source);
}

const parseWeights = (v: unknown): RiskWeights => ({ ...defaultRiskWeights, ...((typeof v === 'string' ? JSON.parse(v) : v) as Partial<RiskWeights>) });

/** The parent unit of a ranking, if the actor's `risk.read` reaches it (404 otherwise). */
async function rankingParent(tx: DbOrTx, actor: Actor, unitId: string) {
  const [parent] = await tx.select().from(unit).where(eq(unit.id, unitId));
  if (!parent || !inReach(actor, 'risk.read', { unitPath: parent.path })) throw AppError.notFound('unit');
  return parent;
}

export async function loadRiskWeights(tx: DbOrTx, actor: Actor, unitId: string) {
  authorize(actor, 'risk.read', 'you may not read the risk ranking');
  const parent = await rankingParent(tx, actor, unitId);
  const [row] = await tx.select().from(riskWeights).where(eq(riskWeights.unitId, unitId));
  return {
    unitId,
    weights: row ? parseWeights(row.weights) : { ...defaultRiskWeights },
    version: row?.version ?? null,
    abilities: { update: inReach(actor, 'risk.configure', { unitPath: parent.path }) },
  };
}

/** Saves the weights an office sets for the units under a unit (audited, versioned). */
export async function saveRiskWeights(tx: Tx, ctx: RequestContext, unitId: string, input: { version: number | null; weights: RiskWeights }) {
  const before = await loadRiskWeights(tx, ctx.actor, unitId);
  if (!before.abilities.update) throw new AppError('FORBIDDEN', 'you may not set the risk weights here');
  // With no weight on a factor that has figures, every unit scores 0 and the ranking says nothing.
  const counted = new Set<RiskFactor>(['unmet', 'pointsLost', 'lowIndex', 'lowSatisfaction', 'complaints', 'sinceInspection', ...riskCountSources.map((s) => s.factor)]);
  if (![...counted].some((f) => input.weights[f] > 0)) {
    throw AppError.invalid('body.weights', 'all_weights_zero', `at least one of ${[...counted].join(', ')} must weigh more than 0`);
  }
  if (before.version !== input.version) throw new AppError('VERSION_CONFLICT', `the weights are at version ${before.version ?? 'none'}, the request was made from ${input.version ?? 'none'}`);
  if (input.version === null) {
    await tx.insert(riskWeights).values({ unitId, weights: input.weights, updatedBy: ctx.actor.userId });
  } else {
    const rows = await tx
      .update(riskWeights)
      .set({ weights: input.weights, updatedBy: ctx.actor.userId, version: sql`${riskWeights.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(riskWeights.unitId, unitId), eq(riskWeights.version, input.version)))
      .returning();
    if (!rows.length) throw new AppError('VERSION_CONFLICT', 'the weights were changed by someone else');
  }
  await recordAudit(tx, ctx, { action: 'risk_weights.updated', entityType: 'risk_weights', entityId: unitId, scope: { units: [unitId] }, before: before.weights, after: input.weights });
}

/** The framework of a kind with the most sheets for these units in the year (visible to the actor). */
async function busiestFramework(tx: DbOrTx, actor: Actor, kind: 'par' | 'sipas', unitIds: string[], year: number) {
  if (!unitIds.length) return null;
  const rows = await tx
    .select({ id: indexFramework.id, name: indexFramework.name, illustrative: indexFramework.illustrative, aggregation: indexFramework.aggregation, unmetThresholdPct: indexFramework.unmetThresholdPct, n: count() })
    .from(indexScoreSheet)
    .innerJoin(indexFramework, eq(indexFramework.id, indexScoreSheet.frameworkId))
    .innerJoin(agency, eq(agency.id, indexFramework.ownerAgencyId))
    .where(and(eq(indexFramework.kind, kind), eq(indexScoreSheet.year, year), inArray(indexScoreSheet.unitId, unitIds), ownerVisible(actor, 'agency')))
    .groupBy(indexFramework.id)
    .orderBy(sql`count(*) desc`, indexFramework.revision)
    .limit(1);
  return rows[0] ?? null;
}

/**
 * The latest year each unit was inspected (inspections under way or closed; plans under way or
 * closed), in one grouped query over the parent's subtree: the child is the first id of a path
 * after the parent's. Each agency of the subtree (by its unit path, an index) looks up its own
 * latest visit and latest plan target by key: a few probes per agency, where joining every
 * inspection and target of the country cost a province's ranking ~150 ms (bench/dashboard.bench.ts).
 */
async function lastInspectedYears(tx: DbOrTx, units: { id: string; path: string }[], year: number): Promise<Map<string, number>> {
  if (!units.length) return new Map();
  const parentPath = units[0].path.slice(0, -(units[0].id.length + 1));
  const rows = await queryRows<{ child: string; y: number | null }>(
    tx,
    sql`select split_part(substr(a.unit_path, ${parentPath.length + 1}), '/', 1) as child,
               max(greatest(
                 (select extract(year from max(i.starts_on))::int from inspection i
                   where i.agency_id = a.id and i.status in ('under_way','closed') and i.starts_on <= ${`${year}-12-31`}),
                 (select max(p.year) from inspection_plan_target t join inspection_plan p on p.id = t.plan_id
                   where t.agency_id = a.id and p.status in ('in_progress','closed') and p.year <= ${year})))::int as y
          from agency a where a.unit_path like ${`${parentPath}%`}
         group by 1`,
  );
  const ids = new Set(units.map((u) => u.id));
  return new Map(rows.filter((r) => ids.has(r.child) && r.y != null).map((r) => [r.child, Number(r.y)]));
}

/**
 * The ranking of the units under a unit for a year, with the office's weights; `today` is the
 * Việt Nam calendar date from the app's clock (what is overdue, riskReferenceDate).
 */
export async function riskRanking(tx: DbOrTx, actor: Actor, parentUnitId: string, year: number, today: string): Promise<RiskRankingDto> {
  const { weights } = await loadRiskWeights(tx, actor, parentUnitId);
  const children = await tx
    .select({ id: unit.id, name: unit.name, kind: unit.kind, path: unit.path })
    .from(unit)
    .where(
      and(
        eq(unit.parentId, parentUnitId),
        sql`(${unit.validFrom} is null or ${unit.validFrom} <= ${`${year}-12-31`}) and (${unit.validTo} is null or ${unit.validTo} >= ${`${year}-01-01`})`,
        unitInReach(actor, 'risk.read', unitColumns('unit')),
      ),
    );
  const ids = children.map((c) => c.id);
  const [par, sipas] = [await busiestFramework(tx, actor, 'par', ids, year), await busiestFramework(tx, actor, 'sipas', ids, year)];
  // The children's sheets as summarised at each write (index_sheet_summary, sheet-summaries.ts).
  const summaries = async (f: typeof par) => {
    if (!f || !ids.length) return new Map<string, { unmet: number; lost: number; pct: number | null }>();
    const rows = await tx
      .select({ unitId: indexSheetSummary.unitId, unmet: indexSheetSummary.unmetCount, lost: indexSheetSummary.pointsLost, pct: indexSheetSummary.indexPct })
      .from(indexSheetSummary)
      .where(and(eq(indexSheetSummary.frameworkId, f.id), eq(indexSheetSummary.year, year), inArray(indexSheetSummary.unitId, ids)));
    return new Map(rows.map((r) => [r.unitId, { unmet: r.unmet, lost: r.lost, pct: r.pct }]));
  };
  const [parOf, sipasOf] = [await summaries(par), await summaries(sipas)];
  const complaints = new Map<string, number>();
  if (ids.length) {
    const rows = await tx
      .select({ unitId: citizenFeedback.unitId, n: count() })
      .from(citizenFeedback)
      .where(and(inArray(citizenFeedback.unitId, ids), sql`extract(year from ${citizenFeedback.receivedOn}) = ${year}`))
      .groupBy(citizenFeedback.unitId);
    for (const r of rows) complaints.set(r.unitId, Number(r.n));
  }
  const inspected = await lastInspectedYears(tx, children, year);
  const asOf = riskReferenceDate(year, today);
  const counted = new Map<RiskFactor, Map<string, RiskCount>>();
  for (const s of riskCountSources) counted.set(s.factor, ids.length ? await s.count(tx, ids, year, asOf) : new Map());
  const countOf = (f: RiskFactor, id: string) => (counted.has(f) ? countN(counted.get(f)!.get(id)) : null);
  const missingOf = (id: string) => {
    const c = counted.get('lateReports')?.get(id);
    return c !== undefined && typeof c !== 'number' ? c.missing : null;
  };

  const inputs: RiskInput[] = children.map((c) => ({
    key: c.id,
    name: c.name,
    unmetCount: parOf.get(c.id)?.unmet ?? null,
    pointsLost: parOf.get(c.id)?.lost ?? null,
    indexPct: parOf.get(c.id)?.pct ?? null,
    satisfactionPct: sipasOf.get(c.id)?.pct ?? null,
    complaints: complaints.get(c.id) ?? 0,
    lastInspectedYear: inspected.get(c.id) ?? null,
    openActions: countOf('openActions', c.id),
    overdueActions: countOf('overdueActions', c.id),
    overdueTasks: countOf('overdueTasks', c.id),
    lateReports: countOf('lateReports', c.id),
    missingReports: missingOf(c.id),
  }));
  const ranking = rankByRisk(inputs, weights, year);
  const committees = ids.length
    ? await tx
        .select({ id: agency.id, unitId: agency.unitId })
        .from(agency)
        .where(and(inArray(agency.unitId, ids), eq(agency.kind, 'peoples_committee'), eq(agency.active, true)))
    : [];
  const committeeOf = new Map(committees.map((a) => [a.unitId, a.id]));
  const byId = new Map(children.map((c) => [c.id, c]));
  const inputOf = new Map(inputs.map((i) => [i.key, i]));
  return {
    parentUnitId,
    year,
    referenceDate: asOf,
    parFramework: par ? { id: par.id, name: par.name, illustrative: par.illustrative } : null,
    sipasFramework: sipas ? { id: sipas.id, name: sipas.name, illustrative: sipas.illustrative } : null,
    averageIndex: ranking.averageIndex,
    averageSatisfaction: ranking.averageSatisfaction,
    unavailable: ranking.unavailable,
    weights: Object.fromEntries(riskFactors.map((f) => [f, weights[f]])) as RiskWeights,
    items: ranking.items.map((r) => {
      const i = inputOf.get(r.key)!;
      return {
        unitId: r.key,
        unitName: r.name,
        unitKind: byId.get(r.key)!.kind,
        targetAgencyId: committeeOf.get(r.key) ?? null,
        rank: r.rank,
        score: r.score,
        factors: r.factors,
        figures: { unmetCount: i.unmetCount, pointsLost: i.pointsLost, indexPct: i.indexPct, satisfactionPct: i.satisfactionPct, complaints: i.complaints, lastInspectedYear: i.lastInspectedYear,
          openActions: i.openActions, overdueActions: i.overdueActions, overdueTasks: i.overdueTasks, lateReports: i.lateReports, missingReports: i.missingReports ?? null },
        explanation: r.explanation,
      };
    }),
  };
}
