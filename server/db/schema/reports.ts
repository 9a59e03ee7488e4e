import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from './identity.js';
import { inspection } from './inspections.js';
import { documentRegisterEntry } from './plans.js';
import { agency } from './registry.js';
import { jobRecordColumns, jobStatusCheck } from '../../jobs/xlsx-import-columns.js';

/**
 * Report templates (biểu mẫu, đề cương báo cáo), issue 9 §1: a versioned body of sections, typed
 * data tables and required attachments (TemplateBody, shared/api/reports.schemas.ts, validated
 * before it gets here). One `code` groups the revisions of a template of an owner agency; a
 * published revision is frozen (edits make the next revision).
 */
export const reportTemplate = pgTable(
  'report_template',
  {
    id: uuid().primaryKey().defaultRandom(),
    ownerAgencyId: uuid()
      .notNull()
      .references(() => agency.id),
    code: text().notNull(),
    revision: integer().notNull().default(1),
    name: text().notNull(),
    /** periodic | pre_visit | self_inspection | other: what requests pick it for. */
    kind: text().notNull(),
    year: integer(),
    status: text().notNull().default('draft'),
    body: jsonb().notNull(),
    /** The template it was started from (last year's, or the previous revision). */
    basedOnId: uuid(),
    publishedAt: timestamp({ withTimezone: true }),
    createdBy: uuid().references(() => appUser.id),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('report_template_owner_code_revision_key').on(t.ownerAgencyId, t.code, t.revision),
    check('report_template_status_check', sql`${t.status} in ('draft','published')`),
    check('report_template_kind_check', sql`${t.kind} in ('periodic','pre_visit','self_inspection','other')`),
    check('report_template_published_check', sql`(${t.status} = 'published') = (${t.publishedAt} is not null)`),
  ],
);

/**
 * One period of the periodic reporting regime (reference §3.2) as data the province edits: the
 * cut-off period (from day/month of the previous or same year to day/month), the due day, when
 * the request opens, whom it asks, the reminder and escalation counts. The daily job creates
 * each year's request from it.
 */
export const reportPeriodRule = pgTable(
  'report_period_rule',
  {
    id: uuid().primaryKey().defaultRandom(),
    ownerAgencyId: uuid()
      .notNull()
      .references(() => agency.id),
    /** 'Q1', 'Q2', 'H1', 'Q3', 'Y'. */
    code: text().notNull(),
    name: text().notNull(),
    /** Code of the template (its latest published revision of the owner is used). */
    templateCode: text().notNull(),
    fromMonth: integer().notNull(),
    fromDay: integer().notNull(),
    /** -1: the period starts in the previous year (15 Dec of the year before). */
    fromYearOffset: integer().notNull().default(0),
    toMonth: integer().notNull(),
    toDay: integer().notNull(),
    dueMonth: integer().notNull(),
    dueDay: integer().notNull(),
    /** The request is created this many calendar days before the due day. */
    opensDaysBeforeDue: integer().notNull().default(15),
    remindWorkingDays: integer().notNull().default(2),
    escalateAfterWorkingDays: integer().notNull().default(3),
    /** The agencies asked (uuid[] as JSON). */
    targetAgencyIds: jsonb().notNull(),
    active: boolean().notNull().default(true),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('report_period_rule_owner_code_key').on(t.ownerAgencyId, t.code),
    check('report_period_rule_months_check', sql`${t.fromMonth} between 1 and 12 and ${t.toMonth} between 1 and 12 and ${t.dueMonth} between 1 and 12`),
    check('report_period_rule_days_check', sql`${t.fromDay} between 1 and 31 and ${t.toDay} between 1 and 31 and ${t.dueDay} between 1 and 31`),
  ],
);

/**
 * A report request: a template revision, the agencies asked (a submission each once open) and the
 * due day. Periodic (from a rule, one per year), ad hoc (a công văn Mẫu 1.5 numbered at issue) or
 * pre-visit (from a notice of an announced inspection, due 3 working days before the visit).
 */
