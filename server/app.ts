import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest, type RawServerDefault } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import cookie from '@fastify/cookie';
import compress from '@fastify/compress';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from '@fastify/type-provider-zod';
import { systemClock, type Clock } from './clock.js';
import type { Config, TrustProxy } from './config.js';
import type { Database } from './db/client.js';
import { requestCosts, type RequestCost } from './db/request-costs.js';
import { clientErrorHandler, frameworkErrorHandler, registerErrorHandler, sendProblem } from './http/error-handler.js';
import { enforceStrictQueries, parseQueryString } from './http/query-params.js';
import { enforceStrictBodies } from './http/strict-bodies.js';
import { createMetrics, type AppMetrics } from './http/metrics.js';
import { RequestLog } from './http/request-log.js';
import { securityHeaders } from './http/security-headers.js';
import { sameOriginRequest } from './http/origin-check.js';
import { systemRoutes } from './modules/system/system.routes.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { documentRegisterRoutes } from './modules/document-register/document-register.routes.js';
import { planRoutes } from './modules/plans/plans.routes.js';
import { calendarRoutes } from './modules/calendar/calendar.routes.js';
import { registryRoutes } from './modules/registry/registry.routes.js';
import { sessionRoutes } from './modules/session/session.routes.js';
import { loadActor, SESSION_COOKIE } from './modules/session/session-store.js';
import { settingsRoutes } from './modules/settings/settings.routes.js';
import { teamRoutes } from './modules/teams/teams.routes.js';
import { inspectionRoutes } from './modules/inspections/inspections.routes.js';
import { scheduleProposalRoutes } from './modules/schedule-proposals/schedule-proposals.routes.js';
import { drawRoutes } from './modules/draws/draws.routes.js';
import { noticeRoutes } from './modules/notices/notices.routes.js';
import { conclusionRoutes } from './modules/conclusions/conclusions.routes.js';
import { minutesRoutes } from './modules/minutes/minutes.routes.js';
import { correctiveActionRoutes } from './modules/corrective-actions/corrective-actions.routes.js';
import { escalationRoutes } from './modules/escalations/escalations.routes.js';
import { calendarFeedRoutes } from './modules/inspections/calendar-feed.js';
import { documentRoutes } from './documents/documents.routes.js';
import { FileStorage } from './files/file-storage.js';
import { fileRoutes } from './files/files.routes.js';
import { userRoutes } from './modules/users/users.routes.js';
import { createJobRuntime, type JobRuntime } from './jobs/runtime.js';
import { jobRegistry } from './jobs/registry.js';
import { jobAdminRoutes } from './modules/job-admin/job-admin.routes.js';
import { notificationRoutes } from './notifications/notifications.routes.js';
import { indicesRoutes } from './modules/indices/indices.routes.js';
import { checklistRoutes } from './modules/checklists/checklists.routes.js';
import { findingRoutes } from './modules/findings/findings.routes.js';
import { dashboardRoutes } from './modules/dashboard/dashboard.routes.js';
import { resultsReportRoutes } from './modules/results-reports/results-reports.routes.js';
import { signatureRoutes } from './modules/signatures/signatures.routes.js';
import { reportRoutes } from './modules/reports/reports.routes.js';
import { assignedTaskRoutes } from './modules/assigned-tasks/assigned-tasks.routes.js';
import { selfInspectionRoutes } from './modules/self-inspections/self-inspections.routes.js';
import { difficultyRoutes } from './modules/difficulties/difficulties.routes.js';
import { blockedUntilPasswordChange, sessionLifetime } from './modules/session/session.policy.js';

export type AppInstance = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

export interface AppDeps {
  config: Config;
  database: Database;
  version: string;
  logger?: boolean | object;
  /** The time source; tests pass a ManualClock. Defaults to the system clock. */
  clock?: Clock;
  /** The job queue (server/jobs); a client of the default queue when absent. */
  jobs?: JobRuntime;
  /** File storage; built from the configuration (PAR_FILES_DIR, PAR_MAX_FILE_MB) when omitted. */
  files?: FileStorage;
  /** Operators' metrics; built here when not given (main.ts may share one with the job worker). */
  metrics?: AppMetrics;
}

/** The clock of an app's dependencies (the system clock unless a test chose one). */
export const clockOf = (deps: AppDeps): Clock => deps.clock ?? systemClock;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route answers without a session (sign-in, health). */
    public?: boolean;
    /** The route serves an account that must change its password (who-am-I, sign-out, the change). */
    beforePasswordChange?: boolean;
    /** The route reads the session when there is one and answers without one too (the app's session check). */
    sessionOptional?: boolean;
  }
  interface FastifyInstance {
    /** Operators' metrics (http/metrics.ts): the jobs module reports its queues here. */
    metrics: AppMetrics;
  }
}

