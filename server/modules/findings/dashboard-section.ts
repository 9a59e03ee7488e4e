import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { listLink, ownPlansParam, ownPlansSql, registerDashboardSection, sectionItem, visitJoins, yearBounds } from '../dashboard/dashboard-sections.js';
import { inspectionVisibleAs } from '../inspections/inspections.policy.js';

const kinds = [
  { kind: 'good_practice', vi: 'Cách làm hay', en: 'Good practices' },
  { kind: 'shortcoming', vi: 'Tồn tại, hạn chế', en: 'Shortcomings' },
  { kind: 'violation', vi: 'Vi phạm', en: 'Violations' },
] as const;

/**
 * The dashboard's "findings" section (issue 11 §4): the findings of the year's visits under the
 * root (withdrawn ones left out), by kind, then by content group (a, b, c of the plan, or the
 * one-stop places, named by their titles on the visit's checklists) and kind. Each links to the
 * findings list (web /findings) filtered by the same visit year, subtree, kind and group code.
 */
registerDashboardSection({
  key: 'findings',
  async load(tx, actor, filter) {
    const { rootId, rootPath, year } = filter;
    const { from, to } = yearBounds(year);
    const rows = await queryRows<{ code: string; content_group: string; kind: string; n: number }>(
      tx,
      // By the group's code (what the list filters on), named by its title on the visits' checklists
      // ("a" → "Nhóm a…", a one-stop place's name), else by its code.
      sql`select f.content_group as code,
                 min(coalesce((select ci.group_title from inspection_checklist_item ci join inspection_checklist c on c.id = ci.checklist_id
                                where c.inspection_id = f.inspection_id and ci.group_code = f.content_group limit 1), f.content_group)) as content_group,
                 f.kind, count(*)::int as n
            from finding f join inspection i on i.id = f.inspection_id ${visitJoins(rootPath)}
           where f.withdrawn_at is null and i.starts_on between ${from}::date and ${to}::date and ta.unit_path like ${`${rootPath}%`} ${filter.ownPlans ? sql`and ${ownPlansSql(rootId)}` : sql``}
             ${actor ? sql`and ${inspectionVisibleAs(actor, { inspection: 'i', issuer: 'ia', target: 'ta' })}` : sql``}
           group by f.content_group, f.kind order by 2, 3`,
    );
    const link = (kind: string, contentGroup?: string) => listLink('/findings', { visitYear: year, unitId: rootId, ...ownPlansParam(filter), kind, ...(contentGroup === undefined ? {} : { contentGroup }) });
    const label = (kind: string) => kinds.find((k) => k.kind === kind) ?? { vi: kind, en: kind };
    return {
      key: 'findings',
      title: { vi: 'Kết quả kiểm tra (phát hiện)', en: 'Findings' },
      items: [
        ...kinds.map((k) => sectionItem(k.kind, k.vi, k.en, rows.filter((r) => r.kind === k.kind).reduce((a, r) => a + Number(r.n), 0), link(k.kind))),
        ...rows.map((r) => sectionItem(`${r.content_group}:${r.kind}`, `${r.content_group} — ${label(r.kind).vi.toLowerCase()}`, `${r.content_group} — ${label(r.kind).en.toLowerCase()}`, Number(r.n), link(r.kind, r.code))),
      ],
    };
  },
});
