import { z } from 'zod';
import { int4, isoDateBetween, optionalText, queryInt4, uuid, version } from './common.js';
import { documentText } from './documents.schemas.js';

/**
 * The units' self-inspection (tự kiểm tra CCHC, issue 9 §6, M16): a unit's plan for a year and
 * its results; the standing office's overview of a year with the roll-up of what units found.
 */

const day = isoDateBetween(1990);
export const selfInspectionYear = int4().min(1990).max(2199);
const count = int4().min(0).max(100000);

export const selfInspectionStatuses = ['planned', 'reported'] as const;
export type SelfInspectionStatus = (typeof selfInspectionStatuses)[number];

const planFields = {
  /** Số, ký hiệu of the unit's plan ("12/KH-UBND"), when issued. */
  documentNumber: optionalText(100),
  issuedOn: day.nullish(),
  /** What the unit inspects itself on. */
  content: documentText(4000),
  /** Which departments, desks or sub-units (phạm vi, đối tượng). */
  scope: documentText(2000),
  startsOn: day,
  endsOn: day,
};

export const createSelfInspectionBody = z.object({
  /** The unit (agency) whose plan it is: the caller's own (another unit's is not found). */
  agencyId: uuid,
  year: selfInspectionYear,
  ...planFields,
});

export const updateSelfInspectionBody = z.object({
  version,
  documentNumber: planFields.documentNumber,
  issuedOn: planFields.issuedOn,
  content: planFields.content.optional(),
  scope: planFields.scope.optional(),
  startsOn: day.optional(),
  endsOn: day.optional(),
});

/** The results of a self-inspection: figures, what was found and what was done about it. */
export const recordSelfInspectionResultsBody = z.object({
  version,
  resultsOn: day,
  inspectedCount: count,
  shortcomingCount: count,
  fixedCount: count,
  findings: documentText(8000),
  remedies: optionalText(4000),
  /** The unit's submission of the reports module's self-inspection results template, when sent that way. */
  resultSubmissionId: uuid.nullish(),
});

export const listSelfInspectionsQuery = z.object({
  year: queryInt4().min(1990).max(2199).optional(),
  agencyId: uuid.optional(),
  status: z.enum(selfInspectionStatuses).optional(),
});

export const selfInspectionSchema = z.object({
  id: z.uuid(),
  agencyId: z.uuid(),
  agencyName: z.string(),
  year: z.number().int(),
  documentNumber: z.string().nullable(),
  issuedOn: z.string().nullable(),
  content: z.string(),
  scope: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  status: z.enum(selfInspectionStatuses),
  resultsOn: z.string().nullable(),
  inspectedCount: z.number().int().nullable(),
  shortcomingCount: z.number().int().nullable(),
  fixedCount: z.number().int().nullable(),
  findings: z.string().nullable(),
  remedies: z.string().nullable(),
  resultSubmissionId: z.uuid().nullable(),
  /** Files attached as the plan document. */
  planDocumentCount: z.number().int(),
  abilities: z.object({ update: z.boolean(), recordResults: z.boolean() }),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type SelfInspection = z.infer<typeof selfInspectionSchema>;
export const selfInspectionListResponse = z.object({ items: z.array(selfInspectionSchema) });

export const selfInspectionOverviewQuery = z.object({ year: queryInt4().min(1990).max(2199) });
export const selfInspectionOverviewSchema = z.object({
  year: z.number().int(),
  /** Every inspected unit in the caller's reach (offices, departments, commune-level committees) and where its self-inspection stands. */
  units: z.array(
    z.object({
      agencyId: z.uuid(),
      agencyName: z.string(),
      selfInspectionId: z.uuid().nullable(),
      hasPlan: z.boolean(),
      hasResults: z.boolean(),
      inspectedCount: z.number().int().nullable(),
      shortcomingCount: z.number().int().nullable(),
      fixedCount: z.number().int().nullable(),
    }),
  ),
  /** The roll-up of the year: units, plans and results, and the sums of what they found. */
  totals: z.object({
    units: z.number().int(),
    withPlan: z.number().int(),
    withResults: z.number().int(),
    inspected: z.number().int(),
    shortcomings: z.number().int(),
    fixed: z.number().int(),
  }),
});
export type SelfInspectionOverview = z.infer<typeof selfInspectionOverviewSchema>;
