import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { listLink, ownPlansParam, ownPlansSql, registerDashboardSection, sectionItem, visitJoins, yearBounds } from '../dashboard/dashboard-sections.js';
import { conclusionVisibleAs } from '../conclusions/conclusions.repository.js';
import { actionOverdueSql } from './corrective-actions.repository.js';

/**
 * The dashboard's "corrective actions" section (issue 11 §4): the actions required by the issued
 * conclusions of the year's visits under the root — open, overdue (past due by today, not
 * reported nor closed) and closed, counted as the actions board counts them. Who sees an action
 * (visibleActions: not a draft, of a conclusion the caller sees) is tested on each of the year's
 * rows, not by building every visible action of the country (bench/dashboard.bench.ts): each of
 * the year's visits under the root counts its own actions by key (the conclusion of the visit, the
 * actions of the conclusion), where joining every action to the visits seq-scanned the actions and
 * conclusions of the country (server/db/query-plans.test.ts, a national admin's dashboard).
 */
registerDashboardSection({
  key: 'corrective_actions',
  async load(tx, actor, filter) {
    const { rootId, rootPath, year, today } = filter;
    const { from, to } = yearBounds(year);
    const overdue = actionOverdueSql(sql`a.status`, sql`a.due_on`, today);
    const [r] = await queryRows<{ open: number; overdue: number; closed: number }>(
      tx,
      sql`select coalesce(sum(x.open), 0)::int as open, coalesce(sum(x.overdue), 0)::int as overdue, coalesce(sum(x.closed), 0)::int as closed
            from inspection i ${visitJoins(rootPath)}
            cross join lateral (
              select count(*) filter (where a.status <> 'closed' and not ${overdue}) as open,
                     count(*) filter (where ${overdue}) as overdue,
                     count(*) filter (where a.status = 'closed') as closed
                from inspection_conclusion c join corrective_action a on a.conclusion_id = c.id
               where c.inspection_id = i.id and a.status <> 'draft'
                 ${actor ? sql`and ${conclusionVisibleAs(actor, { conclusion: 'c', inspection: 'i', issuer: 'ia', target: 'ta' })}` : sql``}) x
           where i.starts_on between ${from}::date and ${to}::date and ta.unit_path like ${`${rootPath}%`} ${filter.ownPlans ? sql`and ${ownPlansSql(rootId)}` : sql``}`,
    );
    // The list's own filters (web CorrectiveActionsPage): the visits' year, the subtree and the bucket.
    const link = (state: 'open' | 'overdue' | 'closed') => listLink('/corrective-actions', { visitYear: year, unitId: rootId, ...ownPlansParam(filter), state });
    return {
      key: 'corrective_actions',
      title: { vi: 'Yêu cầu khắc phục', en: 'Corrective actions' },
      items: [
        sectionItem('open', 'Đang thực hiện', 'Open', Number(r.open), link('open')),
        sectionItem('overdue', 'Quá hạn', 'Overdue', Number(r.overdue), link('overdue')),
        sectionItem('closed', 'Đã hoàn thành', 'Closed', Number(r.closed), link('closed')),
      ],
    };
  },
});
