import type { z } from 'zod';
import type { ResultsReportContent, updateResultsReportBody } from '../../../shared/api/results-reports.schemas.js';
import { loadForAction } from '../../authz/guard.js';
import type { Tx } from '../../db/client.js';
import { resultsReport } from '../../db/schema/index.js';
import { updateVersioned } from '../../db/versioned-update.js';
import type { RequestContext } from '../../http/actor.js';
import { recordAudit } from '../audit/audit-log.js';
import { reportPlace, reportResource } from './results-reports.policy.js';

/** The office edits a draft's texts (a partial content replaces the fields given); versioned, audited. */
export async function updateResultsReport(tx: Tx, ctx: RequestContext, id: string, input: z.infer<typeof updateResultsReportBody>) {
  const row = await loadForAction(tx, ctx, reportResource, id, 'edit', input.version);
  const content: ResultsReportContent = { ...(row.content as ResultsReportContent), ...input.content };
  const after = await updateVersioned(tx, resultsReport, id, input.version, { content });
  await recordAudit(tx, ctx, { action: 'results_report.updated', entityType: 'results_report', entityId: id, scope: { places: [reportPlace(row)] }, before: row.content, after: content });
  return after;
}
