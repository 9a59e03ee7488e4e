import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { appUser } from './identity.js';
import { documentRegisterEntry, inspectionPlan, inspectionTeam } from './plans.js';
import { agency } from './registry.js';

/**
 * One inspection (cuộc kiểm tra): one target agency of an issued plan, one founded team, one kind,
 * its dates and the places visited (inspection_place). The lifecycle is
 * shared/domain/inspection-status.ts; the secrecy of unannounced visits is
 * modules/inspections/inspections.policy.ts (`visibleInspections`).
 */
export const inspection = pgTable(
  'inspection',
  {
    id: uuid().primaryKey().defaultRandom(),
    planId: uuid()
      .notNull()
      .references(() => inspectionPlan.id),
    agencyId: uuid()
      .notNull()
      .references(() => agency.id),
    teamId: uuid()
      .notNull()
      .references(() => inspectionTeam.id),
    kind: text().notNull(),
    status: text().notNull().default('planned'),
    startsOn: date({ mode: 'string' }).notNull(),
    endsOn: date({ mode: 'string' }).notNull(),
    /** 'HH:MM' in Asia/Ho_Chi_Minh, when the team arrives (printed in the notice). */
    startTime: text(),
    /** Announced visits and desk reviews: the day the unit's report is due (working days before startsOn). */
    reportDueOn: date({ mode: 'string' }),
    /** The sentence that explains reportDueOn ("chậm nhất ngày 06/9/2021 (03 ngày làm việc trước …)"). */
    reportDueExplanation: text(),
    /** A re-inspection: the earlier inspection of the same agency whose fixes it checks. */
    reinspectionOfId: uuid().references((): AnyPgColumn => inspection.id),
    note: text(),
    /** When the team arrived (an inspector of the team starts it): an unannounced visit is secret until then. */
    startedAt: timestamp({ withTimezone: true }),
    startedBy: uuid().references(() => appUser.id),
    closedAt: timestamp({ withTimezone: true }),
    cancelledAt: timestamp({ withTimezone: true }),
    cancelReason: text(),
    createdBy: uuid().references(() => appUser.id),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('inspection_plan_id_idx').on(t.planId),
    index('inspection_agency_id_starts_on_idx').on(t.agencyId, t.startsOn),
    index('inspection_team_id_starts_on_idx').on(t.teamId, t.startsOn),
    index('inspection_starts_on_idx').on(t.startsOn),
    index('inspection_reinspection_of_id_idx').on(t.reinspectionOfId),
    check('inspection_kind_check', sql`${t.kind} in ('report','announced','unannounced','reinspection')`),
    check('inspection_status_check', sql`${t.status} in ('planned','notified','under_way','closed','cancelled')`),
    check('inspection_dates_check', sql`${t.endsOn} >= ${t.startsOn}`),
    check('inspection_start_time_check', sql`${t.startTime} is null or ${t.startTime} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`),
    check('inspection_reinspection_check', sql`(${t.kind} = 'reinspection') = (${t.reinspectionOfId} is not null)`),
    check('inspection_started_check', sql`(${t.status} in ('under_way','closed')) <= (${t.startedAt} is not null)`),
  ],
);

/** The places an inspection visits: the agency's head office, its one-stop desks, its reception points. */
export const inspectionPlace = pgTable(
  'inspection_place',
  {
    inspectionId: uuid()
      .notNull()
      .references(() => inspection.id, { onDelete: 'cascade' }),
    agencyId: uuid()
      .notNull()
      .references(() => agency.id),
    position: integer().notNull().default(0),
  },
  (t) => [primaryKey({ name: 'inspection_place_pkey', columns: [t.inspectionId, t.agencyId] }), index('inspection_place_agency_id_idx').on(t.agencyId)],
);

/**
 * A schedule notice (Thông báo lịch kiểm tra, Mẫu 1.4, TB): one or more announced inspections of
 * a plan, issued by the People's Committee or by its standing office under TL./TUQ. Issuing takes
 * a number from the register, freezes the document and moves its inspections to `notified`.
 */
export const inspectionNotice = pgTable(
  'inspection_notice',
  {
    id: uuid().primaryKey().defaultRandom(),
    planId: uuid()
      .notNull()
      .references(() => inspectionPlan.id),
    /** The plan's People's Committee, or an agency under it (the standing office). */
    issuingAgencyId: uuid()
      .notNull()
      .references(() => agency.id),
    status: text().notNull().default('draft'),
    /** Editable texts (NoticeContent, validated by zod before it gets here). */
    content: jsonb().notNull(),
    registerEntryId: uuid().references(() => documentRegisterEntry.id),
    issuedOn: date({ mode: 'string' }),
    /**
     * The table as issued (IssuedNoticeItem[]): what the notice said, whatever happens to its
     * inspections later. Null while a draft.
     */
    issuedItems: jsonb(),
    createdBy: uuid().references(() => appUser.id),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('inspection_notice_plan_id_idx').on(t.planId),
    check('inspection_notice_status_check', sql`${t.status} in ('draft','issued')`),
    check('inspection_notice_issued_check', sql`(${t.status} = 'issued') = (${t.registerEntryId} is not null)`),
  ],
);

/** The rows of a notice's table: one announced inspection each, with who must attend. */
export const inspectionNoticeItem = pgTable(
  'inspection_notice_item',
  {
    noticeId: uuid()
      .notNull()
      .references(() => inspectionNotice.id, { onDelete: 'cascade' }),
    inspectionId: uuid()
      .notNull()
      .references(() => inspection.id),
    position: integer().notNull().default(0),
    /** "Lãnh đạo UBND, công chức phụ trách CCHC, Bộ phận Một cửa". */
    attendees: text().notNull(),
  },
  (t) => [primaryKey({ name: 'inspection_notice_item_pkey', columns: [t.noticeId, t.inspectionId] }), index('inspection_notice_item_inspection_id_idx').on(t.inspectionId)],
);

/** Reminders sent (daily job): one per inspection, kind and day, so a job run twice sends once. */
export const inspectionReminder = pgTable(
  'inspection_reminder',
  {
    inspectionId: uuid()
      .notNull()
      .references(() => inspection.id),
    kind: text().notNull(),
    day: date({ mode: 'string' }).notNull(),
    sentAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('inspection_reminder_key').on(t.inspectionId, t.kind, t.day)],
);

/**
 * A person's secret calendar address (iCalendar feed of the inspections they may see): only the
 * SHA-256 of the token is kept; a new token replaces the old one, deleting the row revokes it.
 */
export const calendarFeedToken = pgTable('calendar_feed_token', {
  userId: uuid()
    .primaryKey()
    .references(() => appUser.id),
  tokenHash: text().notNull().unique('calendar_feed_token_token_hash_key'),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
