import v8 from 'node:v8';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** One queue's state at scrape time, as the jobs module reports it. */
export interface JobQueueStats {
  queue: string;
  /** Waiting to run (created or retrying). */
  queued: number;
  active: number;
  /** Failed for good, still kept. */
  failed: number;
}

/** Connection-pool figures of the database client (PostgreSQL; PGlite has one connection). */
export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

/**
 * Operators' metrics in Prometheus format (`GET /api/metrics`): requests and latency by route,
 * the database pool, the process (memory, event-loop lag, GC) and jobs. One registry per app,
 * so tests that build several apps never share counters.
 */
export interface AppMetrics {
  registry: Registry;
  /** Records one answered request; `route` is the route's pattern, never the raw URL. */
  observeRequest(method: string, route: string, status: number, seconds: number): void;
  /** Where to read the pool from at each scrape (the database client). */
  setPoolStatsProvider(provider: () => PoolStats): void;
  /** The jobs module: how to read its queues at each scrape. */
  setJobStatsProvider(provider: () => Promise<JobQueueStats[]>): void;
  /** The jobs module: one finished job. */
  observeJob(queue: string, outcome: 'completed' | 'failed', seconds: number): void;
}

/** Latency buckets in seconds: 1 ms to 10 s, tight where the targets are (p95 < 100 ms). */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function createMetrics(options: { processMetrics?: boolean } = {}): AppMetrics {
  const registry = new Registry();
  if (options.processMetrics ?? true) {
    collectDefaultMetrics({ register: registry, prefix: 'par_' });
    // The heap V8 may grow to: 1 GiB under `npm start` (docs/decisions/heap-limit.md); a server
    // started without that flag shows several GiB here, and a heap that grows three times as far.
    new Gauge({
      name: 'par_nodejs_heap_size_limit_bytes',
      help: 'Largest heap V8 will grow to (--max-old-space-size plus the young generation)',
      registers: [registry],
      collect() {
        this.set(v8.getHeapStatistics().heap_size_limit);
      },
    });
  }

  const requests = new Counter({
    name: 'par_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status code',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'par_http_request_duration_seconds',
    help: 'Time from receiving a request to sending the answer, by method and route pattern',
    labelNames: ['method', 'route'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });

  let poolStats: (() => PoolStats) | null = null;
  const pool = (name: keyof PoolStats, help: string) =>
    new Gauge({
      name: `par_db_pool_${name}_connections`,
      help,
      registers: [registry],
      collect() {
        const s = poolStats?.();
        if (s) this.set(s[name]);
      },
    });
  pool('total', 'Database connections open');
  pool('idle', 'Database connections idle');
  pool('waiting', 'Queries waiting for a database connection');

  let jobStats: (() => Promise<JobQueueStats[]>) | null = null;
  // The three job gauges are collected together (the registry awaits them all at once): they
  // share one reading of the queues, so a scrape costs one query. A failed reading (database
  // gone) leaves the gauges empty instead of failing the whole scrape.
  let reading: Promise<JobQueueStats[] | null> | null = null;
  const readJobStats = () =>
    (reading ??= jobStats!()
      .catch(() => null)
      .finally(() => {
        reading = null;
      }));
  const jobGauge = (name: string, help: string, pick: (s: JobQueueStats) => number) => {
    const gauge = new Gauge({
      name,
      help,
      labelNames: ['queue'] as const,
      registers: [registry],
      async collect() {
        if (!jobStats) return;
        const stats = await readJobStats();
        gauge.reset();
        for (const s of stats ?? []) gauge.set({ queue: s.queue }, pick(s));
      },
    });
    return gauge;
  };
  jobGauge('par_jobs_queued', 'Jobs waiting to run, by queue', (s) => s.queued);
  jobGauge('par_jobs_active', 'Jobs running, by queue', (s) => s.active);
  jobGauge('par_jobs_failed', 'Jobs failed for good and kept, by queue', (s) => s.failed);
  const jobsFinished = new Counter({
    name: 'par_jobs_finished_total',
    help: 'Jobs finished by this server, by queue and outcome',
    labelNames: ['queue', 'outcome'] as const,
    registers: [registry],
  });
  const jobDuration = new Histogram({
    name: 'par_job_duration_seconds',
    help: 'Run time of finished jobs, by queue',
    labelNames: ['queue'] as const,
    buckets: [0.1, 0.5, 1, 5, 15, 60, 300, 900],
    registers: [registry],
  });

  return {
    registry,
    observeRequest(method, route, status, seconds) {
      requests.inc({ method, route, status: String(status) });
      latency.observe({ method, route }, seconds);
    },
    setPoolStatsProvider(provider) {
      poolStats = provider;
    },
    setJobStatsProvider(provider) {
      jobStats = provider;
    },
    observeJob(queue, outcome, seconds) {
      jobsFinished.inc({ queue, outcome });
      jobDuration.observe({ queue }, seconds);
    },
  };
}
