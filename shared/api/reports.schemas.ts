import { z } from 'zod';
import { MAX_TEMPLATE_ATTACHMENTS } from '../domain/report-attachments.js';
import { submissionDisplayStatuses, submissionMoves, submissionStatuses } from '../domain/report-status.js';
import { cellTypes } from '../domain/report-tables.js';
import { int4, isoDate, plainString, queryInt4, version } from './common.js';
import { documentText } from './documents.schemas.js';
import { signatureInput, signatureSchema } from './plans.schemas.js';

/**
 * Reports (issue 9 §1–5): templates (sections, typed data tables, required attachments), report
 * requests (periodic, ad hoc, pre-visit), units' submissions and their review.
 */

const key = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'a key such as dossiers_received');
const label = (max: number) => documentText(max);

const tableCheck = z.object({
  across: z.enum(['columns', 'rows']),
  parts: z.array(key).min(1).max(20),
  whole: key,
  in: z.array(key).min(1).max(20).optional(),
});

/** The template's shape, for requests (texts cleaned, defaults filled) and for responses (plain strings). */
function bodySchemas(text: (max: number, min?: number) => z.ZodType<string, string>, input: boolean) {
  const dflt = <T extends z.ZodType>(schema: T, value: z.output<T>) => (input ? schema.default(value as never) : schema) as unknown as T;
  const section = z.object({
    type: z.literal('section'),
    key,
    heading: text(500),
    /** What the unit should write (shown above the answer, printed in a blank outline). */
    guidance: dflt(text(4000, 0), ''),
    /** false: a heading only (groups what follows). */
    answer: dflt(z.boolean(), true),
  });
  /** A percentage the template defines as numerator / denominator (sums of number columns of the row): recomputed from sums, never averaged. */
  const ratio = z.object({ numerator: z.array(key).min(1).max(20), denominator: z.array(key).min(1).max(20) });
  const column = z.object({ key, label: text(200), type: z.enum(cellTypes), total: dflt(z.boolean(), false), ratio: ratio.optional() });
  const table = z.object({
    type: z.literal('table'),
    key,
    title: text(500),
    guidance: dflt(text(4000, 0), ''),
    columns: z.array(column).min(1).max(20),
    /** Fixed rows (their labels are the first column); null: the unit adds rows (up to maxRows). */
    fixedRows: dflt(z.array(z.object({ key, label: text(300) })).min(1).max(200).nullable(), null),
    maxRows: dflt(int4().min(1).max(1000), 200),
    /**
     * false: the rows measure different things (tasks, units, issues), so no "Tổng cộng" row sums
     * them (a compilation still sums each row over the units). Absent: a total row when a column totals.
     */
    totalRow: z.boolean().optional(),
    /**
     * Cross-field checks (shared/domain/report-checks.ts): a part at most its whole, across
     * columns of a row or rows of a column. Enforced on submit and on an .xlsx import, shown as
     * the unit types. Absent in templates stored before them.
     */
    checks: z.array(tableCheck).max(50).optional(),
  });
  const item = z.discriminatedUnion('type', [section, table]);
  /**
   * `purpose`: what its files are kept under (shared/domain/report-attachments.ts) — the report
   * made outside (`report_file`), evidence, or an `attachment_<n>` slot; absent: its own slot by
   * position. A purpose the report's files do not know is refused (400 unknown_purpose).
   */
  const attachment = z.object({ label: text(300), required: dflt(z.boolean(), true), purpose: z.string().max(40).optional() });
  const body = z.object({
    items: z.array(item).max(100),
    /** Attachments the unit sends with the report; the i-th is attached as its `purpose`, or `attachment_<i+1>`. */
    attachments: dflt(z.array(attachment).max(MAX_TEMPLATE_ATTACHMENTS), []),
  });
  return { section, column, table, item, attachment, body };
}
const inputBody = bodySchemas((max, min = 1) => documentText(max, min) as unknown as z.ZodType<string, string>, true);
const outputBody = bodySchemas(() => z.string(), false);
export const templateBody = inputBody.body;
export const templateBodySchema = outputBody.body;
export const templateItem = inputBody.item;
export type TemplateBody = z.output<typeof templateBody>;
export type TemplateItem = z.output<typeof templateItem>;
export type TemplateTable = Extract<TemplateItem, { type: 'table' }>;
export type TemplateSection = Extract<TemplateItem, { type: 'section' }>;

