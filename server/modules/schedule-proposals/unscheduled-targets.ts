import { sql, type SQL } from 'drizzle-orm';
import type { UnscheduledByPlan } from '../../../shared/api/schedule-proposals.schemas.js';
import { formatDocumentNumber } from '../../../shared/domain/document-types.js';
import { agencyColumns, agencyInReach } from '../../authz/scope.js';
import { queryRows, type DbOrTx } from '../../db/client.js';
import type { Actor } from '../../http/actor.js';
import { planVisible } from '../plans/plans.policy.js';

/** SQL: the target `t` has no inspection (other than a cancelled one) under any version of the series. */
const notYetScheduled = (seriesId: SQL): SQL =>
  sql`not exists (select 1 from inspection i join inspection_plan sp on sp.id = i.plan_id
                   where i.agency_id = t.agency_id and sp.series_id = ${seriesId} and i.status <> 'cancelled')`;

/**
 * The plan's targets with no inspection of the plan's series yet (a cancelled one does not count),
 * by name: what is still to schedule. Only the office reads it (it would tell of an unannounced visit).
 */
export async function unscheduledTargets(tx: DbOrTx, plan: { id: string; seriesId: string }) {
  return queryRows<{ agencyId: string; agencyName: string; unitName: string; unitPath: string }>(
    tx,
    sql`select a.id as "agencyId", a.name as "agencyName", u.name as "unitName", a.unit_path as "unitPath"
          from inspection_plan_target t join agency a on a.id = t.agency_id join unit u on u.id = a.unit_id
         where t.plan_id = ${plan.id}::uuid and ${notYetScheduled(sql`${plan.seriesId}::uuid`)}
         order by a.sort_key collate "C", a.id`,
  );
}

/**
 * Every plan the actor schedules (`inspection.schedule` in reach of its issuing agency, issued or
 * under way) that still has targets to schedule, each with those targets by name, in one
 * statement: the office's "to schedule" card reads them at once instead of a request per plan.
 * Newest year first, as the plans list; anyone else gets an empty list.
 */
export async function unscheduledTargetsByPlan(tx: DbOrTx, actor: Actor): Promise<UnscheduledByPlan['items']> {
  const rows = await queryRows<{ planId: string; summary: string; year: number; number: number | null; symbol: string | null; agencyId: string; agencyName: string; unitName: string }>(
    tx,
    sql`select p.id as "planId", p.content ->> 'summary' as summary, p.year, r.number, r.symbol, a.id as "agencyId", a.name as "agencyName", u.name as "unitName"
          from inspection_plan p join agency ia on ia.id = p.issuing_agency_id
          left join document_register_entry r on r.id = p.register_entry_id
          join inspection_plan_target t on t.plan_id = p.id join agency a on a.id = t.agency_id join unit u on u.id = a.unit_id
         where p.status in ('issued', 'in_progress')
           and ${planVisible(actor, 'p', 'ia')} and ${agencyInReach(actor, 'inspection.schedule', agencyColumns('ia'))}
           and ${notYetScheduled(sql`p.series_id`)}
         order by p.year desc, p.series_id, p.revision desc, a.sort_key collate "C", a.id`,
  );
  const plans = new Map<string, UnscheduledByPlan['items'][number]>();
  for (const r of rows) {
    let plan = plans.get(r.planId);
    if (!plan) {
      plan = { planId: r.planId, summary: r.summary, year: r.year, documentNumber: r.number !== null && r.symbol !== null ? formatDocumentNumber(r.number, r.symbol) : null, items: [] };
      plans.set(r.planId, plan);
    }
    plan.items.push({ agencyId: r.agencyId, agencyName: r.agencyName, unitName: r.unitName });
  }
  return [...plans.values()];
}
