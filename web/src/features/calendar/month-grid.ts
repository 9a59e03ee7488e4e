const pad = (n: number) => String(n).padStart(2, '0');

/** 'YYYY-MM-DD' for a calendar day (month 1–12). */
export function isoDay(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday (computed in UTC, so zone-free). */
export function isoWeekday(year: number, month: number, day: number): number {
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/**
 * The weeks of a month, Monday first, as rows of seven cells: a 'YYYY-MM-DD' string or null for
 * the padding days that belong to the neighbouring months.
 */
export function monthWeeks(year: number, month: number): (string | null)[][] {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const cells: (string | null)[] = Array.from({ length: isoWeekday(year, month, 1) - 1 }, () => null);
  for (let day = 1; day <= days; day += 1) cells.push(isoDay(year, month, day));
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}
