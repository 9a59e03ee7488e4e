import type { WorkingCalendar } from '../../../../shared/domain/calendar/index.js';
import type { MessageKey } from '../../i18n/messages.vi.js';

/**
 * How far a report deadline is, in working days (the unit counts them, not calendar days), counted
 * with the server's calendar (the admin's edits included: `useWorkingCalendar`), never the one
 * built into the browser. A deadline of an earlier year is a past season's: it says so, not
 * "overdue 1,321 working days". Null while the calendar needed for the count is not loaded.
 */
export function deadlineText(reportDueOn: string, today: string, calendar: WorkingCalendar | undefined): { key: MessageKey; n: number; year?: string } | null {
  if (reportDueOn === today) return { key: 'tasks.dueToday', n: 0 };
  if (reportDueOn.slice(0, 4) < today.slice(0, 4)) return { key: 'tasks.pastSeason', n: 0, year: reportDueOn.slice(0, 4) };
  if (!calendar) return null;
  const n = calendar.workingDaysBetween(today, reportDueOn);
  if (n > 0) return { key: 'tasks.workingDaysLeft', n };
  return { key: 'tasks.overdue', n: Math.max(1, -n) };
}

/**
 * The years whose calendar a count from `today` to each due day needs: today's year and, for due
 * days ahead, every year up to the latest (at most three ahead; earlier years are past seasons).
 */
export function yearsToCount(today: string, dueDays: readonly string[]): number[] {
  const first = Number(today.slice(0, 4));
  const last = Math.min(first + 3, Math.max(first, ...dueDays.map((d) => Number(d.slice(0, 4)))));
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}
