import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { appUser } from './identity.js';
import { xlsxImportColumns, xlsxImportReportColumns, xlsxImportStatusCheck } from '../../jobs/xlsx-import-columns.js';
import { agency, unit } from './registry.js';
import { documentRegisterEntry } from './plans.js';

const timestamps = {
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
};

/** Points with two decimals (7.5, 0.25), read back as numbers. */
const points = () => numeric({ precision: 7, scale: 2, mode: 'number' });

/**
 * One version of an index framework (bộ chỉ số): the PAR Index of a level (province, district,
 * commune…) or a satisfaction index (SIPAS). Frameworks are data, never code (reference.md §1.4:
 * each province issues its own sets, and they change over years). A draft's tree may be edited;
 * publishing freezes it (scores refer to its criteria); a change afterwards is a new version
 * (`previousId`), whose years follow on.
 * Placed by its owner agency (the ministry, a Sở Nội vụ, a town's committee): visible to users
 * under it, managed by those whose `index.manage` reaches it.
 */
export const indexFramework = pgTable(
  'index_framework',
  {
    id: uuid().primaryKey().defaultRandom(),
    ownerAgencyId: uuid()
      .notNull()
      .references(() => agency.id),
    /** Stable across versions ("PAR-XA"): the sheet name of its .xlsx import. */
    code: text().notNull(),
    name: text().notNull(),
    /** 'par' | 'sipas'. */
    kind: text().notNull(),
    /** The unit kinds it scores (ward, commune …). */
    unitKinds: text().array().notNull(),
    revision: integer().notNull().default(1),
    previousId: uuid().references((): AnyPgColumn => indexFramework.id),
    fromYear: integer().notNull(),
    toYear: integer(),
    /** 'sum' (PAR: points out of the applicable maximum) | 'average' (SIPAS: mean of element percentages). */
    aggregation: text().notNull().default('sum'),
    /** A leaf is unmet below this share of its maximum (100: below maximum), unless it sets its own. */
    unmetThresholdPct: points().notNull().default(100),
    /** The legal basis or where the structure comes from. */
    source: text(),
    /** Not confirmed against the primary text: shown as "minh họa" everywhere. */
    illustrative: boolean().notNull().default(false),
    /** 'draft' | 'published'. */
    status: text().notNull().default('draft'),
    createdBy: uuid().references(() => appUser.id),
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('index_framework_owner_code_revision_key').on(t.ownerAgencyId, t.code, t.revision),
    index('index_framework_owner_agency_id_idx').on(t.ownerAgencyId),
    check('index_framework_kind_check', sql`${t.kind} in ('par','sipas')`),
    check('index_framework_status_check', sql`${t.status} in ('draft','published')`),
    check('index_framework_aggregation_check', sql`${t.aggregation} in ('sum','average')`),
    check('index_framework_years_check', sql`${t.toYear} is null or ${t.toYear} >= ${t.fromYear}`),
    check('index_framework_threshold_check', sql`${t.unmetThresholdPct} > 0 and ${t.unmetThresholdPct} <= 100`),
  ],
);

/**
 * A node of a framework's tree: area (lĩnh vực) → criterion (tiêu chí) → sub-criterion (tiêu chí
 * thành phần). Units are scored on leaves; a node's maximum is the sum of its children's.
 */
export const indexCriterion = pgTable(
  'index_criterion',
  {
    id: uuid().primaryKey().defaultRandom(),
    frameworkId: uuid()
      .notNull()
      .references(() => indexFramework.id, { onDelete: 'cascade' }),
    parentId: uuid().references((): AnyPgColumn => indexCriterion.id, { onDelete: 'cascade' }),
    /** 'area' | 'criterion' | 'sub_criterion'. */
    level: text().notNull(),
    /** "1", "1.2", "1.2.3": the column header of the .xlsx import. */
    code: text().notNull(),
    name: text().notNull(),
    maxPoints: points().notNull(),
    /** 'self_assessed' | 'appraised' | 'survey'. */
    scoringMethod: text().notNull().default('appraised'),
    expectedEvidence: text(),
    /** Unmet below these points (overrides the framework's share). */
    unmetBelow: points(),
    position: integer().notNull().default(0),
  },
  (t) => [
    uniqueIndex('index_criterion_framework_code_key').on(t.frameworkId, t.code),
    index('index_criterion_parent_id_idx').on(t.parentId),
    check('index_criterion_level_check', sql`${t.level} in ('area','criterion','sub_criterion')`),
    check('index_criterion_method_check', sql`${t.scoringMethod} in ('self_assessed','appraised','survey')`),
    check('index_criterion_max_check', sql`${t.maxPoints} >= 0`),
  ],
);

/**
 * A unit's scores against one framework for one year: the sheet is the unit of concurrency and
 * audit; its entries are the points per leaf.
 */
