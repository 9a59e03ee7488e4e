import { sql, type SQL } from 'drizzle-orm';
import { unitKindsOfLevel, unitLevels, type DashboardDto, type IndexSeries, type UnitLevel } from '../../../shared/api/dashboard.schemas.js';
import { inspectionKinds, inspectionStatuses } from '../../../shared/domain/inspection-status.js';
import { rankByIndex } from '../../../shared/domain/index-scoring.js';
import { queryRows, type DbOrTx } from '../../db/client.js';
import { ownPlansSql, visitJoins } from './dashboard-sections.js';

/**
 * The season's figures for a unit's subtree and a year — one computation for the leaders'
 * dashboard and the annual results report, so that their figures are equal by construction.
 *
 * The inspections are a grouped scan of the year's visits under the root; the indices are read
 * from the roll-up of the sheets' summaries up the unit tree (index_rollup, kept by triggers in the
 * writing transaction: docs/decisions/dashboard-figures.md), so the whole country answers like a
 * town (bench/dashboard.bench.ts). Which visits count is passed in as SQL: the dashboard passes
 * the caller's visibility (the secrecy of unannounced visits), and with `issuer=own` also the
 * root's own plans; the report passes the root's own plans only (the authority reports on its own
 * season: docs/decisions/results-report-scope.md). The scores need no filter: every unit under a root the caller may
 * read the dashboard of is one whose scores they may read (`index.read` reaches everyone's scope).
 */
export interface FigureScope {
  root: { id: string; name: string; kind: string; path: string };
  year: number;
  level?: UnitLevel;
  /** The calendar date in Vietnam (reports due by today). */
  today: string;
  /**
   * Which inspections count (null: all under the root), as a predicate on the row: the inspection
   * `i`, its plan's issuing agency `ia` and the inspected agency `ta`.
   */
  inspectionFilter: SQL | null;
  /**
   * Only the visits of the plans issued by an agency of the root unit itself — its People's
   * Committee or its standing office — never those of an authority above or of a unit below
   * (the results report's season; the dashboard's `issuer=own`).
   */
  ownPlans?: boolean;
}

export type SeasonFigures = Omit<DashboardDto, 'choices' | 'ranking' | 'sections'>;

