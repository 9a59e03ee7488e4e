/**
 * The rules a season's schedule keeps (issue 8 §2), pure so the scheduling form, the server and
 * the schedule proposal apply the same ones. Each broken rule is an issue naming the other record,
 * in Vietnamese; `error` refuses the change (unless `overridable` and the office gives a reason),
 * `warning` lets it through and is shown.
 */
import { dayNumberToIso, formatVietnameseDate, toDayNumber, type IsoDate } from './calendar/dates.js';
import type { WorkingCalendar } from './calendar/working-days.js';
import { calendarEntryNameEn } from './calendar/english-names.js';
import { hasReportDue, needsNotice, type InspectionKind } from './inspection-status.js';

/** Working days before the visit the unit's report is due (the plan's "ít nhất 3 ngày làm việc"). */
export const REPORT_LEAD_WORKING_DAYS = 3;

export type ScheduleIssueCode = 'member_double_booked' | 'team_double_booked' | 'team_same_start_time' | 'agency_visited_recently' | 'non_working_day' | 'outside_plan_period' | 'short_lead_time';

export interface ScheduleIssue {
  code: ScheduleIssueCode;
  severity: 'error' | 'warning';
  /** Vietnamese. */
  message: string;
  /** The same in English, for a user who chose English. */
  messageEn: string;
  date: IsoDate | null;
  otherInspectionId: string | null;
  overridable: boolean;
}

/** A person on a team: the same key on two teams is the same person (their account, else name + agency). */
export interface TeamPerson {
  key: string;
  name: string;
}

export interface ScheduledVisit {
  id: string;
  agencyId: string;
  agencyName: string;
  teamId: string;
  teamName: string;
  kind: InspectionKind;
  startsOn: IsoDate;
  endsOn: IsoDate;
  people: TeamPerson[];
  /** The earlier inspection a re-inspection returns to (kind 'reinspection'), else null/absent. */
  reinspectionOfId?: string | null;
  /**
   * Booked by another authority, out of the caller's sight: it still books its people and its
   * agency, but the issue names neither it, its team nor its id (the caller may not know of it).
   */
  hidden?: boolean;
}

export interface ScheduleRules {
  calendar: WorkingCalendar;
  /** The plan's period, 'YYYY-MM'. */
  periodFrom: string;
  periodTo: string;
  /** Today in Việt Nam (from the injected clock). */
  today: IsoDate;
  noticeLeadWorkingDays: number;
  revisitMinDays: number;
}

/** The key of a team member: one account is one person; without one, the name at an agency. */
export const personKey = (m: { userId: string | null; fullName: string; agencyId: string }): string =>
  m.userId ? `user:${m.userId}` : `name:${m.fullName.normalize('NFC').trim().toLowerCase()}@${m.agencyId}`;

/** The report due date of a kind on a visit day, with its sentence, or null for kinds without a report. */
export function reportDue(calendar: WorkingCalendar, kind: InspectionKind, startsOn: IsoDate): { date: IsoDate; explanation: string } | null {
  if (!hasReportDue(kind)) return null;
  // A desk review (kiểm tra qua báo cáo, plan part II.2.1) has no visit: its day is the day the
  // report is due (the last working day on or before it), and the sentence says so.
  if (kind === 'report') {
    const date = calendar.isWorkingDay(startsOn) ? startsOn : calendar.previousWorkingDay(startsOn);
    return { date, explanation: `chậm nhất ngày ${formatVietnameseDate(date)} (kiểm tra qua báo cáo: Đoàn kiểm tra xem xét báo cáo của đơn vị, không làm việc trực tiếp tại đơn vị)` };
  }
  return calendar.dueBefore(startsOn, REPORT_LEAD_WORKING_DAYS);
}

/** The last day a notice may be issued for a visit so that it reaches the unit in time. */
export function noticeDeadline(calendar: WorkingCalendar, startsOn: IsoDate, noticeLeadWorkingDays: number): IsoDate {
  const due = calendar.dueBefore(startsOn, REPORT_LEAD_WORKING_DAYS).date;
  return noticeLeadWorkingDays > 0 ? calendar.addWorkingDays(due, -noticeLeadWorkingDays) : due;
}

function lastDayOfMonth(yyyymm: string): IsoDate {
  const [y, m] = yyyymm.split('-').map(Number);
  return dayNumberToIso(toDayNumber({ year: m === 12 ? y + 1 : y, month: m === 12 ? 1 : m + 1, day: 1 }) - 1);
}

/** The first and last day of a plan's period ('YYYY-MM' months): visits outside it are refused. */
export const planPeriodDays = (periodFrom: string, periodTo: string): { first: IsoDate; last: IsoDate } => ({ first: `${periodFrom}-01`, last: lastDayOfMonth(periodTo) });

