import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { appUser } from './identity.js';
import { agency } from './registry.js';

const timestamps = {
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
};

/**
 * The next free number of an issuing agency in a calendar year (Decree 30, Điều 15: numbers run
 * from 01 on 1 January). One sequence per agency and year shared by every document type — see
 * docs/decisions/document-numbering.md. The issuing transaction bumps the row with
 * `insert … on conflict do update set next_number = next_number + 1 returning`, which holds the
 * row lock until commit: two issues at the same moment queue on it and never share a number,
 * and a rolled-back issue gives its number back (no gap).
 */
export const documentCounter = pgTable(
  'document_counter',
  {
    agencyId: uuid()
      .notNull()
      .references(() => agency.id),
    year: integer().notNull(),
    nextNumber: integer().notNull().default(1),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'document_counter_pkey', columns: [t.agencyId, t.year] }), check('document_counter_next_number_check', sql`${t.nextNumber} >= 1`)],
);

/**
 * The register of issued documents (sổ đăng ký văn bản đi). The unique (agency, year, number)
 * is the last line of defence behind the counter.
 */
export const documentRegisterEntry = pgTable(
  'document_register_entry',
  {
    id: uuid().primaryKey().defaultRandom(),
    agencyId: uuid()
      .notNull()
      .references(() => agency.id),
    year: integer().notNull(),
    number: integer().notNull(),
    typeCode: text().notNull(),
    /** "KH-UBND": fixed at issue, so renaming the agency's abbreviation later rewrites no history. */
    symbol: text().notNull(),
    summary: text().notNull(),
    issuedOn: date({ mode: 'string' }).notNull(),
    signerName: text().notNull(),
    signerPosition: text().notNull(),
    /** 'plan' | 'team' | null (a document kept only in the register). */
    subjectType: text(),
    subjectId: uuid(),
    createdBy: uuid().references(() => appUser.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('document_register_entry_agency_year_number_key').on(t.agencyId, t.year, t.number),
    index('document_register_entry_subject_idx').on(t.subjectType, t.subjectId),
    check('document_register_entry_number_check', sql`${t.number} >= 1`),
    check('document_register_entry_year_check', sql`${t.year} = extract(year from ${t.issuedOn})::int`),
  ],
);

/**
 * One version of an inspection plan. An amendment is a new row in the same series
 * (`seriesId` = the first version's id) linked to the issued version it amends; issuing it
 * marks that one superseded. Content is frozen from issue on (shared/domain/plan-status.ts).
 */
export const inspectionPlan = pgTable(
  'inspection_plan',
  {
    id: uuid().primaryKey().defaultRandom(),
    seriesId: uuid().notNull(),
    revision: integer().notNull().default(1),
    amendsPlanId: uuid().references((): AnyPgColumn => inspectionPlan.id),
    issuingAgencyId: uuid()
      .notNull()
      .references(() => agency.id),
    year: integer().notNull(),
    status: text().notNull().default('draft'),
    /** "YYYY-MM": first and last month of the inspection window. */
    periodFrom: text().notNull(),
    periodTo: text().notNull(),
    /** Every section as structured text (PlanContent, validated by zod before it gets here). */
    content: jsonb().notNull(),
    registerEntryId: uuid().references(() => documentRegisterEntry.id),
    issuedOn: date({ mode: 'string' }),
    issuedBy: uuid().references(() => appUser.id),
    createdBy: uuid().references(() => appUser.id),
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('inspection_plan_issuing_agency_year_idx').on(t.issuingAgencyId, t.year),
    // The order of the plan list (newest year first), so a page stops after its rows.
    index('inspection_plan_list_order_idx').on(t.year.desc().nullsFirst(), t.seriesId, t.revision.desc().nullsFirst()),
    uniqueIndex('inspection_plan_series_revision_key').on(t.seriesId, t.revision),
    index('inspection_plan_amends_plan_id_idx').on(t.amendsPlanId),
    check('inspection_plan_status_check', sql`${t.status} in ('draft','submitted','issued','in_progress','closed','superseded')`),
    check('inspection_plan_period_check', sql`${t.periodFrom} ~ '^\\d{4}-(0[1-9]|1[0-2])$' and ${t.periodTo} ~ '^\\d{4}-(0[1-9]|1[0-2])$' and ${t.periodTo} >= ${t.periodFrom}`),
    check('inspection_plan_issued_check', sql`(${t.status} in ('draft','submitted')) = (${t.registerEntryId} is null)`),
  ],
);

/** The agencies a plan inspects, chosen from the registry. */
export const inspectionPlanTarget = pgTable(
  'inspection_plan_target',
  {
    planId: uuid()
      .notNull()
      .references(() => inspectionPlan.id, { onDelete: 'cascade' }),
    agencyId: uuid()
      .notNull()
      .references(() => agency.id),
    position: integer().notNull().default(0),
  },
  (t) => [primaryKey({ name: 'inspection_plan_target_pkey', columns: [t.planId, t.agencyId] }), index('inspection_plan_target_agency_id_idx').on(t.agencyId)],
);

/** An inspection team of a plan, founded by a decision of the Chairman (a QĐ in the register). */
export const inspectionTeam = pgTable(
  'inspection_team',
  {
    id: uuid().primaryKey().defaultRandom(),
    planId: uuid()
      .notNull()
      .references(() => inspectionPlan.id),
    name: text().notNull(),
    status: text().notNull().default('draft'),
    /** Editable texts of the founding decision (TeamDecision). */
    decision: jsonb().notNull(),
    registerEntryId: uuid().references(() => documentRegisterEntry.id),
    issuedOn: date({ mode: 'string' }),
    createdBy: uuid().references(() => appUser.id),
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('inspection_team_plan_id_idx').on(t.planId),
    check('inspection_team_status_check', sql`${t.status} in ('draft','founded')`),
    check('inspection_team_founded_check', sql`(${t.status} = 'founded') = (${t.registerEntryId} is not null)`),
  ],
);

export const inspectionTeamMember = pgTable(
  'inspection_team_member',
  {
    id: uuid().primaryKey().defaultRandom(),
    teamId: uuid()
      .notNull()
      .references(() => inspectionTeam.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    honorific: text(),
    fullName: text().notNull(),
    title: text().notNull(),
    agencyId: uuid()
      .notNull()
      .references(() => agency.id),
    role: text().notNull(),
    userId: uuid().references(() => appUser.id),
  },
  (t) => [
    index('inspection_team_member_team_id_idx').on(t.teamId),
    check('inspection_team_member_role_check', sql`${t.role} in ('truong_doan','pho_truong_doan','thanh_vien','thu_ky')`),
    // At most one head per team; "exactly one" is checked when the team is founded.
    uniqueIndex('inspection_team_member_one_head_key').on(t.teamId).where(sql`${t.role} = 'truong_doan'`),
  ],
);
