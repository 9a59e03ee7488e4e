/**
 * Calendar dates as Julian day numbers (JDN).
 *
 * Why not `Date`: a JS Date is an instant, and `new Date('2021-09-06')` is midnight UTC, which is
 * the previous evening in the Americas and 07:00 in Việt Nam; adding days across a DST change
 * also drifts. A working-day calendar only needs whole civil days, so every computation here is
 * integer arithmetic on day numbers and no time zone can leak in.
 */
import { CalendarInputError } from './errors.js';

/** 'YYYY-MM-DD', the wire and database format (PostgreSQL `date`). */
export type IsoDate = string;

/** A civil (Gregorian) date; month and day are 1-based. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** Every public function accepts either form. */
export type DateInput = IsoDate | CalendarDate;

/** The supported range: the lunar algorithm is checked against the oracle for these years. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

/** Julian day number of a Gregorian date (Fliegel–Van Flandern; proleptic Gregorian). */
export function jdFromDate(year: number, month: number, day: number): number {
  const a = Math.floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  return (
    day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - Math.floor(y / 100) +
    Math.floor(y / 400) - 32045
  );
}

/** Inverse of jdFromDate. */
export function jdToDate(jd: number): CalendarDate {
  const a = jd + 32044;
  const b = Math.floor((4 * a + 3) / 146097);
  const c = a - Math.floor((146097 * b) / 4);
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  return {
    day: e - Math.floor((153 * m + 2) / 5) + 1,
    month: m + 3 - 12 * Math.floor(m / 10),
    year: 100 * b + d - 4800 + Math.floor(m / 10),
  };
}

export const MIN_DAY_NUMBER = jdFromDate(MIN_YEAR, 1, 1);
export const MAX_DAY_NUMBER = jdFromDate(MAX_YEAR, 12, 31);

export function isGregorianLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isGregorianLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** 0 = Sunday … 6 = Saturday (same numbering as Date#getDay, without a Date). */
export function weekdayOf(jd: number): number {
  return (jd + 1) % 7;
}

export function isWeekend(jd: number): boolean {
  const w = weekdayOf(jd);
  return w === 0 || w === 6;
}

const ISO_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Year range check shared by every entry point, so all of them fail with the same code. */
export function assertYearInRange(year: number, value: unknown = year): void {
  if (!Number.isInteger(year)) {
    throw new CalendarInputError('INVALID_DATE', `Year must be an integer: ${String(year)}`, value);
  }
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw new CalendarInputError(
      'OUT_OF_RANGE',
      `Year ${year} is outside the supported range ${MIN_YEAR}–${MAX_YEAR}`,
      value,
    );
  }
}

/**
 * Parses and validates a date input into a CalendarDate.
 * Throws INVALID_DATE for malformed or impossible dates and OUT_OF_RANGE outside 1900–2199.
 */
export function toCalendarDate(input: DateInput): CalendarDate {
  let year: number;
  let month: number;
  let day: number;
  if (typeof input === 'string') {
    const match = ISO_PATTERN.exec(input);
    if (!match) {
      throw new CalendarInputError('INVALID_DATE', `Not an ISO date (YYYY-MM-DD): ${input}`, input);
    }
    year = Number(match[1]);
    month = Number(match[2]);
    day = Number(match[3]);
  } else if (input !== null && typeof input === 'object') {
    ({ year, month, day } = input);
    if (![year, month, day].every(Number.isInteger)) {
      throw new CalendarInputError('INVALID_DATE', 'Year, month and day must be integers', input);
    }
  } else {
    throw new CalendarInputError('INVALID_DATE', 'A date is required', input);
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new CalendarInputError('INVALID_DATE', `No such date: ${year}-${month}-${day}`, input);
  }
  assertYearInRange(year, input);
  return { year, month, day };
}

/** Validated input → Julian day number. */
export function toDayNumber(input: DateInput): number {
  const { year, month, day } = toCalendarDate(input);
  return jdFromDate(year, month, day);
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

export function formatIsoDate(date: CalendarDate): IsoDate {
  return `${String(date.year).padStart(4, '0')}-${pad2(date.month)}-${pad2(date.day)}`;
}

export function dayNumberToIso(jd: number): IsoDate {
  return formatIsoDate(jdToDate(jd));
}

/**
 * The date in generated Vietnamese text: dd/mm/yyyy, "06/09/2021", "05/02/2021", "31/12/2021" —
 * the one form the product shows everywhere (tables, explanations, notices, minutes), so a sentence
 * never mixes "18/5/2021" with "18/05/2021" (reviewer rev8b, issue 8). Decree 30's own rule (pad only
 * days below 10 and the months 1 and 2) concerns the "ngày … tháng … năm" line a document is dated
 * by, written by its own builder; a date inside the text reads as the table beside it.
 */
export function formatVietnameseDate(input: DateInput): string {
  const { year, month, day } = toCalendarDate(input);
  return `${pad2(day)}/${pad2(month)}/${year}`;
}
