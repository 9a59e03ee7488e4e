import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { putReminderTimeBody, ReminderTimeSetting } from '../../../shared/api/schedule-settings.schemas.js';
import type { DbOrTx, Tx } from '../../db/client.js';
import { setting } from '../../db/schema/index.js';
import type { Actor, RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { authorityRunTimeKey, DEFAULT_DAILY_RUN_TIME, DAILY_RUN_TIME_KEY } from '../../jobs/daily.js';
import { recordAudit } from '../audit/audit-log.js';
import { writeVersionedSetting } from './settings.repository.js';
import { authorizeScheduleRules, levelOf, mayUpdate } from './schedule-rules-setting.js';

/**
 * The time of day an authority's reminders go out (issue 8 §5), edited by its standing office
 * beside its schedule rules: its own row (`jobs.daily_run_time:<unitId>`), else the installation's
 * daily run time (the jobs page), else 07:00. The daily tick (server/jobs/daily.ts) reads the
 * same rows, so what the page shows is when the reminders go out.
 */
async function readReminderTime(db: DbOrTx, unitId: string): Promise<Pick<ReminderTimeSetting, 'time' | 'version' | 'source'>> {
  const rows = await db
    .select({ key: setting.key, value: setting.value, version: setting.version })
    .from(setting)
    .where(sql`${setting.key} in (${DAILY_RUN_TIME_KEY}, ${authorityRunTimeKey(unitId)})`);
  const timeOf = (key: string) => {
    const row = rows.find((r) => r.key === key);
    return row ? { time: (row.value as { time?: string }).time, version: row.version } : null;
  };
  const own = timeOf(authorityRunTimeKey(unitId));
  if (own?.time) return { time: own.time, version: own.version, source: 'authority' };
  const installation = timeOf(DAILY_RUN_TIME_KEY);
  return { time: installation?.time ?? DEFAULT_DAILY_RUN_TIME, version: null, source: installation?.time ? 'installation' : 'default' };
}

export async function presentReminderTime(db: DbOrTx, actor: Actor, query: { unitId?: string }): Promise<ReminderTimeSetting> {
  const level = await levelOf(db, actor, query.unitId, 'authority');
  const unitId = level.unitId!;
  return { unitId, unitName: level.unitName!, ...(await readReminderTime(db, unitId)), canUpdate: await mayUpdate(db, actor, unitId) };
}

/** Refused before any work for a role that may set no authority's reminder time (issue 8 review: the refusal spoke of schedule rules). */
export const authorizeReminderTime = (actor: Actor) => authorizeScheduleRules(actor, 'only an authority’s standing office (or an administrator configuring it) sets the time its reminders go out');

/** Sets an authority's time: its standing office (or an admin configuring it); versioned (null creates; 409 when stale), audited. */
export async function setReminderTime(tx: Tx, ctx: RequestContext, input: z.infer<typeof putReminderTimeBody>): Promise<ReminderTimeSetting> {
  authorizeReminderTime(ctx.actor);
  const level = await levelOf(tx, ctx.actor, input.unitId, 'authority');
  const unitId = level.unitId!;
  if (!(await mayUpdate(tx, ctx.actor, unitId))) throw new AppError('FORBIDDEN', 'you may not set this authority’s reminder time');
  const key = authorityRunTimeKey(unitId);
  const before = await readReminderTime(tx, unitId);
  const value = { time: input.time };
  await writeVersionedSetting(tx, key, value, input.version, 'the reminder time');
  const after = await readReminderTime(tx, unitId);
  await recordAudit(tx, ctx, { action: 'setting.updated', entityType: 'setting', entityId: key, scope: { units: [unitId] }, before, after });
  return { unitId, unitName: level.unitName!, ...after, canUpdate: true };
}