export const templateKinds = ['periodic', 'pre_visit', 'self_inspection', 'other'] as const;

export const createTemplateBody = z.object({
  ownerAgencyId: z.uuid(),
  code: key,
  name: label(300),
  kind: z.enum(templateKinds),
  year: int4().min(2000).max(2100).nullable().default(null),
  body: templateBody,
});
/** Start a draft from another template (last year's): its body, a new code or the same code's next revision. */
export const copyTemplateBody = z.object({ year: int4().min(2000).max(2100).nullable().optional(), name: label(300).optional(), code: key.optional() });
export const updateTemplateBody = z.object({ version, name: label(300).optional(), year: int4().min(2000).max(2100).nullable().optional(), body: templateBody.optional() });
export const publishTemplateBody = z.object({ version });
export const listTemplatesQuery = z.object({ kind: z.enum(templateKinds).optional(), status: z.enum(['draft', 'published']).optional() });

export const templateSchema = z.object({
  id: z.uuid(),
  ownerAgencyId: z.uuid(),
  ownerAgencyName: z.string(),
  code: z.string(),
  revision: z.number().int(),
  name: z.string(),
  kind: z.enum(templateKinds),
  year: z.number().int().nullable(),
  status: z.enum(['draft', 'published']),
  body: templateBodySchema,
  basedOnId: z.uuid().nullable(),
  publishedAt: z.string().nullable(),
  abilities: z.object({ update: z.boolean(), publish: z.boolean(), copy: z.boolean() }),
  version: z.number().int(),
});
export type ReportTemplate = z.infer<typeof templateSchema>;
export const templateListResponse = z.object({ items: z.array(templateSchema) });

/** Submissions' answers: text per section key, rows per table key (cells by column key). */
export const cellValue = z.union([z.number(), plainString(4000), z.boolean(), z.null()]);
export const submissionContent = z.object({
  answers: z.record(key, plainString(50000)).default({}),
  tables: z.record(key, z.array(z.record(key, cellValue)).max(1000)).default({}),
});
export type SubmissionContent = z.output<typeof submissionContent>;
const submissionContentSchema = z.object({ answers: z.record(z.string(), z.string()), tables: z.record(z.string(), z.array(z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()])))) });

// Periodic rules (the reporting regime as data).
const month = int4().min(1).max(12);
const day = int4().min(1).max(31);
export const periodRuleInput = z.object({
  code: z.string().regex(/^[A-Z0-9]{1,10}$/, 'a code such as Q1'),
  name: label(200),
  templateCode: key,
  fromMonth: month,
  fromDay: day,
  fromYearOffset: int4().min(-1).max(0),
  toMonth: month,
  toDay: day,
  dueMonth: month,
  dueDay: day,
  opensDaysBeforeDue: int4().min(0).max(120),
  remindWorkingDays: int4().min(0).max(30),
  escalateAfterWorkingDays: int4().min(1).max(60),
  targetAgencyIds: z.array(z.uuid()).min(1).max(5000),
  active: z.boolean(),
});
export const createPeriodRuleBody = periodRuleInput.extend({ ownerAgencyId: z.uuid() });
export const updatePeriodRuleBody = periodRuleInput.partial().extend({ version });
export const periodRuleSchema = z.object({
  id: z.uuid(),
  ownerAgencyId: z.uuid(),
  ownerAgencyName: z.string(),
  code: z.string(),
  name: z.string(),
  templateCode: z.string(),
  fromMonth: z.number().int(),
  fromDay: z.number().int(),
  fromYearOffset: z.number().int(),
  toMonth: z.number().int(),
  toDay: z.number().int(),
  dueMonth: z.number().int(),
  dueDay: z.number().int(),
  opensDaysBeforeDue: z.number().int(),
  remindWorkingDays: z.number().int(),
  escalateAfterWorkingDays: z.number().int(),
  targetAgencyIds: z.array(z.uuid()),
  /**
   * The units asked, named (in the register's order), so a page of rules needs no request per
   * unit; a unit the caller may not see in the register is left out (its id stays in targetAgencyIds).
   */
  targetAgencies: z.array(z.object({ id: z.uuid(), name: z.string(), active: z.boolean() })),
  active: z.boolean(),
  canManage: z.boolean(),
  version: z.number().int(),
});
export type PeriodRule = z.infer<typeof periodRuleSchema>;
export const periodRuleListResponse = z.object({ items: z.array(periodRuleSchema) });

