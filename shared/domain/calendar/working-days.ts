/**
 * Working days of the Vietnamese civil service and the deadlines counted in them.
 *
 * A working day is Monday–Friday, minus holidays and days off, plus make-up working days
 * (reference §6.2). All arithmetic is on Julian day numbers (see dates.ts).
 */
import { CalendarInputError } from './errors.js';
import {
  type DateInput,
  type IsoDate,
  MAX_DAY_NUMBER,
  MIN_DAY_NUMBER,
  assertYearInRange,
  dayNumberToIso,
  formatVietnameseDate,
  isWeekend,
  jdFromDate,
  jdToDate,
  toDayNumber,
} from './dates.js';
import { DEFAULT_STATUTORY_RULES, type StatutoryRules, defaultYearSchedule } from './holidays.js';
import { OFFICIAL_SCHEDULES } from './official-schedules.js';
import type { CalendarEntry, YearSchedule } from './types.js';

/**
 * How "gửi trước ít nhất N ngày làm việc" is read (reference §6.2, UNCONFIRMED in law):
 * - 'count-back' (default): D is not counted; the due date is the N-th working day before D
 *   (Civil Code art. 147 applied in reverse). 09/09/2021, N = 3 → 06/09/2021.
 * - 'clear-days': N whole working days must lie strictly between the due date and D, so the
 *   due date is one working day earlier. 09/9/2021, N = 3 → 03/9 is a holiday → 01/9/2021.
 */
export type BackwardCountConvention = 'count-back' | 'clear-days';

/** A computed deadline with the sentence a notice can quote. */
export interface Deadline {
  date: IsoDate;
  explanation: string;
}

export interface DueBeforeOptions {
  convention?: BackwardCountConvention;
  /** What D is, for the explanation; default 'ngày kiểm tra'. */
  eventLabel?: string;
}

export interface DueAfterOptions {
  /**
   * 'working' (default): N working days after D. 'calendar': N calendar days after D, moved to
   * the next working day when the last day is a weekend or holiday (Civil Code art. 148,
   * reference §6.2).
   */
  unit?: 'working' | 'calendar';
  /** What D is, for the explanation; default 'ngày' ("kể từ ngày 09/9/2021"). */
  eventLabel?: string;
}

export interface WorkingCalendarOptions {
  /** Parameters of the statutory default used for years without a schedule. */
  rules?: StatutoryRules;
  /** Default reading for dueBefore; a per-call option overrides it. */
  backwardCount?: BackwardCountConvention;
}

/** Day-level entry returned by listYear (same shape as a schedule entry). */
export type CalendarDay = CalendarEntry;

export interface WorkingCalendar {
  isWorkingDay(date: DateInput): boolean;
  nextWorkingDay(date: DateInput): IsoDate;
  previousWorkingDay(date: DateInput): IsoDate;
  addWorkingDays(date: DateInput, n: number): IsoDate;
  workingDaysBetween(from: DateInput, to: DateInput): number;
  dueBefore(date: DateInput, n: number, options?: DueBeforeOptions): Deadline;
  dueAfter(date: DateInput, n: number, options?: DueAfterOptions): Deadline;
  listYear(year: number): CalendarDay[];
  /** The schedule in force for a year: the given one, or the statutory default. */
  scheduleFor(year: number): YearSchedule;
  /** The entry for a day, if it differs from Monday–Friday. */
  entryFor(date: DateInput): CalendarDay | undefined;
}

