import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { appUser } from './identity.js';

/**
 * One in-app notification for one person (server/notifications). Holds the kind and its params
 * (shared/domain/notifications.ts), never prose, so the bell reads in the reader's language. The
 * record link is its type, id and the web app's path. Written by the transaction that causes it.
 */
export const notification = pgTable(
  'notification',
  {
    id: uuid().primaryKey().defaultRandom(),
    recipientId: uuid()
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    kind: text().notNull(),
    /** The record it speaks of: 'inspection_plan', 'inspection_team', … (null for a general one). */
    subjectType: text(),
    subjectId: uuid(),
    /** Where the web app shows the record: '/plans/<id>'. */
    path: text(),
    params: jsonb().notNull(),
    /** Who caused it (null: the system). */
    actorId: uuid().references(() => appUser.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('notification_recipient_created_idx').on(t.recipientId, t.createdAt.desc(), t.id),
    index('notification_recipient_unread_idx').on(t.recipientId).where(sql`${t.readAt} is null`),
    check('notification_path_check', sql`${t.path} is null or ${t.path} ~ '^/[A-Za-z0-9/_-]*$'`),
  ],
);

/** A kind of notification for which the user turned e-mail off (or back on). Absent: on. */
export const notificationPreference = pgTable(
  'notification_preference',
  {
    userId: uuid()
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    kind: text().notNull(),
    email: boolean().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'notification_preference_pkey', columns: [t.userId, t.kind] })],
);

/**
 * E-mails to send, rendered in the recipient's language when the notification was created and
 * sent by the job `notifications.send-email` (one job per row). Status:
 *  - `pending`: waiting for its job; `sending`: an attempt claimed it; `retrying`: an attempt
 *    failed and the job will try again; `failed`: every attempt failed (an admin may retry);
 *  - `sent`: the SMTP server accepted it (never sent again);
 *  - `disabled`: e-mail was off (no SMTP_URL/MAIL_FROM) when it was created: kept, never sent.
 */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: uuid().primaryKey().defaultRandom(),
    notificationId: uuid().references(() => notification.id, { onDelete: 'set null' }),
    recipientId: uuid()
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    toAddress: text().notNull(),
    language: text().notNull(),
    subject: text().notNull(),
    /** The message without its link: the link is made at sending time from PAR_PUBLIC_URL. */
    textBody: text().notNull(),
    /** The web app's path of the record (null: no link). */
    linkPath: text(),
    status: text().notNull(),
    attempts: integer().notNull().default(0),
    lastError: text(),
    /** Why the last attempt failed, as a stable code the admin page translates (shared/domain/notifications.ts mailErrorCodes). */
    errorCode: text(),
    /** When the current attempt claimed the row (a stale claim is taken over). */
    claimedAt: timestamp({ withTimezone: true }),
    /** The Message-ID sent: stable per row, so a duplicate after a crash is recognisable. */
    messageId: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('email_outbox_status_created_idx').on(t.status, t.createdAt),
    index('email_outbox_recipient_id_idx').on(t.recipientId),
    index('email_outbox_notification_id_idx').on(t.notificationId),
    check('email_outbox_status_check', sql`${t.status} in ('pending','sending','retrying','failed','sent','disabled')`),
    check('email_outbox_sent_check', sql`(${t.status} = 'sent') = (${t.sentAt} is not null)`),
  ],
);
