import { sql } from 'drizzle-orm';
import { bigserial, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { agency } from './registry.js';

export const appUser = pgTable(
  'app_user',
  {
    id: uuid().primaryKey().defaultRandom(),
    username: text().notNull(),
    fullName: text().notNull(),
    email: text(),
    passwordHash: text().notNull(),
    active: boolean().notNull().default(true),
    mustChangePassword: boolean().notNull().default(false),
    locale: text().notNull().default('vi'),
    passwordChangedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('app_user_username_key').on(sql`lower(${t.username})`)],
);

/** A role granted on an agency and everything under it. */
export const userRole = pgTable(
  'user_role',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    role: text().notNull(),
    agencyId: uuid()
      .notNull()
      .references(() => agency.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('user_role_user_role_agency_key').on(t.userId, t.role, t.agencyId)],
);

/**
 * Server-side sessions in the database, so any app server behind a load balancer can serve any
 * request. `id` is the SHA-256 of the cookie token: a leaked table does not leak live cookies.
 */
export const session = pgTable(
  'session',
  {
    id: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    csrfToken: text().notNull(),
    ip: text(),
    userAgent: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('session_user_id_idx').on(t.userId), index('session_expires_at_idx').on(t.expiresAt)],
);

/**
 * Sign-in attempts being checked (`pending`) and failed ones, counted over a window per account,
 * per address and per trusted device (docs/decisions/login-limits.md). In the database so the
 * limits hold across app servers. `deviceId` is set when the attempt came from a trusted
 * device of the account; those count only against that device.
 */
export const loginFailure = pgTable(
  'login_failure',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    username: text().notNull(),
    ip: text().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    deviceId: text(),
    /** The password is being checked: holds a place in the allowance until the answer. */
    pending: boolean().notNull().default(false),
  },
  (t) => [index('login_failure_username_at_idx').on(t.username, t.at), index('login_failure_ip_at_idx').on(t.ip, t.at)],
);

/**
 * A browser that has signed in to an account before (a device cookie, OWASP's "device cookies"):
 * failures elsewhere do not lock it out. `id` is the SHA-256 of the cookie's token.
 */
export const trustedDevice = pgTable(
  'trusted_device',
  {
    id: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('trusted_device_user_id_idx').on(t.userId)],
);

/** System settings as key → JSON value, each with a version. */
export const setting = pgTable('setting', {
  key: text().primaryKey(),
  value: jsonb().notNull(),
  version: integer().notNull().default(1),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * The append-only audit trail: a trigger (migration 0002) refuses UPDATE and DELETE.
 * Written by the same transaction as the change it records.
 */
export const auditEvent = pgTable(
  'audit_event',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorId: uuid(),
    actorName: text(),
    ip: text(),
    requestId: text(),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text(),
    before: jsonb(),
    after: jsonb(),
    /**
     * Where the record the event speaks of sat when the event was written, as scope keys
     * (server/authz/scope-keys.ts): the audit browser filters on it alone, whatever the record.
     */
    scope: text().array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [
    index('audit_event_at_idx').on(t.at),
    index('audit_event_scope_idx').using('gin', t.scope),
    index('audit_event_entity_idx').on(t.entityType, t.entityId),
    index('audit_event_actor_id_idx').on(t.actorId),
  ],
);

/** The official working-day schedule of a year (days off, swapped days, make-up Saturdays). */
export const calendarYear = pgTable('calendar_year', {
  year: integer().primaryKey(),
  source: text().notNull(),
  entries: jsonb().notNull(),
  version: integer().notNull().default(1),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
