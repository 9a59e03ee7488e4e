import { eq, like } from 'drizzle-orm';
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

/** An authority's own time (keyed by its People's Committee's unit), like `schedule.rules:<unitId>`. */
export const authorityRunTimeKey = (unitId: string) => `${DAILY_RUN_TIME_KEY}:${unitId}`;

/** The payload of every daily job: the Vietnamese calendar day it runs for. */
export const dailyPayload = z.object({ day: isoDate });
export type DailyPayload = z.infer<typeof dailyPayload>;

/**
 * The payload of a `perAuthority` daily job: the day, and either the one authority whose own time
 * it is, or the authorities to leave out of the installation-time run (they run at their own).
 * Neither: every authority (a run asked for by hand or by a test).
 */
export const authorityDailyPayload = z.object({ day: isoDate, unitId: z.uuid().optional(), exceptUnitIds: z.array(z.uuid()).optional() });
export type AuthorityDailyPayload = z.infer<typeof authorityDailyPayload>;

/** The authorities that set their own time, with it. */
export async function readAuthorityRunTimes(db: DbOrTx): Promise<{ unitId: string; time: string; version: number }[]> {
  const rows = await db.select({ key: setting.key, value: setting.value, version: setting.version }).from(setting).where(like(setting.key, `${DAILY_RUN_TIME_KEY}:%`));
  return rows.flatMap((r) => {
    const time = (r.value as { time?: string } | null)?.time;
    return time ? [{ unitId: r.key.slice(DAILY_RUN_TIME_KEY.length + 1), time, version: r.version }] : [];
  });
}

export async function readDailyRunTime(db: DbOrTx): Promise<{ time: string; version: number | null }> {
  const [row] = await db.select({ value: setting.value, version: setting.version }).from(setting).where(eq(setting.key, DAILY_RUN_TIME_KEY));
  const time = (row?.value as { time?: string } | undefined)?.time ?? DEFAULT_DAILY_RUN_TIME;
  return { time, version: row?.version ?? null };
}

/**
 * Every five minutes: once the installation's daily run time has passed today (and, for a
 * `perAuthority` job, each authority's own time) (by the injected clock,
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
    const own = await readAuthorityRunTimes(ctx.db);
    const installationDue = local.time >= time;
    const authoritiesDue = own.filter((a) => local.time >= a.time);
    if (!installationDue && !authoritiesDue.length) return { day: local.date, due: false };
    const daily = (ctx.deps.jobs?.definitions ?? []).filter((d) => d.daily);
    const enqueued = await ctx.db.transaction(async (tx) => {
      const names: string[] = [];
      // Once a day per (job, authority or installation): a tick after a restart catches up,
      // a time changed after today's run does not run it again.
      const claim = async (runName: string) =>
        (await tx.insert(jobDailyRun).values({ jobName: runName, runOn: local.date }).onConflictDoNothing().returning({ jobName: jobDailyRun.jobName })).length > 0;
      for (const job of daily) {
        if (installationDue && (await claim(job.name))) {
          await enqueueJob(tx, job, job.perAuthority ? { day: local.date, exceptUnitIds: own.map((a) => a.unitId) } : { day: local.date });
          names.push(job.name);
        }
        if (!job.perAuthority) continue;
        for (const a of authoritiesDue) {
          if (!(await claim(`${job.name}@${a.unitId}`))) continue;
          await enqueueJob(tx, job, { day: local.date, unitId: a.unitId });
          names.push(`${job.name}@${a.unitId}`);
        }
      }
      return names;
    });
    return { day: local.date, due: true, enqueued };
  },
});