// Flag values in the per-day cache.
const UNKNOWN = 0;
const WORKING = 1;
const NOT_WORKING = 2;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Rejects schedules that would make the calendar ambiguous, before anything is cached. */
function validateSchedules(schedules: readonly YearSchedule[]): Map<number, YearSchedule> {
  const byYear = new Map<number, YearSchedule>();
  for (const schedule of schedules) {
    const { year } = schedule;
    assertYearInRange(year, schedule);
    if (byYear.has(year)) {
      throw new CalendarInputError('INVALID_SCHEDULE', `Two schedules for ${year}`, schedule);
    }
    const seen = new Set<string>();
    for (const entry of schedule.entries) {
      if (!ISO_DATE.test(entry.date) || Number(entry.date.slice(0, 4)) !== year) {
        throw new CalendarInputError('INVALID_SCHEDULE', `Entry ${entry.date} is not a date of ${year}`, entry);
      }
      const jd = toDayNumber(entry.date); // throws INVALID_DATE for 2021-02-30
      if (seen.has(entry.date)) {
        throw new CalendarInputError('INVALID_SCHEDULE', `Two entries for ${entry.date}`, entry);
      }
      seen.add(entry.date);
      if (!['holiday', 'day_off', 'make_up_workday'].includes(entry.kind)) {
        throw new CalendarInputError('INVALID_SCHEDULE', `Unknown kind ${String(entry.kind)}`, entry);
      }
      // A make-up day on a weekday would change nothing: almost certainly a data-entry slip.
      if (entry.kind === 'make_up_workday' && !isWeekend(jd)) {
        throw new CalendarInputError('INVALID_SCHEDULE', `Make-up workday ${entry.date} is not a weekend day`, entry);
      }
    }
    byYear.set(year, schedule);
  }
  return byYear;
}

function assertCount(n: number, allowNegative: boolean): void {
  if (typeof n !== 'number' || !Number.isInteger(n) || (!allowNegative && n < 0)) {
    throw new CalendarInputError(
      'INVALID_COUNT',
      `Count must be ${allowNegative ? 'an' : 'a non-negative'} integer: ${String(n)}`,
      n,
    );
  }
}

/** "03", "10", "120": counts in notices are written with at least two digits. */
const formatCount = (n: number): string => String(n).padStart(2, '0');

/**
 * Builds a calendar from official schedules (e.g. rows of the schedule table); every year not
 * given falls back to the statutory default of holidays.ts. Pure: no clock, no I/O; per-day
 * results are cached lazily per year, so building one is cheap.
 * @throws CalendarInputError INVALID_SCHEDULE / INVALID_DATE / OUT_OF_RANGE for bad schedules.
 */
