import { and, eq, ne, sql } from 'drizzle-orm';
import { appUser, session } from '../../db/schema/index.js';
import type { Db } from '../../db/client.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { hashPassword, verifyPassword } from './passwords.js';

/** Changes one's own password and ends one's other sessions (a stolen cookie stops working). */
export async function changePassword(db: Db, ctx: RequestContext, input: { currentPassword: string; newPassword: string }) {
  const [user] = await db.select().from(appUser).where(eq(appUser.id, ctx.actor.userId));
  if (!user) throw AppError.notFound('user');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw AppError.invalid('body.currentPassword', 'wrong_password', 'the current password is wrong');
  }
  if (input.newPassword === input.currentPassword) {
    throw AppError.invalid('body.newPassword', 'same_as_current', 'the new password must differ from the current one');
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(appUser)
      .set({ passwordHash, mustChangePassword: false, passwordChangedAt: sql`now()`, updatedAt: sql`now()`, version: sql`${appUser.version} + 1` })
      .where(eq(appUser.id, user.id));
    await tx.delete(session).where(and(eq(session.userId, user.id), ne(session.id, ctx.actor.sessionId)));
    await recordAudit(tx, ctx, { action: 'user.password_changed', entityType: 'user', entityId: user.id, scope: { users: [user.id] } });
  });
}
