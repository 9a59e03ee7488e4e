import type { User } from '../../../shared/api/users.schemas.js';
import type { RoleName } from '../../../shared/api/session.schemas.js';
import type { DbOrTx } from '../../db/client.js';
import { usersWithRoles } from './users.repository.js';

/** Users as the admin page shows them, with their roles; never the password hash. */
export async function presentUsers(db: DbOrTx, ids: string[]): Promise<User[]> {
  const { users, roles } = await usersWithRoles(db, ids);
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
