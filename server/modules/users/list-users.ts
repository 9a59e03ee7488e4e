import type { User } from '../../../shared/api/users.schemas.js';
import type { DbOrTx } from '../../db/client.js';
import type { RequestContext } from '../../http/actor.js';
import { authorizeUserManagement } from './users.policy.js';
import { presentUsers } from './users.presenter.js';
import { manageableUserIds } from './users.repository.js';

/** The users the admin may manage. */
export async function listUsers(db: DbOrTx, ctx: RequestContext): Promise<User[]> {
  authorizeUserManagement(ctx.actor);
  return presentUsers(db, await manageableUserIds(db, ctx.actor));
}
