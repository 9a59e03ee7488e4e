import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from './identity.js';
import { agency } from './registry.js';
import { xlsxImportColumns, xlsxImportReportColumns, xlsxImportStatusCheck } from '../../jobs/xlsx-import-columns.js';

/**
 * A task assigned by a People's Committee or its Chairman (nhiệm vụ được giao; issue 10 §8): the
 * document that assigned it, what is to be done, the owner agency (chủ trì), the co-owners
 * (phối hợp, assigned_task_co_owner), the deadline and where it stands. Placed by the assigning
 * agency (the committee): the standing office of that authority keeps the register; the owner
 * agency reports progress (assigned_task_note). Never deleted: a withdrawn task is cancelled.
 */
export const assignedTask = pgTable(
  'assigned_task',
  {
    id: uuid().primaryKey().defaultRandom(),
    assigningAgencyId: uuid()
      .notNull()
      .references(() => agency.id),
    /** Số, ký hiệu of the assigning document ("125/TB-UBND"). */
    sourceNumber: text().notNull(),
    sourceDate: date({ mode: 'string' }).notNull(),
    /** Its trích yếu, when given ("Kết luận của Chủ tịch UBND thị xã tại buổi làm việc …"). */
    sourceTitle: text(),
    content: text().notNull(),
    ownerAgencyId: uuid()
      .notNull()
      .references(() => agency.id),
    /** null: a standing task (thường xuyên). */
    deadline: date({ mode: 'string' }),
    /** How the deadline was given when counted ("10 ngày làm việc kể từ ngày 15/03/2021"). */
    deadlineExplanation: text(),
    /** 'not_started' | 'in_progress' | 'completed' | 'cancelled' (shared/domain/assigned-task-status.ts). */
    status: text().notNull().default('not_started'),
    completedOn: date({ mode: 'string' }),
    /** 'manual' | 'import' | 'demo'. */
    origin: text().notNull().default('manual'),
    createdBy: uuid().references(() => appUser.id),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('assigned_task_assigning_agency_id_idx').on(t.assigningAgencyId),
    index('assigned_task_owner_agency_id_idx').on(t.ownerAgencyId),
    index('assigned_task_deadline_idx').on(t.deadline),
    index('assigned_task_search_idx').using('gin', sql`lower(f_unaccent(${t.content} || ' ' || ${t.sourceNumber} || ' ' || coalesce(${t.sourceTitle}, ''))) gin_trgm_ops`),
    check('assigned_task_status_check', sql`${t.status} in ('not_started','in_progress','completed','cancelled')`),
    check('assigned_task_completed_check', sql`(${t.status} = 'completed') = (${t.completedOn} is not null)`),
    check('assigned_task_origin_check', sql`${t.origin} in ('manual','import','demo')`),
  ],
);

/** The co-owner agencies (cơ quan phối hợp) of a task. */
export const assignedTaskCoOwner = pgTable(
  'assigned_task_co_owner',
  {
    taskId: uuid()
      .notNull()
      .references(() => assignedTask.id, { onDelete: 'cascade' }),
    agencyId: uuid()
      .notNull()
      .references(() => agency.id),
    position: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.agencyId] }), index('assigned_task_co_owner_agency_id_idx').on(t.agencyId)],
);

/** A progress note (and the status move it came with), appended by the owner agency or the office; never edited. */
export const assignedTaskNote = pgTable(
  'assigned_task_note',
  {
    id: uuid().primaryKey().defaultRandom(),
    taskId: uuid()
      .notNull()
      .references(() => assignedTask.id, { onDelete: 'cascade' }),
    authorId: uuid().references(() => appUser.id),
    authorName: text().notNull(),
    body: text(),
    /** The move made with the note, if any, and the status it led to. */
    move: text(),
    statusAfter: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('assigned_task_note_task_id_idx').on(t.taskId, t.createdAt)],
);

/** An .xlsx import of tasks (a job): who asked, for which committee, the file, and its outcome. */
export const assignedTaskImport = pgTable(
  'assigned_task_import',
  {
    ...xlsxImportColumns(),
    ...xlsxImportReportColumns(),
    assigningAgencyId: uuid()
      .notNull()
      .references(() => agency.id),
  },
  (t) => [
    index('assigned_task_import_requested_by_idx').on(t.requestedBy),
    xlsxImportStatusCheck('assigned_task_import', t.status),
  ],
);

/** A reminder sent for a task (due soon, overdue), once each: the daily job claims it here. */
export const assignedTaskReminder = pgTable(
  'assigned_task_reminder',
  {
    taskId: uuid()
      .notNull()
      .references(() => assignedTask.id, { onDelete: 'cascade' }),
    kind: text().notNull(),
    /** The deadline it was sent for: a moved deadline is reminded of again. */
    deadline: date({ mode: 'string' }).notNull(),
    sentAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('assigned_task_reminder_key').on(t.taskId, t.kind, t.deadline)],
);