export const reportRequest = pgTable(
  'report_request',
  {
    id: uuid().primaryKey().defaultRandom(),
    ownerAgencyId: uuid()
      .notNull()
      .references(() => agency.id),
    templateId: uuid()
      .notNull()
      .references(() => reportTemplate.id),
    kind: text().notNull(),
    status: text().notNull().default('draft'),
    title: text().notNull(),
    periodFrom: date({ mode: 'string' }),
    periodTo: date({ mode: 'string' }),
    dueOn: date({ mode: 'string' }).notNull(),
    dueExplanation: text(),
    ruleId: uuid().references(() => reportPeriodRule.id),
    periodYear: integer(),
    inspectionId: uuid().references(() => inspection.id),
    /** The agencies asked (uuid[] as JSON); submissions are made for them when the request opens. */
    targetAgencyIds: jsonb().notNull(),
    /** Ad hoc: the công văn's texts (RequestLetter). */
    letter: jsonb(),
    registerEntryId: uuid().references(() => documentRegisterEntry.id),
    issuedOn: date({ mode: 'string' }),
    remindWorkingDays: integer().notNull().default(2),
    escalateAfterWorkingDays: integer().notNull().default(3),
    /**
     * Extensions of the due day once the request was sent (RequestDueExtension[]: from, to, reason,
     * when, by whom), oldest first. An issued letter keeps its printed date; these are shown beside it.
     */
    dueExtensions: jsonb().notNull().default([]),
    /** Withdrawn (sent by mistake): when, why, by whom. The letter stays a record, marked withdrawn. */
    withdrawnAt: timestamp({ withTimezone: true }),
    withdrawReason: text(),
    withdrawnBy: uuid().references(() => appUser.id),
    createdBy: uuid().references(() => appUser.id),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('report_request_owner_agency_id_idx').on(t.ownerAgencyId),
    index('report_request_due_on_idx').on(t.dueOn),
    uniqueIndex('report_request_rule_year_key').on(t.ruleId, t.periodYear),
    uniqueIndex('report_request_inspection_key').on(t.inspectionId),
    check('report_request_kind_check', sql`${t.kind} in ('periodic','ad_hoc','pre_visit')`),
    check('report_request_status_check', sql`${t.status} in ('draft','open','closed','withdrawn')`),
    check('report_request_withdrawn_check', sql`(${t.status} = 'withdrawn') = (${t.withdrawnAt} is not null)`),
    check('report_request_pre_visit_check', sql`(${t.kind} = 'pre_visit') = (${t.inspectionId} is not null)`),
  ],
);

/** One agency's report for a request; `status` per shared/domain/report-status.ts. */
export const reportSubmission = pgTable(
  'report_submission',
  {
    id: uuid().primaryKey().defaultRandom(),
    requestId: uuid()
      .notNull()
      .references(() => reportRequest.id, { onDelete: 'cascade' }),
    agencyId: uuid()
      .notNull()
      .references(() => agency.id),
    status: text().notNull().default('not_started'),
    /** Set at each submission: after the due day (Vietnamese calendar day). */
    late: boolean(),
    /** SubmissionContent: section answers and table rows. */
    content: jsonb().notNull(),
    submittedAt: timestamp({ withTimezone: true }),
    submittedBy: uuid().references(() => appUser.id),
    reviewedAt: timestamp({ withTimezone: true }),
    reviewedBy: uuid().references(() => appUser.id),
    returnReason: text(),
    updatedBy: uuid().references(() => appUser.id),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('report_submission_request_agency_key').on(t.requestId, t.agencyId),
    index('report_submission_agency_id_idx').on(t.agencyId),
    check('report_submission_status_check', sql`${t.status} in ('not_started','draft','submitted','returned','accepted')`),
  ],
);

/** The history of a submission: each submit (with what was sent), return (with reasons) and acceptance. */
export const reportSubmissionEvent = pgTable(
  'report_submission_event',
  {
    id: uuid().primaryKey().defaultRandom(),
    submissionId: uuid()
      .notNull()
      .references(() => reportSubmission.id, { onDelete: 'cascade' }),
    action: text().notNull(),
    reason: text(),
    late: boolean(),
    content: jsonb(),
    actorId: uuid().references(() => appUser.id),
    actorName: text(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('report_submission_event_submission_id_idx').on(t.submissionId, t.at), check('report_submission_event_action_check', sql`${t.action} in ('submitted','returned','accepted')`)],
);

/** One reminder per submission, kind and day, so a daily job run twice sends once. */
export const reportReminder = pgTable(
  'report_reminder',
  {
    submissionId: uuid()
      .notNull()
      .references(() => reportSubmission.id, { onDelete: 'cascade' }),
    kind: text().notNull(),
    day: date({ mode: 'string' }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'report_reminder_pkey', columns: [t.submissionId, t.kind, t.day] })],
);

/**
 * A compilation of one request's accepted reports, run as a job (issue 9 §4): how far it has got,
 * then the .xlsx (a sheet per table, a row per unit, totals) and the .docx skeleton of the office's
 * own report with the compiled figures, both stored by hash. Only its requester reads it.
 */
export const reportCompilation = pgTable(
  'report_compilation',
  {
    /** Its status is 'queued' | 'running' | 'done' | 'failed'. */
    ...jobRecordColumns(),
    requestId: uuid()
      .notNull()
      .references(() => reportRequest.id),
    /** Accepted reports to compile, once counted; `processed` of them read so far. */
    total: integer(),
    processed: integer().notNull().default(0),
    xlsxSha256: text(),
    docxSha256: text(),
  },
  (t) => [index('report_compilation_requested_by_idx').on(t.requestedBy), jobStatusCheck('report_compilation', t.status, ['queued', 'running', 'done', 'failed'])],
);
