import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyRequest, type RawServerDefault } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from '@fastify/type-provider-zod';
import { systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { registerErrorHandler, sendProblem } from './http/error-handler.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { documentRegisterRoutes } from './modules/document-register/document-register.routes.js';
import { planRoutes } from './modules/plans/plans.routes.js';
import { calendarRoutes } from './modules/calendar/calendar.routes.js';
import { registryRoutes } from './modules/registry/registry.routes.js';
import { sessionRoutes } from './modules/session/session.routes.js';
import { loadActor, SESSION_COOKIE } from './modules/session/session-store.js';
import { settingsRoutes } from './modules/settings/settings.routes.js';
import { teamRoutes } from './modules/teams/teams.routes.js';
import { userRoutes } from './modules/users/users.routes.js';

export type AppInstance = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

export interface AppDeps {
  config: Config;
  database: Database;
  version: string;
  logger?: boolean | object;
  /** The time source; tests pass a ManualClock. Defaults to the system clock. */
  clock?: Clock;
}

/** The clock of an app's dependencies (the system clock unless a test chose one). */
export const clockOf = (deps: AppDeps): Clock => deps.clock ?? systemClock;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route answers without a session (sign-in, health). */
    public?: boolean;
    /** The route serves an account that must change its password (who-am-I, sign-out, the change). */
    beforePasswordChange?: boolean;
  }
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
    trustProxy: deps.config.trustProxy,
    genReqId: () => crypto.randomUUID(),
    bodyLimit: 2 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        frameSrc: ["'self'", 'blob:'],
        objectSrc: ["'self'", 'blob:'],
        upgradeInsecureRequests: deps.config.secureCookies ? [] : null,
      },
    },
    hsts: deps.config.secureCookies,
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
  const policy = { idleMinutes: deps.config.sessionIdleMinutes, maxHours: deps.config.sessionMaxHours };
  // Decide by the matched route, never by the raw URL: "/%61pi/…" routes to "/api/…" too.
  const isApiRoute = (request: FastifyRequest) => {
    const route = request.routeOptions.url ?? '';
    return route.startsWith('/api/') && !route.startsWith('/api/docs');
  };
  app.addHook('onRequest', async (request) => {
    if (!isApiRoute(request)) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const loaded = await loadActor(deps.database.db, token, policy);
    if (loaded) {
      const { expiresAt, ...actor } = loaded;
      request.actor = actor;
      (request as unknown as { sessionExpiresAt: Date }).sessionExpiresAt = expiresAt;
    }
  });
  // Authentication first (401), then CSRF on every mutation (403): a double-submit of the
  // per-session token in a header a cross-site form cannot set.
  app.addHook('preHandler', async (request, reply) => {
    if (!isApiRoute(request)) return;
    if (request.routeOptions.config?.public) return;
    if (!request.actor) return sendProblem(request, reply, 'UNAUTHENTICATED', 'sign in first');
    if (MUTATING.has(request.method) && request.headers['x-csrf-token'] !== request.actor.csrfToken) {
      return sendProblem(request, reply, 'CSRF_TOKEN_INVALID', 'send the x-csrf-token header from the session');
    }
    if (request.actor.mustChangePassword && !request.routeOptions.config?.beforePasswordChange) {
      return sendProblem(request, reply, 'PASSWORD_CHANGE_REQUIRED', 'change your password first (POST /api/session/password)');
    }
  });

  await app.register(async (api) => {
    const typed = api as unknown as AppInstance;
    await sessionRoutes(typed, deps);
    await registryRoutes(typed, deps);
    await auditRoutes(typed, deps);
    await userRoutes(typed, deps);
    await settingsRoutes(typed, deps);
    await planRoutes(typed, deps);
    await teamRoutes(typed, deps);
    await documentRegisterRoutes(typed, deps);
    await calendarRoutes(typed, deps);
  });

  await serveWeb(app, deps.config.webDistDir);
  return app;
}

/** The built single-page app, with index.html for every non-API path (client-side routing). */
async function serveWeb(app: AppInstance, dir: string) {
  const index = path.join(dir, 'index.html');
  if (!fs.existsSync(index)) return;
  await app.register(fastifyStatic, { root: dir, wildcard: false, index: false });
  const sendIndex = (reply: { type: (t: string) => { send: (b: unknown) => unknown } }) =>
    reply.type('text/html; charset=utf-8').send(fs.createReadStream(index));
  app.get('/', { schema: { hide: true } }, (_req, reply) => sendIndex(reply));
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    if (request.url.startsWith('/api/')) return sendProblem(request, reply, 'NOT_FOUND', 'no such endpoint');
    const file = path.join(dir, decodeURIComponent(request.url.split('?')[0]));
    if (file.startsWith(dir) && fs.existsSync(file) && fs.statSync(file).isFile()) {
      return reply.sendFile(path.relative(dir, file), { maxAge: request.url.startsWith('/assets/') ? '365d' : 0, immutable: request.url.startsWith('/assets/') });
    }
    return sendIndex(reply);
  });
}
