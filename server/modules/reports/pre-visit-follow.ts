import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { reportRequest, reportSubmission } from '../../db/schema/index.js';
import { updateVersioned } from '../../db/versioned-update.js';
import type { RequestContext } from '../../http/actor.js';
import { notify } from '../../notifications/notify.js';
import { recordAudit } from '../audit/audit-log.js';
import { ownerPlace } from './reports.policy.js';
import { findRequest } from './reports.repository.js';
import { submissionLink, unitReporters } from './report-notifications.js';

/** The pre-visit request of an inspection still asked of the unit (draft or open), if any. */
async function liveRequestOf(tx: Tx, inspectionId: string) {
  const [row] = await tx
    .select({ id: reportRequest.id })
    .from(reportRequest)
    .where(and(eq(reportRequest.inspectionId, inspectionId), inArray(reportRequest.status, ['draft', 'open'])));
  return row ? (await findRequest(tx, row.id))! : null;
}

/** The submissions of a request: one per agency asked, each told through its officers. */
const submissionsOf = (tx: Tx, requestId: string) => tx.select({ id: reportSubmission.id, agencyId: reportSubmission.agencyId }).from(reportSubmission).where(eq(reportSubmission.requestId, requestId));

/**
 * The pre-visit request follows its visit (issue 8 §1): when the visit moves, its due day and the
 * sentence that explains it move with it, in the reschedule's transaction, audited, and the unit is
 * told the new due day. Nothing happens when the due day stays (or there is no request yet).
 */
export async function movePreVisitRequest(tx: Tx, ctx: RequestContext, inspectionId: string, due: { date: string; explanation: string }, reason: string | null): Promise<void> {
  const r = await liveRequestOf(tx, inspectionId);
  if (!r || (r.dueOn === due.date && r.dueExplanation === due.explanation)) return;
  const after = await updateVersioned(tx, reportRequest, r.id, r.version, { dueOn: due.date, dueExplanation: due.explanation });
  await recordAudit(tx, ctx, {
    action: 'report_request.rescheduled',
    entityType: 'report_request',
    entityId: r.id,
    scope: { places: [ownerPlace(r)] },
    before: { dueOn: r.dueOn, dueExplanation: r.dueExplanation, version: r.version },
    after: { dueOn: due.date, dueExplanation: due.explanation, version: after.version, inspectionId, reason },
  });
  if (r.status !== 'open') return;
  for (const sub of await submissionsOf(tx, r.id)) {
    await notify(tx, ctx, { kind: 'report.request_changed', recipients: await unitReporters(tx, sub.agencyId), params: { title: r.title, dueOn: due.date, previousDueOn: r.dueOn, reason }, link: submissionLink(sub.id) });
  }
}

/**
 * The visit is cancelled: its pre-visit request is withdrawn (`withdrawn`, as the office withdraws
 * a request: no longer asked, so left out of the statistics and the dashboard, not reminded nor
 * escalated, not saved nor sent), audited, and the unit told — in the cancellation's transaction.
 */
export async function withdrawPreVisitRequest(tx: Tx, ctx: RequestContext, now: Date, inspectionId: string, reason: string): Promise<void> {
  const r = await liveRequestOf(tx, inspectionId);
  if (!r) return;
  const why = `Cuộc kiểm tra bị hủy: ${reason}`;
  const after = await updateVersioned(tx, reportRequest, r.id, r.version, { status: 'withdrawn', withdrawnAt: now, withdrawReason: why, withdrawnBy: ctx.actor.userId });
  await recordAudit(tx, ctx, {
    action: 'report_request.withdrawn',
    entityType: 'report_request',
    entityId: r.id,
    scope: { places: [ownerPlace(r)] },
    before: { status: r.status, version: r.version },
    after: { status: 'withdrawn', version: after.version, reason: why, inspectionId },
  });
  if (r.status !== 'open') return;
  for (const sub of await submissionsOf(tx, r.id)) {
    await notify(tx, ctx, { kind: 'report.withdrawn', recipients: await unitReporters(tx, sub.agencyId), params: { title: r.title, ownerName: r.ownerAgencyName, reason: why, documentNumber: null }, link: submissionLink(sub.id) });
  }
}
