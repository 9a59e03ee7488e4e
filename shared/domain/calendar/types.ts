import type { IsoDate } from './dates.js';

/**
 * - `holiday`: a statutory holiday day (Labour Code 2019 art. 112), even when it falls on a weekend;
 * - `day_off`: a weekday off that is not itself a holiday: a compensatory day (art. 111) or a
 *   working day swapped away by the Prime Minister's decision;
 * - `make_up_workday`: a Saturday (or Sunday) worked to pay back a swapped day.
 */
export type CalendarEntryKind = 'holiday' | 'day_off' | 'make_up_workday';

/** One day that differs from the plain Monday–Friday week, with the text that justifies it. */
export interface CalendarEntry {
  date: IsoDate;
  kind: CalendarEntryKind;
  /** Vietnamese label shown to users, e.g. "Tết Âm lịch (mùng 1 tháng Giêng)". */
  name: string;
  /** The legal basis or announcement, quotable in a notice. */
  source: string;
}

/**
 * Every special day of one solar year. When a schedule is given for a year it replaces the
 * statutory default for that whole year, so it must list all of that year's holidays,
 * compensatory days, swaps and make-up days (the shape of the future database table).
 */
export interface YearSchedule {
  year: number;
  entries: CalendarEntry[];
  /** Where the year's schedule as a whole comes from. */
  source: string;
}
