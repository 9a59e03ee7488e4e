import type { z } from 'zod';
import type { cancelBody, rescheduleBody, startBody } from '../../../shared/api/inspections.schemas.js';
import type { InspectionKind } from '../../../shared/domain/inspection-status.js';
import { fmtScheduleDate, planPeriodDays, reportDue } from '../../../shared/domain/schedule-rules.js';
import { dayNumberToIso, toDayNumber } from '../../../shared/domain/calendar/dates.js';
import { vietnamLocalTime } from '../../../shared/domain/vietnam-time.js';
import { loadForAction } from '../../authz/guard.js';
import type { Tx } from '../../db/client.js';
import { inspection } from '../../db/schema/index.js';
import { updateVersioned } from '../../db/versioned-update.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { issuerPlace } from '../plans/plans.policy.js';
import { visitDays } from './inspection-inputs.js';
import { notify } from '../../notifications/notify.js';
import { inspectionLink, teamRecipients, unitOfficers } from './inspection-notifications.js';
import { isSecretFromUnit } from '../../../shared/domain/inspection-status.js';
import type { InspectionRow } from './inspections.repository.js';
import { assertMove, inspectionResource } from './inspections.policy.js';
import { enforceSchedule, scheduleIssues, type ScheduleEnv } from './schedule-checks.js';
import { movePreVisitRequest, withdrawPreVisitRequest } from '../reports/pre-visit-follow.js';

/**
 * The team starts the inspection on arrival, recording the time (the injected clock), or the
 * time it arrived when the start is recorded later (`startedAt`: an earlier season entered after
 * the fact; not in the future, not before the visit's first scheduled day, else 400 naming the
 * field). From then on an unannounced visit is no longer secret: the inspected unit sees it.
 * Not before its first day (in Việt Nam): the office reschedules instead.
 */
export async function startInspection(tx: Tx, ctx: RequestContext, env: ScheduleEnv, id: string, input: z.infer<typeof startBody>) {
  const { version } = input;
  const row = await loadForAction(tx, ctx, inspectionResource, id, 'start', version);
  const status = assertMove(row, 'start', vietnamLocalTime(env.clock.now()).date);
  const now = env.clock.now();
  const startedAt = input.startedAt ? new Date(input.startedAt) : now;
  if (startedAt > now) throw AppError.invalid('body.startedAt', 'date_in_future', `the start cannot be recorded after now (${now.toISOString()})`);
  const today = vietnamLocalTime(startedAt).date;
  if (input.startedAt && today < row.startsOn) {
    const reason = `the visit is scheduled from ${fmtScheduleDate(row.startsOn)}: reschedule it first`;
    throw new AppError('VALIDATION_FAILED', reason, [{ name: 'body.startedAt', code: 'before_scheduled', reason, params: { date: fmtScheduleDate(row.startsOn) } }]);
  }
  // Detail in English as every problem's; the UI words it by code from `startsOn` (as for a field's params).
  if (today < row.startsOn) throw new AppError('INVALID_STATE', `the visit is scheduled from ${fmtScheduleDate(row.startsOn)}: it cannot start before its first day`, undefined, { startsOn: row.startsOn });
  // Started after its planned days within the plan's period: the record keeps the day of arrival
  // (the same length). After the period it is an earlier season recorded after the fact (issue 8
  // §1 allows past dates): the planned days stay, and the audit says so
  // (docs/decisions/unannounced-visits.md).
  let days: { startsOn: string; endsOn: string } | null = null;
  let recordedAfterPeriod = false;
  if (today > row.endsOn) {
    const period = planPeriodDays(row.periodFrom, row.periodTo);
    const endsOn = dayNumberToIso(toDayNumber(today) + toDayNumber(row.endsOn) - toDayNumber(row.startsOn));
    if (endsOn > period.last) recordedAfterPeriod = true;
    else days = { startsOn: today, endsOn };
  }
  const after = await updateVersioned(tx, inspection, id, version, { status, startedAt, startedBy: ctx.actor.userId, ...(days ?? {}) });
  await recordAudit(tx, ctx, {
    action: 'inspection.started',
    entityType: 'inspection',
    entityId: id,
    scope: { places: [issuerPlace(row)] },
    before: { status: row.status, version, ...(days ? { startsOn: row.startsOn, endsOn: row.endsOn } : {}) },
    after: { status, startedAt, version: after.version, ...(days ?? {}), ...(recordedAfterPeriod ? { recordedAfterPeriod: true } : {}), ...(input.startedAt ? { recordedAt: now } : {}) },
  });
  // An unannounced visit: only now does the unit learn of it.
  if (row.kind === 'unannounced') {
    await notify(tx, ctx, { kind: 'inspection.started', recipients: await unitOfficers(tx, row), params: { agencyName: row.agencyName, teamName: row.teamName, unannounced: true }, link: inspectionLink(id) });
  }
  return after;
}

