import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { registerRiskSource, unitIdList } from '../indices/risk-ranking.js';

/**
 * The risk ranking's "overdue assigned tasks" factor (issue 11, docs/decisions/risk-ranking.md):
 * per unit, the tasks owned by one of its agencies whose deadline fell in the year and that were
 * completed after it or are still open past it at the reference date `asOf` (the injected clock).
 */
registerRiskSource({
  factor: 'overdueTasks',
  async count(tx, unitIds, year, asOf) {
    const rows = await queryRows<{ unit_id: string; n: number }>(
      tx,
      sql`select a.unit_id, count(*)::int as n
            from assigned_task t join agency a on a.id = t.owner_agency_id
           where a.unit_id in (${unitIdList(unitIds)})
             and extract(year from t.deadline) = ${year}
             and ((t.status = 'completed' and t.completed_on > t.deadline)
                  or (t.status in ('not_started','in_progress') and t.deadline < ${asOf}::date))
           group by a.unit_id`,
    );
    return new Map(rows.map((r) => [r.unit_id, Number(r.n)]));
  },
});
