import { z } from 'zod';
import { inspectionKinds } from '../domain/inspection-status.js';
import { isoDate, queryInt4, version } from './common.js';
import { dashboardResponse } from './dashboard.schemas.js';
import { documentText } from './documents.schemas.js';
import { signatureInput, signatureSchema } from './plans.schemas.js';

/**
 * The annual results report (Báo cáo kết quả kiểm tra công tác cải cách hành chính, reference
 * §4.2 g; Decree 30 Mẫu 1.4, BC): texts the standing office edits, figures from the data (the
 * dashboard's, for the reporting authority's unit and year), signed by a leader at issue.
 * Each text is plain: one paragraph per line.
 */
const contentShape = (str: (max: number) => z.ZodType<string, string>, lines: z.ZodType<string[], string[]>) => ({
  /** Trích yếu: "Kết quả kiểm tra công tác cải cách hành chính năm 2021". */
  summary: str(500),
  legalBases: lines,
  /** I. How the inspection was organised (the plan, the team, the units and forms are printed from the data after it). */
  organisation: str(20000),
  /** II.1 Results and good practices. */
  strengths: str(20000),
  /** II.2 Shortcomings and their causes, per area. */
  shortcomings: str(20000),
  /** III. Measures taken: conclusions issued, remediation, escalations. */
  measures: str(20000),
  /** IV. Proposals. */
  proposals: str(20000),
  recipients: lines,
});
const inText = (max: number) => documentText(max, 0) as unknown as z.ZodType<string, string>;
const inLines = z.array(documentText(2000)).max(40) as unknown as z.ZodType<string[], string[]>;
const outLines = z.array(z.string()) as unknown as z.ZodType<string[], string[]>;

/**
 * Strict at every level (docs/decisions/strict-request-bodies.md): a misspelled text or signature
 * key (`shortcoming`, `signature.signerName`) is refused with 400 `unknown` at its nested path
 * (`body.content.shortcoming`) instead of being dropped while the request answers 200.
 */
export const resultsReportContentInput = z.object({ ...contentShape(inText, inLines), signature: signatureInput.strict() }).strict();
export const resultsReportContentSchema = z.object({ ...contentShape(() => z.string(), outLines), signature: signatureSchema });
export type ResultsReportContent = z.infer<typeof resultsReportContentSchema>;

export const createResultsReportBody = z.object({
  /** Up to this year (in Việt Nam): a later one is 400 `body.year` `in_future`. */
  year: z.number().int().min(1990).max(2100),
  /** The People's Committee that reports (default: the one of the office's unit). */
  issuingAgencyId: z.uuid().optional(),
});
export const updateResultsReportBody = z.object({ version, content: resultsReportContentInput.partial() });
/** The version the office saw (a stale one is 409). */
export const deleteResultsReportQuery = z.object({ version: queryInt4().min(1) }).strict();
export const issueResultsReportBody = z.object({ version, issuedOn: isoDate, signature: signatureInput.optional() });
export const listResultsReportsQuery = z.object({ year: queryInt4().min(1990).max(2100).optional() });

/**
 * The figures printed in the report: the dashboard's with `issuer=own` (live while a draft, as
 * issued afterwards), and the season's records the report names beyond them (absent from reports
 * issued before they were kept).
 */
export const reportFiguresSchema = dashboardResponse.omit({ choices: true, ranking: true }).extend({
  facts: z
    .object({
      /** The agencies visited (cancelled visits left out), by kind of visit. */
      inspectedByKind: z.array(z.object({ kind: z.enum(inspectionKinds), agencies: z.array(z.string()) })),
      conclusionsIssued: z.number().int(),
      /** Visits closed without an issued conclusion yet. */
      conclusionsPending: z.number().int(),
      /** Escalations sent (not drafts), and of those accepted or concluded. */
      escalations: z.object({ sent: z.number().int(), accepted: z.number().int() }),
    })
    .optional(),
});

export const resultsReportSchema = z.object({
  id: z.uuid(),
  issuingAgencyId: z.uuid(),
  issuingAgencyName: z.string(),
  unitId: z.uuid(),
  unitName: z.string(),
  year: z.number().int(),
  status: z.enum(['draft', 'issued']),
  content: resultsReportContentSchema,
  number: z.number().int().nullable(),
  symbol: z.string().nullable(),
  issuedOn: z.string().nullable(),
  figures: reportFiguresSchema,
  version: z.number().int(),
  /** delete: the office may discard the draft (an issued report stays). */
  abilities: z.object({ update: z.boolean(), issue: z.boolean(), delete: z.boolean() }),
});
export type ResultsReportDto = z.infer<typeof resultsReportSchema>;
export const resultsReportListResponse = z.object({
  items: z.array(resultsReportSchema.omit({ content: true, figures: true })),
});
