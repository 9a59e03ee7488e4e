import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { putDailyRunTimeBody } from '../../../shared/api/job-admin.schemas.js';
import { setting } from '../../db/schema/index.js';
import type { Tx } from '../../db/client.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { DAILY_RUN_TIME_KEY, readDailyRunTime } from '../../jobs/daily.js';
import { recordAudit } from '../audit/audit-log.js';

/** The office's daily run time (installation-wide, like the standing body): versioned, audited. */
export async function setDailyRunTime(tx: Tx, ctx: RequestContext, input: z.infer<typeof putDailyRunTimeBody>) {
  const before = await readDailyRunTime(tx);
  const value = { time: input.time };
  if (input.version === null) {
    const inserted = await tx.insert(setting).values({ key: DAILY_RUN_TIME_KEY, value }).onConflictDoNothing().returning({ key: setting.key });
    if (!inserted.length) throw new AppError('VERSION_CONFLICT', 'the daily run time was set by someone else');
  } else {
    const updated = await tx
      .update(setting)
      .set({ value, version: sql`${setting.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(setting.key, DAILY_RUN_TIME_KEY), eq(setting.version, input.version)))
      .returning({ key: setting.key });
    if (!updated.length) throw new AppError('VERSION_CONFLICT', 'the daily run time was changed by someone else');
  }
  const after = await readDailyRunTime(tx);
  await recordAudit(tx, ctx, { action: 'setting.updated', entityType: 'setting', entityId: DAILY_RUN_TIME_KEY, scope: 'author', before, after });
  return after;
}
