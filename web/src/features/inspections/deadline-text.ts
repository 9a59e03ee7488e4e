import { officialCalendar } from '../../../../shared/domain/calendar/index.js';
import type { MessageKey } from '../../i18n/messages.vi.js';

/**
 * How far a report deadline is, in working days (the unit counts them, not calendar days). A
 * deadline of an earlier year is a past season's: it says so, not "overdue 1,321 working days".
 */
export function deadlineText(reportDueOn: string, today: string): { key: MessageKey; n: number; year?: string } {
  if (reportDueOn === today) return { key: 'tasks.dueToday', n: 0 };
  const n = officialCalendar.workingDaysBetween(today, reportDueOn);
  if (n > 0) return { key: 'tasks.workingDaysLeft', n };
  if (reportDueOn.slice(0, 4) < today.slice(0, 4)) return { key: 'tasks.pastSeason', n: Math.max(1, -n), year: reportDueOn.slice(0, 4) };
  return { key: 'tasks.overdue', n: Math.max(1, -n) };
}
