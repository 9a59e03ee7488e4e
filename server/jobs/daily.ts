import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { isoDate } from '../../shared/api/common.js';
import { vietnamLocalTime } from '../../shared/domain/vietnam-time.js';
import { jobDailyRun, setting } from '../db/schema/index.js';
import type { DbOrTx } from '../db/client.js';
import { defineJob } from './define.js';
import { enqueueJob } from './enqueue.js';

/** The setting holding the office's daily run time, 'HH:MM' in Asia/Ho_Chi_Minh. */
export const DAILY_RUN_TIME_KEY = 'jobs.daily_run_time';
export const DEFAULT_DAILY_RUN_TIME = '07:00';

/** The payload of every daily job: the Vietnamese calendar day it runs for. */
export const dailyPayload = z.object({ day: isoDate });
export type DailyPayload = z.infer<typeof dailyPayload>;

export async function readDailyRunTime(db: DbOrTx): Promise<{ time: string; version: number | null }> {
  const [row] = await db.select({ value: setting.value, version: setting.version }).from(setting).where(eq(setting.key, DAILY_RUN_TIME_KEY));
  const time = (row?.value as { time?: string } | undefined)?.time ?? DEFAULT_DAILY_RUN_TIME;
  return { time, version: row?.version ?? null };
}

/**
 * Every five minutes: once the office's daily run time has passed today (by the injected clock,
 * Vietnamese time), enqueue each daily job for today, once. A server that was down at that time
 * catches up at its next tick; changing the time after today's run does not run it again.
 */
export const dailyTickJob = defineJob({
  name: 'jobs.daily-tick',
  title: { vi: 'Khởi chạy công việc hằng ngày', en: 'Start the daily jobs' },
  payload: z.object({}),
  cron: '*/5 * * * *',
  retry: { limit: 2, delaySeconds: 30, backoff: false },
  async handler(_data, ctx) {
    const local = vietnamLocalTime(ctx.clock.now());
    const { time } = await readDailyRunTime(ctx.db);
    if (local.time < time) return { day: local.date, due: false };
    const daily = (ctx.deps.jobs?.definitions ?? []).filter((d) => d.daily);
    const enqueued = await ctx.db.transaction(async (tx) => {
      const names: string[] = [];
      for (const job of daily) {
        const claimed = await tx
          .insert(jobDailyRun)
          .values({ jobName: job.name, runOn: local.date })
          .onConflictDoNothing()
          .returning({ jobName: jobDailyRun.jobName });
        if (!claimed.length) continue;
        await enqueueJob(tx, job, { day: local.date });
        names.push(job.name);
      }
      return names;
    });
    return { day: local.date, due: true, enqueued };
  },
});
