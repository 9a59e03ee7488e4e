import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from './identity.js';
import { agency } from './registry.js';
import { reportSubmission } from './reports.js';

/**
 * A unit's self-inspection (tự kiểm tra CCHC, M16; seed plan part III.2): the plan the inspected
 * unit (an agency: a town's office or a commune's People's Committee) makes for the year, and
 * later its results. One per agency and year. Placed by that agency: its officer records it, the
 * standing office above reads it. The plan document itself is a file (purpose `plan_document`,
 * server/files). The results are a structured record here; when the unit sent them through the
 * reports module's self-inspection template, `result_submission_id` points at that submission.
 */
export const selfInspection = pgTable(
  'self_inspection',
  {
    id: uuid().primaryKey().defaultRandom(),
    agencyId: uuid()
      .notNull()
      .references(() => agency.id),
    year: integer().notNull(),
    /** Số, ký hiệu of the unit's plan ("12/KH-UBND"), when issued. */
    documentNumber: text(),
    issuedOn: date({ mode: 'string' }),
    /** What the unit inspects itself on (nội dung). */
    content: text().notNull(),
    /** Which of its departments, desks or sub-units (phạm vi, đối tượng). */
    scope: text().notNull(),
    startsOn: date({ mode: 'string' }).notNull(),
    endsOn: date({ mode: 'string' }).notNull(),
    /** 'planned' | 'reported' (results recorded). */
    status: text().notNull().default('planned'),
    /** Results: how many departments or sub-units were inspected, shortcomings found and fixed. */
    resultsOn: date({ mode: 'string' }),
    inspectedCount: integer(),
    shortcomingCount: integer(),
    fixedCount: integer(),
    findings: text(),
    remedies: text(),
    resultSubmissionId: uuid().references(() => reportSubmission.id),
    createdBy: uuid().references(() => appUser.id),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('self_inspection_agency_id_year_key').on(t.agencyId, t.year),
    index('self_inspection_year_idx').on(t.year),
    check('self_inspection_status_check', sql`${t.status} in ('planned','reported')`),
    check('self_inspection_dates_check', sql`${t.endsOn} >= ${t.startsOn}`),
    check('self_inspection_results_check', sql`(${t.status} = 'reported') = (${t.resultsOn} is not null)`),
    check('self_inspection_counts_check', sql`coalesce(${t.fixedCount}, 0) <= coalesce(${t.shortcomingCount}, 0) and coalesce(${t.inspectedCount}, 0) >= 0`),
  ],
);
