import type { z } from 'zod';
import { vietnamLocalTime } from '../../../shared/domain/vietnam-time.js';
import type { updateInspectionBody } from '../../../shared/api/inspections.schemas.js';
import { isInspectionSchedulable, type InspectionKind, type InspectionStatus } from '../../../shared/domain/inspection-status.js';
import { reportDue } from '../../../shared/domain/schedule-rules.js';
import { loadForAction } from '../../authz/guard.js';
import type { Tx } from '../../db/client.js';
import { inspection } from '../../db/schema/index.js';
import { updateVersioned } from '../../db/versioned-update.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { issuerPlace } from '../plans/plans.policy.js';
import { assertPlaces, assertTeam, visitDays } from './inspection-inputs.js';
import { assertMove, inspectionResource, movesToday } from './inspections.policy.js';
import { placesOf, replacePlaces } from './inspections.repository.js';
import { movePreVisitRequest } from '../reports/pre-visit-follow.js';
import { enforceSchedule, scheduleIssues, type ScheduleEnv } from './schedule-checks.js';

/**
 * Edits an inspection (PATCH): team, dates, time and places while it is planned; a notified one
 * keeps its dates (the unit has the notice: that is a reschedule, with a reason); once started
 * only the note changes. Versioned; audited with before and after.
 */
export async function updateInspection(tx: Tx, ctx: RequestContext, env: ScheduleEnv, id: string, input: z.infer<typeof updateInspectionBody>) {
  const row = await loadForAction(tx, ctx, inspectionResource, id, 'edit', input.version);
  const today = vietnamLocalTime(env.clock.now()).date;
  assertMove(row, 'edit', today);
  const status = row.status as InspectionStatus;
  const kind = row.kind as InspectionKind;
  const changesSchedule = input.teamId !== undefined || input.startsOn !== undefined || input.endsOn !== undefined || input.startTime !== undefined || input.places !== undefined;
  // A change the status refuses answers as a refused move does (409 INVALID_TRANSITION with the moves allowed), saying which move to take instead.
  const refuse = (detail: string) => new AppError('INVALID_TRANSITION', detail, undefined, { allowedMoves: movesToday(row, today) });
  if (changesSchedule && !isInspectionSchedulable(status)) throw refuse(`an inspection that is ${status} keeps its schedule: only its note may change`);
  const changesDates = (input.startsOn !== undefined && input.startsOn !== row.startsOn) || (input.endsOn !== undefined && input.endsOn !== row.endsOn);
  if (changesDates && status === 'notified') throw refuse('the unit has been notified of these dates: move them with reschedule (POST /api/inspections/{id}/reschedule, with a reason)');

  const changes: Partial<typeof inspection.$inferInsert> = {};
  let teamName = row.teamName;
  if (input.teamId !== undefined && input.teamId !== row.teamId) {
    teamName = await assertTeam(tx, row.planSeriesId, input.teamId);
    changes.teamId = input.teamId;
  }
  if (input.startsOn !== undefined || input.endsOn !== undefined) {
    const startsOn = input.startsOn ?? row.startsOn;
    const days = visitDays(startsOn, input.endsOn ?? (input.startsOn !== undefined ? startsOn : row.endsOn));
    Object.assign(changes, days);
    const due = reportDue(env.calendar, kind, days.startsOn);
    changes.reportDueOn = due?.date ?? null;
    changes.reportDueExplanation = due?.explanation ?? null;
  }
  if (input.startTime !== undefined) changes.startTime = input.startTime ?? null;
  if (input.note !== undefined) changes.note = input.note || null;
  if (input.places) await assertPlaces(tx, row.agencyId, input.places, kind);

  let overridden: string[] = [];
  if (changes.teamId || changes.startsOn) {
    const issues = await scheduleIssues(
      tx,
      ctx.actor,
      env,
      { id, agencyId: row.agencyId, agencyName: row.agencyName, teamId: changes.teamId ?? row.teamId, teamName, kind, reinspectionOfId: row.reinspectionOfId, startsOn: changes.startsOn ?? row.startsOn, endsOn: changes.endsOn ?? row.endsOn },
      row,
    );
    overridden = enforceSchedule(issues, input.overrideReason).overridden.map((i) => i.message);
  }
  const beforePlaces = (await placesOf(tx, [id])).map((p) => p.agencyId);
  const after = await updateVersioned(tx, inspection, id, input.version, changes);
  if (input.places) await replacePlaces(tx, id, input.places);
  const before = Object.fromEntries(Object.keys(changes).map((k) => [k, row[k as keyof typeof row]]));
  await recordAudit(tx, ctx, {
    action: 'inspection.updated',
    entityType: 'inspection',
    entityId: id,
    scope: { places: [issuerPlace(row)] },
    before: { ...before, ...(input.places ? { places: beforePlaces } : {}), version: row.version },
    after: { ...changes, ...(input.places ? { places: input.places } : {}), version: after.version, ...(overridden.length ? { override: { reason: input.overrideReason, issues: overridden } } : {}) },
  });
  // The unit's report request (a desk review's, or a notified visit's) follows the new day.
  if (changes.reportDueOn && changes.reportDueExplanation) await movePreVisitRequest(tx, ctx, id, { date: changes.reportDueOn, explanation: changes.reportDueExplanation }, null);
  return after;
}
