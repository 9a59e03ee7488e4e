import { z } from 'zod';
import { mailErrorCodes, notificationKinds, notificationLanguages } from '../domain/notifications.js';
import { queryBool, uuid } from './common.js';

/** The record a notification speaks of: its type, id and where the web app shows it. */
export const notificationLinkSchema = z.object({
  type: z.string(),
  id: z.uuid(),
  path: z.string(),
});

export const notificationSchema = z.object({
  id: z.uuid(),
  /** shared/domain/notifications.ts: the web app renders it with `params` in the reader's language. */
  kind: z.enum(notificationKinds),
  params: z.record(z.string(), z.unknown()),
  link: notificationLinkSchema.nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationListQuery = z.object({
  /** Only the unread ones. */
  unread: queryBool.optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const notificationListResponse = z.object({
  items: z.array(notificationSchema),
  /** Matching the filter. */
  total: z.number().int(),
  /** Unread, whatever the filter (the bell's number). */
  unread: z.number().int(),
});
export type NotificationList = z.infer<typeof notificationListResponse>;

export const unreadCountResponse = z.object({ unread: z.number().int() });

export const notificationParams = z.object({ id: uuid });

export const markAllReadResponse = z.object({ marked: z.number().int(), unread: z.number().int() });

export const notificationLanguageSchema = z.enum(notificationLanguages);

/** The caller's e-mail settings: on or off per kind, the language of e-mails, the address used. */
export const notificationPreferencesSchema = z.object({
  /** The address e-mails go to (set by an admin on the account); null: no e-mail at all. */
  email: z.string().nullable(),
  /** The language of e-mails (and of the account). */
  language: notificationLanguageSchema,
  kinds: z.array(z.object({ kind: z.enum(notificationKinds), email: z.boolean() })),
  /** Whether this installation sends e-mail at all (SMTP_URL and MAIL_FROM set). */
  mailEnabled: z.boolean(),
});
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;

export const putNotificationPreferencesBody = z.object({
  language: notificationLanguageSchema.optional(),
  /** Only the kinds listed change (a kind listed twice: the last one counts). */
  kinds: z
    .array(z.object({ kind: z.enum(notificationKinds), email: z.boolean() }))
    .max(notificationKinds.length * 2)
    .default([]),
});

export const outboxStatuses = ['pending', 'sending', 'retrying', 'failed', 'sent', 'disabled'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

export const mailStatusQuery = z.object({
  status: z.enum(outboxStatuses).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const outboxItemSchema = z.object({
  id: z.uuid(),
  recipientName: z.string(),
  toAddress: z.string(),
  subject: z.string(),
  status: z.enum(outboxStatuses),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  errorCode: z.enum(mailErrorCodes).nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});

/** E-mail for admins: on or off, the sender, and the outbox of the users they manage. */
export const mailStatusResponse = z.object({
  enabled: z.boolean(),
  from: z.string().nullable(),
  /** Rows of the users the admin manages, by status. */
  counts: z.object(Object.fromEntries(outboxStatuses.map((s) => [s, z.number().int()])) as Record<OutboxStatus, z.ZodNumber>),
  items: z.array(outboxItemSchema),
  total: z.number().int(),
});
export type MailStatus = z.infer<typeof mailStatusResponse>;
