import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { dashboardSectionSchema } from '../../../shared/api/dashboard.schemas.js';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../http/actor.js';

export type DashboardSection = z.infer<typeof dashboardSectionSchema>;

/**
 * EXTENSION POINT of the dashboard: a module that records more of the season (reports received
 * and reviewed, findings by content group, corrective actions open/overdue/closed, conclusions)
 * registers a section at import time. It receives the root unit's path and the year and answers
 * its figures for what the actor may see (its own scope predicates), each with a link to the
 * records behind it. The dashboard shows each section as a chart with its table and puts it in
 * the .xlsx export; the results report lists them too.
 */
export interface DashboardSectionSource {
  key: string;
  load(tx: DbOrTx, actor: Actor | null, filter: SectionFilter): Promise<DashboardSection | null>;
}

/** The subtree (the root unit and its materialised path), the year, and today in Việt Nam (what is overdue). */
export interface SectionFilter {
  rootId: string;
  rootPath: string;
  year: number;
  today: string;
  /** Only the root's own plans (their visits, and the reports its own agencies asked for): docs/decisions/results-report-scope.md. */
  ownPlans?: boolean;
}

/**
 * The visit's plan was issued by an agency of the unit itself (its People's Committee or its
 * standing office), on the alias `ia` of visitJoins: the season an authority reports on.
 */
export const ownPlansSql = (unitId: string): SQL => sql`ia.unit_id = ${unitId}::uuid`;

/** The link parameter of a section's figure restricted to the root's own plans. */
export const ownPlansParam = (f: Pick<SectionFilter, 'ownPlans'>): Record<string, string> => (f.ownPlans ? { issuer: 'own' } : {});

const sources: DashboardSectionSource[] = [];

/** Called once by a module at import time (like registerRiskSource). */
export function registerDashboardSection(source: DashboardSectionSource): void {
  if (!sources.some((s) => s.key === source.key)) sources.push(source);
}

/** The sections of every registered source, in registration order. */
export async function dashboardSections(tx: DbOrTx, actor: Actor | null, filter: SectionFilter): Promise<DashboardSection[]> {
  const out: DashboardSection[] = [];
  for (const s of sources) {
    const section = await s.load(tx, actor, filter);
    if (section) out.push(section);
  }
  return out;
}

type SectionItem = DashboardSection['items'][number];

/** One item of a section: its key, Vietnamese and English labels, the count and the link to its records. */
export const sectionItem = (key: string, vi: string, en: string, value: number | null, link: string | null): SectionItem => ({ key, label: { vi, en }, value, link });

/** The year's first and last days, for the SQL of a section. */
export const yearBounds = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });

/**
 * The link of a figure: the list of exactly the records it counts, with the dashboard's year and
 * unit subtree carried over in the list's own query parameters (the list reads them from the URL,
 * so the link can be shared).
 */
export const listLink = (path: string, params: Record<string, string | number>): string =>
  `${path}?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString()}`;

/**
 * The joins from the year's visits `i` to their plan `p`, the inspected agency `ta` and the plan's
 * issuing agency `ia`, the aliases the visibility predicates test (inspectionVisibleAs). Under a
 * unit the planner starts from the subtree's agencies (their unit paths, an index). Under the
 * country's root every agency matches the path, and it hash-joined the whole agency table twice
 * (a national admin's dashboard: 26 ms of its figures, 40 ms of the actions section, at national
 * scale): there each of the year's visits looks its two agencies up by key instead (`offset 0`
 * keeps the subqueries from being flattened back into that hash join). bench/dashboard.bench.ts.
 */
export function visitJoins(rootPath: string): SQL {
  if (rootPath.split('/').filter(Boolean).length > 1) {
    return sql`join agency ta on ta.id = i.agency_id join inspection_plan p on p.id = i.plan_id join agency ia on ia.id = p.issuing_agency_id`;
  }
  return sql`cross join lateral (select x.* from agency x where x.id = i.agency_id offset 0) ta
             join inspection_plan p on p.id = i.plan_id
             cross join lateral (select y.* from agency y where y.id = p.issuing_agency_id offset 0) ia`;
}
