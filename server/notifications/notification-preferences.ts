import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { NotificationPreferences, putNotificationPreferencesBody } from '../../shared/api/notifications.schemas.js';
import { EMAIL_ON_BY_DEFAULT, notificationKinds, type NotificationKind } from '../../shared/domain/notifications.js';
import type { Config } from '../config.js';
import { appUser, notificationPreference } from '../db/schema/index.js';
import type { DbOrTx, Tx } from '../db/client.js';
import type { RequestContext } from '../http/actor.js';
import { AppError } from '../http/app-error.js';
import { recordAudit } from '../modules/audit/audit-log.js';

/** The caller's own e-mail settings: every kind (on unless turned off), language, address. */
export async function readNotificationPreferences(db: DbOrTx, userId: string, config: Config): Promise<NotificationPreferences> {
  const [user] = await db.select({ email: appUser.email, locale: appUser.locale }).from(appUser).where(eq(appUser.id, userId));
  if (!user) throw AppError.notFound('user');
  const rows = await db.select({ kind: notificationPreference.kind, email: notificationPreference.email }).from(notificationPreference).where(eq(notificationPreference.userId, userId));
  const chosen = new Map(rows.map((r) => [r.kind, r.email]));
  return {
    email: user.email?.trim() || null,
    language: user.locale === 'en' ? 'en' : 'vi',
    kinds: notificationKinds.map((kind) => ({ kind, email: chosen.get(kind) ?? EMAIL_ON_BY_DEFAULT })),
    mailEnabled: config.mail !== null,
  };
}

/**
 * Changes the caller's e-mail settings: the kinds listed and the language. Audited (who turned
 * off which e-mails, and when, is asked about when somebody says they were never told).
 */
export async function setNotificationPreferences(
  tx: Tx,
  ctx: RequestContext,
  config: Config,
  input: z.infer<typeof putNotificationPreferencesBody>,
): Promise<NotificationPreferences> {
  const userId = ctx.actor.userId;
  const before = await readNotificationPreferences(tx, userId, config);
  const wanted = new Map<NotificationKind, boolean>(input.kinds.map((k) => [k.kind, k.email]));
  for (const [kind, email] of wanted) {
    await tx
      .insert(notificationPreference)
      .values({ userId, kind, email })
      .onConflictDoUpdate({ target: [notificationPreference.userId, notificationPreference.kind], set: { email, updatedAt: sql`now()` } });
  }
  if (input.language && input.language !== before.language) {
    await tx.update(appUser).set({ locale: input.language, updatedAt: sql`now()`, version: sql`${appUser.version} + 1` }).where(eq(appUser.id, userId));
  }
  const after = await readNotificationPreferences(tx, userId, config);
  const changedKinds = after.kinds.filter((k, i) => k.email !== before.kinds[i].email);
  if (changedKinds.length || after.language !== before.language) {
    await recordAudit(tx, ctx, {
      action: 'user.notification_preferences_updated',
      entityType: 'user',
      entityId: userId,
      scope: { users: [userId] },
      before: { language: before.language, email: Object.fromEntries(changedKinds.map((k) => [k.kind, !k.email])) },
      after: { language: after.language, email: Object.fromEntries(changedKinds.map((k) => [k.kind, k.email])) },
    });
  }
  return after;
}
