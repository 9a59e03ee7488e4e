import { z } from 'zod';
import { int4, isoDate, optionalText, queryInt4, text, uuid, version } from './common.js';
import { unitKinds } from './registry.schemas.js';

/** Index frameworks (PAR Index, SIPAS), their criteria trees and units' scores (issue 11 §1–2). */

export const frameworkKinds = ['par', 'sipas'] as const;
export type FrameworkKind = (typeof frameworkKinds)[number];
export const criterionLevels = ['area', 'criterion', 'sub_criterion'] as const;
export type CriterionLevel = (typeof criterionLevels)[number];
export const scoringMethods = ['self_assessed', 'appraised', 'survey'] as const;
export type ScoringMethod = (typeof scoringMethods)[number];
export const aggregations = ['sum', 'average'] as const;
export const frameworkStatuses = ['draft', 'published'] as const;
export const pointsKinds = ['self', 'appraised', 'final'] as const;
export type PointsKind = (typeof pointsKinds)[number];

/** Years the app deals in. */
export const indexYear = () => int4().min(1990).max(2100);
export const queryYear = () => queryInt4().min(1990).max(2100);

/** Points with at most two decimals (7.5, 0.25), as the columns hold them. */
export const pointsValue = () =>
  z
    .number()
    .min(0)
    .max(10000)
    .refine((x) => Math.abs(x * 100 - Math.round(x * 100)) < 1e-6, { message: 'at most two decimals', params: { code: 'too_many_decimals' } });

/** A criterion as sent: children nested, codes unique in the framework. */
export interface CriterionInput {
  code: string;
  name: string;
  maxPoints: number;
  scoringMethod?: ScoringMethod;
  expectedEvidence?: string | null;
  unmetBelow?: number | null;
  children?: CriterionInput[];
}
const criterionCode = () => text(20).pipe(z.string().regex(/^\d+(\.\d+){0,3}$/, 'a code like 1, 1.2 or 1.2.3'));
export const criterionInput: z.ZodType<CriterionInput> = z.lazy(() =>
  z.object({
    code: criterionCode(),
    name: text(500),
    maxPoints: pointsValue(),
    scoringMethod: z.enum(scoringMethods).optional(),
    expectedEvidence: optionalText(2000),
    unmetBelow: pointsValue().nullish(),
    children: z.array(criterionInput).max(200).optional(),
  }),
) as z.ZodType<CriterionInput>;

const frameworkFields = {
  code: text(40).pipe(z.string().regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ (the sheet name of its import)')),
  name: text(300),
  kind: z.enum(frameworkKinds),
  unitKinds: z.array(z.enum(unitKinds)).min(1).max(unitKinds.length),
  fromYear: indexYear(),
  toYear: indexYear().nullish(),
  aggregation: z.enum(aggregations).optional(),
  unmetThresholdPct: pointsValue().refine((x) => x > 0 && x <= 100, 'between 0 and 100').optional(),
  source: optionalText(1000),
  illustrative: z.boolean().optional(),
};

export const createFrameworkBody = z.object({
  ownerAgencyId: uuid,
  ...frameworkFields,
  criteria: z.array(criterionInput).max(50).default([]),
});
export type CreateFrameworkBody = z.infer<typeof createFrameworkBody>;

/** Replaces a draft's fields and, when given, its whole tree. */
export const updateFrameworkBody = z.object({
  version,
  name: frameworkFields.name.optional(),
  unitKinds: frameworkFields.unitKinds.optional(),
  fromYear: frameworkFields.fromYear.optional(),
  toYear: frameworkFields.toYear,
  aggregation: frameworkFields.aggregation,
  unmetThresholdPct: frameworkFields.unmetThresholdPct,
  source: frameworkFields.source,
  illustrative: frameworkFields.illustrative,
  criteria: z.array(criterionInput).max(50).optional(),
});
export const frameworkVersionBody = z.object({ version });

export const listFrameworksQuery = z.object({
  kind: z.enum(frameworkKinds).optional(),
  year: queryYear().optional(),
  unitKind: z.enum(unitKinds).optional(),
});

export const criterionSchema = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  level: z.enum(criterionLevels),
  code: z.string(),
  name: z.string(),
  maxPoints: z.number(),
  scoringMethod: z.enum(scoringMethods),
  expectedEvidence: z.string().nullable(),
  unmetBelow: z.number().nullable(),
  position: z.number().int(),
});
export type Criterion = z.infer<typeof criterionSchema>;