// Requests.
export const requestKinds = ['periodic', 'ad_hoc', 'pre_visit'] as const;
export const requestStatuses = ['draft', 'open', 'closed', 'withdrawn'] as const;

const letterShape = {
  /** "V/v báo cáo kết quả …": the trích yếu after V/v. */
  summary: label(500),
  addressees: z.array(label(300)).max(50),
  /** Paragraphs of the body. */
  paragraphs: z.array(label(4000)).max(40),
  recipients: z.array(label(300)).max(40),
};
export const requestLetterInput = z.object({ ...letterShape, signature: signatureInput });
export const requestLetterSchema = z.object({
  summary: z.string(),
  addressees: z.array(z.string()),
  paragraphs: z.array(z.string()),
  recipients: z.array(z.string()),
  signature: signatureSchema,
});
export type RequestLetter = z.infer<typeof requestLetterSchema>;

export const createRequestBody = z.discriminatedUnion('kind', [
  /** Open this year's request of a periodic rule now (the daily job does it on its own). */
  z.object({ kind: z.literal('periodic'), ruleId: z.uuid(), year: int4().min(2000).max(2100) }),
  /** An ad hoc request: a draft công văn until issued. */
  z.object({
    kind: z.literal('ad_hoc'),
    ownerAgencyId: z.uuid(),
    templateId: z.uuid(),
    title: label(500),
    dueOn: isoDate,
    periodFrom: isoDate.nullable().default(null),
    periodTo: isoDate.nullable().default(null),
    targetAgencyIds: z.array(z.uuid()).min(1).max(5000),
    remindWorkingDays: int4().min(0).max(30).default(2),
    escalateAfterWorkingDays: int4().min(1).max(60).default(3),
    letter: requestLetterInput.partial().optional(),
  }),
]);
export const updateRequestBody = z.object({
  version,
  title: label(500).optional(),
  dueOn: isoDate.optional(),
  templateId: z.uuid().optional(),
  targetAgencyIds: z.array(z.uuid()).min(1).max(5000).optional(),
  remindWorkingDays: int4().min(0).max(30).optional(),
  escalateAfterWorkingDays: int4().min(1).max(60).optional(),
  letter: requestLetterInput.partial().optional(),
});
export const issueRequestBody = z.object({ version, issuedOn: isoDate, signature: signatureInput.optional() });
/** Extend the due day of a request already sent: later only, with the reason the units are told. */
export const extendRequestBody = z.object({ version, dueOn: isoDate, reason: documentText(2000) });
/** Withdraw a request sent by mistake (or a draft not wanted): the reason the units are told. */
export const withdrawRequestBody = z.object({ version, reason: documentText(2000) });
export const dueExtensionSchema = z.object({ previousDueOn: z.string(), dueOn: z.string(), reason: z.string(), at: z.string(), byName: z.string().nullable() });
export type RequestDueExtension = z.infer<typeof dueExtensionSchema>;
export const listRequestsQuery = z.object({ kind: z.enum(requestKinds).optional(), status: z.enum(requestStatuses).optional(), year: queryInt4().optional() });

