/**
 * Civil date and time in Việt Nam (Asia/Ho_Chi_Minh, UTC+7 all year) of an instant, for code that
 * asks the injected clock "what day is it here?" (reminders, daily runs) and for display. Pure:
 * pass the instant.
 */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const partsFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: VIETNAM_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export type ZonedParts = Record<'year' | 'month' | 'day' | 'hour' | 'minute', string>;

/** Two-digit (four for the year) calendar fields of an instant in Việt Nam. */
export function vietnamZonedParts(instant: Date): ZonedParts {
  const out: ZonedParts = { year: '', month: '', day: '', hour: '', minute: '' };
  for (const part of partsFormatter.formatToParts(instant)) {
    if (part.type in out) out[part.type as keyof ZonedParts] = part.value;
  }
  return out;
}

export interface VietnamLocalTime {
  /** 'YYYY-MM-DD' */
  date: string;
  /** 'HH:MM', 24-hour */
  time: string;
}

export function vietnamLocalTime(instant: Date): VietnamLocalTime {
  const p = vietnamZonedParts(instant);
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** 'HH:MM' between 00:00 and 23:59. */
export const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;
