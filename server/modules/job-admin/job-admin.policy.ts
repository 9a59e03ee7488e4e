import { sql, type SQL } from 'drizzle-orm';
import { hasRole, type Actor } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { agencyColumns, agencyInReach } from '../../authz/scope.js';

/** The job queue and the e-mail status are for admins only. */
export function requireJobAdmin(actor: Actor): void {
  if (!hasRole(actor, 'admin')) throw new AppError('FORBIDDEN', 'only admins see the job queue');
}

/**
 * SQL: the users an admin manages (every role of theirs inside the admin's scope; the users
 * module's rule), as text ids.
 */
export const managedUserIds = (actor: Actor): SQL => sql`(
  select u.id::text from app_user u
   where exists (select 1 from user_role r where r.user_id = u.id)
     and not exists (select 1 from user_role r join agency ra on ra.id = r.agency_id
                      where r.user_id = u.id and not ${agencyInReach(actor, 'user.manage', agencyColumns('ra'))}))`;

/**
 * SQL condition on a pg-boss job row `j`: the admin may see its payload and error. A job stores
 * whose record it concerns (`data.scope`, set when it was enqueued): an agency in the admin's
 * scope, or a user the admin manages. System jobs (no scope) hold no record data.
 */
export const jobVisibleTo = (actor: Actor): SQL => sql`(
  coalesce(jsonb_typeof(j.data->'scope'), 'null') = 'null'
  or (j.data->'scope'->>'agencyId') in (select sa.id::text from agency sa where ${agencyInReach(actor, 'user.manage', agencyColumns('sa'))})
  or (j.data->'scope'->>'userId') in ${managedUserIds(actor)})`;