export const submissionCounts = z.object(Object.fromEntries(submissionDisplayStatuses.map((s) => [s, z.number().int()])) as Record<(typeof submissionDisplayStatuses)[number], z.ZodNumber>);

export const requestSchema = z.object({
  id: z.uuid(),
  ownerAgencyId: z.uuid(),
  ownerAgencyName: z.string(),
  templateId: z.uuid(),
  templateName: z.string(),
  templateRevision: z.number().int(),
  kind: z.enum(requestKinds),
  status: z.enum(requestStatuses),
  title: z.string(),
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
  dueOn: z.string(),
  dueExplanation: z.string().nullable(),
  inspectionId: z.uuid().nullable(),
  targetAgencyIds: z.array(z.uuid()),
  letter: requestLetterSchema.nullable(),
  documentNumber: z.string().nullable(),
  issuedOn: z.string().nullable(),
  remindWorkingDays: z.number().int(),
  escalateAfterWorkingDays: z.number().int(),
  /** Counts by status over the submissions the caller may see. */
  counts: submissionCounts,
  /** Of the reports sent (submitted or accepted) the caller may see: on time and late, kept after acceptance; `missing`: not sent and past due by today (as the statistics count them; 0 once withdrawn). */
  timeliness: z.object({ onTime: z.number().int(), late: z.number().int(), missing: z.number().int() }),
  /** Extensions of the due day after the request was sent, oldest first (an issued letter keeps its printed date). */
  dueExtensions: z.array(dueExtensionSchema),
  withdrawal: z.object({ at: z.string(), reason: z.string() }).nullable(),
  abilities: z.object({ update: z.boolean(), issue: z.boolean(), review: z.boolean(), extend: z.boolean(), withdraw: z.boolean() }),
  version: z.number().int(),
});
export type ReportRequest = z.infer<typeof requestSchema>;
export const requestListResponse = z.object({ items: z.array(requestSchema) });

