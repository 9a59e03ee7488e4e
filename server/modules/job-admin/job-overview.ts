import { sql } from 'drizzle-orm';
import { jobStates, type JobOverview, type JobState } from '../../../shared/api/job-admin.schemas.js';
import type { Config } from '../../config.js';
import { queryRows, type DbOrTx } from '../../db/client.js';
import { readDailyRunTime } from '../../jobs/daily.js';
import type { JobRuntime } from '../../jobs/runtime.js';

/**
 * Every queue of the registry with its jobs counted by state. Counts cover every authority: they
 * say how the queue is doing and name no record.
 */
export async function jobOverview(db: DbOrTx, jobs: JobRuntime, config: Config): Promise<JobOverview> {
  const names = jobs.definitions.map((d) => d.name);
  const rows = await queryRows<{ name: string; state: JobState; n: number }>(
    db,
    sql`select name, state::text as state, count(*)::int as n from ${sql.identifier(jobs.schema)}.job
         where name in ${names.length ? sql`(${sql.join(names.map((n) => sql`${n}`), sql`, `)})` : sql`(null)`}
         group by name, state`,
  );
  const zero = () => Object.fromEntries(jobStates.map((s) => [s, 0])) as Record<JobState, number>;
  const counts = new Map(names.map((n) => [n, zero()]));
  for (const r of rows) counts.get(r.name)![r.state] = Number(r.n);
  return {
    queues: jobs.definitions.map((d) => ({
      name: d.name,
      title: d.title,
      retryLimit: d.retry.limit,
      retryDelaySeconds: d.retry.delaySeconds,
      retryBackoff: d.retry.backoff,
      cron: d.cron ?? null,
      daily: d.daily ?? false,
      counts: counts.get(d.name)!,
    })),
    dailyRunTime: await readDailyRunTime(db),
    mail: { enabled: config.mail !== null, from: config.mail?.from ?? null },
  };
}