const levelOfKind = (kind: string): UnitLevel | null => unitLevels.find((l) => unitKindsOfLevel[l].includes(kind)) ?? null;
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export async function seasonFigures(tx: DbOrTx, scope: FigureScope): Promise<SeasonFigures> {
  const { root, year } = scope;
  const under = `${root.path}%`;
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;

  // ---- inspections: one scan of the year's visits under the root, grouped, and the agencies ----
  // The year's visits come by their start date (an index), joined to the inspected agency (its
  // unit path places it under the root) and to the plan's issuing agency, so that who sees which
  // visit is a predicate on each row (bench/dashboard.bench.ts).
  const inspFilter = sql`${scope.inspectionFilter ?? sql`true`} and ${scope.ownPlans ? ownPlansSql(root.id) : sql`true`}`;
  const groups = await queryRows<{ status: string; kind: string; month: number; team_id: string; team_name: string; n: number; due: number; due_by_today: number; agencies: number }>(
    tx,
    sql`with v as materialized (
          select i.agency_id, i.status, i.kind, extract(month from i.starts_on)::int as month, i.team_id, i.report_due_on
            from inspection i ${visitJoins(root.path)}
           where i.starts_on between ${from} and ${to} and ta.unit_path like ${under} and ${inspFilter})
        select g.*, t.name as team_name, (select count(distinct v.agency_id) from v where v.status <> 'cancelled')::int as agencies
          from (select status, kind, month, team_id, count(*)::int as n,
                       count(*) filter (where report_due_on is not null and status <> 'cancelled')::int as due,
                       count(*) filter (where report_due_on <= ${scope.today} and status <> 'cancelled')::int as due_by_today
                  from v group by status, kind, month, team_id) g
          join inspection_team t on t.id = g.team_id`,
  );
  const agencies = groups.length ? Number(groups[0].agencies) : 0;
  const sum = (pred: (g: (typeof groups)[number]) => boolean, f: (g: (typeof groups)[number]) => number = (g) => Number(g.n)) => groups.filter(pred).reduce((a, g) => a + f(g), 0);
  const live = (g: (typeof groups)[number]) => g.status !== 'cancelled';
  const teams = new Map<string, { teamId: string; teamName: string; count: number; closed: number }>();
  for (const g of groups.filter(live)) {
    const t = teams.get(g.team_id) ?? { teamId: g.team_id, teamName: g.team_name, count: 0, closed: 0 };
    t.count += Number(g.n);
    if (g.status === 'closed') t.closed += Number(g.n);
    teams.set(g.team_id, t);
  }
  const inspections: SeasonFigures['inspections'] = {
    // The visits that were or will be made: a cancelled visit is counted apart (byStatus, cancelled),
    // so the headline equals the sum of the kinds, months and teams (rev11 #3).
    total: sum(live),
    cancelled: sum((g) => !live(g)),
    byStatus: inspectionStatuses.map((status) => ({ status, count: sum((g) => g.status === status) })),
    byKind: inspectionKinds.map((kind) => ({ kind, count: sum((g) => g.kind === kind && live(g)) })),
    byMonth: Array.from({ length: 12 }, (_, i) => ({ month: i + 1, count: sum((g) => Number(g.month) === i + 1 && live(g)) })),
    teams: [...teams.values()].sort((a, b) => a.teamName.localeCompare(b.teamName, 'vi')),
    reports: { due: sum(() => true, (g) => Number(g.due)), dueByToday: sum(() => true, (g) => Number(g.due_by_today)), asOf: scope.today },
    agencies: Number(agencies),
  };

  // ---- indices: the busiest published framework of each kind under the root that year ----
  // Read from the roll-up (index_rollup, kept by triggers; docs/decisions/dashboard-figures.md):
  // the root's own row is its whole subtree, its children's rows are the units listed.
  const levelSql = scope.level ? sql`and r.level = ${scope.level}` : sql``;
  const frameworks = await queryRows<{ id: string; code: string; name: string; kind: string; illustrative: boolean; owner_agency_id: string; unit_kinds: string[]; n: number }>(
    tx,
    sql`select f.id, f.code, f.name, f.kind, f.illustrative, f.owner_agency_id, f.unit_kinds, sum(r.sheets)::int as n
          from index_rollup r join index_framework f on f.id = r.framework_id
         where r.unit_id = ${root.id}::uuid and r.year = ${year} and f.status = 'published' ${levelSql}
         group by f.id, f.code, f.name, f.kind, f.illustrative, f.owner_agency_id, f.unit_kinds
        having sum(r.sheets) > 0
         order by n desc, f.code`,
  );
  const parFramework = frameworks.find((f) => f.kind === 'par');
  const level: UnitLevel =
    scope.level ??
    (frameworks[0] ? (frameworks[0].unit_kinds.map(levelOfKind).find((l) => l !== null) ?? 'commune') : (levelOfKind(root.kind) === 'province' ? 'district' : 'commune'));
  const kinds = unitKindsOfLevel[level];
  const picked = (['par', 'sipas'] as const).map((kind) => frameworks.find((f) => f.kind === kind && f.unit_kinds.some((k) => kinds.includes(k))) ?? (kind === 'par' ? parFramework : undefined));
  const avgOf = (sumSql: SQL, nSql: SQL) => sql`round(${sumSql} / nullif(${nSql}, 0), 2)`;

  const indices: IndexSeries[] = [];
  for (const [i, kind] of (['par', 'sipas'] as const).entries()) {
    const f = picked[i];
    if (!f || f.kind !== kind) {
      indices.push({ kind, framework: null, average: null, scored: 0, unmetCount: 0, areas: [], units: [], trend: [] });
      continue;
    }
    const at = sql`r.framework_id = ${f.id}::uuid and r.year = ${year} and r.level = ${level}`;
    // The root's children with sheets under them (the root itself when it is a unit of the level),
    // each row by its key: the children's ids as an array, which the planner probes in the roll-up's
    // primary key instead of filtering the year's rows of the whole country (query-plans.test.ts).
    const byChild = await queryRows<{ child: string; name: string; avg: string | null; scored: number; unmet: number }>(
      tx,
      sql`select r.unit_id as child, cu.name, ${avgOf(sql`r.pct_sum`, sql`r.scored`)} as avg, r.scored, r.unmet
            from index_rollup r join unit cu on cu.id = r.unit_id
           where ${at} and r.sheets > 0
             and r.unit_id = any(array(select c.id from unit c where c.parent_id = ${root.id}::uuid
                                       ${kinds.includes(root.kind) ? sql`union all select ${root.id}::uuid` : sql``}))`,
    );
    const [overall] = await queryRows<{ avg: string | null; scored: number; unmet: number }>(
      tx,
      sql`select ${avgOf(sql`r.pct_sum`, sql`r.scored`)} as avg, r.scored, r.unmet from index_rollup r where r.unit_id = ${root.id}::uuid and ${at}`,
    );
    const areaRows = await queryRows<{ criterion_id: string; code: string; name: string; avg: string | null }>(
      tx,
      sql`select c.id as criterion_id, c.code, c.name, ${avgOf(sql`r.pct_sum`, sql`r.n`)} as avg from index_criterion c
            left join index_area_rollup r on r.criterion_id = c.id and r.unit_id = ${root.id}::uuid and ${at}
           where c.framework_id = ${f.id}::uuid and c.parent_id is null
           order by c.position, c.code`,
    );
    const trend = await queryRows<{ year: number; avg: string | null; scored: number; framework_id: string }>(
      tx,
      sql`select r.year, ${avgOf(sql`sum(r.pct_sum)`, sql`sum(r.scored)`)} as avg, sum(r.scored)::int as scored,
                 (array_agg(r.framework_id order by r.sheets desc, r.framework_id))[1] as framework_id
            from index_rollup r
           where r.unit_id = ${root.id}::uuid and r.level = ${level} and r.year between ${year - 9} and ${year}
             and r.framework_id in (select v.id from index_framework v where v.owner_agency_id = ${f.owner_agency_id}::uuid and v.code = ${f.code})
           group by r.year having sum(r.sheets) > 0 order by r.year`,
    );
    const ranks = rankByIndex(byChild.map((c) => ({ key: c.child, indexPct: num(c.avg) })));
    const units = byChild
      .map((c) => ({ unitId: c.child, unitName: c.name, indexPct: num(c.avg), scored: Number(c.scored), unmetCount: Number(c.unmet), rank: ranks.get(c.child) ?? null }))
      .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.unitName.localeCompare(b.unitName, 'vi'));
    indices.push({
      kind,
      framework: { id: f.id, code: f.code, name: f.name, illustrative: f.illustrative },
      average: num(overall?.avg),
      scored: Number(overall?.scored ?? 0),
      unmetCount: Number(overall?.unmet ?? 0),
      areas: areaRows.map((a) => ({ criterionId: a.criterion_id, code: a.code, name: a.name, average: num(a.avg) })),
      units,
      trend: trend.map((t) => ({ year: Number(t.year), average: num(t.avg), scored: Number(t.scored), frameworkId: t.framework_id })),
    });
  }

  return { year, unit: { id: root.id, name: root.name, kind: root.kind }, ...(scope.ownPlans ? { issuer: 'own' as const } : {}), level, inspections, indices };
}