/** dd/mm/yyyy, as the product shows dates everywhere (the Decree 30 form of a document's date is for documents). */
export const fmtScheduleDate = (iso: IsoDate): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const fmt = fmtScheduleDate;
const WEEKDAY = ['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ nhật'];
const WEEKDAY_EN = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** The days of a visit, first to last. */
export function daysOf(startsOn: IsoDate, endsOn: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = toDayNumber(startsOn), end = toDayNumber(endsOn); d <= end && out.length < 366; d++) out.push(dayNumberToIso(d));
  return out;
}

const overlaps = (a: { startsOn: string; endsOn: string }, b: { startsOn: string; endsOn: string }) => a.startsOn <= b.endsOn && b.startsOn <= a.endsOn;

/**
 * Every rule the visit breaks against the others already booked (cancelled ones left out by the
 * caller). `visit.id` is excluded from `others`, so an edit does not conflict with itself.
 */
export function checkSchedule(visit: ScheduledVisit, others: readonly ScheduledVisit[], rules: ScheduleRules): ScheduleIssue[] {
  const issues: ScheduleIssue[] = [];
  const { calendar } = rules;
  const { first: periodStart, last: periodEnd } = planPeriodDays(rules.periodFrom, rules.periodTo);
  if (visit.startsOn < periodStart || visit.endsOn > periodEnd) {
    issues.push({
      code: 'outside_plan_period',
      severity: 'error',
      message: `Ngày kiểm tra ${fmt(visit.startsOn)}${visit.endsOn !== visit.startsOn ? ` – ${fmt(visit.endsOn)}` : ''} nằm ngoài thời gian của Kế hoạch (${fmt(periodStart)} – ${fmt(periodEnd)}).`,
      messageEn: `The visit on ${fmt(visit.startsOn)}${visit.endsOn !== visit.startsOn ? ` – ${fmt(visit.endsOn)}` : ''} is outside the plan's period (${fmt(periodStart)} – ${fmt(periodEnd)}).`,
      date: visit.startsOn < periodStart ? visit.startsOn : visit.endsOn,
      otherInspectionId: null,
      overridable: false,
    });
  }
  issues.push(...nonWorkingDayIssues(calendar, visit));
  const people = new Map(visit.people.map((p) => [p.key, p.name]));
  for (const other of others) {
    if (other.id === visit.id) continue;
    // A desk review (kind 'report') is read at the office: it books no team nor person for its day.
    const books = visit.kind !== 'report' && other.kind !== 'report';
    if (books && other.teamId !== visit.teamId && overlaps(visit, other)) {
      for (const p of other.people) {
        if (!people.has(p.key)) continue;
        const day = visit.startsOn > other.startsOn ? visit.startsOn : other.startsOn;
        issues.push({
          code: 'member_double_booked',
          severity: 'error',
          message: other.hidden
            ? `${p.name} đã có lịch một cuộc kiểm tra khác ngày ${fmt(day)}.`
            : `${p.name} đã có lịch kiểm tra ${other.agencyName} (${other.teamName}) ngày ${fmt(day)}.`,
          messageEn: other.hidden
            ? `${p.name} is already scheduled for another inspection on ${fmt(day)}.`
            : `${p.name} is already scheduled to inspect ${other.agencyName} (${other.teamName}) on ${fmt(day)}.`,
          date: day,
          otherInspectionId: other.hidden ? null : other.id,
          overridable: false,
        });
      }
    }
    // The same team at two places the same day: possible only if it splits into groups, so the
    // office says so (overridable with a reason).
    if (books && other.teamId === visit.teamId && other.agencyId !== visit.agencyId && overlaps(visit, other)) {
      const day = visit.startsOn > other.startsOn ? visit.startsOn : other.startsOn;
      issues.push({
        code: 'team_double_booked',
        severity: 'error',
        message: other.hidden ? `Đoàn đã có lịch một cuộc kiểm tra khác ngày ${fmt(day)}.` : `${other.teamName} đã có lịch kiểm tra ${other.agencyName} ngày ${fmt(day)}.`,
        messageEn: other.hidden ? `The team is already scheduled for another inspection on ${fmt(day)}.` : `${other.teamName} is already scheduled to inspect ${other.agencyName} on ${fmt(day)}.`,
        date: day,
        otherInspectionId: other.hidden ? null : other.id,
        overridable: true,
      });
    }
    if (other.agencyId === visit.agencyId) {
      const gap = Math.min(Math.abs(toDayNumber(other.startsOn) - toDayNumber(visit.endsOn)), Math.abs(toDayNumber(visit.startsOn) - toDayNumber(other.endsOn)));
      // A re-inspection comes back to the inspection it is linked to: that revisit is its purpose,
      // so only the same days count against that one (any other visit of the agency still does).
      const linked = (!!visit.reinspectionOfId && visit.reinspectionOfId === other.id) || (!!visit.id && other.reinspectionOfId === visit.id);
      if (overlaps(visit, other) || (!linked && gap < rules.revisitMinDays)) {
        // The agency is the visit's own; another authority's team stays unnamed.
        const by = other.hidden ? '' : ` (${other.teamName})`;
        issues.push({
          code: 'agency_visited_recently',
          severity: 'error',
          message:
            rules.revisitMinDays <= 1
              ? `${visit.agencyName} đã có lịch kiểm tra cùng ngày ${fmt(other.startsOn)}${by}.`
              : `${visit.agencyName} đã có lịch kiểm tra ngày ${fmt(other.startsOn)}${by}, cách chưa đủ ${rules.revisitMinDays} ngày.`,
          messageEn:
            rules.revisitMinDays <= 1
              ? `${visit.agencyName} is already scheduled for an inspection on the same day, ${fmt(other.startsOn)}${by}.`
              : `${visit.agencyName} is already scheduled for an inspection on ${fmt(other.startsOn)}${by}, less than ${rules.revisitMinDays} days apart.`,
          date: other.startsOn,
          otherInspectionId: other.hidden ? null : other.id,
          overridable: true,
        });
      }
    }
  }
  // Lead time matters for visits still ahead: an office recording an earlier season is not late.
  if (needsNotice(visit.kind) && visit.startsOn >= rules.today) {
    const due = calendar.dueBefore(visit.startsOn, REPORT_LEAD_WORKING_DAYS);
    const lastNotice = noticeDeadline(calendar, visit.startsOn, rules.noticeLeadWorkingDays);
    if (rules.today > lastNotice) {
      issues.push({
        code: 'short_lead_time',
        severity: 'error',
        // One date style in one sentence (dd/mm/yyyy, the calendar's explanation too).
        message: `Không đủ thời gian chuẩn bị: đơn vị phải gửi báo cáo ${due.explanation}; thông báo phải đến đơn vị chậm nhất ngày ${formatVietnameseDate(lastNotice)} (${String(rules.noticeLeadWorkingDays).padStart(2, '0')} ngày làm việc trước hạn báo cáo).`,
        messageEn: `Not enough time to prepare: the unit's report is due on ${fmt(due.date)}; the notice must reach the unit by ${fmt(lastNotice)} (${rules.noticeLeadWorkingDays} working days before the report is due).`,
        date: lastNotice,
        otherInspectionId: null,
        overridable: true,
      });
    }
  }
  return issues;
}

