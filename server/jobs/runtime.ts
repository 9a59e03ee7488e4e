import PgBoss from 'pg-boss';
import type { FastifyBaseLogger } from 'fastify';
import type { AppDeps } from '../app.js';
import { VIETNAM_TIME_ZONE } from '../../shared/domain/vietnam-time.js';
import { systemClock } from '../clock.js';
import type { Database } from '../db/client.js';
import type { AppMetrics, JobQueueStats } from '../http/metrics.js';
import type { AnyJobDefinition, JobEnvelope } from './define.js';
import { currentJobSchema, JOBS_CHANNEL, setJobSchema } from './enqueue.js';

/** Every recurring job runs on Vietnamese time. */
export const JOBS_TIME_ZONE = VIETNAM_TIME_ZONE;
/** Failed jobs stay in the admin list this long before pg-boss archives them. */
const FAILED_VISIBLE_SECONDS = 30 * 24 * 3600;

export interface JobRuntimeOptions {
  definitions: AnyJobDefinition[];
  /** `client`: enqueue and inspect only (web servers, tests); `worker`: also runs jobs and schedules. */
  mode: 'client' | 'worker';
  log: FastifyBaseLogger;
  /** The queue's PostgreSQL schema; "pgboss" unless a test chooses its own. */
  schema?: string;
  /** How often an idle worker looks for due jobs (retries, schedules); commits wake it at once. */
  pollingIntervalSeconds?: number;
}

export type JobOutcome = 'completed' | 'retry' | 'failed';

/** The job queue of one process: pg-boss over the app's database, with our definitions. */
export interface JobRuntime {
  readonly boss: PgBoss;
  readonly schema: string;
  readonly database: Database;
  readonly definitions: AnyJobDefinition[];
  definition(name: string): AnyJobDefinition | undefined;
  /** Installs or upgrades the queue's tables and creates every queue (idempotent). */
  install(): Promise<void>;
  /** Workers for every queue, the schedules, and the wake-up on commit. Worker mode only. */
  startWorkers(): Promise<void>;
  /** One attempt of one fetched job, exactly as a worker runs it (the drain helper uses it too). */
  attempt(definition: AnyJobDefinition, job: PgBoss.JobWithMetadata<unknown>): Promise<unknown>;
  /** Every queue of the definitions, counted at once (one grouped count over pg-boss's job table). */
  queueStats(): Promise<JobQueueStats[]>;
  /**
   * Reports to the operators' metrics: the queues at each scrape, and every job this process
   * finishes (completed, or failed on its last attempt) with its run time.
   */
  reportTo(metrics: AppMetrics): void;
  stop(): Promise<void>;
}

/**
 * The embedded database has one connection for everybody: its workers poll rarely and rely on the
 * commit notification to start at once; PostgreSQL servers poll more often.
 */
function pollingSeconds(database: Database) {
  return database.kind === 'pglite' ? { poll: 30, cron: 15 } : { poll: 10, cron: 5 };
}

