import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client.js';
import type { CalendarYear } from './calendar.types.js';

export const calendarKey = (year: number) => ['calendar', year] as const;

export function useCalendarYear(year: number) {
  return useQuery({
    queryKey: calendarKey(year),
    queryFn: ({ signal }) => api.get<CalendarYear>(`/api/calendar/${year}`, undefined, signal),
  });
}
