import { checkSchedule, personKey, refusingIssues, type ScheduledVisit, type ScheduleIssue } from '../../../shared/domain/schedule-rules.js';
import { dayNumberToIso, toDayNumber } from '../../../shared/domain/calendar/dates.js';
import type { InspectionKind } from '../../../shared/domain/inspection-status.js';
import { vietnamLocalTime } from '../../../shared/domain/vietnam-time.js';
import type { WorkingCalendar } from '../../../shared/domain/calendar/index.js';
import type { Config } from '../../config.js';
import type { Clock } from '../../clock.js';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { scheduleRulesFor } from '../settings/schedule-rules-setting.js';
import { bookedBetween, membersOfTeams } from './inspections.repository.js';

export interface ScheduleEnv {
  calendar: WorkingCalendar;
  clock: Clock;
  config: Pick<Config, 'schedule'>;
}

export interface VisitDraft {
  id: string | null;
  agencyId: string;
  agencyName: string;
  teamId: string;
  teamName: string;
  kind: InspectionKind;
  startsOn: string;
  endsOn: string;
  /** The inspection a re-inspection returns to: the re-visit rule does not count it. */
  reinspectionOfId: string | null;
}

/**
 * The schedule rules for one visit against everything booked around it, loaded in the caller's
 * transaction (so two changes in one transaction see each other).
 */
export async function scheduleIssues(tx: DbOrTx, actor: Actor, env: ScheduleEnv, visit: VisitDraft, period: { periodFrom: string; periodTo: string; issuerUnitPath: string }): Promise<ScheduleIssue[]> {
  const rules = await scheduleRulesFor(tx, env, period.issuerUnitPath);
  const window = Math.max(rules.revisitMinDays, 1);
  const from = dayNumberToIso(toDayNumber(visit.startsOn) - window);
  const to = dayNumberToIso(toDayNumber(visit.endsOn) + window);
  const booked = (await bookedBetween(tx, actor, from, to)).filter((b) => b.id !== visit.id);
  const members = await membersOfTeams(tx, [visit.teamId, ...booked.map((b) => b.teamId)]);
  const peopleOf = (teamId: string) =>
    members.filter((m) => m.teamId === teamId).map((m) => ({ key: personKey(m), name: [m.honorific, m.fullName].filter(Boolean).join(' ') }));
  const others: ScheduledVisit[] = booked.map((b) => ({ ...b, kind: b.kind as InspectionKind, people: peopleOf(b.teamId) }));
  return checkSchedule({ ...visit, id: visit.id ?? '', people: peopleOf(visit.teamId) }, others, {
    calendar: env.calendar,
    periodFrom: period.periodFrom,
    periodTo: period.periodTo,
    today: vietnamLocalTime(env.clock.now()).date,
    noticeLeadWorkingDays: rules.noticeLeadWorkingDays,
    revisitMinDays: rules.revisitMinDays,
  });
}

/**
 * 409 SCHEDULE_CONFLICT listing every issue when one refuses the change; otherwise the issues,
 * and whether an override reason was used (for the audit trail).
 */
export function enforceSchedule(issues: ScheduleIssue[], overrideReason: string | undefined): { issues: ScheduleIssue[]; overridden: ScheduleIssue[] } {
  const refusing = refusingIssues(issues, !!overrideReason);
  if (refusing.length) {
    throw new AppError('SCHEDULE_CONFLICT', refusing.map((i) => i.message).join(' '), undefined, { conflicts: issues });
  }
  return { issues, overridden: overrideReason ? issues.filter((i) => i.severity === 'error' && i.overridable) : [] };
}
