import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { putScheduleRulesBody, ScheduleRulesSetting } from '../../../shared/api/schedule-settings.schemas.js';
import type { Config } from '../../config.js';
import type { DbOrTx, Tx } from '../../db/client.js';
import { setting } from '../../db/schema/index.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { authorize } from '../../authz/guard.js';

export const SCHEDULE_RULES_KEY = 'schedule.rules';
type Rules = Config['schedule'];

/** The schedule's lead time and revisit window in force: the setting, else the installation's defaults. */
export async function readScheduleRules(db: DbOrTx, defaults: Rules): Promise<ScheduleRulesSetting> {
  const [row] = await db.select({ value: setting.value, version: setting.version }).from(setting).where(eq(setting.key, SCHEDULE_RULES_KEY));
  if (!row) return { ...defaults, version: null, source: 'default' };
  const v = row.value as Partial<Rules>;
  return { noticeLeadWorkingDays: v.noticeLeadWorkingDays ?? defaults.noticeLeadWorkingDays, revisitMinDays: v.revisitMinDays ?? defaults.revisitMinDays, version: row.version, source: 'setting' };
}

/** Refused before any work: the rules hold for every authority, as the calendar does. */
export const authorizeScheduleRules = (actor: RequestContext['actor']) =>
  authorize(actor, 'schedule.configure', 'only an administrator of the whole installation may change the schedule rules');

/** The rules for a use case's schedule checks (read in its transaction). */
export const scheduleRulesFor = async (db: DbOrTx, env: { config: Pick<Config, 'schedule'> }): Promise<Rules> => {
  const { noticeLeadWorkingDays, revisitMinDays } = await readScheduleRules(db, env.config.schedule);
  return { noticeLeadWorkingDays, revisitMinDays };
};

/** An administrator of the whole installation sets them (they hold for every authority): versioned (null creates; 409 on a stale version), audited. */
export async function setScheduleRules(tx: Tx, ctx: RequestContext, input: z.infer<typeof putScheduleRulesBody>, defaults: Rules): Promise<ScheduleRulesSetting> {
  authorizeScheduleRules(ctx.actor);
  const before = await readScheduleRules(tx, defaults);
  const value = { noticeLeadWorkingDays: input.noticeLeadWorkingDays, revisitMinDays: input.revisitMinDays };
  if (input.version === null) {
    const inserted = await tx.insert(setting).values({ key: SCHEDULE_RULES_KEY, value }).onConflictDoNothing().returning({ key: setting.key });
    if (!inserted.length) throw new AppError('VERSION_CONFLICT', `the setting exists already (version ${before.version})`);
  } else {
    const updated = await tx
      .update(setting)
      .set({ value, version: sql`${setting.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(setting.key, SCHEDULE_RULES_KEY), eq(setting.version, input.version)))
      .returning({ key: setting.key });
    if (!updated.length) throw new AppError('VERSION_CONFLICT', 'the schedule rules were changed by someone else');
  }
  const after = await readScheduleRules(tx, defaults);
  await recordAudit(tx, ctx, { action: 'setting.updated', entityType: 'setting', entityId: SCHEDULE_RULES_KEY, scope: 'author', before, after });
  return after;
}
