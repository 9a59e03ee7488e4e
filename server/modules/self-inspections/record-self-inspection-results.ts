import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { recordSelfInspectionResultsBody } from '../../../shared/api/self-inspections.schemas.js';
import { loadForAction } from '../../authz/guard.js';
import type { Tx } from '../../db/client.js';
import { reportRequest, reportSubmission, reportTemplate, selfInspection } from '../../db/schema/index.js';
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
 * same unit's report of a request that asked for a self-inspection template of the plan's year
 * (resultSubmissionLink).
 */
export async function recordSelfInspectionResults(tx: Tx, ctx: RequestContext, today: string, id: string, input: z.infer<typeof recordSelfInspectionResultsBody>) {
  const row = await loadForAction(tx, ctx, selfInspectionResource, id, 'record_results', input.version);
  if (input.resultsOn > today) throw AppError.invalid('body.resultsOn', 'date_in_future', 'the results cannot be dated after today');
  if (input.resultsOn < row.startsOn) throw AppError.invalid('body.resultsOn', 'before_start', 'the results are dated before the self-inspection started');
  if (input.fixedCount > input.shortcomingCount) throw AppError.invalid('body.fixedCount', 'more_than_found', 'more shortcomings fixed than found');
  if (input.resultSubmissionId) await checkResultSubmission(tx, input.resultSubmissionId, row);
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

/** The year a report request is about: its periodic year, else its period, else its due day (results of year Y may fall due early in Y+1). */
export function requestCoversYear(r: { periodYear: number | null; periodFrom: string | null; periodTo: string | null; dueOn: string }, year: number): boolean {
  if (r.periodYear !== null) return r.periodYear === year;
  if (r.periodFrom && r.periodTo) return Number(r.periodFrom.slice(0, 4)) <= year && Number(r.periodTo.slice(0, 4)) >= year;
  const due = Number(r.dueOn.slice(0, 4));
  return due === year || due === year + 1;
}

/**
 * The report linked as the results: the unit's own (404-like `not_found` otherwise), of a request
 * that asked for a self-inspection template (`wrong_template`), not withdrawn, about the plan's
 * year (`outside_year`).
 */
async function checkResultSubmission(tx: Tx, submissionId: string, row: { agencyId: string; year: number }) {
  const field = 'body.resultSubmissionId';
  const [s] = await tx
    .select({ kind: reportTemplate.kind, status: reportRequest.status, periodYear: reportRequest.periodYear, periodFrom: reportRequest.periodFrom, periodTo: reportRequest.periodTo, dueOn: reportRequest.dueOn })
    .from(reportSubmission)
    .innerJoin(reportRequest, eq(reportRequest.id, reportSubmission.requestId))
    .innerJoin(reportTemplate, eq(reportTemplate.id, reportRequest.templateId))
    .where(and(eq(reportSubmission.id, submissionId), eq(reportSubmission.agencyId, row.agencyId)));
  if (!s) throw AppError.invalid(field, 'not_found', 'no report of this unit has this id');
  if (s.kind !== 'self_inspection') throw AppError.invalid(field, 'wrong_template', 'the report does not use a self-inspection results template');
  if (s.status === 'withdrawn') throw AppError.invalid(field, 'invalid_state', 'the request of this report was withdrawn');
  if (!requestCoversYear(s, row.year)) throw AppError.invalid(field, 'outside_year', `the report is not about ${row.year}`);
}
