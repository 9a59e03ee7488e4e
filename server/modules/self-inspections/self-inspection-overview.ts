import { sql } from 'drizzle-orm';
import type { SelfInspectionOverview } from '../../../shared/api/self-inspections.schemas.js';
import { agencyInReach, agencyColumns } from '../../authz/scope.js';
import { queryRows, type DbOrTx } from '../../db/client.js';
import type { Actor } from '../../http/actor.js';

interface Row {
  agency_id: string;
  agency_name: string;
  sort_key: string;
  self_inspection_id: string | null;
  status: string | null;
  inspected_count: number | null;
  shortcoming_count: number | null;
  fixed_count: number | null;
}

/**
 * The standing office's view of a year: every inspected unit in reach — offices and departments,
 * and the People's Committees of communes, wards and townships — active in that year, whether it
 * has a plan and results, and the sums of what the units found. Scoped in SQL by the reader's
 * reach (`self_inspection.read`).
 */
export async function selfInspectionOverview(tx: DbOrTx, actor: Actor, year: number): Promise<SelfInspectionOverview> {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const rows = await queryRows<Row>(
    tx,
    sql`select a.id as agency_id, a.name as agency_name, a.sort_key, s.id as self_inspection_id, s.status, s.inspected_count, s.shortcoming_count, s.fixed_count
        from agency a
        join unit u on u.id = a.unit_id
        left join self_inspection s on s.agency_id = a.id and s.year = ${year}
        where ${agencyInReach(actor, 'self_inspection.read', agencyColumns('a'))}
          and (s.id is not null or (
            a.active
            and (a.kind in ('office', 'department') or (a.kind = 'peoples_committee' and u.kind in ('ward', 'commune', 'township', 'special_zone')))
            and (a.valid_from is null or a.valid_from <= ${end}::date) and (a.valid_to is null or a.valid_to >= ${start}::date)
            and (u.valid_from is null or u.valid_from <= ${end}::date) and (u.valid_to is null or u.valid_to >= ${start}::date)))
        order by a.sort_key collate "C", a.id
        limit 20000`,
  );
  const units = rows.map((r) => ({
    agencyId: r.agency_id,
    agencyName: r.agency_name,
    selfInspectionId: r.self_inspection_id,
    hasPlan: r.self_inspection_id !== null,
    hasResults: r.status === 'reported',
    inspectedCount: r.inspected_count,
    shortcomingCount: r.shortcoming_count,
    fixedCount: r.fixed_count,
  }));
  const sum = (f: (u: (typeof units)[number]) => number | null) => units.reduce((n, u) => n + (u.hasResults ? (f(u) ?? 0) : 0), 0);
  return {
    year,
    units,
    totals: {
      units: units.length,
      withPlan: units.filter((u) => u.hasPlan).length,
      withResults: units.filter((u) => u.hasResults).length,
      inspected: sum((u) => u.inspectedCount),
      shortcomings: sum((u) => u.shortcomingCount),
      fixed: sum((u) => u.fixedCount),
    },
  };
}
