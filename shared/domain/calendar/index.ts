/**
 * Vietnamese working-day calendar: lunar conversion, statutory holidays, official schedules and
 * deadlines in working days. Pure (no I/O, no clock), shared by the server and the UI.
 *
 * Typical use:
 * - UI: `dueBefore('2021-09-09', 3).explanation` with the shipped official schedules;
 * - server: `createWorkingCalendar(rowsFromScheduleTable)` so admin edits take effect.
 */
export { CalendarInputError, calendarErrorCodes, type CalendarErrorCode } from './errors.js';
export {
  type CalendarDate,
  type DateInput,
  type IsoDate,
  MAX_YEAR,
  MIN_YEAR,
  formatIsoDate,
  formatVietnameseDate,
  toCalendarDate,
} from './dates.js';
export {
  type LunarDate,
  type LunarDateInput,
  UTC7_SINCE,
  VIETNAM_TIME_ZONE,
  leapMonthOfYear,
  lunarNewYear,
  lunarToSolar,
  solarToLunar,
} from './lunar.js';
export type { CalendarEntry, CalendarEntryKind, YearSchedule } from './types.js';
export {
  DEFAULT_STATUTORY_RULES,
  type StatutoryRules,
  type Weekday,
  defaultYearSchedule,
  lunarDayLabel,
  statutoryHolidays,
} from './holidays.js';
export { OFFICIAL_SCHEDULES } from './official-schedules.js';
export {
  type BackwardCountConvention,
  type CalendarDay,
  type Deadline,
  type DueAfterOptions,
  type DueBeforeOptions,
  type WorkingCalendar,
  type WorkingCalendarOptions,
  addWorkingDays,
  createWorkingCalendar,
  dueAfter,
  dueBefore,
  isWorkingDay,
  listYear,
  nextWorkingDay,
  officialCalendar,
  previousWorkingDay,
  workingDaysBetween,
} from './working-days.js';
