import { sql, type SQL } from 'drizzle-orm';
import { authorize } from '../../authz/guard.js';
import { agencyColumns, agencyInReach } from '../../authz/scope.js';
import type { Actor } from '../../http/actor.js';

/** Only admins manage accounts (`user.manage`), each inside their scope. */
export function authorizeUserManagement(actor: Actor): void {
  authorize(actor, 'user.manage', 'only admins manage users');
}

/**
 * SQL: ids of the users an admin may manage: every one of their roles lies inside the admin's
 * scope. A user with a role elsewhere (another authority) is managed by an admin whose scope
 * covers all of them, never by one who could reset the password of an account that acts for
 * someone else. Every user holds at least one role (createUserBody and updateUserBody require
 * it), so no account floats outside every scope.
 */
export const manageableUsers = (actor: Actor): SQL => sql`(
  select u.id from app_user u
   where exists (select 1 from user_role r where r.user_id = u.id)
     and not exists (select 1 from user_role r join agency ra on ra.id = r.agency_id
                      where r.user_id = u.id and not ${agencyInReach(actor, 'user.manage', agencyColumns('ra'))}))`;
