import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DashboardDto, DashboardQuery } from '../../../shared/api/dashboard.schemas.js';
import { authorize } from '../../authz/guard.js';
import { inReach, reachedBy, unitColumns, unitInReach } from '../../authz/scope.js';
import { unit } from '../../db/schema/index.js';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { inspectionVisibleAs } from '../inspections/inspections.policy.js';
import { riskRanking } from '../indices/risk-ranking.js';
import { ownPlansSql } from './dashboard-sections.js';
import { dashboardSections } from './season-sections.js';
import { seasonFigures } from './season-figures.js';
import { defaultSeasonYear } from './season-year.js';

/**
 * The leaders' dashboard for the caller (issue 11 §4): `dashboard.read` (admins, leaders, the
 * standing office) on a unit in reach — 404 for one out of reach, like any record. The figures
 * see what the caller sees: inspections through `visibleInspections` (the secrecy rule), scores
 * through `index.read`; the risk ranking is added for those who read it.
 */
export async function seasonDashboard(tx: DbOrTx, actor: Actor, q: DashboardQuery, today: string): Promise<DashboardDto> {
  authorize(actor, 'dashboard.read', 'you may not read the dashboard');
  const reach = reachedBy(actor, 'dashboard.read');
  let root;
  if (q.unitId) {
    [root] = await tx.select().from(unit).where(eq(unit.id, q.unitId));
    if (!root || !inReach(actor, 'dashboard.read', { unitPath: root.path })) throw AppError.notFound('unit');
  } else if (reach.everything) {
    [root] = await tx.select().from(unit).where(isNull(unit.parentId)).orderBy(sql`${unit.sortKey} collate "C"`).limit(1);
  } else {
    const widest = [...reach.unitPrefixes].sort((a, b) => a.length - b.length)[0];
    const id = widest?.split('/').filter(Boolean).at(-1);
    if (id) [root] = await tx.select().from(unit).where(eq(unit.id, id));
  }
  if (!root) throw AppError.notFound('unit');

  // visibleInspections as a predicate on each of the year's visits (the secrecy of unannounced
  // visits issued from above), not the set of every visit the caller sees (bench/dashboard.bench.ts).
  // On the aliases i (the visit), ta (its agency), ia (its plan's issuer).
  const inspectionFilter = inspectionVisibleAs(actor, { inspection: 'i', issuer: 'ia', target: 'ta' });
  // issuer=own: the root's own plans only, the figures of its results report (docs/decisions/results-report-scope.md).
  const ownPlans = q.issuer === 'own';
  const seasonFilter = ownPlans ? sql`${inspectionFilter} and ${ownPlansSql(root.id)}` : inspectionFilter;
  // Without a year: the latest season of the same plans (with issuer=own, the root's own; not a unit's below).
  const year = q.year ?? (await defaultSeasonYear(tx, actor, { rootPath: root.path, today, inspectionFilter: seasonFilter, planFilter: ownPlans ? ownPlansSql(root.id) : undefined }));
  const figures = await seasonFigures(tx, { root, year, level: q.level, today, inspectionFilter, ownPlans });

  // Where else the caller may look: their widest units and the root's children valid that year.
  const widestIds = reach.unitPrefixes.map((p) => p.split('/').filter(Boolean).at(-1)!);
  const choices = await tx
    .select({ id: unit.id, name: unit.name, kind: unit.kind, sortKey: unit.sortKey })
    .from(unit)
    .where(
      and(
        sql`(${widestIds.length ? inArray(unit.id, widestIds) : sql`false`} or ${unit.id} = ${root.id} or (${unit.parentId} = ${root.id}
              and (${unit.validFrom} is null or ${unit.validFrom} <= ${`${year}-12-31`}) and (${unit.validTo} is null or ${unit.validTo} >= ${`${year}-01-01`})))`,
        unitInReach(actor, 'dashboard.read', unitColumns('unit')),
      ),
    )
    .orderBy(sql`${unit.sortKey} collate "C"`)
    .limit(200);

  const ranking = inReach(actor, 'risk.read', { unitPath: root.path })
    ? await riskRanking(tx, actor, root.id, year, today).then((r) => ({
        items: r.items.slice(0, 10).map((i) => ({ unitId: i.unitId, unitName: i.unitName, rank: i.rank, score: i.score, explanation: i.explanation })),
      }))
    : null;

  return {
    ...figures,
    choices: choices.map(({ id, name, kind }) => ({ id, name, kind })),
    ranking,
    sections: await dashboardSections(tx, actor, { rootId: root.id, rootPath: root.path, year: year, today, ownPlans }),
  };
}
