import crypto from 'node:crypto';
import { z } from 'zod';
import { problemSchema } from '../../../shared/api/errors.js';
import { healthResponse } from '../../../shared/api/session.schemas.js';
import { liveResponse, readyResponse } from '../../../shared/api/system.schemas.js';
import type { AppDeps, AppInstance } from '../../app.js';
import { AppError } from '../../http/app-error.js';
import type { AppMetrics } from '../../http/metrics.js';
import { pingDatabase } from './ping-database.js';

/** A readiness probe that waits longer than this answers 503: the database is not keeping up. */
const READY_TIMEOUT_MS = 2000;

const tokenMatches = (given: string, expected: string) => {
  const a = crypto.createHash('sha256').update(given).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b);
};

/**
 * Operators' endpoints: liveness (`/api/health`, `/api/health/live`), readiness
 * (`/api/health/ready`) and metrics (`/api/metrics`, Prometheus text, with the bearer token of
 * PAR_METRICS_TOKEN — docs/decisions/operations-endpoints.md). None reads a session.
 */
export async function systemRoutes(app: AppInstance, deps: AppDeps, metrics: AppMetrics) {
  const tags = ['system'];
  // The migration this server applied or found at start; read once, not per probe.
  let migration: Promise<string> | null = null;

  app.get(
    '/api/health',
    { config: { public: true }, schema: { tags, summary: 'Liveness, with the database kind, migration and version', response: { 200: healthResponse } } },
    async () => ({
      status: 'ok' as const,
      database: deps.database.kind,
      migration: await (migration ??= deps.database.migrationVersion()),
      version: deps.version,
    }),
  );

  app.get('/api/health/live', { config: { public: true }, schema: { tags, summary: 'Liveness: the process answers (no database)', response: { 200: liveResponse } } }, async () => ({
    status: 'ok' as const,
  }));

  app.get(
    '/api/health/ready',
    { config: { public: true }, schema: { tags, summary: 'Readiness: the database answers', response: { 200: readyResponse, 503: problemSchema } } },
    async () => {
      const started = performance.now();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new AppError('NOT_READY', 'the database did not answer in time')), READY_TIMEOUT_MS);
      });
      try {
        await Promise.race([pingDatabase(deps.database), timeout]);
      } catch (err) {
        if (err instanceof AppError) throw err;
        throw new AppError('NOT_READY', 'the database cannot be reached');
      } finally {
        clearTimeout(timer);
      }
      return { status: 'ready' as const, database: deps.database.kind, databaseMs: Math.round((performance.now() - started) * 10) / 10 };
    },
  );

  app.get(
    '/api/metrics',
    { config: { public: true }, schema: { tags, summary: 'Prometheus metrics (Authorization: Bearer PAR_METRICS_TOKEN)', response: { 200: z.string(), 401: problemSchema, 404: problemSchema } } },
    async (request, reply) => {
      const expected = deps.config.metricsToken;
      if (!expected) throw new AppError('NOT_FOUND', 'metrics are off: set PAR_METRICS_TOKEN to turn them on');
      const given = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
      if (!given || !tokenMatches(given, expected)) throw new AppError('UNAUTHENTICATED', 'send Authorization: Bearer <PAR_METRICS_TOKEN>');
      return reply.type(metrics.registry.contentType).header('cache-control', 'no-store').send(await metrics.registry.metrics());
    },
  );
}
