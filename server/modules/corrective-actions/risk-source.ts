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
 */
async function actionCounts(tx: DbOrTx, unitIds: string[], asOf: string) {
  const rows = await queryRows<{ unit_id: string; open: number; overdue: number }>(
    tx,
    sql`select ta.unit_id,
               count(*) filter (where a.status in (${sql.join(openActionStatuses.map((st) => sql`${st}`), sql`, `)}))::int as open,
               count(*) filter (where ${actionOverdueSql(sql`a.status`, sql`a.due_on`, asOf)})::int as overdue
          from corrective_action a join inspection_conclusion c on c.id = a.conclusion_id
          join inspection i on i.id = c.inspection_id join agency ta on ta.id = i.agency_id
         where ta.unit_id in (${unitIdList(unitIds)}) and a.status <> 'draft'
           and c.status = 'issued' and c.issued_on < ${asOf}::date
         group by ta.unit_id`,
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
