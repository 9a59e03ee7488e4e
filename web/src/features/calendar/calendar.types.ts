import type { z } from 'zod';
import type {
  calendarEntrySchema,
  calendarYearResponse,
  deadlineResponse,
  putCalendarYearBody,
} from '../../../../shared/api/calendar.schemas.js';

// Types only: importing the schemas' values would put zod into the browser bundle.
export type CalendarEntry = z.infer<typeof calendarEntrySchema>;
export type CalendarEntryKind = CalendarEntry['kind'];
/** GET /api/calendar/:year; `entries` are the days that differ from a Mon–Fri week. */
export type CalendarYear = z.infer<typeof calendarYearResponse>;
export type PutCalendarBody = z.input<typeof putCalendarYearBody>;
export type DeadlineResult = z.infer<typeof deadlineResponse>;

export const calendarEntryKinds = ['holiday', 'day_off', 'make_up_workday'] as const satisfies readonly CalendarEntryKind[];
