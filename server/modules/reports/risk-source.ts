import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { registerRiskSource, unitIdList } from '../indices/risk-ranking.js';
import { submissionTimelinessSql } from './reports.repository.js';

/**
 * The risk ranking's "late reports" factor (issue 11 §3, docs/decisions/risk-ranking.md): per unit,
 * the reports its agencies were asked for (requests issued, due in the ranking's year) that were
 * sent after their due date, or not sent and past due at the reference date `asOf` — the
 * statistics' and the dashboard's "late" and "missing" (submissionTimelinessSql, `asOf` for today).
 * Reports not yet due are left out, as the statistics leave them.
 */
registerRiskSource({
  factor: 'lateReports',
  async count(tx, unitIds, year, asOf) {
    const rows = await queryRows<{ unit_id: string; late: number; missing: number }>(
      tx,
      sql`select sa.unit_id,
                 count(*) filter (where ${submissionTimelinessSql('late', sql`s`, sql`r`, asOf)})::int as late,
                 count(*) filter (where ${submissionTimelinessSql('missing', sql`s`, sql`r`, asOf)})::int as missing
            from report_submission s join report_request r on r.id = s.request_id join agency sa on sa.id = s.agency_id
           where sa.unit_id in (${unitIdList(unitIds)}) and r.status in ('open','closed')
             and r.due_on between ${`${year}-01-01`}::date and ${`${year}-12-31`}::date
           group by sa.unit_id`,
    );
    return new Map(rows.map((r) => [r.unit_id, { n: Number(r.late) + Number(r.missing), missing: Number(r.missing) }]));
  },
});
