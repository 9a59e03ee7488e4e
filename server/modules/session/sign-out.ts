import type { Db } from '../../db/client.js';
import type { RequestContext } from '../../http/actor.js';
import { recordAudit } from '../audit/audit-log.js';
import { deleteSession } from './session-store.js';

/** Ends the caller's session (their other sessions stay), audited. */
export async function signOut(db: Db, ctx: RequestContext): Promise<void> {
  await db.transaction(async (tx) => {
    await deleteSession(tx, ctx.actor.sessionId);
    await recordAudit(tx, ctx, { action: 'session.signed_out', entityType: 'user', entityId: ctx.actor.userId, scope: { users: [ctx.actor.userId] } });
  });
}