export function createJobRuntime(deps: AppDeps, options: JobRuntimeOptions): JobRuntime {
  const { database } = deps;
  if (options.schema) setJobSchema(options.schema);
  const schema = currentJobSchema();
  const byName = new Map(options.definitions.map((d) => [d.name, d]));
  if (byName.size !== options.definitions.length) throw new Error('two job definitions share a name');
  const worker = options.mode === 'worker';
  const polling = { ...pollingSeconds(database), ...(options.pollingIntervalSeconds ? { poll: options.pollingIntervalSeconds } : {}) };
  const log = options.log;

  const boss = new PgBoss({
    db: { executeSql: (text: string, values?: unknown[]) => database.executeSql(text, values) },
    schema,
    migrate: true,
    supervise: worker,
    schedule: worker,
    pollingIntervalSeconds: polling.poll,
    cronWorkerIntervalSeconds: polling.cron,
    archiveFailedAfterSeconds: FAILED_VISIBLE_SECONDS,
  });
  boss.on('error', (err) => log.error({ err }, 'job queue error'));

  const workerIds = new Map<string, string[]>();
  let unlisten: (() => Promise<void>) | null = null;
  let started = false;
  let metrics: AppMetrics | null = null;

  async function ensureQueue(def: AnyJobDefinition) {
    const wanted = {
      name: def.name,
      policy: def.policy,
      retryLimit: def.retry.limit,
      retryDelay: def.retry.delaySeconds,
      retryBackoff: def.retry.backoff,
      expireInSeconds: def.expireInSeconds,
    };
    const existing = await boss.getQueue(def.name);
    if (!existing) return boss.createQueue(def.name, wanted);
    const same =
      existing.policy === wanted.policy &&
      existing.retryLimit === wanted.retryLimit &&
      existing.retryDelay === wanted.retryDelay &&
      existing.retryBackoff === wanted.retryBackoff &&
      existing.expireInSeconds === wanted.expireInSeconds;
    if (!same) await boss.updateQueue(def.name, wanted);
  }

  const runtime: JobRuntime = {
    boss,
    schema,
    database,
    definitions: options.definitions,
    definition: (name) => byName.get(name),

    async install() {
      if (!started) {
        await boss.start();
        started = true;
      }
      for (const def of options.definitions) await ensureQueue(def);
    },

    async attempt(def, job) {
      const envelope = job.data as JobEnvelope;
      const payload = def.payload.parse(envelope?.payload ?? {});
      const retryCount = job.retryCount ?? 0;
      const retryLimit = job.retryLimit ?? def.retry.limit;
      const startedAt = performance.now();
      const seconds = () => (performance.now() - startedAt) / 1000;
      try {
        const output = await def.handler(payload, {
          deps,
          db: database.db,
          clock: deps.clock ?? systemClock,
          log: log.child({ job: def.name, jobId: job.id }),
          job: { id: job.id, name: def.name, retryCount, retryLimit, lastAttempt: retryCount >= retryLimit },
        });
        metrics?.observeJob(def.name, 'completed', seconds());
        return output;
      } catch (err) {
        const final = retryCount >= retryLimit;
        // An attempt that will be retried has not finished the job: only the last one counts.
        if (final) metrics?.observeJob(def.name, 'failed', seconds());
        log[final ? 'error' : 'warn']({ err, job: def.name, jobId: job.id, attempt: retryCount + 1, of: retryLimit + 1 }, final ? 'job failed' : 'job attempt failed; will retry');
        throw err;
      }
    },

    async queueStats() {
      const names = options.definitions.map((d) => d.name);
      // Waiting (created, retry), running and failed jobs only: the completed ones, the bulk of
      // the table until pg-boss archives them, are not counted.
      const { rows } = await database.executeSql(
        `select name, state::text as state, count(*)::int as n from ${schema}.job
          where name = any($1::text[]) and state in ('created', 'retry', 'active', 'failed')
          group by name, state`,
        [names],
      );
      const stats = new Map(names.map((queue) => [queue, { queue, queued: 0, active: 0, failed: 0 }]));
      for (const r of rows as { name: string; state: string; n: number }[]) {
        const s = stats.get(r.name);
        if (!s) continue;
        if (r.state === 'active') s.active += Number(r.n);
        else if (r.state === 'failed') s.failed += Number(r.n);
        else s.queued += Number(r.n);
      }
      return [...stats.values()];
    },

    reportTo(target) {
      metrics = target;
      target.setJobStatsProvider(() => runtime.queueStats());
    },

    async startWorkers() {
      if (!worker) throw new Error('startWorkers needs a runtime in worker mode');
      const concurrency = (def: AnyJobDefinition) => (database.kind === 'pglite' ? 1 : Math.max(1, def.concurrency));
      for (const def of options.definitions) {
        const ids: string[] = [];
        for (let i = 0; i < concurrency(def); i++) {
          ids.push(
            await boss.work<unknown>(def.name, { includeMetadata: true, batchSize: 1 }, async ([job]) =>
              runtime.attempt(def, job as PgBoss.JobWithMetadata<unknown>),
            ),
          );
        }
        workerIds.set(def.name, ids);
      }
      await syncSchedules();
      // A committed enqueue NOTIFYs the queue's name: its worker fetches at once instead of
      // waiting for its next poll.
      unlisten = await database.listen(JOBS_CHANNEL, (queue) => {
        for (const id of workerIds.get(queue) ?? []) boss.notifyWorker(id);
      });
    },

    async stop() {
      await unlisten?.();
      unlisten = null;
      if (started) await boss.stop({ graceful: true, timeout: 10_000, close: false, wait: true });
      started = false;
    },
  };

  /** The cron schedules in the database follow the definitions: added, changed, removed. */
  async function syncSchedules() {
    const wanted = options.definitions.filter((d) => d.cron);
    for (const def of wanted) {
      const envelope: JobEnvelope = { payload: {}, scope: null };
      await boss.schedule(def.name, def.cron!, envelope, { tz: JOBS_TIME_ZONE });
    }
    const names = new Set(wanted.map((d) => d.name));
    for (const existing of await boss.getSchedules()) {
      if (!names.has(existing.name)) await boss.unschedule(existing.name);
    }
  }

  return runtime;
}
