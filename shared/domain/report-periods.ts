import { dayNumberToIso, toDayNumber } from './calendar/dates.js';

/**
 * The periods of the periodic reporting regime (reference §3.2: Q1 15/12 of the year before to
 * 14/3, 6 months to 14/6, Q3 15/6 to 14/9, the year to 14/12, due by the 20th of the period's last
 * month). These are data the province edits (report_period_rule); this module only computes dates.
 */
export interface PeriodRuleDates {
  fromMonth: number;
  fromDay: number;
  fromYearOffset: number;
  toMonth: number;
  toDay: number;
  dueMonth: number;
  dueDay: number;
  opensDaysBeforeDue: number;
}

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
/** An ISO date from parts, a day past the month's end clamped to its last day (31/6 → 30/6). */
export const clampedDate = (year: number, month: number, day: number) => `${year}-${String(month).padStart(2, '0')}-${String(Math.min(day, daysIn(year, month))).padStart(2, '0')}`;

export interface PeriodDates {
  from: string;
  to: string;
  due: string;
  /** The day the daily job creates the request. */
  opensOn: string;
}

export function periodDates(rule: PeriodRuleDates, year: number): PeriodDates {
  const due = clampedDate(year, rule.dueMonth, rule.dueDay);
  return {
    from: clampedDate(year + rule.fromYearOffset, rule.fromMonth, rule.fromDay),
    to: clampedDate(year, rule.toMonth, rule.toDay),
    due,
    opensOn: dayNumberToIso(toDayNumber(due) - rule.opensDaysBeforeDue),
  };
}
