import type { GuardedResource } from '../../authz/guard.js';
import { inReach, type Place } from '../../authz/scope.js';
import type { Actor } from '../../http/actor.js';
import { findVisibleReport, type ReportRow } from './results-reports.repository.js';

export type ReportAction = 'edit' | 'issue';

export const reportPlace = (row: Pick<ReportRow, 'issuerUnitPath' | 'issuerPath'>): Place => ({ unitPath: row.issuerUnitPath, agencyPath: row.issuerPath });

/**
 * Results reports for the guard: read where `results_report.read` reaches the issuing agency
 * (404 otherwise); the standing office edits a draft (`results_report.draft`, its own
 * authority), a leader approves and signs it (`results_report.issue`) → 403 otherwise; stale →
 * 409; an issued report is frozen → 409 INVALID_STATE.
 */
export const reportResource: GuardedResource<ReportRow, ReportAction> = {
  name: 'results report',
  findVisible: findVisibleReport,
  allows: (actor, row, action) => inReach(actor, action === 'edit' ? 'results_report.draft' : 'results_report.issue', reportPlace(row)),
  refusal: (row) => (row.status === 'draft' ? null : 'the report has been issued; it is frozen'),
};

export function reportAbilities(actor: Actor, row: ReportRow) {
  const draft = row.status === 'draft';
  // The office that edits a draft may also discard it (delete-results-report.ts: the same 'edit' action).
  const edits = draft && inReach(actor, 'results_report.draft', reportPlace(row));
  return { update: edits, issue: draft && inReach(actor, 'results_report.issue', reportPlace(row)), delete: edits };
}
