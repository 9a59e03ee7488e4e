import { VIETNAM_TIME_ZONE, vietnamZonedParts as zonedParts } from '../../../shared/domain/vietnam-time.js';

/** The one time zone the product speaks: all People's Committees are in Vietnam. */
export const timeZone = VIETNAM_TIME_ZONE;

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * 'YYYY-MM-DD' -> 'dd/mm/yyyy' without any time-zone arithmetic (a date is not an instant);
 * an ISO timestamp -> its calendar date in Asia/Ho_Chi_Minh. Empty or unparsable input gives ''.
 */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const match = isoDatePattern.exec(value);
  if (match) return `${match[3]}/${match[2]}/${match[1]}`;
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return '';
  const p = zonedParts(instant);
  return `${p.day}/${p.month}/${p.year}`;
}

/** ISO timestamp -> 'dd/mm/yyyy HH:mm' in Asia/Ho_Chi_Minh, whatever the browser's zone. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return '';
  const p = zonedParts(instant);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** Today's calendar date in Vietnam as 'YYYY-MM-DD'. */
export function todayIso(now: Date = new Date()): string {
  const p = zonedParts(now);
  return `${p.year}-${p.month}-${p.day}`;
}

/** The current year in Vietnam. */
export function currentYear(now: Date = new Date()): number {
  return Number(zonedParts(now).year);
}