export const frameworkSummarySchema = z.object({
  id: z.uuid(),
  ownerAgencyId: z.uuid(),
  ownerAgencyName: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(frameworkKinds),
  unitKinds: z.array(z.enum(unitKinds)),
  revision: z.number().int(),
  previousId: z.uuid().nullable(),
  fromYear: z.number().int(),
  toYear: z.number().int().nullable(),
  aggregation: z.enum(aggregations),
  unmetThresholdPct: z.number(),
  source: z.string().nullable(),
  illustrative: z.boolean(),
  status: z.enum(frameworkStatuses),
  maxPoints: z.number(),
  leafCount: z.number().int(),
  version: z.number().int(),
});
export type FrameworkSummary = z.infer<typeof frameworkSummarySchema>;

export const frameworkAbilitiesSchema = z.object({
  update: z.boolean(),
  publish: z.boolean(),
  newVersion: z.boolean(),
  score: z.boolean(),
  import: z.boolean(),
});
export const frameworkDetailSchema = frameworkSummarySchema.extend({
  criteria: z.array(criterionSchema),
  abilities: frameworkAbilitiesSchema,
});
export type FrameworkDetail = z.infer<typeof frameworkDetailSchema>;
export const frameworkListResponse = z.object({ items: z.array(frameworkSummarySchema) });

// ---- Scores ----------------------------------------------------------------------------------

export const sheetParams = z.object({ id: uuid, unitId: uuid, year: queryYear() });

export const scoreEntryInput = z.object({
  criterionId: uuid,
  selfPoints: pointsValue().nullable().default(null),
  appraisedPoints: pointsValue().nullable().default(null),
  finalPoints: pointsValue().nullable().default(null),
  notApplicable: z.boolean().default(false),
});
/**
 * Saves a whole sheet (PUT): every leaf of the framework once (a leaf left empty is not scored),
 * so what is not sent is never wiped by accident. `version` null creates it, otherwise the
 * version it was read at.
 */
export const saveSheetBody = z.object({
  version: version.nullable(),
  entries: z.array(scoreEntryInput).max(1000),
});
export type SaveSheetBody = z.infer<typeof saveSheetBody>;

/** One leaf's change (PATCH): a field left out keeps what is saved; null clears it. */
export const scoreEntryPatch = z.object({
  criterionId: uuid,
  selfPoints: pointsValue().nullable().optional(),
  appraisedPoints: pointsValue().nullable().optional(),
  finalPoints: pointsValue().nullable().optional(),
  notApplicable: z.boolean().optional(),
});
/**
 * Changes some leaves of a sheet (PATCH), keeping every other leaf as saved, as the .xlsx import
 * merges. `version` null creates the sheet.
 */
export const patchSheetBody = z.object({
  version: version.nullable(),
  entries: z.array(scoreEntryPatch).min(1).max(1000),
});
export type PatchSheetBody = z.infer<typeof patchSheetBody>;

export const scoreEntrySchema = z.object({
  criterionId: z.uuid(),
  selfPoints: z.number().nullable(),
  appraisedPoints: z.number().nullable(),
  finalPoints: z.number().nullable(),
  notApplicable: z.boolean(),
  unmet: z.boolean(),
});
export const unmetLeafSchema = z.object({
  criterionId: z.uuid(),
  code: z.string(),
  name: z.string(),
  points: z.number(),
  maxPoints: z.number(),
  threshold: z.number(),
  lost: z.number(),
});
export const sheetSummarySchema = z.object({
  total: z.number(),
  applicableMax: z.number(),
  indexPct: z.number().nullable(),
  pointsLost: z.number(),
  unmet: z.array(unmetLeafSchema),
  scoredLeaves: z.number().int(),
  applicableLeaves: z.number().int(),
  leafCount: z.number().int(),
  /** Every applicable leaf scored: only then has the sheet an index % (counted in averages and ranks). */
  complete: z.boolean(),
});
export const origins = ['manual', 'import', 'demo'] as const;
export const sheetSchema = z.object({
  frameworkId: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  year: z.number().int(),
  /** null: nothing saved yet. */
  version: z.number().int().nullable(),
  origin: z.enum(origins).nullable(),
  updatedAt: z.string().nullable(),
  entries: z.array(scoreEntrySchema),
  summary: sheetSummarySchema,
  abilities: z.object({ update: z.boolean() }),
});
export type Sheet = z.infer<typeof sheetSchema>;

/** One unit's line in a framework's results for a year. */
export const resultRowSchema = z.object({
  unitId: z.uuid(),
  unitName: z.string(),
  unitKind: z.string(),
  origin: z.enum(origins),
  total: z.number(),
  applicableMax: z.number(),
  indexPct: z.number().nullable(),
  pointsLost: z.number(),
  unmetCount: z.number().int(),
  /** Every applicable criterion scored; an incomplete sheet has no index or rank ("chưa chấm đủ"). */
  complete: z.boolean(),
  rank: z.number().int().nullable(),
  peerCount: z.number().int(),
});
export type ResultRow = z.infer<typeof resultRowSchema>;
export const resultsQuery = z.object({
  year: queryYear(),
  parentUnitId: uuid.optional(),
  /** The units in this unit's subtree (itself included): the dashboard's index figures link here with their root. */
  unitId: uuid.optional(),
});
export const resultsResponse = z.object({
  frameworkId: z.uuid(),
  year: z.number().int(),
  /** The mean index % of the units listed (those the caller reads); null when fewer than two are scored. */
  average: z.number().nullable(),
  /** How many units the average is over. */
  averageOf: z.number().int(),
  items: z.array(resultRowSchema),
});