/** Fastify's trustProxy from ours: a hop count trusts that many proxies nearest the server. */
function trustProxyOption(trust: TrustProxy): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return trust;
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Builds the HTTP application around its dependencies, with no I/O of its own: main.ts and the
 * tests both call it. Every request under /api is authenticated from the session cookie here;
 * each route then authorizes with its resource's policy.
 */
export async function buildApp(deps: AppDeps): Promise<AppInstance> {
  const app = Fastify({
    logger: deps.logger ?? false,
    trustProxy: trustProxyOption(deps.config.trustProxy),
    genReqId: () => crypto.randomUUID(),
    bodyLimit: 2 * 1024 * 1024,
    logController: new RequestLog(deps.config.slowRequestMs),
    routerOptions: { querystringParser: parseQueryString },
    // Errors raised before a route runs leave as problem+json too (error-handler.ts).
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  enforceStrictQueries(app);

  if (deps.config.requestCosts) countRequestCosts(app);
  // Security headers: computed once (http/security-headers.ts), one assignment per response.
  const headers = securityHeaders({ secureCookies: deps.config.secureCookies });
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(headers);
    // API answers carry personal data and change with every write: no cache, shared or private,
    // may keep them. A route that sets its own Cache-Control (the calendar feed) overrides this;
    // the web app's files (serveWeb) set theirs. By the matched route ("/%61pi/…" too) or the raw URL (no route).
    if ((request.routeOptions.url ?? '').startsWith('/api/') || request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    done();
  });
  // Metrics: one observation per answered request, by route pattern (never the raw URL).
  const metrics = deps.metrics ?? createMetrics();
  if (deps.database.poolStats) metrics.setPoolStatsProvider(deps.database.poolStats);
  app.decorate('metrics', metrics);
  // The job queue's gauges are read at each scrape; a worker in this process observes each job it finishes.
  const jobs = deps.jobs ?? createJobRuntime(deps, { definitions: jobRegistry, mode: 'client', log: app.log });
  jobs.reportTo(metrics);
  app.addHook('onResponse', (request, reply, done) => {
    metrics.observeRequest(request.method, request.routeOptions.url ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
  // gzip or brotli above 1 KB (a 10 MB list is ~1 MB gzipped); brotli at quality 4, which is
  // faster than gzip's default and smaller — quality 11 (zlib's default) would cost seconds.
  await app.register(compress, {
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
    zlibOptions: { level: 5 },
  });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'PAR Inspect API', description: 'Hệ thống quản lý kiểm tra công tác cải cách hành chính', version: deps.version },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.decorateRequest('actor', null);
  const policy = sessionLifetime(deps.config);
  // Decide by the matched route, never by the raw URL: "/%61pi/…" routes to "/api/…" too.
  const isApiRoute = (request: FastifyRequest) => {
    const route = request.routeOptions.url ?? '';
    return route.startsWith('/api/') && !route.startsWith('/api/docs');
  };
  app.addHook('onRequest', async (request) => {
    // Public routes (health, sign-in) never read the session: no database round trip for them.
    if (!isApiRoute(request) || request.routeOptions.config?.public) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const loaded = await loadActor(deps.database.db, token, policy);
    if (loaded) {
      const { expiresAt, ...actor } = loaded;
      request.actor = actor;
      (request as unknown as { sessionExpiresAt: Date }).sessionExpiresAt = expiresAt;
    }
  });
  // First the origin of every write, sign-in included (403 CROSS_ORIGIN_REQUEST): one sent by a
  // page of another site is refused whatever it carries, one that names no origin at all still
  // needs the token (docs/decisions/origin-check.md). Then authentication (401), then CSRF on
  // every mutation (403): a double-submit of the per-session token in a header a cross-site form
  // cannot set. Before the body is validated, so a caller without a session (or a cross-site
  // form) learns nothing from validation errors and costs no validation work (found by the
  // authorization matrix: an anonymous POST with a wrong body answered 400 with its fields).
  const allowedOrigins = new Set(deps.config.allowedOrigins);
  app.addHook('preValidation', async (request, reply) => {
    if (!isApiRoute(request)) return;
    if (MUTATING.has(request.method) && !sameOriginRequest(request, allowedOrigins)) {
      return sendProblem(request, reply, 'CROSS_ORIGIN_REQUEST', 'send writes from a page of this application (its Origin or Referer)');
    }
    if (request.routeOptions.config?.public) return;
    if (!request.actor) {
      if (request.routeOptions.config?.sessionOptional && !MUTATING.has(request.method)) return;
      return sendProblem(request, reply, 'UNAUTHENTICATED', 'sign in first');
    }
    if (MUTATING.has(request.method) && request.headers['x-csrf-token'] !== request.actor.csrfToken) {
      return sendProblem(request, reply, 'CSRF_TOKEN_INVALID', 'send the x-csrf-token header from the session');
    }
    if (blockedUntilPasswordChange(request.actor, request.routeOptions.config?.beforePasswordChange === true)) {
      return sendProblem(request, reply, 'PASSWORD_CHANGE_REQUIRED', 'change your password first (POST /api/session/password)');
    }
  });

  await app.register(async (api) => {
    // Every JSON body refuses a field it does not know (400 `unknown`), never strips it
    // (docs/decisions/strict-request-bodies.md). Installed before any route is registered.
    enforceStrictBodies(api);
    const typed = api as unknown as AppInstance;
    await systemRoutes(typed, deps, metrics);
    await sessionRoutes(typed, deps);
    await registryRoutes(typed, deps);
    await auditRoutes(typed, deps);
    await userRoutes(typed, deps);
    await planRoutes(typed, deps);
    await teamRoutes(typed, deps);
    await settingsRoutes(typed, deps);
    await inspectionRoutes(typed, deps);
    await noticeRoutes(typed, deps);
    await drawRoutes(typed, deps);
    await scheduleProposalRoutes(typed, deps);
    await checklistRoutes(typed, deps);
    await findingRoutes(typed, deps);
    await minutesRoutes(typed, deps);
    await conclusionRoutes(typed, deps);
    await correctiveActionRoutes(typed, deps);
    await escalationRoutes(typed, deps);
    await calendarFeedRoutes(typed, deps);
    await signatureRoutes(typed, deps);
    await documentRegisterRoutes(typed, deps);
    await calendarRoutes(typed, deps);
    await jobAdminRoutes(typed, deps, jobs);
    await notificationRoutes(typed, deps);
    await indicesRoutes(typed, deps);
    await dashboardRoutes(typed, deps);
    await resultsReportRoutes(typed, deps);
    await reportRoutes(typed, deps);
    await assignedTaskRoutes(typed, deps);
    await selfInspectionRoutes(typed, deps);
    await difficultyRoutes(typed, deps);
    await documentRoutes(typed, deps);
    await fileRoutes(typed, { ...deps, files: deps.files ?? FileStorage.fromConfig(deps.config) });
  });

  await serveWeb(app, deps.config.webDistDir);
  return app;
}

/**
 * Load runs only (PAR_REQUEST_COSTS): each answer says how many statements it sent to the
 * database (x-db-queries) and the process's CPU time so far in µs (x-cpu-us; two answers in a
 * row differ by what the second cost). The request runs inside its cost record from the first
 * hook; the body is parsed in the socket's context, so preValidation enters it again.
 */
function countRequestCosts(app: AppInstance) {
  const costs = new WeakMap<FastifyRequest, RequestCost>();
  app.addHook('onRequest', (request, _reply, done) => {
    const cost = { queries: 0 };
    costs.set(request, cost);
    requestCosts.run(cost, done);
  });
  app.addHook('preValidation', (request, _reply, done) => {
    const cost = costs.get(request);
    if (cost) requestCosts.run(cost, done);
    else done();
  });
  app.addHook('onSend', (request, reply, _payload, done) => {
    const cpu = process.cpuUsage();
    reply.header('x-db-queries', String(costs.get(request)?.queries ?? 0));
    reply.header('x-cpu-us', String(cpu.user + cpu.system));
    done();
  });
}

/** Built assets carry a content hash in their name: they never change, so browsers keep them a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The built single-page app, with index.html for every non-API path (client-side routing).
 * Every file is served by @fastify/static with its cache header set here: hashed assets for a
 * year, everything else revalidated. Assets precompressed at build (.br, .gz) are sent as they
 * are; anything else is compressed on the fly.
 */
async function serveWeb(app: AppInstance, dir: string) {
  const index = path.join(dir, 'index.html');
  if (!fs.existsSync(index)) return;
  const assets = path.join(dir, 'assets') + path.sep;
  await app.register(fastifyStatic, {
    root: dir,
    wildcard: false,
    index: false,
    cacheControl: false,
    preCompressed: true,
    setHeaders(reply, file) {
      reply.header('cache-control', file.startsWith(assets) ? IMMUTABLE : 'no-cache');
    },
  });
  const sendIndex = (reply: FastifyReply) => reply.header('cache-control', 'no-cache').sendFile('index.html');
  app.get('/', { schema: { hide: true } }, (_req, reply) => sendIndex(reply));
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    if (request.url.startsWith('/api/')) return sendProblem(request, reply, 'NOT_FOUND', 'no such endpoint');
    // A hashed asset that is not there (an old tab after a deploy): 404, never index.html,
    // which the browser would cache for a year under the asset's name.
    if (request.url.startsWith('/assets/')) return sendProblem(request, reply, 'NOT_FOUND', 'no such file');
    return sendIndex(reply);
  });
}
