import { and, asc, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Notification, NotificationList, notificationListQuery } from '../../shared/api/notifications.schemas.js';
import type { NotificationKind } from '../../shared/domain/notifications.js';
import { notification } from '../db/schema/index.js';
import type { DbOrTx } from '../db/client.js';
import type { Actor } from '../http/actor.js';
import { AppError } from '../http/app-error.js';

/**
 * The in-app centre. Every query is the caller's own: `recipient_id = actor` is in the SQL, so
 * somebody else's notification is simply not found (404), never "forbidden".
 */
const mine = (actor: Actor) => eq(notification.recipientId, actor.userId);

type Row = typeof notification.$inferSelect;

export function presentNotification(row: Row): Notification {
  return {
    id: row.id,
    kind: row.kind as NotificationKind,
    params: row.params as Record<string, unknown>,
    link: row.subjectType && row.subjectId && row.path ? { type: row.subjectType, id: row.subjectId, path: row.path } : null,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

export async function unreadCount(db: DbOrTx, actor: Actor): Promise<number> {
  const [row] = await db.select({ n: count() }).from(notification).where(and(mine(actor), isNull(notification.readAt)));
  return Number(row?.n ?? 0);
}

/** The caller's notifications, newest first, optionally only the unread ones. */
export async function listNotifications(db: DbOrTx, actor: Actor, q: z.infer<typeof notificationListQuery>): Promise<NotificationList> {
  const where = q.unread ? and(mine(actor), isNull(notification.readAt)) : mine(actor);
  const [rows, [total], unread] = await Promise.all([
    db
      .select()
      .from(notification)
      .where(where)
      // The order of the index notification_recipient_created_idx (recipient, created_at desc, id).
      .orderBy(desc(notification.createdAt), asc(notification.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(notification).where(where),
    unreadCount(db, actor),
  ]);
  return { items: rows.map(presentNotification), total: Number(total?.n ?? 0), unread };
}

/** Marks one of the caller's notifications read (again: it keeps its first reading time). */
export async function markNotificationRead(tx: DbOrTx, actor: Actor, id: string): Promise<Notification> {
  const [row] = await tx
    .update(notification)
    .set({ readAt: sql`coalesce(${notification.readAt}, now())` })
    .where(and(eq(notification.id, id), mine(actor)))
    .returning();
  if (!row) throw AppError.notFound('notification');
  return presentNotification(row);
}

/** Marks every unread notification of the caller read. */
export async function markAllNotificationsRead(tx: DbOrTx, actor: Actor): Promise<{ marked: number; unread: number }> {
  const rows = await tx
    .update(notification)
    .set({ readAt: sql`now()` })
    .where(and(mine(actor), isNull(notification.readAt)))
    .returning({ id: notification.id });
  return { marked: rows.length, unread: await unreadCount(tx, actor) };
}
