import { sql } from 'drizzle-orm';
import { openActionStatuses } from '../../../shared/domain/follow-up.js';
import { queryRows, type DbOrTx } from '../../db/client.js';
import { registerRiskSource, unitIdList } from '../indices/risk-ranking.js';
import { actionOverdueSql } from './corrective-actions.repository.js';

/**
 * The risk ranking's corrective-action factors (issue 11 §3, docs/decisions/risk-ranking.md): per
 * unit, the actions required of one of its agencies (the inspected agency of the conclusion) by a
 * conclusion issued before the reference date `asOf`:
 *  - openActions: still to be fixed (openActionStatuses: open, in progress or reported — not closed);
 *  - overdueActions: still to be done past their due date at `asOf` (the board's "overdue",
 *    actionOverdueSql with `asOf` for today) — also counted as open.
 * Statuses are the actions' current ones (the history is not replayed): an action closed since
 * the ranking's year no longer weighs on it.
 * Each agency of the units looks up its own visits by key (inspection_agency_id_starts_on_idx),
 * as lastInspectedYears does: joining the actions to every inspection seq-scanned the inspection
 * table at national scale (server/db/query-plans.test.ts).
 */
async function actionCounts(tx: DbOrTx, unitIds: string[], asOf: string) {
  const rows = await queryRows<{ unit_id: string; open: number; overdue: number }>(
    tx,
    sql`select ta.unit_id, sum(x.open)::int as open, sum(x.overdue)::int as overdue
          from agency ta cross join lateral (
            select count(*) filter (where a.status in (${sql.join(openActionStatuses.map((st) => sql`${st}`), sql`, `)})) as open,
                   count(*) filter (where ${actionOverdueSql(sql`a.status`, sql`a.due_on`, asOf)}) as overdue
              from inspection i join inspection_conclusion c on c.inspection_id = i.id
              join corrective_action a on a.conclusion_id = c.id
             where i.agency_id = ta.id and a.status <> 'draft' and c.status = 'issued' and c.issued_on < ${asOf}::date) x
         where ta.unit_id in (${unitIdList(unitIds)})
         group by ta.unit_id
        having sum(x.open) > 0 or sum(x.overdue) > 0`,
  );
  return rows;
}

registerRiskSource({
  factor: 'openActions',
  async count(tx, unitIds, _year, asOf) {
    return new Map((await actionCounts(tx, unitIds, asOf)).map((r) => [r.unit_id, Number(r.open)]));
  },
});

registerRiskSource({
  factor: 'overdueActions',
  async count(tx, unitIds, _year, asOf) {
    return new Map((await actionCounts(tx, unitIds, asOf)).map((r) => [r.unit_id, Number(r.overdue)]));
  },
});
