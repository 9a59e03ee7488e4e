import { sql } from 'drizzle-orm';
import type { InspectionKind } from '../../../shared/domain/inspection-status.js';
import { queryRows, type DbOrTx } from '../../db/client.js';
import { yearBounds } from '../dashboard/dashboard-sections.js';

/** What the season's records say beyond the dashboard's counts: who was inspected, how, and what followed. */
export interface SeasonFacts {
  /** The agencies visited (cancelled visits left out), by kind of visit, in the register's order. */
  inspectedByKind: { kind: InspectionKind; agencies: string[] }[];
  conclusionsIssued: number;
  /** Visits closed without an issued conclusion yet. */
  conclusionsPending: number;
  /** Escalations to the committee sent (not drafts), and of those accepted or concluded. */
  escalations: { sent: number; accepted: number };
}

/** The facts of the year's visits under the root unit (the authority reports on its whole season: no caller's filter). */
export async function seasonFacts(db: DbOrTx, rootPath: string, year: number): Promise<SeasonFacts> {
  const { from, to } = yearBounds(year);
  const inSeason = sql`i.starts_on between ${from}::date and ${to}::date and ta.unit_path like ${`${rootPath}%`} and i.status <> 'cancelled'`;
  const visited = await queryRows<{ kind: InspectionKind; name: string }>(
    db,
    sql`select i.kind, ta.name from inspection i join agency ta on ta.id = i.agency_id
         where ${inSeason} group by i.kind, ta.id, ta.name, ta.sort_key order by i.kind, ta.sort_key collate "C", ta.id`,
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
