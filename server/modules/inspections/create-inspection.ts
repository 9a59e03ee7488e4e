import type { z } from 'zod';
import type { createInspectionBody } from '../../../shared/api/inspections.schemas.js';
import { planAcceptsTeams, type PlanStatus } from '../../../shared/domain/plan-status.js';
import { reportDue } from '../../../shared/domain/schedule-rules.js';
import { inReach } from '../../authz/scope.js';
import type { Tx } from '../../db/client.js';
import { inspection } from '../../db/schema/index.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { issuerPlace } from '../plans/plans.policy.js';
import { findVisiblePlan } from '../plans/plans.repository.js';
import { assertPlaces, assertReinspection, assertTarget, assertTeam, visitDays } from './inspection-inputs.js';
import { findVisibleInspection, replacePlaces } from './inspections.repository.js';
import { enforceSchedule, scheduleIssues, type ScheduleEnv } from './schedule-checks.js';
import { createPreVisitRequests } from '../reports/create-pre-visit-requests.js';

/**
 * The standing office schedules one inspection of a target agency of an issued plan, by a founded
 * team. Past dates are allowed (an office records an earlier season); the schedule rules refuse
 * conflicts (409 SCHEDULE_CONFLICT), the lead time unless overridden with a reason, which the
 * audit trail keeps.
 */
export async function createInspection(tx: Tx, ctx: RequestContext, env: ScheduleEnv, input: z.infer<typeof createInspectionBody>) {
  const plan = await findVisiblePlan(tx, ctx.actor, input.planId);
  if (!plan) throw AppError.notFound('plan');
  if (!inReach(ctx.actor, 'inspection.schedule', issuerPlace(plan))) throw new AppError('FORBIDDEN', 'only the standing office schedules inspections');
  if (!planAcceptsTeams(plan.status as PlanStatus)) throw new AppError('INVALID_STATE', `inspections are scheduled under an issued plan, not a ${plan.status} one`);
  const agencyName = await assertTarget(tx, plan, input.agencyId);
  const teamName = await assertTeam(tx, plan.seriesId, input.teamId);
  // A desk review visits nowhere: no place unless the office names one.
  const places = input.places ?? (input.kind === 'report' ? [] : [input.agencyId]);
  await assertPlaces(tx, input.agencyId, places, input.kind);
  const reinspectionOfId = await assertReinspection(input.kind, input.agencyId, input.reinspectionOfId, (id) => findVisibleInspection(tx, ctx.actor, id));
  const days = visitDays(input.startsOn, input.endsOn);

  const issues = await scheduleIssues(tx, ctx.actor, env, { id: null, agencyId: input.agencyId, agencyName, teamId: input.teamId, teamName, kind: input.kind, reinspectionOfId, ...days }, plan);
  const { overridden } = enforceSchedule(issues, input.overrideReason);
  const due = reportDue(env.calendar, input.kind, days.startsOn);
  const [row] = await tx
    .insert(inspection)
    .values({
      planId: plan.id,
      agencyId: input.agencyId,
      teamId: input.teamId,
      kind: input.kind,
      ...days,
      startTime: input.startTime ?? null,
      reportDueOn: due?.date ?? null,
      reportDueExplanation: due?.explanation ?? null,
      reinspectionOfId,
      note: input.note || null,
      createdBy: ctx.actor.userId,
    })
    .returning();
  await replacePlaces(tx, row.id, places);
  await recordAudit(tx, ctx, {
    action: 'inspection.created',
    entityType: 'inspection',
    entityId: row.id,
    // Where the plan was issued: whoever may read these events may see the visit (unannounced-visits.md).
    scope: { places: [issuerPlace(plan)] },
    after: { ...row, places, ...(overridden.length ? { override: { reason: input.overrideReason, issues: overridden.map((i) => i.message) } } : {}) },
  });
  // A desk review asks the unit for its report at once (there is no notice for it), due on its day.
  if (due && input.kind === 'report') await createPreVisitRequests(tx, ctx, env.calendar, { ownerAgencyId: plan.issuingAgencyId, documentNumber: null, inspections: [{ id: row.id, agencyId: input.agencyId, agencyName, kind: input.kind, startsOn: days.startsOn }] });
  return row;
}
