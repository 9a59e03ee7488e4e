import type { RoleName } from '../../../shared/api/session.schemas.js';
import type { Tx } from '../../db/client.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { agenciesInUserReach, replaceRoles } from './users.repository.js';

/** Grants exactly these roles (duplicates merged), each on an agency inside the admin's scope. */
export async function setUserRoles(tx: Tx, ctx: RequestContext, userId: string, roles: { role: RoleName; agencyId: string }[]): Promise<void> {
  const allowed = await agenciesInUserReach(tx, ctx.actor, [...new Set(roles.map((r) => r.agencyId))]);
  roles.forEach((r, i) => {
    if (!allowed.has(r.agencyId)) throw AppError.invalid(`body.roles.${i}.agencyId`, 'out_of_scope', 'the agency is outside your scope');
  });
  await replaceRoles(tx, userId, [...new Map(roles.map((r) => [`${r.role}/${r.agencyId}`, r])).values()]);
}
