import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { listLink, ownPlansParam, registerDashboardSection, sectionItem, yearBounds } from '../dashboard/dashboard-sections.js';
import { submissionTimelinessSql, visibleSubmissions } from './reports.repository.js';

/**
 * The dashboard's "reports" section (issue 11 §4): the units' reports due that year (requests
 * issued, due in the year, from agencies under the root) — received on time, received late, and
 * missing (not submitted and past due by today); those not yet due are left out.
 */
registerDashboardSection({
  key: 'reports',
  async load(tx, actor, filter) {
    const { rootId, rootPath, year, today } = filter;
    const { from, to } = yearBounds(year);
    const [r] = await queryRows<{ on_time: number; late: number; missing: number }>(
      tx,
      // The same predicates as the list the figures link to (listVisibleSubmissions' timeliness).
      sql`select count(*) filter (where ${submissionTimelinessSql('on_time', sql`s`, sql`r`, today)})::int as on_time,
                 count(*) filter (where ${submissionTimelinessSql('late', sql`s`, sql`r`, today)})::int as late,
                 count(*) filter (where ${submissionTimelinessSql('missing', sql`s`, sql`r`, today)})::int as missing
            from report_submission s join report_request r on r.id = s.request_id join agency sa on sa.id = s.agency_id
           where r.status in ('open','closed') and r.due_on between ${from}::date and ${to}::date and sa.unit_path like ${`${rootPath}%`}
             ${filter.ownPlans ? sql`and r.owner_agency_id in (select oa.id from agency oa where oa.unit_id = ${rootId}::uuid)` : sql``}
             ${actor ? sql`and s.id in ${visibleSubmissions(actor)}` : sql``}`,
    );
    // The units' reports of that year and subtree, sent on time, late, or missing (web /reports/submissions).
    const link = (timeliness: string) => listLink('/reports/submissions', { dueYear: year, unitId: rootId, ...ownPlansParam(filter), timeliness });
    return {
      key: 'reports',
      // Named apart from the pre-visit reports of the inspections' figures ("Báo cáo trước đợt kiểm tra").
      title: { vi: 'Báo cáo định kỳ, theo yêu cầu', en: 'Periodic and requested reports' },
      items: [
        sectionItem('on_time', 'Đúng hạn', 'On time', Number(r.on_time), link('on_time')),
        sectionItem('late', 'Trễ hạn', 'Late', Number(r.late), link('late')),
        sectionItem('missing', 'Chưa gửi (quá hạn)', 'Missing (overdue)', Number(r.missing), link('missing')),
      ],
    };
  },
});
