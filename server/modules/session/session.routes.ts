import { z } from 'zod';
import { changePasswordBody, currentSessionResponse, loginBody, sessionResponse } from '../../../shared/api/session.schemas.js';
import { problemSchema } from '../../../shared/api/errors.js';
import { contextOf, requireActor } from '../../http/actor.js';
import type { AppInstance, AppDeps } from '../../app.js';
import { changePassword } from './change-password.js';
import { DEVICE_COOKIE, DEVICE_TTL_DAYS, signIn } from './sign-in.js';
import { loadRoles, SESSION_COOKIE } from './session-store.js';
import { presentSession } from './session.presenter.js';
import { sessionLifetime } from './session.policy.js';
import { signOut } from './sign-out.js';

const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 429: problemSchema };

export async function sessionRoutes(app: AppInstance, deps: AppDeps) {
  const { db } = deps.database;
  const policy = sessionLifetime(deps.config);

  app.post(
    '/api/session',
    {
      config: { public: true },
      schema: { tags: ['session'], summary: 'Sign in', body: loginBody, response: { 200: sessionResponse, ...problems } },
    },
    async (request, reply) => {
      const result = await signIn(db, {
        ...request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        requestId: request.id,
        policy,
        deviceToken: request.cookies[DEVICE_COOKIE] ?? null,
      });
      if (result.deviceToken) {
        // Only the sign-in endpoint ever reads it.
        reply.setCookie(DEVICE_COOKIE, result.deviceToken, {
          path: '/api/session',
          httpOnly: true,
          sameSite: 'strict',
          secure: deps.config.secureCookies,
          maxAge: DEVICE_TTL_DAYS * 24 * 3600,
        });
      }
      reply.setCookie(SESSION_COOKIE, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: deps.config.secureCookies,
        maxAge: deps.config.sessionMaxHours * 3600,
      });
      const roles = await loadRoles(db, result.user.id);
      return presentSession(db, { userId: result.user.id, roles, csrfToken: result.csrfToken }, result.expiresAt);
    },
  );

  app.get(
    '/api/session',
    { config: { beforePasswordChange: true }, schema: { tags: ['session'], summary: 'Who am I', response: { 200: sessionResponse, 401: problemSchema } } },
    async (request) => {
      const actor = requireActor(request);
      return presentSession(db, actor, (request as unknown as { sessionExpiresAt: Date }).sessionExpiresAt);
    },
  );

  app.get(
    '/api/session/current',
    {
      config: { beforePasswordChange: true, sessionOptional: true },
      schema: { tags: ['session'], summary: 'Who am I, if anyone: the session, or null when not signed in (200 either way)', response: { 200: currentSessionResponse } },
    },
    async (request) => {
      if (!request.actor) return null;
      return presentSession(db, request.actor, (request as unknown as { sessionExpiresAt: Date }).sessionExpiresAt);
    },
  );

  app.delete(
    '/api/session',
    { config: { beforePasswordChange: true }, schema: { tags: ['session'], summary: 'Sign out', response: { 204: z.null(), ...problems } } },
    async (request, reply) => {
      await signOut(db, contextOf(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/session/password',
    { config: { beforePasswordChange: true }, schema: { tags: ['session'], summary: 'Change my password', body: changePasswordBody, response: { 204: z.null(), ...problems } } },
    async (request, reply) => {
      await changePassword(db, contextOf(request), request.body);
      return reply.status(204).send(null);
    },
  );
}
