import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { proposeScheduleBody, ScheduleProposal } from '../../../shared/api/schedule-proposals.schemas.js';
import { dayNumberToIso, toDayNumber } from '../../../shared/domain/calendar/dates.js';
import type { InspectionKind } from '../../../shared/domain/inspection-status.js';
import { planAcceptsTeams, type PlanStatus } from '../../../shared/domain/plan-status.js';
import { monthEnd, proposeSchedule } from '../../../shared/domain/schedule-proposal.js';
import { personKey, type ScheduledVisit } from '../../../shared/domain/schedule-rules.js';
import { vietnamLocalTime } from '../../../shared/domain/vietnam-time.js';
import { idsOfPath } from '../../authz/grants.js';
import { inReach } from '../../authz/scope.js';
import { queryRows, type DbOrTx } from '../../db/client.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { riskRanking } from '../indices/risk-ranking.js';
import { bookedBetween, membersOfTeams } from '../inspections/inspections.repository.js';
import type { ScheduleEnv } from '../inspections/schedule-checks.js';
import { scheduleRulesFor } from '../settings/schedule-rules-setting.js';
import { issuerPlace } from '../plans/plans.policy.js';
import { findVisiblePlan } from '../plans/plans.repository.js';
import { unscheduledTargets } from './unscheduled-targets.js';

/** The plan, visible and schedulable by the caller (404 / 403 / 409 INVALID_STATE otherwise). */
export async function schedulablePlan(tx: DbOrTx, ctx: RequestContext, planId: string) {
  const plan = await findVisiblePlan(tx, ctx.actor, planId);
  if (!plan) throw AppError.notFound('plan');
  if (!inReach(ctx.actor, 'inspection.schedule', issuerPlace(plan))) throw new AppError('FORBIDDEN', 'only the standing office schedules inspections');
  if (!planAcceptsTeams(plan.status as PlanStatus)) throw new AppError('INVALID_STATE', `inspections are scheduled under an issued plan, not a ${plan.status} one`);
  return plan;
}

/**
 * The risk ranking that orders the proposal (issue 11 §3; as the weighted draw does): the units
 * under the plan's issuing authority ranked for `riskYear` (default the year before the plan's)
 * with the office's weights; a target takes the rank of its own unit or of the ranked unit above
 * it. None when the caller asked for the order by name or may not read the ranking there.
 */
async function targetRisks(tx: DbOrTx, ctx: RequestContext, plan: { year: number; issuerUnitPath: string }, input: z.infer<typeof proposeScheduleBody>, today: string) {
  const none = { riskYear: null, riskOf: () => null };
  if (input.order !== 'risk' || !inReach(ctx.actor, 'risk.read', { unitPath: plan.issuerUnitPath })) return none;
  const riskYear = input.riskYear ?? plan.year - 1;
  const ranking = await riskRanking(tx, ctx.actor, idsOfPath(plan.issuerUnitPath).at(-1)!, riskYear, today);
  const byUnit = new Map(ranking.items.map((r) => [r.unitId, { rank: r.rank, score: r.score, unitName: r.unitName }]));
  return { riskYear, riskOf: (unitPath: string) => idsOfPath(unitPath).map((id) => byUnit.get(id)).findLast((r) => r !== undefined) ?? null };
}

/**
 * Proposes dates and teams for the plan's targets that have no visit yet (none in the plan's
 * series that is not cancelled), with the founded teams of the series, against everything booked
 * around the window, in the order of the risk ranking (riskiest first). Reads only: nothing is
 * written until the office accepts.
 */
