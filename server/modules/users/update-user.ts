import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { updateUserBody, User } from '../../../shared/api/users.schemas.js';
import { appUser } from '../../db/schema/index.js';
import type { Tx } from '../../db/client.js';
import { assertVersion, updateVersioned } from '../../db/versioned-update.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { authorizeUserManagement } from './users.policy.js';
import { presentUsers } from './users.presenter.js';
import { endSessionsOf, findManageableUserId } from './users.repository.js';
import { setUserRoles } from './set-user-roles.js';

/**
 * Edits an account the admin manages (404 otherwise): fields, roles, active, a password reset
 * (hashed by the caller). Deactivating or resetting ends the user's sessions at once.
 */
export async function updateUser(tx: Tx, ctx: RequestContext, id: string, input: Omit<z.infer<typeof updateUserBody>, 'password'> & { passwordHash?: string }): Promise<User> {
  authorizeUserManagement(ctx.actor);
  const userId = await findManageableUserId(tx, ctx.actor, id);
  if (!userId) throw AppError.notFound('user');
  const [before] = await presentUsers(tx, [userId]);
  assertVersion(before, input.version);
  const { version, roles, passwordHash, ...fields } = input;
  if (fields.active === false && userId === ctx.actor.userId) throw AppError.invalid('body.active', 'self', 'you cannot deactivate yourself');
  const changes: Record<string, unknown> = { ...fields };
  if (passwordHash) Object.assign(changes, { passwordHash, mustChangePassword: true, passwordChangedAt: sql`now()` });
  await updateVersioned(tx, appUser, userId, version, changes);
  if (roles) await setUserRoles(tx, ctx, userId, roles);
  if (fields.active === false || passwordHash) await endSessionsOf(tx, userId);
  const [after] = await presentUsers(tx, [userId]);
  await recordAudit(tx, ctx, {
    action: 'user.updated',
    entityType: 'user',
    entityId: userId,
    scope: { agencies: before.roles.map((r) => r.agencyId), users: [userId] },
    before,
    after: { ...after, passwordReset: Boolean(passwordHash) },
  });
  return after;
}
