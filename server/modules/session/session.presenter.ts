import type { z } from 'zod';
import type { sessionResponse } from '../../../shared/api/session.schemas.js';
import type { DbOrTx } from '../../db/client.js';
import { capabilitiesOf } from '../../authz/capabilities.js';
import type { Actor } from '../../http/actor.js';
import { sessionUser } from './session-store.js';

/**
 * Who-am-I: the account, its roles with the agencies' names, what it may do (capabilities and
 * field-level rules, so the web app never decides by role names), and the CSRF token.
 */
export async function presentSession(db: DbOrTx, actor: Pick<Actor, 'userId' | 'roles' | 'csrfToken'>, expiresAt: Date): Promise<z.infer<typeof sessionResponse>> {
  const { user, agencyNames } = await sessionUser(db, actor.userId, actor.roles.map((r) => r.agencyId));
  return {
    user: {
      id: user.id,
      username: user.username,
      fullName: user.fullName,
      locale: user.locale === 'en' ? 'en' : 'vi',
      mustChangePassword: user.mustChangePassword,
    },
    roles: actor.roles.map((r) => ({ role: r.role, agencyId: r.agencyId, agencyName: agencyNames.get(r.agencyId) ?? '' })),
    ...capabilitiesOf(actor),
    csrfToken: actor.csrfToken,
    expiresAt: expiresAt.toISOString(),
  };
}
