import { z } from 'zod';
import { isoDate, text, version } from './common.js';

export const calendarEntryKinds = ['holiday', 'day_off', 'make_up_workday'] as const;

export const calendarYearParams = z.object({ year: z.coerce.number().int().min(1900).max(2199) });

export const calendarEntrySchema = z.object({
  date: isoDate,
  kind: z.enum(calendarEntryKinds),
  name: text(200),
  source: text(500),
});

/**
 * One year of the working-day calendar: every day that differs from Monday–Friday.
 * origin: 'database' (entered or edited by an admin), 'shipped' (official schedule shipped with
 * the product), 'default' (computed from the Labour Code when no official schedule is known).
 */
/** Responses are encoded, not parsed: no transforms in them (zod 4 refuses to encode one). */
export const calendarEntryResponse = z.object({
  date: z.string(),
  kind: z.enum(calendarEntryKinds),
  name: z.string(),
  source: z.string(),
});

export const calendarYearResponse = z.object({
  year: z.number().int(),
  official: z.boolean(),
  origin: z.enum(['database', 'shipped', 'default']),
  source: z.string().nullable(),
  version: z.number().int().nullable(),
  entries: z.array(calendarEntryResponse),
});

export const putCalendarYearBody = z.object({
  /** null to record a year for the first time; the version read otherwise. */
  version: version.nullable(),
  source: text(500),
  entries: z.array(calendarEntrySchema).max(120),
});

export const deadlineQuery = z.object({
  date: isoDate,
  workingDays: z.coerce.number().int().min(0).max(365),
  direction: z.enum(['before', 'after']),
});
export const deadlineResponse = z.object({ date: z.string(), explanation: z.string() });
