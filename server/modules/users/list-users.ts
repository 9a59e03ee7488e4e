import type { User } from '../../../shared/api/users.schemas.js';
import type { DbOrTx } from '../../db/client.js';
import type { RequestContext } from '../../http/actor.js';
import { authorizeUserManagement } from './users.policy.js';
import { presentUsers } from './users.presenter.js';
import { pageManageableUserIds } from './users.repository.js';

/** A page of the users the admin may manage, by username. */
export async function listUsers(db: DbOrTx, ctx: RequestContext, query: { q?: string; after?: string; limit: number }): Promise<{ items: User[]; nextCursor: string | null; total: number }> {
  authorizeUserManagement(ctx.actor);
  const page = await pageManageableUserIds(db, ctx.actor, query);
  return { items: await presentUsers(db, page.ids), nextCursor: page.nextCursor, total: page.total };
}