export async function proposeScheduleForPlan(tx: DbOrTx, ctx: RequestContext, env: ScheduleEnv, input: z.infer<typeof proposeScheduleBody>): Promise<ScheduleProposal> {
  const plan = await schedulablePlan(tx, ctx, input.planId);
  const periodStart = `${plan.periodFrom}-01`;
  const periodEnd = monthEnd(plan.periodTo);
  const from = input.from ?? periodStart;
  const to = input.to ?? periodEnd;
  if (from < periodStart || from > periodEnd) throw AppError.invalid('body.from', 'out_of_range', `the window starts within the plan's period (${periodStart} – ${periodEnd})`);
  if (to < from) throw AppError.invalid('body.to', 'before_from', 'the window ends before it starts');
  if (to > periodEnd) throw AppError.invalid('body.to', 'out_of_range', `the window ends within the plan's period (${periodStart} – ${periodEnd})`);

  const targets = await unscheduledTargets(tx, plan);
  const wanted = input.agencyIds ? new Set(input.agencyIds) : null;
  if (input.agencyIds) {
    // An id that is not a target of the plan is the caller's mistake, not an empty proposal; a
    // target already scheduled is simply not proposed again.
    const planTargets = new Set((await queryRows<{ id: string }>(tx, sql`select agency_id as id from inspection_plan_target where plan_id = ${plan.id}::uuid`)).map((r) => r.id));
    const bad = input.agencyIds.findIndex((id) => !planTargets.has(id));
    if (bad >= 0) throw AppError.invalid(`body.agencyIds.${bad}`, 'not_a_target', 'not a target agency of this plan');
  }
  const teamRows = await queryRows<{ teamId: string; teamName: string }>(
    tx,
    sql`select tm.id as "teamId", tm.name as "teamName" from inspection_team tm join inspection_plan p on p.id = tm.plan_id
         where p.series_id = ${plan.seriesId}::uuid and tm.status = 'founded' order by tm.name, tm.id`,
  );
  if (input.teamIds) {
    const known = new Set(teamRows.map((r) => r.teamId));
    const bad = input.teamIds.findIndex((id) => !known.has(id));
    if (bad >= 0) throw AppError.invalid(`body.teamIds.${bad}`, 'not_a_team_of_plan', 'not a founded team of this plan');
  }
  const teamsChosen = input.teamIds ? teamRows.filter((r) => input.teamIds!.includes(r.teamId)) : teamRows;

  const rules = await scheduleRulesFor(tx, env, plan.issuerUnitPath);
  const window = Math.max(rules.revisitMinDays, 1);
  const booked = await bookedBetween(tx, ctx.actor, dayNumberToIso(toDayNumber(from) - window), dayNumberToIso(toDayNumber(to) + window));
  const members = await membersOfTeams(tx, [...teamsChosen.map((t) => t.teamId), ...booked.map((b) => b.teamId)]);
  const peopleOf = new Map<string, { key: string; name: string }[]>();
  for (const m of members) {
    const list = peopleOf.get(m.teamId) ?? [];
    list.push({ key: personKey(m), name: [m.honorific, m.fullName].filter(Boolean).join(' ') });
    peopleOf.set(m.teamId, list);
  }
  const today = vietnamLocalTime(env.clock.now()).date;
  const { riskYear, riskOf } = await targetRisks(tx, ctx, plan, input, today);
  const result = proposeSchedule({
    targets: (wanted ? targets.filter((t) => wanted.has(t.agencyId)) : targets).map((t) => ({ agencyId: t.agencyId, agencyName: t.agencyName, risk: riskOf(t.unitPath) })),
    riskYear,
    teams: teamsChosen.map((t) => ({ ...t, people: peopleOf.get(t.teamId) ?? [] })),
    booked: booked.map((b): ScheduledVisit => ({ ...b, kind: b.kind as InspectionKind, people: peopleOf.get(b.teamId) ?? [] })),
    kind: input.kind,
    from,
    to,
    capacityPerTeamPerDay: input.capacityPerTeamPerDay,
    calendar: env.calendar,
    today,
    // A window wholly past is an earlier season recorded after the fact: its lead time runs from its start.
    asOf: input.asOf ?? (to < today ? from : today),
    noticeLeadWorkingDays: rules.noticeLeadWorkingDays,
    revisitMinDays: rules.revisitMinDays,
  });
  return { planId: plan.id, kind: input.kind, from, to, ...result };
}
