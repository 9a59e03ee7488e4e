import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from './identity.js';
import { inspection } from './inspections.js';
import { documentRegisterEntry } from './plans.js';
import { agency } from './registry.js';

/**
 * The follow-up of an inspection (issue 10 §5–7): the conclusion notice (Thông báo kết luận kiểm
 * tra, Mẫu 1.4, TB), its requirements as corrective actions with their history, and escalations
 * to the public-service inspection team (Tờ trình / công văn). Status machines:
 * shared/domain/follow-up.ts.
 */

/**
 * One conclusion notice per inspection (one inspected unit), drafted by the standing office,
 * issued by the People's Committee (a leader signs) or by the standing office under
 * authorisation (TUQ.); numbered from the issuer's register and frozen at issue.
 */
export const inspectionConclusion = pgTable(
  'inspection_conclusion',
  {
    id: uuid().primaryKey().defaultRandom(),
    inspectionId: uuid()
      .notNull()
      .references(() => inspection.id),
    /** The plan's People's Committee, or its standing office signing TUQ. */
    issuingAgencyId: uuid()
      .notNull()
      .references(() => agency.id),
    status: text().notNull().default('draft'),
    /** Editable texts, sections I–V (ConclusionContent, validated by zod before it gets here). */
    content: jsonb().notNull(),
    registerEntryId: uuid().references(() => documentRegisterEntry.id),
    issuedOn: date({ mode: 'string' }),
    createdBy: uuid().references(() => appUser.id),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('inspection_conclusion_inspection_id_key').on(t.inspectionId),
    check('inspection_conclusion_status_check', sql`${t.status} in ('draft','issued')`),
    check('inspection_conclusion_issued_check', sql`(${t.status} = 'issued') = (${t.registerEntryId} is not null)`),
  ],
);

/**
 * A requirement of a conclusion (section IV): what, who (the inspected unit or a named office),
 * by when — a date, or N working days after the notice, fixed into `due_on` at issue — and the
 * day the unit reports the results. While the conclusion is a draft its actions are `draft`; at
 * issue they open. A re-inspection built from open actions names them (`reinspection_id`).
 */
export const correctiveAction = pgTable(
  'corrective_action',
  {
    id: uuid().primaryKey().defaultRandom(),
    conclusionId: uuid()
      .notNull()
      .references(() => inspectionConclusion.id, { onDelete: 'cascade' }),
    position: integer().notNull().default(0),
    content: text().notNull(),
    /** Content group of the plan (II.1 a, b, c) or a place group; free text, the board groups by it. */
    contentGroup: text(),
    responsibleAgencyId: uuid()
      .notNull()
      .references(() => agency.id),
    dueOn: date({ mode: 'string' }),
    dueWorkingDays: integer(),
    reportDueOn: date({ mode: 'string' }),
    reportDueWorkingDays: integer(),
    status: text().notNull().default('draft'),
    /** The unit's remediation plan (first move), kept as the latest text. */
    planText: text(),
    reinspectionId: uuid().references(() => inspection.id),
    closedAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('corrective_action_conclusion_id_idx').on(t.conclusionId),
    index('corrective_action_responsible_agency_id_idx').on(t.responsibleAgencyId),
    index('corrective_action_status_due_on_idx').on(t.status, t.dueOn),
    index('corrective_action_reinspection_id_idx').on(t.reinspectionId),
    check('corrective_action_status_check', sql`${t.status} in ('draft','open','in_progress','reported','closed')`),
    check('corrective_action_due_check', sql`${t.dueOn} is not null or ${t.dueWorkingDays} is not null`),
    check('corrective_action_due_fixed_check', sql`${t.status} = 'draft' or ${t.dueOn} is not null`),
    check('corrective_action_working_days_check', sql`coalesce(${t.dueWorkingDays}, 1) between 1 and 365 and coalesce(${t.reportDueWorkingDays}, 1) between 1 and 365`),
  ],
);

