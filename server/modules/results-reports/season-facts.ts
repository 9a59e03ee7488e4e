import { sql } from 'drizzle-orm';
import type { InspectionKind } from '../../../shared/domain/inspection-status.js';
import { queryRows, type DbOrTx } from '../../db/client.js';
import type { ReportFigures } from './report-figures.js';
import { ownPlansSql, yearBounds } from '../dashboard/dashboard-sections.js';

/** What the season's records say beyond the dashboard's counts: who was inspected, how, and what followed. */
export type SeasonFacts = NonNullable<ReportFigures['facts']>;

/**
 * The facts of the year's visits under the root unit made under the authority's own plans (those
 * its People's Committee or standing office issued: docs/decisions/results-report-scope.md), as
 * the report's figures count them; no caller's filter.
 */
export async function seasonFacts(db: DbOrTx, root: { id: string; path: string }, year: number): Promise<SeasonFacts> {
  const { from, to } = yearBounds(year);
  const inSeason = sql`i.starts_on between ${from}::date and ${to}::date and ta.unit_path like ${`${root.path}%`} and i.status <> 'cancelled'
    and i.plan_id in (select p.id from inspection_plan p join agency ia on ia.id = p.issuing_agency_id where ${ownPlansSql(root.id)})`;
  // Named as inspected: the visits that took place (begun or closed). A visit still ahead is not
  // named in a document sent to the units — least of all an unannounced one, secret until it
  // begins (issue 8 §4); the counts beside the names are the dashboard's.
  const visited = await queryRows<{ kind: InspectionKind; name: string }>(
    db,
    sql`select i.kind, ta.name from inspection i join agency ta on ta.id = i.agency_id
         where ${inSeason} and i.status in ('under_way', 'closed') group by i.kind, ta.id, ta.name, ta.sort_key order by i.kind, ta.sort_key collate "C", ta.id`,
  );
  const order: InspectionKind[] = ['announced', 'unannounced', 'report', 'reinspection'];
  const inspectedByKind = order
    .map((kind) => ({ kind, agencies: [...new Set(visited.filter((v) => v.kind === kind).map((v) => v.name))] }))
    .filter((k) => k.agencies.length > 0);
  const [c] = await queryRows<{ issued: number; pending: number }>(
    db,
    sql`select count(*) filter (where c.status = 'issued')::int as issued,
               count(*) filter (where i.status = 'closed' and (c.id is null or c.status <> 'issued'))::int as pending
          from inspection i join agency ta on ta.id = i.agency_id left join inspection_conclusion c on c.inspection_id = i.id
         where ${inSeason}`,
  );
  const [e] = await queryRows<{ sent: number; accepted: number }>(
    db,
    sql`select count(*) filter (where e.status <> 'draft')::int as sent,
               count(*) filter (where e.status in ('accepted','concluded'))::int as accepted
          from escalation e join inspection i on i.id = e.inspection_id join agency ta on ta.id = i.agency_id
         where ${inSeason}`,
  );
  return { inspectedByKind, conclusionsIssued: Number(c.issued), conclusionsPending: Number(c.pending), escalations: { sent: Number(e.sent), accepted: Number(e.accepted) } };
}