export function createWorkingCalendar(
  schedules: readonly YearSchedule[] = [],
  options: WorkingCalendarOptions = {},
): WorkingCalendar {
  const given = validateSchedules(schedules);
  const rules = options.rules ?? DEFAULT_STATUTORY_RULES;
  const defaultConvention = options.backwardCount ?? 'count-back';

  const flags = new Uint8Array(MAX_DAY_NUMBER - MIN_DAY_NUMBER + 1);
  const entriesByYear = new Map<number, { schedule: YearSchedule; byDay: Map<number, CalendarEntry> }>();

  function loadYear(year: number): { schedule: YearSchedule; byDay: Map<number, CalendarEntry> } {
    let loaded = entriesByYear.get(year);
    if (loaded) return loaded;
    const schedule = given.get(year) ?? defaultYearSchedule(year, rules);
    const byDay = new Map<number, CalendarEntry>();
    for (const entry of schedule.entries) byDay.set(toDayNumber(entry.date), entry);
    const first = jdFromDate(year, 1, 1);
    const last = jdFromDate(year, 12, 31);
    for (let jd = first; jd <= last; jd++) {
      const entry = byDay.get(jd);
      const working = entry ? entry.kind === 'make_up_workday' : !isWeekend(jd);
      flags[jd - MIN_DAY_NUMBER] = working ? WORKING : NOT_WORKING;
    }
    loaded = { schedule, byDay };
    entriesByYear.set(year, loaded);
    return loaded;
  }

  /** Hot path of every count: one array read once the year is loaded. */
  function isWorkingJd(jd: number): boolean {
    let flag = flags[jd - MIN_DAY_NUMBER];
    if (flag === UNKNOWN) {
      loadYear(jdToDate(jd).year);
      flag = flags[jd - MIN_DAY_NUMBER];
    }
    return flag === WORKING;
  }

  function step(jd: number, direction: 1 | -1): number {
    const next = jd + direction;
    if (next < MIN_DAY_NUMBER || next > MAX_DAY_NUMBER) {
      throw new CalendarInputError('OUT_OF_RANGE', 'The count runs outside 1900–2199', dayNumberToIso(jd));
    }
    return next;
  }

  /** The |n|-th working day after (n > 0) or before (n < 0) jd, jd itself not counted. */
  function shift(jd: number, n: number): number {
    const direction = n < 0 ? -1 : 1;
    let remaining = Math.abs(n);
    let current = jd;
    while (remaining > 0) {
      current = step(current, direction);
      if (isWorkingJd(current)) remaining--;
    }
    return current;
  }

  function nextWorkingJd(jd: number): number {
    let current = step(jd, 1);
    while (!isWorkingJd(current)) current = step(current, 1);
    return current;
  }

  const calendar: WorkingCalendar = {
    isWorkingDay(date) {
      return isWorkingJd(toDayNumber(date));
    },

    nextWorkingDay(date) {
      return dayNumberToIso(nextWorkingJd(toDayNumber(date)));
    },

    previousWorkingDay(date) {
      return dayNumberToIso(shift(toDayNumber(date), -1));
    },

    addWorkingDays(date, n) {
      const jd = toDayNumber(date);
      assertCount(n, true);
      return dayNumberToIso(shift(jd, n));
    },

    workingDaysBetween(from, to) {
      const a = toDayNumber(from);
      const b = toDayNumber(to);
      // Like a walk from `from` to `to`: the start is not counted, the arrival day is.
      let count = 0;
      if (a <= b) {
        for (let jd = a + 1; jd <= b; jd++) if (isWorkingJd(jd)) count++;
        return count;
      }
      for (let jd = a - 1; jd >= b; jd--) if (isWorkingJd(jd)) count++;
      return -count;
    },

    dueBefore(date, n, opts = {}) {
      const jd = toDayNumber(date);
      assertCount(n, false);
      const convention = opts.convention ?? defaultConvention;
      const label = opts.eventLabel ?? 'ngày kiểm tra';
      const event = `${label} ${formatVietnameseDate(dayNumberToIso(jd))}`;
      if (n === 0) {
        // "0 days before" still has to be a day the office is open: the last one up to D.
        const due = isWorkingJd(jd) ? jd : shift(jd, -1);
        return { date: dayNumberToIso(due), explanation: `chậm nhất ngày ${formatVietnameseDate(dayNumberToIso(due))} (${event})` };
      }
      const due = shift(jd, convention === 'clear-days' ? -(n + 1) : -n);
      const dueText = formatVietnameseDate(dayNumberToIso(due));
      const explanation =
        convention === 'clear-days'
          ? `chậm nhất ngày ${dueText} (trước ${event} ít nhất ${formatCount(n)} ngày làm việc trọn vẹn)`
          : `chậm nhất ngày ${dueText} (${formatCount(n)} ngày làm việc trước ${event})`;
      return { date: dayNumberToIso(due), explanation };
    },

    dueAfter(date, n, opts = {}) {
      const jd = toDayNumber(date);
      assertCount(n, false);
      const unit = opts.unit ?? 'working';
      const event = `${opts.eventLabel ?? 'ngày'} ${formatVietnameseDate(dayNumberToIso(jd))}`;
      if (unit === 'working') {
        const due = n === 0 ? (isWorkingJd(jd) ? jd : nextWorkingJd(jd)) : shift(jd, n);
        const dueText = formatVietnameseDate(dayNumberToIso(due));
        return {
          date: dayNumberToIso(due),
          explanation: `chậm nhất ngày ${dueText} (${formatCount(n)} ngày làm việc kể từ ${event}, không tính ${event})`,
        };
      }
      // Art. 147: the start day is not counted. Art. 148: a last day that is a day off moves to
      // the next working day.
      let last = jd;
      for (let i = 0; i < n; i++) last = step(last, 1);
      const due = isWorkingJd(last) ? last : nextWorkingJd(last);
      const dueText = formatVietnameseDate(dayNumberToIso(due));
      const moved =
        due === last
          ? ''
          : `; ngày cuối cùng ${formatVietnameseDate(dayNumberToIso(last))} là ngày nghỉ nên chuyển sang ngày làm việc tiếp theo`;
      return {
        date: dayNumberToIso(due),
        explanation: `chậm nhất ngày ${dueText} (${formatCount(n)} ngày kể từ ${event}, không tính ${event}${moved})`,
      };
    },

    listYear(year) {
      assertYearInRange(year);
      return loadYear(year).schedule.entries
        .map((entry) => ({ ...entry }))
        .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    },

    scheduleFor(year) {
      assertYearInRange(year);
      const { schedule } = loadYear(year);
      return { ...schedule, entries: schedule.entries.map((entry) => ({ ...entry })) };
    },

    entryFor(date) {
      const jd = toDayNumber(date);
      const entry = loadYear(jdToDate(jd).year).byDay.get(jd);
      return entry ? { ...entry } : undefined;
    },
  };
  return calendar;
}

