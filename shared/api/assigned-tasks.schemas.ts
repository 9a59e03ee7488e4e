import { z } from 'zod';
import { int4, isoDateBetween, optionalText, plainString, queryInt4, text, uuid, version } from './common.js';
import { documentText } from './documents.schemas.js';
import { assignedTaskMoves, assignedTaskStatuses, timelinessValues } from '../domain/assigned-task-status.js';

/**
 * The register of tasks assigned by the People's Committee and its Chairman (nhiệm vụ được giao,
 * issue 10 §8): requests and responses.
 */

const taskDate = isoDateBetween(1990);

const taskFields = {
  /** Số, ký hiệu of the assigning document: "125/TB-UBND". */
  sourceNumber: text(100),
  sourceDate: taskDate,
  /** Its trích yếu, when useful. */
  sourceTitle: optionalText(500),
  content: documentText(4000),
  ownerAgencyId: uuid,
  /** Agencies that support the owner (phối hợp). */
  coOwnerAgencyIds: z.array(uuid).max(30),
  /** The deadline as a date… */
  deadline: taskDate.nullish(),
  /** …or as N working days after the document's date (counted on the working calendar). */
  deadlineWorkingDays: int4().min(1).max(365).optional(),
};

export const createAssignedTaskBody = z.object({
  /** The People's Committee that assigned the task (placed there; the office must reach it). */
  assigningAgencyId: uuid,
  ...taskFields,
  coOwnerAgencyIds: taskFields.coOwnerAgencyIds.default([]),
});

export const updateAssignedTaskBody = z.object({
  version,
  sourceNumber: taskFields.sourceNumber.optional(),
  sourceDate: taskFields.sourceDate.optional(),
  sourceTitle: taskFields.sourceTitle,
  content: taskFields.content.optional(),
  ownerAgencyId: uuid.optional(),
  coOwnerAgencyIds: taskFields.coOwnerAgencyIds.optional(),
  deadline: taskFields.deadline,
  deadlineWorkingDays: taskFields.deadlineWorkingDays,
});

/** A progress report: a note, a status move, or both. */
export const reportProgressBody = z.object({
  version,
  move: z.enum(assignedTaskMoves).optional(),
  note: documentText(4000).optional(),
  /** With `complete`: the day it was done (default today, in Việt Nam). */
  completedOn: taskDate.optional(),
});

export const listAssignedTasksQuery = z.object({
  /** Words of the content or the document number, any case and diacritics. */
  q: plainString(200).optional(),
  status: z.enum(assignedTaskStatuses).optional(),
  /** Open and past the deadline (`overdue`), or another standing. */
  timeliness: z.enum(timelinessValues).optional(),
  /** Owned or co-owned by this agency. */
  agencyId: uuid.optional(),
  assigningAgencyId: uuid.optional(),
  /** The year of the assigning document. */
  year: queryInt4().min(1990).max(2199).optional(),
  page: queryInt4().min(1).max(100000).default(1),
  pageSize: queryInt4().min(1).max(200).default(50),
});

export const taskNoteSchema = z.object({
  id: z.uuid(),
  at: z.string(),
  authorName: z.string(),
  body: z.string().nullable(),
  move: z.enum(assignedTaskMoves).nullable(),
  statusAfter: z.enum(assignedTaskStatuses).nullable(),
});
export type TaskNote = z.infer<typeof taskNoteSchema>;

export const assignedTaskSchema = z.object({
  id: z.uuid(),
  assigningAgencyId: z.uuid(),
  assigningAgencyName: z.string(),
  sourceNumber: z.string(),
  sourceDate: z.string(),
  sourceTitle: z.string().nullable(),
  content: z.string(),
  ownerAgencyId: z.uuid(),
  ownerAgencyName: z.string(),
  coOwners: z.array(z.object({ agencyId: z.uuid(), name: z.string() })),
  deadline: z.string().nullable(),
  deadlineExplanation: z.string().nullable(),
  status: z.enum(assignedTaskStatuses),
  completedOn: z.string().nullable(),
  /** Against the deadline, today in Việt Nam (shared/domain/assigned-task-status.ts). */
  timeliness: z.enum(timelinessValues),
  /** Open and overdue: working days since the deadline; else null. */
  overdueWorkingDays: z.number().int().nullable(),
  /** The latest progress note. */
  lastNote: taskNoteSchema.nullable(),
  allowedMoves: z.array(z.enum(assignedTaskMoves)),
  abilities: z.object({ update: z.boolean(), report: z.boolean(), moves: z.array(z.enum(assignedTaskMoves)) }),
  version: z.number().int(),
});
export type AssignedTask = z.infer<typeof assignedTaskSchema>;
export const assignedTaskDetailSchema = assignedTaskSchema.extend({ notes: z.array(taskNoteSchema) });
export type AssignedTaskDetail = z.infer<typeof assignedTaskDetailSchema>;

export const assignedTaskListResponse = z.object({
  items: z.array(assignedTaskSchema),
  total: z.number().int(),
  /** Counts under the same filters but the timeliness one: the register's summary line. */
  counts: z.object({ open: z.number().int(), overdue: z.number().int(), completed: z.number().int() }),
});

export const agencyTasksResponse = z.object({ items: z.array(assignedTaskSchema) });

// ---- .xlsx import ------------------------------------------------------------------------------

export const MAX_TASK_IMPORT_ROWS = 1000;

export const taskImportQuery = z.object({
  assigningAgencyId: uuid,
  dryRun: z.enum(['true', 'false']).default('false'),
});

export const taskImportErrorCodes = [
  'unreadable_file',
  'workbook_too_large',
  'missing_column',
  'no_rows',
  'too_many_rows',
  'required',
  'too_long',
  'control_characters',
  'invalid_date',
  'not_a_number',
  'before_source_date',
  'unknown_agency',
  'ambiguous_agency',
  'duplicate_in_file',
  'too_many_errors',
] as const;
export type TaskImportErrorCode = (typeof taskImportErrorCodes)[number];
export const taskImportErrorSchema = z.object({
  code: z.enum(taskImportErrorCodes),
  /** 1-based row as Excel shows it. */
  row: z.number().int().nullable(),
  /** The column's header ("Cơ quan chủ trì"). */
  column: z.string().nullable(),
  value: z.string().nullable(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
});
export type TaskImportError = z.infer<typeof taskImportErrorSchema>;

export const taskImportSchema = z.object({
  id: z.uuid(),
  assigningAgencyId: z.uuid(),
  dryRun: z.boolean(),
  fileName: z.string().nullable(),
  status: z.enum(['queued', 'running', 'done', 'rejected', 'failed']),
  errors: z.array(taskImportErrorSchema),
  summary: z.object({ rows: z.number().int(), tasks: z.number().int() }).nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type TaskImport = z.infer<typeof taskImportSchema>;
