import type { z } from 'zod';
import type { createUserBody, User } from '../../../shared/api/users.schemas.js';
import type { Tx } from '../../db/client.js';
import type { RequestContext } from '../../http/actor.js';
import { recordAudit } from '../audit/audit-log.js';
import { authorizeUserManagement } from './users.policy.js';
import { presentUsers } from './users.presenter.js';
import { insertUser } from './users.repository.js';
import { setUserRoles } from './set-user-roles.js';

/**
 * A new account with its roles; it must change the password at first sign-in. The password is
 * hashed by the caller (`passwordHash`), outside the transaction: argon2 takes ~70 ms.
 */
export async function createUser(tx: Tx, ctx: RequestContext, input: Omit<z.infer<typeof createUserBody>, 'password'> & { passwordHash: string }): Promise<User> {
  authorizeUserManagement(ctx.actor);
  const { roles, passwordHash, ...fields } = input;
  const row = await insertUser(tx, { ...fields, email: fields.email ?? null, passwordHash, mustChangePassword: true });
  await setUserRoles(tx, ctx, row.id, roles);
  const [presented] = await presentUsers(tx, [row.id]);
  await recordAudit(tx, ctx, { action: 'user.created', entityType: 'user', entityId: row.id, scope: { users: [row.id] }, after: presented });
  return presented;
}
