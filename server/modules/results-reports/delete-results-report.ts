import { and, eq } from 'drizzle-orm';
import { loadForAction } from '../../authz/guard.js';
import type { Tx } from '../../db/client.js';
import { resultsReport } from '../../db/schema/index.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { reportPlace, reportResource } from './results-reports.policy.js';

/**
 * The office discards a draft it no longer wants (a wrong year, a restart): gone, audited with
 * what it held. An issued report is numbered and frozen: 409 INVALID_STATE. Versioned like an
 * edit (a stale version is 409), so nobody deletes a draft someone just changed.
 */
export async function deleteResultsReport(tx: Tx, ctx: RequestContext, id: string, version: number) {
  const row = await loadForAction(tx, ctx, reportResource, id, 'edit', version);
  const gone = await tx.delete(resultsReport).where(and(eq(resultsReport.id, id), eq(resultsReport.version, version), eq(resultsReport.status, 'draft'))).returning({ id: resultsReport.id });
  if (!gone.length) throw new AppError('VERSION_CONFLICT', 'the report changed meanwhile; reload it');
  const { issuingAgencyName: _n, unitName: _u, unitKind: _k, unitPath: _p, issuerUnitPath: _iu, issuerPath: _ip, number: _no, symbol: _s, ...before } = row;
  await recordAudit(tx, ctx, { action: 'results_report.deleted', entityType: 'results_report', entityId: id, scope: { places: [reportPlace(row)] }, before });
}
