import { z } from 'zod';
import { int4 } from './common.js';
import { TIME_OF_DAY } from '../domain/vietnam-time.js';

/**
 * The schedule's spacing and lead times, editable in the app (issue 8 §2; both UNCONFIRMED in the
 * reference, so data, not rules). Each authority (a People's Committee and its standing office)
 * sets its own (M23); until it does, the installation's setting applies, and until that is set,
 * the installation's defaults (PAR_NOTICE_LEAD_WORKING_DAYS, PAR_REVISIT_MIN_DAYS).
 */
export const scheduleRulesValue = z.object({
  /** Working days the notice must reach the unit before its report is due. */
  noticeLeadWorkingDays: int4().min(0).max(30),
  /** Days at least between two visits of one agency (1: not the same day). */
  revisitMinDays: int4().min(1).max(365),
});
export const putScheduleRulesBody = scheduleRulesValue.extend({
  version: int4().min(1).nullable(),
  /** The authority's unit whose rules these are; omitted: the installation's (its administrator only). */
  unitId: z.uuid().optional(),
});
export const scheduleRulesQuery = z.object({
  /** An authority's unit (default: the caller's own authority). */
  unitId: z.uuid().optional(),
  /** `installation`: the installation-wide setting every authority starts from. */
  scope: z.enum(['authority', 'installation']).default('authority'),
});
export const scheduleRulesSetting = scheduleRulesValue.extend({
  /** The authority's unit, or null for the installation-wide setting. */
  unitId: z.uuid().nullable(),
  unitName: z.string().nullable(),
  /** Version of the row this level edits; null: never set at this level (PUT with version null creates it). */
  version: z.number().int().nullable(),
  /** Where the values in force come from. */
  source: z.enum(['authority', 'installation', 'default']),
  /** Whether the caller may change this level. */
  canUpdate: z.boolean(),
});
export type ScheduleRulesSetting = z.infer<typeof scheduleRulesSetting>;

/**
 * The time of day an authority's reminders go out (issue 8 §5: "at the time of day the office
 * sets", Asia/Ho_Chi_Minh). Each authority's standing office sets its own; until it does, the
 * installation's daily run time applies (set by its administrator on the jobs page), and until that
 * is set, 07:00.
 */
export const reminderTimeQuery = z.object({
  /** An authority's unit (default: the caller's own authority). */
  unitId: z.uuid().optional(),
});
export const putReminderTimeBody = z.object({
  /** The authority's unit whose time this is. */
  unitId: z.uuid(),
  time: z.string().regex(TIME_OF_DAY, 'expected HH:MM, 00:00 to 23:59'),
  version: int4().min(1).nullable(),
});
export const reminderTimeSetting = z.object({
  unitId: z.uuid(),
  unitName: z.string(),
  /** 'HH:MM' in force for the authority. */
  time: z.string(),
  /** Version of the authority's own row; null: never set (PUT with version null creates it). */
  version: z.number().int().nullable(),
  source: z.enum(['authority', 'installation', 'default']),
  canUpdate: z.boolean(),
});
export type ReminderTimeSetting = z.infer<typeof reminderTimeSetting>;
