import { randomUUID } from 'node:crypto';
import PgBoss from 'pg-boss';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../db/client.js';
import type { JobDefinition, JobEnvelope, JobScope } from './define.js';

/** The channel on which a committed enqueue wakes the workers (NOTIFY is delivered at commit). */
export const JOBS_CHANNEL = 'par_jobs';

let jobSchema = 'pgboss';
const senders = new Map<string, PgBoss>();

/**
 * The PostgreSQL schema of the job queue in this process ("pgboss"; test files on the shared
 * PostgreSQL server each use their own). Set once by createJobRuntime.
 */
export function setJobSchema(schema: string): void {
  jobSchema = schema;
}
export const currentJobSchema = () => jobSchema;

/**
 * A pg-boss instance that is never started: only its `send` is used, always with the caller's
 * transaction as the executor, so it needs no connection of its own.
 */
function sender(): PgBoss {
  let boss = senders.get(jobSchema);
  if (!boss) {
    const noConnection: PgBoss.Db = {
      executeSql: () => Promise.reject(new Error('enqueueJob runs only on the caller’s transaction')),
    };
    boss = new PgBoss({ db: noConnection, schema: jobSchema, schedule: false, supervise: false, migrate: false });
    senders.set(jobSchema, boss);
  }
  return boss;
}

/**
 * pg-boss's executor interface over a drizzle transaction: its numbered parameters ($1…) become
 * drizzle parameters, so the statement runs on the transaction's own connection, with the
 * transaction — on PGlite and on node-postgres alike (docs/decisions/jobs-in-transactions.md).
 */
export function executorOf(tx: DbOrTx): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      const parts = text.split(/\$(\d+)/);
      const chunks: SQL[] = parts.map((part, i) => (i % 2 === 0 ? sql.raw(part) : sql`${sql.param(values[Number(part) - 1])}`));
      return { rows: await queryRows(tx, sql.join(chunks)) };
    },
  };
}

export interface EnqueueOptions {
  /** Required for scoped jobs: whose record this is (the admin page shows it only in scope). */
  scope?: JobScope;
  /**
   * At most one waiting job per key (queues with policy "short"), or one per key and time slot
   * with `singletonSeconds`: enqueueing twice then enqueues once.
   */
  singletonKey?: string;
  singletonSeconds?: number;
  /** Not before this instant (wall-clock time: for reminders prefer a scan that asks the Clock). */
  startAfter?: Date;
  /** Higher runs first; 0 by default. */
  priority?: number;
}

/**
 * Enqueues a job in the caller's transaction: it exists only if the transaction commits, so a
 * rolled-back request enqueues nothing. Returns the job id, or null when a singleton key
 * deduplicated it.
 */
export async function enqueueJob<T>(tx: DbOrTx, job: JobDefinition<T>, data: T, options: EnqueueOptions = {}): Promise<string | null> {
  if (job.scoped && !options.scope) throw new Error(`job ${job.name} concerns a record: enqueue it with a scope`);
  const envelope: JobEnvelope<T> = { payload: job.payload.parse(data), scope: options.scope ?? null };
  // pg-boss checks option keys by presence: an undefined value must not be there at all.
  const { scope: _scope, ...sendOptions } = options;
  const defined = Object.fromEntries(Object.entries(sendOptions).filter(([, v]) => v !== undefined));
  const id = await sender().send(job.name, envelope as object, { ...defined, db: executorOf(tx) });
  if (id === null && options.singletonKey === undefined) {
    // pg-boss inserts nothing for a queue that does not exist: a silent loss unless we say so.
    throw new Error(`job queue ${job.name} does not exist: list the job in server/jobs/registry.ts`);
  }
  if (id !== null) await tx.execute(sql`select pg_notify(${JOBS_CHANNEL}, ${job.name})`);
  return id;
}

/**
 * Enqueues many jobs of one kind in the caller's transaction, in one statement (pg-boss's
 * `insert`) and one wake-up: what a bulk write does instead of an enqueueJob per row. The ids are
 * chosen here and returned in order. No options (singleton keys, start times): enqueueJob has
 * them. The queue's own settings (retries, expiry) apply as they do to enqueueJob; the queue must
 * exist (listed in server/jobs/registry.ts), since pg-boss's insert says nothing when it does not.
 */
export async function enqueueJobs<T>(tx: DbOrTx, job: JobDefinition<T>, items: readonly { data: T; scope?: JobScope }[]): Promise<string[]> {
  if (!items.length) return [];
  const jobs = items.map((item) => {
    if (job.scoped && !item.scope) throw new Error(`job ${job.name} concerns a record: enqueue it with a scope`);
    const envelope: JobEnvelope<T> = { payload: job.payload.parse(item.data), scope: item.scope ?? null };
    return { id: randomUUID(), name: job.name, data: envelope as object };
  });
  await sender().insert(jobs, { db: executorOf(tx) });
  await tx.execute(sql`select pg_notify(${JOBS_CHANNEL}, ${job.name})`);
  return jobs.map((j) => j.id);
}
