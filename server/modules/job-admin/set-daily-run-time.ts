import type { z } from 'zod';
import type { putDailyRunTimeBody } from '../../../shared/api/job-admin.schemas.js';
import type { Tx } from '../../db/client.js';
import type { RequestContext } from '../../http/actor.js';
import { DAILY_RUN_TIME_KEY, readDailyRunTime } from '../../jobs/daily.js';
import { recordAudit } from '../audit/audit-log.js';
import { writeVersionedSetting } from '../settings/settings.repository.js';

/** The office's daily run time (installation-wide, like the standing body): versioned, audited. */
export async function setDailyRunTime(tx: Tx, ctx: RequestContext, input: z.infer<typeof putDailyRunTimeBody>) {
  const before = await readDailyRunTime(tx);
  const value = { time: input.time };
  await writeVersionedSetting(tx, DAILY_RUN_TIME_KEY, value, input.version, 'the daily run time');
  const after = await readDailyRunTime(tx);
  await recordAudit(tx, ctx, { action: 'setting.updated', entityType: 'setting', entityId: DAILY_RUN_TIME_KEY, scope: 'author', before, after });
  return after;
}
