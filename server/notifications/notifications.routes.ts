import { problemSchema } from '../../shared/api/errors.js';
import {
  mailStatusQuery,
  mailStatusResponse,
  markAllReadResponse,
  notificationListQuery,
  notificationListResponse,
  notificationParams,
  notificationPreferencesSchema,
  notificationSchema,
  putNotificationPreferencesBody,
  unreadCountResponse,
} from '../../shared/api/notifications.schemas.js';
import type { AppDeps, AppInstance } from '../app.js';
import { contextOf } from '../http/actor.js';
import { requireJobAdmin } from '../modules/job-admin/job-admin.policy.js';
import { mailStatus } from './mail-status.js';
import { listNotifications, markAllNotificationsRead, markNotificationRead, unreadCount } from './notification-centre.js';
import { readNotificationPreferences, setNotificationPreferences } from './notification-preferences.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

/** The caller's own notifications and e-mail settings; the outbox for admins. */
export async function notificationRoutes(app: AppInstance, deps: AppDeps) {
  const { db } = deps.database;
  const tags = ['notifications'];

  app.get('/api/notifications', { schema: { tags, summary: 'My notifications, newest first (unread=true: only the unread)', querystring: notificationListQuery, response: { 200: notificationListResponse, ...errors } } }, async (request) =>
    listNotifications(db, contextOf(request).actor, request.query),
  );

  app.get('/api/notifications/unread-count', { schema: { tags, summary: 'How many of my notifications are unread (the bell)', response: { 200: unreadCountResponse, ...errors } } }, async (request) => ({
    unread: await unreadCount(db, contextOf(request).actor),
  }));

  app.post('/api/notifications/:id/read', { schema: { tags, summary: 'Mark one of my notifications read (404 for anyone else’s)', params: notificationParams, response: { 200: notificationSchema, ...errors } } }, async (request) => {
    const { actor } = contextOf(request);
    return db.transaction((tx) => markNotificationRead(tx, actor, request.params.id));
  });

  app.post('/api/notifications/read-all', { schema: { tags, summary: 'Mark all my notifications read', response: { 200: markAllReadResponse, ...errors } } }, async (request) => {
    const { actor } = contextOf(request);
    return db.transaction((tx) => markAllNotificationsRead(tx, actor));
  });

  app.get('/api/me/notification-preferences', { schema: { tags, summary: 'My e-mail settings: on or off per kind of notification, the language of e-mails', response: { 200: notificationPreferencesSchema, ...errors } } }, async (request) =>
    readNotificationPreferences(db, contextOf(request).actor.userId, deps.config),
  );

  app.put('/api/me/notification-preferences', { schema: { tags, summary: 'Change my e-mail settings (the kinds listed, the language)', body: putNotificationPreferencesBody, response: { 200: notificationPreferencesSchema, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    return db.transaction((tx) => setNotificationPreferences(tx, ctx, deps.config, request.body));
  });

  app.get('/api/admin/mail', { schema: { tags: ['admin'], summary: 'E-mail on or off, and the outbox of the users the admin manages', querystring: mailStatusQuery, response: { 200: mailStatusResponse, ...errors } } }, async (request) => {
    const { actor } = contextOf(request);
    requireJobAdmin(actor);
    return mailStatus(db, actor, deps.config, request.query);
  });
}
