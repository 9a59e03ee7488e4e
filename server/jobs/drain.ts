import type PgBoss from 'pg-boss';
import type { JobOutcome, JobRuntime } from './runtime.js';

export interface DrainedJob {
  name: string;
  id: string;
  outcome: JobOutcome;
  /** The error of a failed attempt. */
  error?: string;
}

export interface DrainOptions {
  /**
   * Also run the jobs that would be due this many milliseconds from now: a retry waiting out its
   * back-off, a job enqueued with startAfter. (The queue moves forward; move a ManualClock
   * yourself if the handlers must see the time move too.)
   */
  advanceMs?: number;
  /** Only these queues (default: all). */
  queues?: string[];
  /** A safety stop for a job that keeps enqueueing itself. */
  maxJobs?: number;
}

/**
 * Runs the queue until nothing is due, without workers or timers: fetches each due job and runs
 * it with the same code a worker uses, completing or failing it in pg-boss (retries included).
 * Jobs enqueued by the jobs it runs are run too. For tests, and for a one-off "run what is due".
 */
export async function drainJobs(runtime: JobRuntime, options: DrainOptions = {}): Promise<DrainedJob[]> {
  const definitions = runtime.definitions.filter((d) => !options.queues || options.queues.includes(d.name));
  const names = definitions.map((d) => d.name);
  const maxJobs = options.maxJobs ?? 1000;
  if (options.advanceMs) {
    await runtime.database.executeSql(
      `update ${runtime.schema}.job set start_after = now() - interval '1 millisecond'
        where name = any($1::text[]) and state < 'active' and start_after < now() + $2::int * interval '1 millisecond'`,
      [names, Math.round(options.advanceMs)],
    );
  }
  const report: DrainedJob[] = [];
  for (;;) {
    let ran = 0;
    for (const definition of definitions) {
      const jobs = (await runtime.boss.fetch<unknown>(definition.name, { includeMetadata: true, batchSize: 20 })) as PgBoss.JobWithMetadata<unknown>[];
      for (const job of jobs) {
        ran++;
        if (report.length >= maxJobs) throw new Error(`drainJobs: more than ${maxJobs} jobs; does a job enqueue itself?`);
        try {
          const output = await runtime.attempt(definition, job);
          await runtime.boss.complete(definition.name, job.id, (output ?? undefined) as object);
          report.push({ name: definition.name, id: job.id, outcome: 'completed' });
        } catch (err) {
          await runtime.boss.fail(definition.name, job.id, err as object);
          const final = (job.retryCount ?? 0) >= (job.retryLimit ?? 0);
          report.push({ name: definition.name, id: job.id, outcome: final ? 'failed' : 'retry', error: err instanceof Error ? err.message : String(err) });
        }
      }
    }
    if (ran === 0) return report;
  }
}