export const indexScoreSheet = pgTable(
  'index_score_sheet',
  {
    id: uuid().primaryKey().defaultRandom(),
    frameworkId: uuid()
      .notNull()
      .references(() => indexFramework.id),
    unitId: uuid()
      .notNull()
      .references(() => unit.id),
    year: integer().notNull(),
    /** 'manual' | 'import' | 'demo' (demo data is labelled as such in the UI). */
    origin: text().notNull().default('manual'),
    updatedBy: uuid().references(() => appUser.id),
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('index_score_sheet_framework_unit_year_key').on(t.frameworkId, t.unitId, t.year),
    index('index_score_sheet_unit_id_idx').on(t.unitId, t.year),
    check('index_score_sheet_origin_check', sql`${t.origin} in ('manual','import','demo')`),
  ],
);

/**
 * What a sheet adds up to, kept beside it on every write (writeSheet, the seeds): the dashboard,
 * the results report and the benchmarks aggregate these rows instead of every leaf of every
 * sheet (3,400 units × 10 years × ~30 leaves at national scale). Computed by the one pure module,
 * shared/domain/index-scoring.ts, so the figures equal a unit's sheet and the framework results.
 */
export const indexSheetSummary = pgTable(
  'index_sheet_summary',
  {
    sheetId: uuid()
      .primaryKey()
      .references(() => indexScoreSheet.id, { onDelete: 'cascade' }),
    frameworkId: uuid()
      .notNull()
      .references(() => indexFramework.id),
    unitId: uuid()
      .notNull()
      .references(() => unit.id),
    year: integer().notNull(),
    /** null while no leaf is scored. */
    indexPct: points(),
    total: points().notNull(),
    applicableMax: points().notNull(),
    pointsLost: points().notNull(),
    unmetCount: integer().notNull(),
    /** Per area (a top-level criterion): [{ criterionId, pct }], pct null when the area has no scored leaf. */
    areas: jsonb().notNull().default([]),
  },
  (t) => [index('index_sheet_summary_framework_year_idx').on(t.frameworkId, t.year), index('index_sheet_summary_unit_id_idx').on(t.unitId, t.year)],
);

/** Points of one leaf on a sheet: self-assessed, appraised and final (the index uses final, else appraised, else self). */
export const indexScore = pgTable(
  'index_score',
  {
    sheetId: uuid()
      .notNull()
      .references(() => indexScoreSheet.id, { onDelete: 'cascade' }),
    criterionId: uuid()
      .notNull()
      .references(() => indexCriterion.id),
    selfPoints: points(),
    appraisedPoints: points(),
    finalPoints: points(),
    /** The criterion does not apply to the unit: left out of its maximum (reference.md §1.5). */
    notApplicable: boolean().notNull().default(false),
  },
  (t) => [uniqueIndex('index_score_sheet_criterion_key').on(t.sheetId, t.criterionId), index('index_score_criterion_id_idx').on(t.criterionId)],
);

/**
 * An .xlsx import of a draft framework's criteria tree (area → criterion → sub-criterion), run as
 * a job: the uploaded file (stored by hash), a dry run or not, and what the job found.
 */
export const indexFrameworkImport = pgTable(
  'index_framework_import',
  {
    ...xlsxImportColumns(),
    ...xlsxImportReportColumns(),
    frameworkId: uuid()
      .notNull()
      .references(() => indexFramework.id),
  },
  (t) => [
    index('index_framework_import_framework_id_idx').on(t.frameworkId),
    xlsxImportStatusCheck('index_framework_import', t.status),
  ],
);

/**
 * An .xlsx import of scores, run as a job: the uploaded file (stored by hash), what it was asked
 * to do, and what the job found (row-level errors, counts).
 */
export const indexScoreImport = pgTable(
  'index_score_import',
  {
    ...xlsxImportColumns(),
    ...xlsxImportReportColumns(),
    frameworkId: uuid()
      .notNull()
      .references(() => indexFramework.id),
    year: integer().notNull(),
    /** Which points the file carries: 'self' | 'appraised' | 'final'. */
    pointsKind: text().notNull(),
  },
  (t) => [
    index('index_score_import_framework_id_idx').on(t.frameworkId),
    xlsxImportStatusCheck('index_score_import', t.status),
    check('index_score_import_points_kind_check', sql`${t.pointsKind} in ('self','appraised','final')`),
  ],
);

/**
 * The register of citizens' complaints and feedback (phản ánh, kiến nghị) about a unit: what the
 * seed plan means by "địa bàn có phản ánh, kiến nghị" (part I.2). An input of risk-based targeting.
 */
