/**
 * The closed set of reasons the calendar refuses an input. Callers (the HTTP layer, the UI)
 * branch on `code`, never on the English message, so the message may be reworded freely.
 */
export const calendarErrorCodes = [
  /** Not a real calendar date ('2021-02-30', 'tomorrow', a lunar day 30 in a 29-day month). */
  'INVALID_DATE',
  /** A working-day count that is negative (where not allowed), not an integer, or not finite. */
  'INVALID_COUNT',
  /** A date, year or result outside 1900–2199, the range the lunar algorithm is validated for. */
  'OUT_OF_RANGE',
  /** A year schedule given to createWorkingCalendar that contradicts itself. */
  'INVALID_SCHEDULE',
] as const;
export type CalendarErrorCode = (typeof calendarErrorCodes)[number];

/** Thrown for any caller mistake; programming errors inside the module stay plain `Error`s. */
export class CalendarInputError extends Error {
  readonly code: CalendarErrorCode;
  /** The offending value, for logs and `invalidParams`; never shown raw to citizens. */
  readonly value: unknown;

  constructor(code: CalendarErrorCode, message: string, value?: unknown) {
    super(message);
    this.name = 'CalendarInputError';
    this.code = code;
    this.value = value;
  }
}
