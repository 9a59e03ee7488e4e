import { resultsReport } from '../../db/schema/index.js';
import type { z } from 'zod';
import type { reportFiguresSchema } from '../../../shared/api/results-reports.schemas.js';
import { vietnamLocalTime } from '../../../shared/domain/vietnam-time.js';
import { systemClock } from '../../clock.js';
import type { DbOrTx } from '../../db/client.js';
import { dashboardSections } from '../dashboard/season-sections.js';
import { seasonFigures } from '../dashboard/season-figures.js';
import { seasonFacts } from './season-facts.js';

export type ReportFigures = z.infer<typeof reportFiguresSchema>;

/**
 * The figures a report prints: while a draft, the dashboard's computation for the reporting
 * unit and year over the authority's own season — the visits of the plans its People's Committee
 * or standing office issued, never an authority above's (a ward's report would reveal the
 * province's unannounced visits) nor a unit below's: the dashboard's `issuer=own`
 * (docs/decisions/results-report-scope.md); once issued, the figures frozen with it
 * (`results_report.figures`), whatever happens later.
 */
export async function reportFigures(
  db: DbOrTx,
  r: Pick<typeof resultsReport.$inferSelect, 'status' | 'year' | 'figures'> & { unitId: string; unitName: string; unitKind: string; unitPath: string },
  today = vietnamLocalTime(systemClock.now()).date,
): Promise<ReportFigures> {
  if (r.status === 'issued' && r.figures) return r.figures as ReportFigures;
  const figures = await seasonFigures(db, { root: { id: r.unitId, name: r.unitName, kind: r.unitKind, path: r.unitPath }, year: r.year, today, inspectionFilter: null, ownPlans: true });
  return {
    ...figures,
    sections: await dashboardSections(db, null, { rootId: r.unitId, rootPath: r.unitPath, year: r.year, today, ownPlans: true }),
    facts: await seasonFacts(db, { id: r.unitId, path: r.unitPath }, r.year),
  };
}
