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

/**
 * The longest day of each month a rule may name. 29/02 is "the last day of February": the only
 * day that clamps (to 28/02 in a common year); 30/02 or 31/04 name no day and are refused
 * (docs/decisions/report-period-rules.md).
 */
const longestDay = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export type PeriodRuleProblemCode = 'invalid_date' | 'before_from' | 'due_before_period_end';
export interface PeriodRuleProblem {
  /** The rule's field named in the refusal (fromDay, toMonth, dueDay…). */
  field: keyof PeriodRuleDates;
  code: PeriodRuleProblemCode;
  reason: string;
}

/**
 * What makes a rule's dates impossible: a day its month does not have, a period ending before it
 * starts (both in the same year), a due day before the period ends. Empty when the rule is sound.
 */
export function periodRuleProblems(rule: PeriodRuleDates): PeriodRuleProblem[] {
  const problems: PeriodRuleProblem[] = [];
  for (const [m, d] of [['fromMonth', 'fromDay'], ['toMonth', 'toDay'], ['dueMonth', 'dueDay']] as const) {
    if (rule[d] > longestDay[rule[m] - 1]) problems.push({ field: d, code: 'invalid_date', reason: `month ${rule[m]} has no day ${rule[d]}` });
  }
  if (problems.length) return problems;
  const at = (month: number, day: number) => month * 100 + day;
  if (rule.fromYearOffset === 0 && at(rule.toMonth, rule.toDay) < at(rule.fromMonth, rule.fromDay)) {
    problems.push({ field: 'toMonth', code: 'before_from', reason: 'the period ends before it starts (the same year)' });
  }
  if (at(rule.dueMonth, rule.dueDay) < at(rule.toMonth, rule.toDay)) problems.push({ field: 'dueDay', code: 'due_before_period_end', reason: 'the due day falls before the period ends' });
  return problems;
}