// Submissions.
export const submissionEventSchema = z.object({ action: z.enum(['submitted', 'returned', 'accepted']), reason: z.string().nullable(), late: z.boolean().nullable(), actorName: z.string().nullable(), at: z.string(), hasContent: z.boolean() });
export const submissionSummarySchema = z.object({
  id: z.uuid(),
  requestId: z.uuid(),
  requestTitle: z.string(),
  agencyId: z.uuid(),
  agencyName: z.string(),
  status: z.enum(submissionStatuses),
  displayStatus: z.enum(submissionDisplayStatuses),
  late: z.boolean().nullable(),
  submittedAt: z.string().nullable(),
  returnReason: z.string().nullable(),
  version: z.number().int(),
});
export type SubmissionSummary = z.infer<typeof submissionSummarySchema>;
export const submissionSchema = submissionSummarySchema.extend({
  request: z.object({ id: z.uuid(), title: z.string(), kind: z.enum(requestKinds), dueOn: z.string(), dueExplanation: z.string().nullable(), periodFrom: z.string().nullable(), periodTo: z.string().nullable(), ownerAgencyName: z.string(), status: z.enum(requestStatuses) }),
  template: z.object({ id: z.uuid(), name: z.string(), revision: z.number().int(), body: templateBodySchema }),
  content: submissionContentSchema,
  updatedAt: z.string(),
  updatedByName: z.string().nullable(),
  history: z.array(submissionEventSchema),
  allowedMoves: z.array(z.enum(submissionMoves)),
  abilities: z.object({ edit: z.boolean(), submit: z.boolean(), review: z.boolean() }),
});
export type Submission = z.infer<typeof submissionSchema>;
/** A page of the reports (`total`: how many match the filters). */
export const submissionListResponse = z.object({ items: z.array(submissionSummarySchema), total: z.number().int() });
/** The dashboard's buckets of a unit's report. */
export const submissionTimeliness = ['on_time', 'late', 'missing'] as const;
export type SubmissionTimeliness = (typeof submissionTimeliness)[number];
export const listSubmissionsQuery = z.object({
  requestId: z.uuid().optional(),
  status: z.enum(submissionDisplayStatuses).optional(),
  mine: z.enum(['true', 'false']).optional(),
  /** true: the reports sent to the caller's office and waiting for it to accept or return them (open requests), oldest first. */
  toReview: z.enum(['true', 'false']).optional(),
  /** The dashboard's filters (its links): reports of the issued requests due in the year, from agencies in the unit's subtree. */
  dueYear: z.coerce.number().int().min(1990).max(2100).optional(),
  unitId: z.uuid().optional(),
  /** `own` (with unitId): only the reports the unit's own agencies asked for (the dashboard's issuer=own, the results report's season: docs/decisions/results-report-scope.md). */
  issuer: z.enum(['own']).optional(),
  /** As the dashboard counts them: sent on time, sent late (accepted ones included), missing (not sent, past due by today). */
  timeliness: z.enum(submissionTimeliness).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const saveSubmissionBody = z.object({ version, content: submissionContent });
export const submitSubmissionBody = z.object({ version, content: submissionContent.optional() });
export const acceptSubmissionBody = z.object({ version });
export const returnSubmissionBody = z.object({ version, reason: documentText(4000) });

/** The other person's draft, when a save meets a newer version (409 VERSION_CONFLICT `current`). */
export const submissionConflictCurrent = z.object({ version: z.number().int(), content: submissionContent, updatedAt: z.string(), updatedByName: z.string().nullable() });

export const importTablesResponse = z.object({
  imported: z.boolean(),
  rows: z.number().int(),
  errors: z.array(z.object({ sheet: z.string(), row: z.number().int(), column: z.string().nullable(), code: z.string(), message: z.string() })),
  submission: submissionSchema.nullable(),
});

// Statistics.
export const onTimeQuery = z.object({ year: queryInt4().refine((y) => y >= 2000 && y <= 2100, 'a year') });
export const onTimeRow = z.object({ agencyId: z.uuid(), agencyName: z.string(), asked: z.number().int(), submitted: z.number().int(), onTime: z.number().int(), late: z.number().int(), missing: z.number().int(), onTimeRate: z.number().nullable() });
export const onTimeResponse = z.object({ year: z.number().int(), items: z.array(onTimeRow) });

// Statistics (issue 9 §4): on time, late, returned, missing per unit over a year's requests.
export const reportStatisticsQuery = z.object({ year: queryInt4().pipe(z.number().min(2000).max(2100)), kind: z.enum(requestKinds).optional() });
export const unitReportStatisticsSchema = z.object({
  agencyId: z.uuid(),
  agencyName: z.string(),
  /** Reports asked of the unit by requests due in the year. */
  asked: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  /** Returned to the unit and not yet resubmitted (each also missing or pending, by its due day). */
  returned: z.number().int(),
  /** Not sent and past its due day (as the dashboard counts it). */
  missing: z.number().int(),
  /** Not sent, not yet due: neither missing nor in the rate. */
  pending: z.number().int(),
  /** onTime / (asked − pending), in percent with one decimal; null when nothing has fallen due. */
  onTimeRate: z.number().nullable(),
});
export const reportStatisticsResponse = z.object({ year: z.number().int(), items: z.array(unitReportStatisticsSchema) });

/** Filling a draft's tables from its .xlsx form: the draft's version, as for an autosave. */
export const formImportQuery = z.object({ version: queryInt4().min(1) });

/** A compilation of a request's accepted reports (a job): progress, then its two files. */
export const reportCompilationSchema = z.object({
  id: z.uuid(),
  requestId: z.uuid(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  /** Accepted reports to read, once counted; `processed` of them read so far. */
  total: z.number().int().nullable(),
  processed: z.number().int(),
  xlsxUrl: z.string().nullable(),
  docxUrl: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ReportCompilation = z.infer<typeof reportCompilationSchema>;