/**
 * A warning naming each other visit of the same team that starts the same day at the same time:
 * the team cannot be in two places at 08:00 (kept after `team_double_booked` was overridden, e.g.
 * by a reschedule; rev8b #7). Computed on read, so it stays until one of the two moves.
 */
export function sameStartTimeIssues(visit: { teamName: string; startsOn: IsoDate; startTime: string | null }, others: readonly { id: string; agencyName: string; startsOn: IsoDate; startTime: string | null }[]): ScheduleIssue[] {
  if (!visit.startTime) return [];
  return others
    .filter((o) => o.startsOn === visit.startsOn && o.startTime === visit.startTime)
    .map((o) => ({
      code: 'team_same_start_time' as const,
      severity: 'warning' as const,
      message: `${visit.teamName} cũng có lịch kiểm tra ${o.agencyName} lúc ${visit.startTime} ngày ${fmt(visit.startsOn)}.`,
      messageEn: `${visit.teamName} is also scheduled to inspect ${o.agencyName} at ${visit.startTime} on ${fmt(visit.startsOn)}.`,
      date: visit.startsOn,
      otherInspectionId: o.id,
      overridable: true,
    }));
}

/**
 * A warning for each day of the visit off the working calendar (weekend, holiday or compensatory
 * day, named): the scheduling form shows them before saving, the server with the saved record.
 */
export function nonWorkingDayIssues(calendar: WorkingCalendar, visit: Pick<ScheduledVisit, 'kind' | 'startsOn' | 'endsOn'>): ScheduleIssue[] {
  const issues: ScheduleIssue[] = [];
  if (visit.kind !== 'report') {
    for (const day of daysOf(visit.startsOn, visit.endsOn)) {
      if (calendar.isWorkingDay(day)) continue;
      const entry = calendar.entryFor(day);
      // A Julian day number modulo 7 is 0 on a Monday.
      const weekday = WEEKDAY[toDayNumber(day) % 7];
      const why = entry ? entry.name : weekday;
      const whyEn = entry ? calendarEntryNameEn(entry) : WEEKDAY_EN[toDayNumber(day) % 7];
      issues.push({
        code: 'non_working_day',
        severity: 'warning',
        message: `Ngày ${fmt(day)} không phải ngày làm việc (${why}).`,
        messageEn: `${fmt(day)} is not a working day (${whyEn}).`,
        date: day,
        otherInspectionId: null,
        overridable: true,
      });
    }
  }
  return issues;
}

/** Whether the issues refuse the change: an error that cannot be overridden, or one that can but was not. */
export function refusingIssues(issues: readonly ScheduleIssue[], overridden: boolean): ScheduleIssue[] {
  return issues.filter((i) => i.severity === 'error' && (!i.overridable || !overridden));
}
