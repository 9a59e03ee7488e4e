import { z } from 'zod';
import { int4 } from './common.js';

/**
 * The schedule's spacing and lead times, editable in the app (issue 8 §2; both UNCONFIRMED in the
 * reference, so data, not rules): until an admin sets them, the installation's defaults
 * (PAR_NOTICE_LEAD_WORKING_DAYS, PAR_REVISIT_MIN_DAYS) apply.
 */
export const scheduleRulesValue = z.object({
  /** Working days the notice must reach the unit before its report is due. */
  noticeLeadWorkingDays: int4().min(0).max(30),
  /** Days at least between two visits of one agency (1: not the same day). */
  revisitMinDays: int4().min(1).max(365),
});
export const putScheduleRulesBody = scheduleRulesValue.extend({ version: int4().min(1).nullable() });
export const scheduleRulesSetting = scheduleRulesValue.extend({
  /** null: never set; the defaults apply. */
  version: z.number().int().nullable(),
  source: z.enum(['setting', 'default']),
});
export type ScheduleRulesSetting = z.infer<typeof scheduleRulesSetting>;
