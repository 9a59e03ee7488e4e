import type { FastifyBaseLogger } from 'fastify';
import type { z } from 'zod';
import type { AppDeps } from '../app.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';

/**
 * Whose record a job concerns, stored with the job so the admin page shows its payload and error
 * only to admins of that scope. System jobs (ticks, clean-ups) carry no record data: null.
 */
export type JobScope = { agencyId: string } | { userId: string };

/** What a job's handler is given besides its payload. */
export interface JobContext {
  /** The process's dependencies (config, database, clock…), as the HTTP app gets them. */
  deps: AppDeps;
  db: Db;
  /** "Now" for the handler: never `new Date()`, so tests choose the time. */
  clock: Clock;
  log: FastifyBaseLogger;
  job: {
    id: string;
    name: string;
    /** 0 on the first attempt. */
    retryCount: number;
    retryLimit: number;
    /** A failure now is final: the job is shown as failed instead of being retried. */
    lastAttempt: boolean;
  };
}

export interface RetryPolicy {
  /** Attempts after the first one. */
  limit: number;
  /** Wait before the first retry; with `backoff` each next wait doubles (with jitter). */
  delaySeconds: number;
  backoff: boolean;
}

export interface JobDefinition<T = unknown> {
  /** The queue name: `<module>.<verb-noun>`, e.g. `notifications.send-email`. */
  name: string;
  /** Shown on the admin page. */
  title: { vi: string; en: string };
  /** Validates the payload when it is enqueued and again when it runs. Ids only, no record data. */
  payload: z.ZodType<T>;
  /**
   * Does the work. Must be idempotent: a job runs at least once (a worker that dies mid-job has
   * it run again). Open short transactions and never await the network (SMTP, LibreOffice)
   * inside one: on the embedded database there is a single connection for everybody.
   * A thrown error fails the attempt (retried per `retry`); the returned object is kept as output.
   */
  handler(data: T, ctx: JobContext): Promise<void | Record<string, unknown>>;
  retry: RetryPolicy;
  /** An attempt running longer than this is failed (and retried). */
  expireInSeconds: number;
  /** `scoped` jobs must be enqueued with a scope (see JobScope). */
  scoped: boolean;
  /** Recurring work: a cron expression in Asia/Ho_Chi_Minh; the payload is `{}`. */
  cron?: string;
  /** Run once a day at the office's daily run time (Asia/Ho_Chi_Minh); the payload is `{ day }`. */
  daily?: boolean;
  /**
   * With `daily`: each authority that set its own reminder time (`jobs.daily_run_time:<unitId>`)
   * gets its own run at that time, payload `{ day, unitId }`; the run at the installation's time
   * covers every other authority, payload `{ day, exceptUnitIds }` (server/jobs/daily.ts). The
   * handler must then work on the payload's authorities only.
   */
  perAuthority?: boolean;
  /** Parallel attempts per worker process (PostgreSQL only; the embedded database runs one). */
  concurrency: number;
  /**
   * pg-boss queue policy: `standard` (default); `short` keeps one waiting job per singleton key
   * (every job must then have a key); `singleton` runs one job per key at a time; `stately` both.
   */
  policy: 'standard' | 'short' | 'singleton' | 'stately';
}

type Optional = 'retry' | 'expireInSeconds' | 'scoped' | 'concurrency' | 'policy';

/** Retries: 5 more attempts, from 30 s doubling each time (about 15 minutes in all). */
export const DEFAULT_RETRY: RetryPolicy = { limit: 5, delaySeconds: 30, backoff: true };

/**
 * No retry: for work that may itself have brought the process down (an .xlsx import reads a
 * user's workbook in the worker's heap). A job whose process died expires and stays failed;
 * run again, it would bring the process down again (docs/decisions/import-limits.md).
 */
export const NO_RETRY: RetryPolicy = { limit: 0, delaySeconds: 0, backoff: false };

/** Every job is defined here, beside its module, and listed once in server/jobs/registry.ts. */
export function defineJob<T>(definition: Omit<JobDefinition<T>, Optional> & Partial<Pick<JobDefinition<T>, Optional>>): JobDefinition<T> {
  if (!/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/.test(definition.name)) {
    throw new Error(`job name ${definition.name}: use <module>.<verb-noun> in lower case`);
  }
  if (definition.cron && definition.daily) throw new Error(`job ${definition.name}: cron or daily, not both`);
  return {
    retry: DEFAULT_RETRY,
    expireInSeconds: 15 * 60,
    scoped: false,
    concurrency: 1,
    policy: 'standard',
    ...definition,
  };
}

/** A definition whatever its payload (the registry's element type). */
export type AnyJobDefinition = JobDefinition<unknown>;

/** What pg-boss stores as a job's data: the payload and the scope beside it. */
export interface JobEnvelope<T = unknown> {
  payload: T;
  scope: JobScope | null;
}
