import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { recordSelfInspectionResultsBody } from '../../../shared/api/self-inspections.schemas.js';
import { loadForAction } from '../../authz/guard.js';
import type { Tx } from '../../db/client.js';
import { reportSubmission, selfInspection } from '../../db/schema/index.js';
import { updateVersioned } from '../../db/versioned-update.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { selfInspectionResource } from './self-inspections.policy.js';
import { tellOffice } from './self-inspection-rules.js';

/**
 * The unit's officer records (or corrects) the results of its self-inspection: how many departments
 * or sub-units it inspected, shortcomings found and fixed, what it found and did. The results day
 * is within the plan's span or after it, never after today. A linked report submission must be the
 * same unit's.
 */
export async function recordSelfInspectionResults(tx: Tx, ctx: RequestContext, today: string, id: string, input: z.infer<typeof recordSelfInspectionResultsBody>) {
  const row = await loadForAction(tx, ctx, selfInspectionResource, id, 'record_results', input.version);
  if (input.resultsOn > today) throw AppError.invalid('body.resultsOn', 'date_in_future', 'the results cannot be dated after today');
  if (input.resultsOn < row.startsOn) throw AppError.invalid('body.resultsOn', 'before_start', 'the results are dated before the self-inspection started');
  if (input.fixedCount > input.shortcomingCount) throw AppError.invalid('body.fixedCount', 'more_than_found', 'more shortcomings fixed than found');
  if (input.resultSubmissionId) {
    const [s] = await tx.select({ id: reportSubmission.id }).from(reportSubmission).where(and(eq(reportSubmission.id, input.resultSubmissionId), eq(reportSubmission.agencyId, row.agencyId)));
    if (!s) throw AppError.invalid('body.resultSubmissionId', 'not_found', 'no report of this unit has this id');
  }
  const after = await updateVersioned(tx, selfInspection, id, input.version, {
    status: 'reported',
    resultsOn: input.resultsOn,
    inspectedCount: input.inspectedCount,
    shortcomingCount: input.shortcomingCount,
    fixedCount: input.fixedCount,
    findings: input.findings,
    remedies: input.remedies ?? null,
    resultSubmissionId: input.resultSubmissionId ?? null,
  });
  const { agencyName: _n, agencyUnitPath: _u, agencyPath: _p, ...before } = row;
  await recordAudit(tx, ctx, { action: 'self_inspection.results_recorded', entityType: 'self_inspection', entityId: id, scope: { agencies: [row.agencyId] }, before, after });
  await tellOffice(tx, ctx, row, 'results');
  return after;
}
