import { sql, type SQL } from 'drizzle-orm';
import { unitKindsOfLevel, unitLevels, type DashboardDto, type IndexSeries, type UnitLevel } from '../../../shared/api/dashboard.schemas.js';
import { inspectionKinds, inspectionStatuses } from '../../../shared/domain/inspection-status.js';
import { rankByIndex } from '../../../shared/domain/index-scoring.js';
import { idsOfPath } from '../../authz/grants.js';
import { queryRows, type DbOrTx } from '../../db/client.js';

/**
 * The season's figures for a unit's subtree and a year — one computation for the leaders'
 * dashboard and the annual results report, so that their figures are equal by construction.
 *
 * Every figure is an aggregate in SQL over indexed rows (inspections by start date, the sheets'
 * summaries kept by writeSheet), so the whole country answers like a town (bench/dashboard.bench.ts).
 * Who sees what is passed in as SQL: the dashboard passes the caller's predicates (the secrecy of
 * unannounced visits, the scores in reach); the report passes none (the authority's whole season).
 */
export interface FigureScope {
  root: { id: string; name: string; kind: string; path: string };
  year: number;
  level?: UnitLevel;
  /** The calendar date in Vietnam (reports due by today). */
  today: string;
  /** On the inspection alias `i`: which inspections count (null: all under the root). */
  inspectionFilter: SQL | null;
  /** On the unit alias `u`: whose scores count (null: all under the root). */
  scoreFilter: SQL | null;
}

export type SeasonFigures = Omit<DashboardDto, 'choices' | 'ranking' | 'sections'>;

const levelOfKind = (kind: string): UnitLevel | null => unitLevels.find((l) => unitKindsOfLevel[l].includes(kind)) ?? null;
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const kindsSql = (kinds: string[]) => sql`(${sql.join(kinds.map((k) => sql`${k}`), sql`, `)})`;