/** A unit's history: each framework and year it was scored in, with its rank among its peers. */
export const historyEntrySchema = z.object({
  frameworkId: z.uuid(),
  frameworkCode: z.string(),
  frameworkName: z.string(),
  kind: z.enum(frameworkKinds),
  illustrative: z.boolean(),
  year: z.number().int(),
  origin: z.enum(origins),
  total: z.number(),
  applicableMax: z.number(),
  indexPct: z.number().nullable(),
  pointsLost: z.number(),
  unmet: z.array(unmetLeafSchema),
  rank: z.number().int().nullable(),
  peerCount: z.number().int(),
  peerAverage: z.number().nullable(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;
export const unitHistoryResponse = z.object({ unitId: z.uuid(), unitName: z.string(), items: z.array(historyEntrySchema) });

// ---- .xlsx import of scores (a job) ----------------------------------------------------------

export const scoreImportQuery = z.object({
  year: queryYear(),
  /** Which points the file's cells are: self-assessed, appraised or final. */
  points: z.enum(pointsKinds).default('final'),
  dryRun: z.enum(['true', 'false']).default('false'),
});

/** Why a workbook, a row or a cell was refused: a stable code, where, and the offending value. */
export const importErrorCodes = [
  'unreadable_file',
  'workbook_too_large',
  'sheet_not_found',
  'no_unit_column',
  'no_criterion_columns',
  'unknown_criterion',
  'not_a_leaf',
  'duplicate_column',
  'unknown_unit',
  'ambiguous_unit',
  'duplicate_unit',
  'not_a_number',
  'too_many_decimals',
  'negative',
  'above_maximum',
  'too_many_rows',
  'formula',
  'too_many_errors',
  // A framework's criteria workbook (criteria import).
  'no_code_column',
  'bad_code',
  'duplicate_code',
  'unknown_parent',
  'too_deep',
  'missing_name',
  'missing_points',
  'max_points_mismatch',
  'unknown_scoring_method',
  'text_too_long',
  'no_criteria',
] as const;
export type ImportErrorCode = (typeof importErrorCodes)[number];
export const importErrorSchema = z.object({
  code: z.enum(importErrorCodes),
  sheet: z.string().nullable(),
  /** 1-based row number as Excel shows it. */
  row: z.number().int().nullable(),
  /** Column letter(s) as Excel shows them. */
  column: z.string().nullable(),
  value: z.string().nullable(),
  /** Extra figures for the message: the maximum, the first row of a duplicate, the sheets found. */
  params: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
});
export type ImportError = z.infer<typeof importErrorSchema>;

export const importStatuses = ['queued', 'running', 'done', 'rejected', 'failed'] as const;
export const scoreImportSchema = z.object({
  id: z.uuid(),
  frameworkId: z.uuid(),
  year: z.number().int(),
  points: z.enum(pointsKinds),
  dryRun: z.boolean(),
  fileName: z.string().nullable(),
  status: z.enum(importStatuses),
  errors: z.array(importErrorSchema),
  summary: z
    .object({
      rows: z.number().int(),
      units: z.number().int(),
      values: z.number().int(),
      sheetsCreated: z.number().int(),
      sheetsUpdated: z.number().int(),
    })
    .nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ScoreImport = z.infer<typeof scoreImportSchema>;

/** An import of a draft framework's criteria tree from .xlsx (a job): what it found or did. */
export const frameworkImportQuery = z.object({ dryRun: z.enum(['true', 'false']).optional() });
export const frameworkImportSchema = z.object({
  id: z.uuid(),
  frameworkId: z.uuid(),
  dryRun: z.boolean(),
  fileName: z.string().nullable(),
  status: z.enum(importStatuses),
  errors: z.array(importErrorSchema),
  summary: z
    .object({
      rows: z.number().int(),
      areas: z.number().int(),
      criteria: z.number().int(),
      subCriteria: z.number().int(),
      maxPoints: z.number(),
    })
    .nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type FrameworkImport = z.infer<typeof frameworkImportSchema>;

// ---- Citizens' complaints and feedback (phản ánh, kiến nghị) ----------------------------------

export const feedbackChannels = ['hotline', 'portal', 'mailbox', 'letter', 'in_person', 'press', 'other'] as const;
export const feedbackStatuses = ['received', 'processing', 'resolved', 'dismissed'] as const;
export type FeedbackStatus = (typeof feedbackStatuses)[number];

export const createFeedbackBody = z.object({
  unitId: uuid,
  agencyId: uuid.nullish(),
  receivedOn: isoDate,
  channel: z.enum(feedbackChannels),
  subject: text(1000),
  status: z.enum(feedbackStatuses).optional(),
  resolvedOn: isoDate.nullish(),
});
export const updateFeedbackBody = z.object({
  version,
  receivedOn: isoDate.optional(),
  channel: z.enum(feedbackChannels).optional(),
  subject: text(1000).optional(),
  status: z.enum(feedbackStatuses).optional(),
  resolvedOn: isoDate.nullish(),
});
export const listFeedbackQuery = z.object({
  unitId: uuid.optional(),
  year: queryYear().optional(),
  status: z.enum(feedbackStatuses).optional(),
});
export const feedbackSchema = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  agencyId: z.uuid().nullable(),
  agencyName: z.string().nullable(),
  receivedOn: z.string(),
  channel: z.enum(feedbackChannels),
  subject: z.string(),
  status: z.enum(feedbackStatuses),
  resolvedOn: z.string().nullable(),
  version: z.number().int(),
  abilities: z.object({ update: z.boolean() }),
});
export type Feedback = z.infer<typeof feedbackSchema>;
export const feedbackListResponse = z.object({ items: z.array(feedbackSchema) });

// ---- Risk-based targeting -------------------------------------------------------------------

export const riskFactorNames = ['unmet', 'pointsLost', 'lowIndex', 'lowSatisfaction', 'complaints', 'sinceInspection', 'openActions', 'overdueActions', 'overdueTasks', 'lateReports'] as const;
const weight = () => z.number().min(0).max(10);
export const riskWeightsSchema = z.object(Object.fromEntries(riskFactorNames.map((f) => [f, weight()])) as Record<(typeof riskFactorNames)[number], ReturnType<typeof weight>>);
export const riskWeightsParams = z.object({ unitId: uuid });
export const riskWeightsResponse = z.object({
  unitId: z.uuid(),
  weights: riskWeightsSchema,
  /** null: the defaults, never saved. */
  version: z.number().int().nullable(),
  abilities: z.object({ update: z.boolean() }),
});
export const saveRiskWeightsBody = z.object({ version: version.nullable(), weights: riskWeightsSchema });

export const riskRankingQuery = z.object({
  /** The unit whose wards and communes (or other units below) are ranked. */
  parentUnitId: uuid,
  year: queryYear(),
});
export const riskFactorScoreSchema = z.object({
  factor: z.enum(riskFactorNames),
  value: z.number().nullable(),
  normalized: z.number(),
  weight: z.number(),
  contribution: z.number(),
});
export const rankedUnitSchema = z.object({
  unitId: z.uuid(),
  unitName: z.string(),
  unitKind: z.string(),
  /** The unit's People's Committee: what a plan targets. */
  targetAgencyId: z.uuid().nullable(),
  rank: z.number().int(),
  score: z.number(),
  factors: z.array(riskFactorScoreSchema),
  figures: z.object({
    unmetCount: z.number().nullable(),
    pointsLost: z.number().nullable(),
    indexPct: z.number().nullable(),
    satisfactionPct: z.number().nullable(),
    complaints: z.number().int(),
    lastInspectedYear: z.number().int().nullable(),
    /** Counts from the modules' sources (null: no source); missingReports: the late reports never sent. */
    openActions: z.number().int().nullable(),
    overdueActions: z.number().int().nullable(),
    overdueTasks: z.number().int().nullable(),
    lateReports: z.number().int().nullable(),
    missingReports: z.number().int().nullable(),
  }),
  explanation: z.object({ vi: z.string(), en: z.string() }),
});
export type RankedUnitDto = z.infer<typeof rankedUnitSchema>;
export const riskRankingResponse = z.object({
  parentUnitId: z.uuid(),
  year: z.number().int(),
  /** The day "overdue" and "missing" are judged at: today, or 1 January after the year if earlier. */
  referenceDate: isoDate,
  parFramework: z.object({ id: z.uuid(), name: z.string(), illustrative: z.boolean() }).nullable(),
  sipasFramework: z.object({ id: z.uuid(), name: z.string(), illustrative: z.boolean() }).nullable(),
  averageIndex: z.number().nullable(),
  averageSatisfaction: z.number().nullable(),
  unavailable: z.array(z.enum(riskFactorNames)),
  weights: riskWeightsSchema,
  items: z.array(rankedUnitSchema),
});
export type RiskRankingDto = z.infer<typeof riskRankingResponse>;
