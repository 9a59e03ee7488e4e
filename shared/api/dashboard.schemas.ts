import { z } from 'zod';
import { inspectionKinds, inspectionStatuses } from '../domain/inspection-status.js';
import { queryInt4, uuid } from './common.js';
import { frameworkKinds } from './indices.schemas.js';

/**
 * The leaders' dashboard of a season (issue 11 §4): what the inspections, the indices and the
 * ranking say for a unit's subtree and a year. The annual results report prints the same figures
 * (one computation, modules/dashboard/season-figures.ts).
 */

/** The level of the units whose indices are compared: provinces, districts (towns), communes (wards). */
export const unitLevels = ['province', 'district', 'commune'] as const;
export type UnitLevel = (typeof unitLevels)[number];
/** The unit kinds of each level. */
export const unitKindsOfLevel: Record<UnitLevel, string[]> = {
  province: ['province', 'city'],
  district: ['district', 'town', 'provincial_city'],
  commune: ['ward', 'commune', 'township', 'special_zone'],
};

export const dashboardQuery = z.object({
  /**
   * By default the season the caller would look at: the latest year up to this year (in Việt Nam,
   * by the server's clock) with a plan or a visit under the root, else this year
   * (docs/decisions/dashboard-links.md).
   */
  year: queryInt4().min(1990).max(2100).optional(),
  /** The subtree's root; by default the caller's widest unit. */
  unitId: uuid.optional(),
  /** The units whose indices are compared; by default the level most scored under the root. */
  level: z.enum(unitLevels).optional(),
  /** `own`: the root's own plans only, the figures of its annual results report (docs/decisions/results-report-scope.md). */
  issuer: z.enum(['own']).optional(),
});
export type DashboardQuery = z.infer<typeof dashboardQuery>;

const count = z.number().int();

/** A unit below the root with its index: a scored unit itself, or the average of those under it. */
export const indexUnitSchema = z.object({
  unitId: z.uuid(),
  unitName: z.string(),
  /** The mean index % of the scored units in its subtree (its own when it is scored itself). */
  indexPct: z.number().nullable(),
  scored: count,
  unmetCount: count,
  /** Among the units listed, by index % (equal shares a rank). */
  rank: z.number().int().nullable(),
});

export const indexSeriesSchema = z.object({
  kind: z.enum(frameworkKinds),
  framework: z.object({ id: z.uuid(), code: z.string(), name: z.string(), illustrative: z.boolean() }).nullable(),
  /** Mean index % of the scored units of the level under the root, that year. */
  average: z.number().nullable(),
  scored: count,
  unmetCount: count,
  /** Each area (top-level criterion): its mean % over the scored units. */
  areas: z.array(z.object({ criterionId: z.uuid(), code: z.string(), name: z.string(), average: z.number().nullable() })),
  units: z.array(indexUnitSchema),
  /** The same framework (all its versions) in earlier years, up to ten. */
  /** Per year, with the revision of the framework most of that year's sheets were scored on (its results page). */
  trend: z.array(z.object({ year: z.number().int(), average: z.number().nullable(), scored: count, frameworkId: z.uuid() })),
});
export type IndexSeries = z.infer<typeof indexSeriesSchema>;

/** A figure a later module adds (reports received, findings, corrective actions): label, value, link. */
export const dashboardSectionSchema = z.object({
  key: z.string(),
  title: z.object({ vi: z.string(), en: z.string() }),
  /**
   * measure: a mean or a rate, not a count (not drawn in the section's bar chart of counts; null
   * when there is nothing to measure, shown "–").
   */
  items: z.array(z.object({ key: z.string(), label: z.object({ vi: z.string(), en: z.string() }), value: z.number().nullable(), link: z.string().nullable(), measure: z.boolean().optional() })),
});

export const dashboardResponse = z.object({
  /** The year asked, or the default one (the query's `year`). */
  year: z.number().int(),
  unit: z.object({ id: z.uuid(), name: z.string(), kind: z.string() }),
  level: z.enum(unitLevels),
  /** Units the caller may pick as the root (their widest units and the root's children). */
  choices: z.array(z.object({ id: z.uuid(), name: z.string(), kind: z.string() })),
  /**
   * `own`: only the visits of the plans issued by the root unit's own authority (its People's
   * Committee or its standing office), as its annual results report counts them
   * (docs/decisions/results-report-scope.md); absent: every visit under the root the caller sees.
   */
  issuer: z.enum(['own']).optional(),
  inspections: z.object({
    /** The visits not cancelled (the sum of byKind, byMonth and the teams). */
    total: count,
    /** The cancelled visits, left out of every other figure but byStatus (absent from figures issued before it). */
    cancelled: count.optional(),
    byStatus: z.array(z.object({ status: z.enum(inspectionStatuses), count })),
    byKind: z.array(z.object({ kind: z.enum(inspectionKinds), count })),
    /** Visits starting each month (1–12), cancelled ones left out. */
    byMonth: z.array(z.object({ month: z.number().int(), count })),
    /** Each team's visits that year (cancelled left out) and how many are closed. */
    teams: z.array(z.object({ teamId: z.uuid(), teamName: z.string(), count, closed: count })),
    /** The units' reports: due that year (announced visits and desk reviews), due by today. */
    reports: z.object({ due: count, dueByToday: count, /** "Today" for dueByToday (in Việt Nam), which its link carries (absent from figures issued before it). */ asOf: z.string().optional() }),
    /** Inspected agencies (not cancelled) and their units. */
    agencies: count,
  }),
  indices: z.array(indexSeriesSchema),
  /** The risk ranking of the root's children (top ten), for those who may read it. */
  ranking: z
    .object({
      items: z.array(z.object({ unitId: z.uuid(), unitName: z.string(), rank: z.number().int(), score: z.number(), explanation: z.object({ vi: z.string(), en: z.string() }) })),
    })
    .nullable(),
  sections: z.array(dashboardSectionSchema),
});
export type DashboardDto = z.infer<typeof dashboardResponse>;

/**
 * The link of an inspections figure: the visits starting in the dashboard's year under its unit
 * (the inspections list's year, month and unitId filters), with the figure's own filter (status,
 * kind, month, team); live=true leaves out the cancelled visits, as the figures by month, kind
 * and team do (modules/dashboard/season-figures.ts).
 */
export const dashboardInspectionsLink = (d: { year: number; unit: { id: string }; issuer?: 'own' }, q: Record<string, string | number | boolean>): string =>
  `/inspections?${new URLSearchParams({ year: String(d.year), unitId: d.unit.id, ...(d.issuer ? { issuer: d.issuer } : {}), ...Object.fromEntries(Object.entries(q).map(([k, v]) => [k, String(v)])) }).toString()}`;