export const citizenFeedback = pgTable(
  'citizen_feedback',
  {
    id: uuid().primaryKey().defaultRandom(),
    unitId: uuid()
      .notNull()
      .references(() => unit.id),
    agencyId: uuid().references(() => agency.id),
    receivedOn: date({ mode: 'string' }).notNull(),
    /** 'hotline' | 'portal' | 'mailbox' | 'letter' | 'in_person' | 'press' | 'other'. */
    channel: text().notNull(),
    subject: text().notNull(),
    /** 'received' | 'processing' | 'resolved' | 'dismissed'. */
    status: text().notNull().default('received'),
    resolvedOn: date({ mode: 'string' }),
    createdBy: uuid().references(() => appUser.id),
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('citizen_feedback_unit_id_idx').on(t.unitId, t.receivedOn),
    check('citizen_feedback_channel_check', sql`${t.channel} in ('hotline','portal','mailbox','letter','in_person','press','other')`),
    check('citizen_feedback_status_check', sql`${t.status} in ('received','processing','resolved','dismissed')`),
  ],
);

/**
 * The risk-ranking weights an office sets for the units under one unit (a town's wards and
 * communes). Missing: the defaults of shared/domain/risk-ranking.ts.
 */
export const riskWeights = pgTable('risk_weights', {
  unitId: uuid()
    .primaryKey()
    .references(() => unit.id),
  weights: jsonb().notNull(),
  updatedBy: uuid().references(() => appUser.id),
  version: integer().notNull().default(1),
  ...timestamps,
});

/**
 * The annual results report (Báo cáo kết quả kiểm tra công tác CCHC, Decree 30 Mẫu 1.4 BC) of
 * an authority for a year: the standing office drafts and edits the texts, a leader approves and
 * signs it (issued: numbered in the register, frozen). Its figures are the dashboard's, computed
 * for the authority's unit and year (modules/dashboard), live while a draft.
 */
export const resultsReport = pgTable(
  'results_report',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** The People's Committee (or its standing office) that reports. */
    issuingAgencyId: uuid()
      .notNull()
      .references(() => agency.id),
    /** The unit whose season it reports on (the issuing agency's unit). */
    unitId: uuid()
      .notNull()
      .references(() => unit.id),
    year: integer().notNull(),
    status: text().notNull().default('draft'),
    /** Editable texts (ResultsReportContent, validated by zod before it gets here). */
    content: jsonb().notNull(),
    /** The figures as issued (frozen with the document); null while a draft (computed live). */
    figures: jsonb(),
    registerEntryId: uuid().references(() => documentRegisterEntry.id),
    issuedOn: date({ mode: 'string' }),
    issuedBy: uuid().references(() => appUser.id),
    createdBy: uuid().references(() => appUser.id),
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('results_report_issuing_agency_id_year_idx').on(t.issuingAgencyId, t.year),
    check('results_report_status_check', sql`${t.status} in ('draft','issued')`),
    check('results_report_issued_check', sql`(${t.status} = 'issued') = (${t.registerEntryId} is not null)`),
  ],
);

/**
 * The key both roll-ups share: the unit (itself or any unit above the scored ones), framework,
 * year and level of the scored units. A function, so each table gets its own column builders.
 */
const rollupKeyColumns = () => ({
  unitId: uuid()
    .notNull()
    .references(() => unit.id, { onDelete: 'cascade' }),
  frameworkId: uuid()
    .notNull()
    .references(() => indexFramework.id, { onDelete: 'cascade' }),
  year: integer().notNull(),
  level: text().notNull(),
});

/**
 * The index summaries rolled up the unit tree (docs/decisions/dashboard-figures.md): per unit —
 * the unit itself and every unit above it — framework, year and level of the scored units
 * (shared/api/dashboard.schemas.ts `unitLevels`, or 'other'), how many sheets, how many with an
 * index, the sum of their index % and of their unmet criteria. Kept by triggers on
 * `index_sheet_summary` and on `unit` (path or kind changes) in the writing transaction
 * (migration 0034), so the dashboard and the results report read a subtree's figures from one row.
 */
export const indexRollup = pgTable(
  'index_rollup',
  {
    ...rollupKeyColumns(),
    sheets: integer().notNull(),
    scored: integer().notNull(),
    pctSum: numeric({ mode: 'string' }).notNull(),
    unmet: integer().notNull(),
  },
  (t) => [primaryKey({ name: 'index_rollup_pkey', columns: [t.unitId, t.frameworkId, t.year, t.level] })],
);

/** The same roll-up per area (top-level criterion): how many scored sheets have the area scored, the sum of its %. */
export const indexAreaRollup = pgTable(
  'index_area_rollup',
  {
    ...rollupKeyColumns(),
    criterionId: uuid().notNull(),
    n: integer().notNull(),
    pctSum: numeric({ mode: 'string' }).notNull(),
  },
  (t) => [primaryKey({ name: 'index_area_rollup_pkey', columns: [t.unitId, t.frameworkId, t.year, t.level, t.criterionId] })],
);