export async function seasonFigures(tx: DbOrTx, scope: FigureScope): Promise<SeasonFigures> {
  const { root, year } = scope;
  const under = `${root.path}%`;
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;

  // ---- inspections: one grouped scan of the year's visits under the root ----
  const inspFilter = scope.inspectionFilter ?? sql`true`;
  const groups = await queryRows<{ status: string; kind: string; month: number; team_id: string; team_name: string; n: number; due: number; due_by_today: number }>(
    tx,
    sql`select i.status, i.kind, extract(month from i.starts_on)::int as month, i.team_id, t.name as team_name, count(*)::int as n,
               count(*) filter (where i.report_due_on is not null and i.status <> 'cancelled')::int as due,
               count(*) filter (where i.report_due_on <= ${scope.today} and i.status <> 'cancelled')::int as due_by_today
          from inspection i
          join agency ta on ta.id = i.agency_id
          join inspection_team t on t.id = i.team_id
         where ta.unit_path like ${under} and i.starts_on between ${from} and ${to} and ${inspFilter}
         group by i.status, i.kind, month, i.team_id, t.name`,
  );
  const [{ agencies }] = await queryRows<{ agencies: number }>(
    tx,
    sql`select count(distinct i.agency_id)::int as agencies from inspection i join agency ta on ta.id = i.agency_id
         where ta.unit_path like ${under} and i.starts_on between ${from} and ${to} and i.status <> 'cancelled' and ${inspFilter}`,
  );
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
    total: sum(() => true),
    byStatus: inspectionStatuses.map((status) => ({ status, count: sum((g) => g.status === status) })),
    byKind: inspectionKinds.map((kind) => ({ kind, count: sum((g) => g.kind === kind && live(g)) })),
    byMonth: Array.from({ length: 12 }, (_, i) => ({ month: i + 1, count: sum((g) => Number(g.month) === i + 1 && live(g)) })),
    teams: [...teams.values()].sort((a, b) => a.teamName.localeCompare(b.teamName, 'vi')),
    reports: { due: sum(() => true, (g) => Number(g.due)), dueByToday: sum(() => true, (g) => Number(g.due_by_today)) },
    agencies: Number(agencies),
  };

  // ---- indices: the busiest published framework of each kind under the root that year ----
  const scoreFilter = scope.scoreFilter ?? sql`true`;
  const levelKinds = scope.level ? unitKindsOfLevel[scope.level] : null;
  const frameworks = await queryRows<{ id: string; code: string; name: string; kind: string; illustrative: boolean; owner_agency_id: string; unit_kinds: string[]; n: number }>(
    tx,
    sql`select f.id, f.code, f.name, f.kind, f.illustrative, f.owner_agency_id, f.unit_kinds, count(*)::int as n
          from index_sheet_summary s
          join index_framework f on f.id = s.framework_id
          join unit u on u.id = s.unit_id
         where s.year = ${year} and f.status = 'published' and u.path like ${under}
           ${levelKinds ? sql`and u.kind in ${kindsSql(levelKinds)}` : sql``} and ${scoreFilter}
         group by f.id, f.code, f.name, f.kind, f.illustrative, f.owner_agency_id, f.unit_kinds
         order by n desc, f.code`,
  );
  const parFramework = frameworks.find((f) => f.kind === 'par');
  const level: UnitLevel =
    scope.level ??
    (frameworks[0] ? (frameworks[0].unit_kinds.map(levelOfKind).find((l) => l !== null) ?? 'commune') : (levelOfKind(root.kind) === 'province' ? 'district' : 'commune'));
  const kinds = unitKindsOfLevel[level];
  const picked = (['par', 'sipas'] as const).map((kind) => frameworks.find((f) => f.kind === kind && f.unit_kinds.some((k) => kinds.includes(k))) ?? (kind === 'par' ? parFramework : undefined));
  const depth = idsOfPath(root.path).length;

  const indices: IndexSeries[] = [];
  for (const [i, kind] of (['par', 'sipas'] as const).entries()) {
    const f = picked[i];
    if (!f || f.kind !== kind) {
      indices.push({ kind, framework: null, average: null, scored: 0, unmetCount: 0, areas: [], units: [], trend: [] });
      continue;
    }
    const inScope = sql`u.path like ${under} and u.kind in ${kindsSql(kinds)} and ${scoreFilter}`;
    const base = sql`from index_sheet_summary s join unit u on u.id = s.unit_id where ${inScope}`;
    // The root's child each scored unit sits under (the unit itself when it is a child, or the root).
    const child = sql`coalesce(nullif(split_part(u.path, '/', ${depth + 2}), ''), u.id::text)`;
    const byChild = await queryRows<{ child: string; name: string; avg: string | null; scored: number; unmet: number }>(
      tx,
      sql`select c.child, cu.name, c.avg, c.scored, c.unmet from (
            select ${child} as child, round(avg(s.index_pct), 2) as avg, count(s.index_pct)::int as scored, coalesce(sum(s.unmet_count), 0)::int as unmet
              ${base} and s.framework_id = ${f.id}::uuid and s.year = ${year}
             group by 1) c
          join unit cu on cu.id = c.child::uuid`,
    );
    const [overall] = await queryRows<{ avg: string | null; scored: number; unmet: number }>(
      tx,
      sql`select round(avg(s.index_pct), 2) as avg, count(s.index_pct)::int as scored, coalesce(sum(s.unmet_count), 0)::int as unmet
            ${base} and s.framework_id = ${f.id}::uuid and s.year = ${year}`,
    );
    const areaRows = await queryRows<{ criterion_id: string; code: string; name: string; avg: string | null }>(
      tx,
      sql`select c.id as criterion_id, c.code, c.name, a.avg from index_criterion c
            left join (select x->>'criterionId' as id, round(avg((x->>'pct')::numeric), 2) as avg
                         from index_sheet_summary s join unit u on u.id = s.unit_id cross join lateral jsonb_array_elements(s.areas) x
                        where ${inScope} and s.framework_id = ${f.id}::uuid and s.year = ${year}
                        group by 1) a on a.id = c.id::text
           where c.framework_id = ${f.id}::uuid and c.parent_id is null
           order by c.position, c.code`,
    );
    const trend = await queryRows<{ year: number; avg: string | null; scored: number }>(
      tx,
      sql`select s.year, round(avg(s.index_pct), 2) as avg, count(s.index_pct)::int as scored
            ${base} and s.year between ${year - 9} and ${year}
            and s.framework_id in (select v.id from index_framework v where v.owner_agency_id = ${f.owner_agency_id}::uuid and v.code = ${f.code})
           group by s.year order by s.year`,
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
      trend: trend.map((t) => ({ year: Number(t.year), average: num(t.avg), scored: Number(t.scored) })),
    });
  }

  return { year, unit: { id: root.id, name: root.name, kind: root.kind }, level, inspections, indices };
}
