import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.js';
import type { Actor } from '../../http/actor.js';
import { planVisible } from '../plans/plans.policy.js';

/**
 * The year the dashboard opens on when the caller names none: the latest year up to this year (in
 * Việt Nam, by the server's clock: `today`) with a season under the root unit that the caller sees
 * — a plan issued under it (issued, under way or closed: a draft or a plan awaiting signature is
 * not a season yet), or a visit starting under it — else this year. The demo town's leader
 * thus lands on 2021 (its last season) and a Gia Lai user on 2026 (docs/decisions/dashboard-links.md).
 * `planFilter` narrows the plans as `inspectionFilter` the visits: with issuer=own both are the
 * root's own plans (`ownPlansSql`), so the year opened is one of the authority's own seasons, not a
 * ward's plan under it (docs/decisions/results-report-scope.md).
 * Both lookups read backwards from the year's end by the plans' (issuer, year) and the visits'
 * start-date indexes and stop at the first match.
 */
export async function defaultSeasonYear(
  tx: DbOrTx,
  actor: Actor,
  input: { rootPath: string; today: string; inspectionFilter: SQL /** on i, ta, ia */; planFilter?: SQL /** on p, ia */ },
): Promise<number> {
  const thisYear = Number(input.today.slice(0, 4));
  const under = `${input.rootPath}%`;
  const [row] = await queryRows<{ plan_year: number | null; visit_year: number | null }>(
    tx,
    sql`select (select max(p.year) from inspection_plan p join agency ia on ia.id = p.issuing_agency_id
                 where p.year <= ${thisYear} and p.status in ('issued', 'in_progress', 'closed') and ia.unit_path like ${under} and ${planVisible(actor, 'p', 'ia')}
                   and ${input.planFilter ?? sql`true`}) as plan_year,
               (select extract(year from i.starts_on)::int
                  from inspection i join agency ta on ta.id = i.agency_id
                  join inspection_plan vp on vp.id = i.plan_id join agency ia on ia.id = vp.issuing_agency_id
                 where i.starts_on <= ${`${thisYear}-12-31`} and ta.unit_path like ${under} and ${input.inspectionFilter}
                 order by i.starts_on desc limit 1) as visit_year`,
  );
  const years = [row?.plan_year, row?.visit_year].filter((y): y is number => y !== null && y !== undefined).map(Number);
  return years.length ? Math.max(...years) : thisYear;
}