/** The inspection is over (minutes, conclusion and follow-up arrive with a later issue). */
export async function closeInspection(tx: Tx, ctx: RequestContext, env: ScheduleEnv, id: string, version: number) {
  const row = await loadForAction(tx, ctx, inspectionResource, id, 'close', version);
  const status = assertMove(row, 'close', vietnamLocalTime(env.clock.now()).date);
  const now = env.clock.now();
  const after = await updateVersioned(tx, inspection, id, version, { status, closedAt: now });
  await recordAudit(tx, ctx, { action: 'inspection.closed', entityType: 'inspection', entityId: id, scope: { places: [issuerPlace(row)] }, before: { status: row.status, version }, after: { status, closedAt: now, version: after.version } });
  return after;
}

/** The office cancels a planned or notified inspection, with a reason. */
export async function cancelInspection(tx: Tx, ctx: RequestContext, env: ScheduleEnv, id: string, input: z.infer<typeof cancelBody>) {
  const row = await loadForAction(tx, ctx, inspectionResource, id, 'cancel', input.version);
  const status = assertMove(row, 'cancel', vietnamLocalTime(env.clock.now()).date);
  const now = env.clock.now();
  const after = await updateVersioned(tx, inspection, id, input.version, { status, cancelledAt: now, cancelReason: input.reason });
  await recordAudit(tx, ctx, {
    action: 'inspection.cancelled',
    entityType: 'inspection',
    entityId: id,
    scope: { places: [issuerPlace(row)] },
    before: { status: row.status, version: input.version },
    after: { status, reason: input.reason, version: after.version },
  });
  await tellScheduleChanged(tx, ctx, row, { startsOn: row.startsOn, cancelled: true, reason: input.reason });
  await withdrawPreVisitRequest(tx, ctx, now, id, input.reason);
  return { before: row, after };
}

/**
 * Everyone concerned hears of a move or a cancellation: the team, and the unit unless the visit
 * is an unannounced one (it is secret until it starts, and these moves happen before).
 */
async function tellScheduleChanged(tx: Tx, ctx: RequestContext, row: InspectionRow, change: { startsOn: string; cancelled: boolean; reason: string }) {
  const unit = isSecretFromUnit(row.kind as InspectionKind, row.startedAt) ? [] : await unitOfficers(tx, row);
  await notify(tx, ctx, {
    kind: 'inspection.schedule_changed',
    recipients: [...(await teamRecipients(tx, row.teamId)), ...unit],
    params: { agencyName: row.agencyName, startsOn: change.startsOn, previousStartsOn: row.startsOn, cancelled: change.cancelled, reason: change.reason },
    link: inspectionLink(row.id),
  });
}

/**
 * The office moves the visit to other days, with a reason. A notified inspection goes back to
 * planned: the notice it had no longer holds, a new one is due. The rules are checked again.
 */
export async function rescheduleInspection(tx: Tx, ctx: RequestContext, env: ScheduleEnv, id: string, input: z.infer<typeof rescheduleBody>) {
  const row = await loadForAction(tx, ctx, inspectionResource, id, 'reschedule', input.version);
  const status = assertMove(row, 'reschedule', vietnamLocalTime(env.clock.now()).date);
  const kind = row.kind as InspectionKind;
  const days = visitDays(input.startsOn, input.endsOn);
  const issues = await scheduleIssues(tx, ctx.actor, env, { id, agencyId: row.agencyId, agencyName: row.agencyName, teamId: row.teamId, teamName: row.teamName, kind, reinspectionOfId: row.reinspectionOfId, ...days }, row);
  const { overridden } = enforceSchedule(issues, input.overrideReason);
  const due = reportDue(env.calendar, kind, days.startsOn);
  const changes = {
    status,
    ...days,
    ...(input.startTime !== undefined ? { startTime: input.startTime ?? null } : {}),
    reportDueOn: due?.date ?? null,
    reportDueExplanation: due?.explanation ?? null,
  };
  const after = await updateVersioned(tx, inspection, id, input.version, changes);
  await recordAudit(tx, ctx, {
    action: 'inspection.rescheduled',
    entityType: 'inspection',
    entityId: id,
    scope: { places: [issuerPlace(row)] },
    before: { status: row.status, startsOn: row.startsOn, endsOn: row.endsOn, startTime: row.startTime, version: input.version },
    after: { ...changes, reason: input.reason, version: after.version, ...(overridden.length ? { override: { reason: input.overrideReason, issues: overridden.map((i) => i.message) } } : {}) },
  });
  await tellScheduleChanged(tx, ctx, row, { startsOn: days.startsOn, cancelled: false, reason: input.reason });
  if (due) await movePreVisitRequest(tx, ctx, id, due, input.reason);
  return { before: row, after };
}
