import { sql, type SQL } from 'drizzle-orm';
import type { AwaitingSignatureItem } from '../../../shared/api/signatures.schemas.js';
import { queryRows, type DbOrTx } from '../../db/client.js';
import { agencyColumns, agencyInReach } from '../../authz/scope.js';
import type { Actor } from '../../http/actor.js';

/** At most this many drafts are listed; `total` counts them all. */
export const AWAITING_SIGNATURE_LIMIT = 100;

const day = (column: string) => sql.raw(`to_char(${column} at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD')`);

/**
 * The drafts waiting for the caller's signature, newest change first, in one statement (one branch
 * per kind, each scoped in SQL by the capability that signs it, as the issue endpoints check):
 * - plans submitted for approval (`plan.issue` on the issuing agency);
 * - teams not yet founded under an issued plan (`team.found`);
 * - conclusion notices and escalations in the People's Committee's name (`conclusion.approve`), or
 *   in the standing office's own name, which it signs under authorisation (`conclusion.draft`,
 *   conclusions.policy.ts `maySign`);
 * - results reports (`results_report.issue`).
 * An unannounced visit is never named here before it starts: a conclusion or escalation follows a
 * visit, and only the plan's leaders and office (who see the visit anyway) are reached.
 */
export async function listAwaitingSignature(tx: DbOrTx, actor: Actor): Promise<{ items: AwaitingSignatureItem[]; total: number }> {
  const ia = agencyColumns('ia');
  const signsFollowUp = (docAgency: string): SQL =>
    sql`((${sql.raw(docAgency)} = p.issuing_agency_id and ${agencyInReach(actor, 'conclusion.approve', ia)})
         or (${sql.raw(docAgency)} <> p.issuing_agency_id and ${agencyInReach(actor, 'conclusion.draft', ia)}))`;
  const rows = await queryRows<AwaitingSignatureItem & { updatedAt: string; total: number }>(
    tx,
    sql`with awaiting as (
          select 'plan' as kind, p.id, '/plans/' || p.id as path, ia.name as "issuingAgencyName", p.year,
                 nullif(p.content->>'summary', '') as subject, p.updated_at as "updatedAt"
            from inspection_plan p join agency ia on ia.id = p.issuing_agency_id
           where p.status = 'submitted' and ${agencyInReach(actor, 'plan.issue', ia)}
          union all
          select 'team', tm.id, '/plans/' || p.id, ia.name, p.year, tm.name, tm.updated_at
            from inspection_team tm join inspection_plan p on p.id = tm.plan_id join agency ia on ia.id = p.issuing_agency_id
           where tm.status = 'draft' and p.status in ('issued', 'in_progress') and ${agencyInReach(actor, 'team.found', ia)}
          union all
          select 'conclusion', c.id, '/conclusions/' || c.id, ca.name, p.year, ta.name, c.updated_at
            from inspection_conclusion c join inspection i on i.id = c.inspection_id join inspection_plan p on p.id = i.plan_id
            join agency ia on ia.id = p.issuing_agency_id join agency ca on ca.id = c.issuing_agency_id join agency ta on ta.id = i.agency_id
           where c.status = 'draft' and ${signsFollowUp('c.issuing_agency_id')}
          union all
          select 'escalation', e.id, '/escalations/' || e.id, ea.name, p.year, ta.name, e.updated_at
            from escalation e join inspection i on i.id = e.inspection_id join inspection_plan p on p.id = i.plan_id
            join agency ia on ia.id = p.issuing_agency_id join agency ea on ea.id = e.issuing_agency_id join agency ta on ta.id = i.agency_id
           where e.status = 'draft' and ${signsFollowUp('e.issuing_agency_id')}
          union all
          select 'results_report', r.id, '/results-reports/' || r.id, ia.name, r.year, nullif(r.content->>'summary', ''), r.updated_at
            from results_report r join agency ia on ia.id = r.issuing_agency_id
           where r.status = 'draft' and ${agencyInReach(actor, 'results_report.issue', ia)}
        )
        select kind, id, path, "issuingAgencyName", year, subject, ${day('"updatedAt"')} as "updatedOn", "updatedAt",
               (count(*) over ())::int as total
          from awaiting order by "updatedAt" desc, id limit ${AWAITING_SIGNATURE_LIMIT}`,
  );
  return { items: rows.map(({ updatedAt: _u, total: _t, ...item }) => item), total: rows[0]?.total ?? 0 };
}