/** The history of an action: each plan, progress note, report, review and re-inspection result. */
export const correctiveActionUpdate = pgTable(
  'corrective_action_update',
  {
    id: uuid().primaryKey().defaultRandom(),
    actionId: uuid()
      .notNull()
      .references(() => correctiveAction.id, { onDelete: 'cascade' }),
    move: text().notNull(),
    fromStatus: text().notNull(),
    toStatus: text().notNull(),
    note: text(),
    authorId: uuid().references(() => appUser.id),
    authorName: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('corrective_action_update_action_id_idx').on(t.actionId, t.createdAt)],
);

/** Reminders sent by the daily job: one per action, kind and day (a job run twice sends once). */
export const correctiveActionReminder = pgTable(
  'corrective_action_reminder',
  {
    actionId: uuid()
      .notNull()
      .references(() => correctiveAction.id, { onDelete: 'cascade' }),
    kind: text().notNull(),
    day: date({ mode: 'string' }).notNull(),
    sentAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('corrective_action_reminder_key').on(t.actionId, t.kind, t.day)],
);

/**
 * A proposal to the public-service inspection team (Đoàn kiểm tra công vụ, plan III.1): a Tờ
 * trình or a công văn of the standing office or the People's Committee, numbered at issue, with
 * the findings and evidence attached; then accepted or declined, and its result recorded.
 */
export const escalation = pgTable(
  'escalation',
  {
    id: uuid().primaryKey().defaultRandom(),
    inspectionId: uuid()
      .notNull()
      .references(() => inspection.id),
    issuingAgencyId: uuid()
      .notNull()
      .references(() => agency.id),
    /** 'to_trinh' | 'cong_van' (Decree 30 type codes). */
    form: text().notNull(),
    status: text().notNull().default('draft'),
    content: jsonb().notNull(),
    registerEntryId: uuid().references(() => documentRegisterEntry.id),
    issuedOn: date({ mode: 'string' }),
    decidedOn: date({ mode: 'string' }),
    decisionNote: text(),
    resultOn: date({ mode: 'string' }),
    result: text(),
    /**
     * The findings of the visit the proposal is made from (shortcomings, violations); the result
     * recorded on the proposal is the result for each of them. Checked to be findings of the
     * proposal's inspection when written.
     */
    findingIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    createdBy: uuid().references(() => appUser.id),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('escalation_inspection_id_idx').on(t.inspectionId),
    check('escalation_form_check', sql`${t.form} in ('to_trinh','cong_van')`),
    check('escalation_status_check', sql`${t.status} in ('draft','proposed','accepted','declined','concluded')`),
    check('escalation_issued_check', sql`(${t.status} = 'draft') = (${t.registerEntryId} is null)`),
  ],
);

/**
 * The minutes of an inspection (Biên bản kiểm tra, Decree 30 Mẫu 1.9, BB): one per inspection,
 * drafted by its team (or the standing office recording a visit) from the checklists and
 * findings, finalised with a BB number from the standing body's register and frozen. The signed
 * paper copy is a file attachment (owner type `inspection_minutes`, purpose `signed_scan`).
 */
export const inspectionMinutes = pgTable(
  'inspection_minutes',
  {
    id: uuid().primaryKey().defaultRandom(),
    inspectionId: uuid()
      .notNull()
      .references(() => inspection.id),
    status: text().notNull().default('draft'),
    /** MinutesContent (shared/api/minutes.schemas.ts), validated by zod before it gets here. */
    content: jsonb().notNull(),
    registerEntryId: uuid().references(() => documentRegisterEntry.id),
    finalizedOn: date({ mode: 'string' }),
    createdBy: uuid().references(() => appUser.id),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('inspection_minutes_inspection_id_key').on(t.inspectionId),
    check('inspection_minutes_status_check', sql`${t.status} in ('draft','final')`),
    check('inspection_minutes_final_check', sql`(${t.status} = 'final') = (${t.registerEntryId} is not null)`),
  ],
);
