import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { listLink, registerDashboardSection, sectionItem, yearBounds } from '../dashboard/dashboard-sections.js';
import { visibleDifficulties } from './difficulties.policy.js';

/**
 * The dashboard's "difficulties" section (issue 11 §5; reference §7): the difficulties the units
 * under the root raised to the committee that year — answered (or closed) and still open — and the
 * mean response time in working days of those answered. The results report prints it among its
 * figures and lists the open ones among its proposals.
 */
registerDashboardSection({
  key: 'difficulties',
  async load(tx, actor, { rootId, rootPath, year }) {
    const { from, to } = yearBounds(year);
    const [r] = await queryRows<{ answered: number; open: number; average: string | null }>(
      tx,
      sql`select count(*) filter (where d.status in ('answered','closed'))::int as answered,
                 count(*) filter (where d.status in ('raised','forwarded'))::int as open,
                 round(avg(d.response_working_days), 0) as average
            from difficulty d join agency on agency.id = d.agency_id
           where d.raised_on between ${from}::date and ${to}::date and agency.unit_path like ${`${rootPath}%`}
             ${actor ? sql`and ${visibleDifficulties(actor)}` : sql``}`,
    );
    // The year's list under the root (its counts say how many are open and answered, and the mean
    // response time: "open" is two statuses, raised and forwarded).
    const link = (state: 'open' | 'answered') => listLink('/difficulties', { year, unitId: rootId, state });
    return {
      key: 'difficulties',
      title: { vi: 'Khó khăn, vướng mắc kiến nghị lên Ủy ban', en: 'Difficulties raised to the committee' },
      items: [
        sectionItem('answered', 'Đã trả lời', 'Answered', Number(r.answered), link('answered')),
        sectionItem('open', 'Chưa trả lời', 'Not answered yet', Number(r.open), link('open')),
        // A mean, not a count: not in the chart of counts; null ("–") when nothing was answered.
        { ...sectionItem('response_days', 'Thời gian trả lời bình quân (ngày làm việc)', 'Mean response time (working days)', r.average === null ? null : Number(r.average), link('answered')), measure: true },
      ],
    };
  },
});
