import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { changePasswordBody, loginBody, sessionResponse } from '../../../shared/api/session.schemas.js';
import { problemSchema } from '../../../shared/api/errors.js';
import { agency, appUser, session } from '../../db/schema/index.js';
import { contextOf, requireActor, type Actor } from '../../http/actor.js';
import type { AppInstance, AppDeps } from '../../app.js';
import { recordAudit } from '../audit/audit-log.js';
import { capabilitiesOf } from '../../authz/capabilities.js';
import { changePassword } from './change-password.js';
import { DEVICE_COOKIE, DEVICE_TTL_DAYS, signIn } from './sign-in.js';
import { loadRoles, SESSION_COOKIE } from './session-store.js';
import { inArray } from 'drizzle-orm';

const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 429: problemSchema };

export async function sessionRoutes(app: AppInstance, deps: AppDeps) {
  const { db } = deps.database;
  const policy = { idleMinutes: deps.config.sessionIdleMinutes, maxHours: deps.config.sessionMaxHours };

  async function present(actor: Pick<Actor, 'userId' | 'roles' | 'csrfToken'>, expiresAt: Date) {
    const [user] = await db.select().from(appUser).where(eq(appUser.id, actor.userId));
    const agencyIds = actor.roles.map((r) => r.agencyId);
    const names = agencyIds.length
      ? await db.select({ id: agency.id, name: agency.name }).from(agency).where(inArray(agency.id, agencyIds))
      : [];
    const nameOf = new Map(names.map((n) => [n.id, n.name]));
    return {
      user: {
        id: user.id,
        username: user.username,
        fullName: user.fullName,
        locale: (user.locale === 'en' ? 'en' : 'vi') as 'vi' | 'en',
        mustChangePassword: user.mustChangePassword,
      },
      roles: actor.roles.map((r) => ({ role: r.role, agencyId: r.agencyId, agencyName: nameOf.get(r.agencyId) ?? '' })),
      ...capabilitiesOf(actor),
      csrfToken: actor.csrfToken,
      expiresAt: expiresAt.toISOString(),
    };
  }

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
      return present({ userId: result.user.id, roles, csrfToken: result.csrfToken }, result.expiresAt);
    },
  );

  app.get(
    '/api/session',
    { config: { beforePasswordChange: true }, schema: { tags: ['session'], summary: 'Who am I', response: { 200: sessionResponse, 401: problemSchema } } },
    async (request) => {
      const actor = requireActor(request);
      return present(actor, (request as unknown as { sessionExpiresAt: Date }).sessionExpiresAt);
    },
  );

  app.delete(
    '/api/session',
    { config: { beforePasswordChange: true }, schema: { tags: ['session'], summary: 'Sign out', response: { 204: z.null(), ...problems } } },
    async (request, reply) => {
      const ctx = contextOf(request);
      await db.transaction(async (tx) => {
        await tx.delete(session).where(eq(session.id, ctx.actor.sessionId));
        await recordAudit(tx, ctx, { action: 'session.signed_out', entityType: 'user', entityId: ctx.actor.userId, scope: { users: [ctx.actor.userId] } });
      });
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