/**
 * The calendar with the official schedules shipped in official-schedules.ts. The UI and tests
 * use it; the server builds its own from the schedule table with createWorkingCalendar.
 */
export const officialCalendar: WorkingCalendar = createWorkingCalendar(OFFICIAL_SCHEDULES);

/**
 * Is the day a civil-service working day (Mon–Fri, not a holiday or day off, or a make-up day)?
 * @throws CalendarInputError INVALID_DATE / OUT_OF_RANGE.
 */
export function isWorkingDay(date: DateInput): boolean {
  return officialCalendar.isWorkingDay(date);
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: DateInput): IsoDate {
  return officialCalendar.nextWorkingDay(date);
}

/** The last working day strictly before `date`. */
export function previousWorkingDay(date: DateInput): IsoDate {
  return officialCalendar.previousWorkingDay(date);
}

/**
 * Moves n working days from `date`, which is not counted (art. 147); n < 0 moves back, n = 0
 * returns `date` unchanged even if it is a day off.
 * @throws CalendarInputError INVALID_COUNT for a non-integer n; OUT_OF_RANGE past 1900–2199.
 */
export function addWorkingDays(date: DateInput, n: number): IsoDate {
  return officialCalendar.addWorkingDays(date, n);
}

/**
 * Working days passed walking from `from` to `to`: `from` is not counted, `to` is, in either
 * direction, so addWorkingDays(from, workingDaysBetween(from, to)) === to whenever `to` is a
 * working day. Negative when `to` is before `from`.
 * @example workingDaysBetween('2021-09-06', '2021-09-09') // 3
 */
export function workingDaysBetween(from: DateInput, to: DateInput): number {
  return officialCalendar.workingDaysBetween(from, to);
}

/**
 * Latest date to act "at least n working days before" `date` (reference §6.2).
 * @example dueBefore('2021-09-09', 3)
 *   // { date: '2021-09-06', explanation: 'chậm nhất ngày 06/09/2021 (03 ngày làm việc trước ngày kiểm tra 09/09/2021)' }
 * @throws CalendarInputError INVALID_COUNT for a negative or non-integer n.
 */
export function dueBefore(date: DateInput, n: number, options?: DueBeforeOptions): Deadline {
  return officialCalendar.dueBefore(date, n, options);
}

/**
 * Deadline of a period of n (working) days that starts with `date` (Civil Code art. 147–148:
 * counting starts the day after `date`).
 * @throws CalendarInputError INVALID_COUNT for a negative or non-integer n.
 */
export function dueAfter(date: DateInput, n: number, options?: DueAfterOptions): Deadline {
  return officialCalendar.dueAfter(date, n, options);
}

/**
 * Every day of a year that differs from the Monday–Friday default (holidays, days off,
 * make-up days), sorted, each with its source. Plain weekends are not listed.
 */
export function listYear(year: number): CalendarDay[] {
  return officialCalendar.listYear(year);
}
