import { useMemo } from 'react';
import { useQueries, useQuery } from '@tanstack/react-query';
import { createWorkingCalendar, type WorkingCalendar, type YearSchedule } from '../../../../shared/domain/calendar/index.js';
import { api } from '../../lib/api-client.js';
import type { CalendarYear } from './calendar.types.js';

export const calendarKey = (year: number) => ['calendar', year] as const;

export function useCalendarYear(year: number) {
  return useQuery({
    queryKey: calendarKey(year),
    queryFn: ({ signal }) => api.get<CalendarYear>(`/api/calendar/${year}`, undefined, signal),
  });
}

/**
 * The working calendar as the server keeps it (GET /api/calendar/{year} for each year given: the
 * admin's edits, else the shipped schedule, else the statutory default), for counts in the browser
 * that must agree with the server's. Undefined until every year is loaded.
 */
export function useWorkingCalendar(years: readonly number[]): WorkingCalendar | undefined {
  const results = useQueries({
    queries: years.map((year) => ({
      queryKey: calendarKey(year),
      queryFn: ({ signal }: { signal: AbortSignal }) => api.get<CalendarYear>(`/api/calendar/${year}`, undefined, signal),
      staleTime: 5 * 60 * 1000,
    })),
  });
  // The schedules as one string: the calendar is rebuilt only when a year's content changes.
  const key = results.every((r) => r.data) ? JSON.stringify(results.map((r) => ({ year: r.data!.year, source: r.data!.source ?? '', entries: r.data!.entries }))) : '';
  return useMemo(() => (key ? createWorkingCalendar(JSON.parse(key) as YearSchedule[]) : undefined), [key]);
}
