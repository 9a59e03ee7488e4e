import { and, eq, inArray, sql } from 'drizzle-orm';
import { idParams } from '../../../shared/api/common.js';
import { problemSchema } from '../../../shared/api/errors.js';
import { createUserBody, updateUserBody, userListResponse, userSchema, type User } from '../../../shared/api/users.schemas.js';
import type { RoleName } from '../../../shared/api/session.schemas.js';
import { agency, appUser, session, userRole } from '../../db/schema/index.js';
import type { DbOrTx, Tx } from '../../db/client.js';
import { assertVersion, updateVersioned } from '../../db/versioned-update.js';
import type { AppDeps, AppInstance } from '../../app.js';
import { contextOf, type RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { authorize } from '../../authz/guard.js';
import { agencyColumns, agencyInReach } from '../../authz/scope.js';
import { hashPassword } from '../session/passwords.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

function requireAdmin(ctx: RequestContext) {
  authorize(ctx.actor, 'user.manage', 'only admins manage users');
}

/**
 * Users an admin may manage: every one of their roles lies inside the admin's scope. A user with
 * a role elsewhere (another authority) is managed by an admin whose scope covers all of them,
 * never by one who could reset the password of an account that acts for someone else.
 * Every user holds at least one role (createUserBody and updateUserBody require it), so no
 * account floats outside every scope.
 */
const manageableUsers = (ctx: RequestContext) => sql`(
  select u.id from app_user u
   where exists (select 1 from user_role r where r.user_id = u.id)
     and not exists (select 1 from user_role r join agency ra on ra.id = r.agency_id
                      where r.user_id = u.id and not ${agencyInReach(ctx.actor, 'user.manage', agencyColumns('ra'))}))`;

async function presentUsers(tx: DbOrTx, ids: string[]): Promise<User[]> {
  if (!ids.length) return [];
  const users = await tx.select().from(appUser).where(inArray(appUser.id, ids)).orderBy(appUser.username);
  const roles = await tx
    .select({ userId: userRole.userId, role: userRole.role, agencyId: userRole.agencyId, agencyName: agency.name })
    .from(userRole)
    .innerJoin(agency, eq(agency.id, userRole.agencyId))
    .where(inArray(userRole.userId, ids));
  return users.map((u) => ({
    id: u.id,
    username: u.username,
    fullName: u.fullName,
    email: u.email,
    active: u.active,
    version: u.version,
    roles: roles.filter((r) => r.userId === u.id).map((r) => ({ role: r.role as RoleName, agencyId: r.agencyId, agencyName: r.agencyName })),
  }));
}

async function setRoles(tx: Tx, ctx: RequestContext, userId: string, roles: { role: RoleName; agencyId: string }[]) {
  const agencyIds = [...new Set(roles.map((r) => r.agencyId))];
  const inScope = agencyIds.length
    ? await tx.select({ id: agency.id }).from(agency).where(and(inArray(agency.id, agencyIds), agencyInReach(ctx.actor, 'user.manage', agency)))
    : [];
  const allowed = new Set(inScope.map((a) => a.id));
  roles.forEach((r, i) => {
    if (!allowed.has(r.agencyId)) throw AppError.invalid(`body.roles.${i}.agencyId`, 'out_of_scope', 'the agency is outside your scope');
  });
  await tx.delete(userRole).where(eq(userRole.userId, userId));
  const unique = [...new Map(roles.map((r) => [`${r.role}/${r.agencyId}`, r])).values()];
  if (unique.length) await tx.insert(userRole).values(unique.map((r) => ({ userId, ...r })));
}

export async function userRoutes(app: AppInstance, deps: AppDeps) {
  const { db } = deps.database;

  app.get('/api/users', { schema: { tags: ['users'], response: { 200: userListResponse, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    requireAdmin(ctx);
    const ids = await db.select({ id: appUser.id }).from(appUser).where(sql`${appUser.id} in ${manageableUsers(ctx)}`);
    return { items: await presentUsers(db, ids.map((r) => r.id)) };
  });

  app.post('/api/users', { schema: { tags: ['users'], body: createUserBody, response: { 201: userSchema, ...errors } } }, async (request, reply) => {
    const ctx = contextOf(request);
    requireAdmin(ctx);
    const { roles, password, ...fields } = request.body;
    const passwordHash = await hashPassword(password);
    const user = await db.transaction(async (tx) => {
      const [row] = await tx.insert(appUser).values({ ...fields, email: fields.email ?? null, passwordHash, mustChangePassword: true }).returning();
      await setRoles(tx, ctx, row.id, roles);
      const [presented] = await presentUsers(tx, [row.id]);
      await recordAudit(tx, ctx, { action: 'user.created', entityType: 'user', entityId: row.id, scope: { users: [row.id] }, after: presented });
      return presented;
    });
    return reply.status(201).send(user);
  });

  app.patch('/api/users/:id', { schema: { tags: ['users'], params: idParams, body: updateUserBody, response: { 200: userSchema, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    requireAdmin(ctx);
    return db.transaction(async (tx) => {
      const [visible] = await tx.select({ id: appUser.id }).from(appUser).where(sql`${appUser.id} = ${request.params.id} and ${appUser.id} in ${manageableUsers(ctx)}`);
      if (!visible) throw AppError.notFound('user');
      const [before] = await presentUsers(tx, [visible.id]);
      assertVersion(before, request.body.version);
      const { version, roles, password, ...fields } = request.body;
      if (fields.active === false && visible.id === ctx.actor.userId) throw AppError.invalid('body.active', 'self', 'you cannot deactivate yourself');
      const changes: Record<string, unknown> = { ...fields };
      if (password) Object.assign(changes, { passwordHash: await hashPassword(password), mustChangePassword: true, passwordChangedAt: sql`now()` });
      await updateVersioned(tx, appUser, visible.id, version, changes);
      if (roles) await setRoles(tx, ctx, visible.id, roles);
      // A deactivated user or a reset password ends the user's sessions at once.
      if (fields.active === false || password) await tx.delete(session).where(eq(session.userId, visible.id));
      const [after] = await presentUsers(tx, [visible.id]);
      await recordAudit(tx, ctx, { action: 'user.updated', entityType: 'user', entityId: visible.id, scope: { agencies: before.roles.map((r) => r.agencyId), users: [visible.id] }, before, after: { ...after, passwordReset: Boolean(password) } });
      return after;
    });
  });
}
