import { z } from 'zod';
import { isoDate, version } from './common.js';
import { documentText } from './documents.schemas.js';
import { signatureInput, signatureSchema } from './plans.schemas.js';
import { actionStatuses } from '../domain/follow-up.js';

/**
 * Conclusion notices (Thông báo kết luận kiểm tra, reference §4.2 f): one per inspected unit,
 * sections I–V as editable paragraphs, and the requirements of section IV as corrective actions
 * (what, who, by when, report by when).
 */

const contentShape = (str: (max: number) => z.ZodType<string, string>, lines: z.ZodType<string[], string[]>) => ({
  /** Trích yếu: "Kết luận kiểm tra công tác cải cách hành chính tại UBND phường Bồng Sơn". */
  summary: str(500),
  legalBases: lines,
  /** The sentence before section I. */
  introduction: str(3000),
  /** I. Khái quát chung: when, who, what was checked. */
  overview: lines,
  /** II. Kết quả đạt được, ưu điểm. */
  strengths: lines,
  /** III. Hạn chế, tồn tại (per area). */
  shortcomings: lines,
  /** IV. Yêu cầu: the sentence before the corrective actions, which are listed from the actions. */
  requirementsIntro: str(3000),
  /** V. Tổ chức thực hiện: the standing office monitors… */
  organisation: lines,
  recipients: lines,
});

const inText = (max: number) => documentText(max) as unknown as z.ZodType<string, string>;
const inLines = z.array(documentText(3000)).max(60) as unknown as z.ZodType<string[], string[]>;
const outLines = z.array(z.string()) as unknown as z.ZodType<string[], string[]>;

export const conclusionContentInput = z.object({ ...contentShape(inText, inLines), signature: signatureInput });
export const conclusionContentSchema = z.object({ ...contentShape(() => z.string(), outLines), signature: signatureSchema });
export type ConclusionContent = z.infer<typeof conclusionContentSchema>;

const workingDays = z.number().int().min(1).max(365);

/** A requirement as the office writes it: due on a date, or N working days after the notice. */
export const actionInput = z
  .object({
    content: documentText(3000),
    /** The inspected unit (default) or a named office. */
    responsibleAgencyId: z.uuid().optional(),
    /** Content group of the plan ('a', 'b', 'c') or a place group. */
    contentGroup: documentText(40).optional(),
    dueOn: isoDate.optional(),
    dueWorkingDays: workingDays.optional(),
    /** The day the unit reports the results of remediation (or N working days after the notice). */
    reportDueOn: isoDate.optional(),
    reportDueWorkingDays: workingDays.optional(),
  })
  .superRefine((a, ctx) => {
    if ((a.dueOn === undefined) === (a.dueWorkingDays === undefined)) ctx.addIssue({ code: 'custom', path: ['dueOn'], message: 'give either dueOn or dueWorkingDays' });
    if (a.reportDueOn !== undefined && a.reportDueWorkingDays !== undefined) ctx.addIssue({ code: 'custom', path: ['reportDueOn'], message: 'give either reportDueOn or reportDueWorkingDays' });
  });
export type ActionInput = z.infer<typeof actionInput>;

export const createConclusionBody = z.object({
  inspectionId: z.uuid(),
  /** The plan's People's Committee (default) or its standing office (signing TUQ.). */
  issuingAgencyId: z.uuid().optional(),
  content: conclusionContentInput.partial().optional(),
  actions: z.array(actionInput).max(100).optional(),
});

export const updateConclusionBody = z.object({
  version,
  content: conclusionContentInput.partial().optional(),
  /** Replaces the requirements as a whole (a draft only). */
  actions: z.array(actionInput).max(100).optional(),
});

export const issueConclusionBody = z.object({
  version,
  issuedOn: isoDate,
  signature: signatureInput.optional(),
});

export const listConclusionsQuery = z.object({
  inspectionId: z.uuid().optional(),
  planId: z.uuid().optional(),
  /** Pages of whole conclusions (each with its requirements): a national list was 1 MB. */
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const conclusionActionSchema = z.object({
  id: z.uuid(),
  position: z.number().int(),
  content: z.string(),
  contentGroup: z.string().nullable(),
  responsibleAgencyId: z.uuid(),
  responsibleAgencyName: z.string(),
  dueOn: z.string().nullable(),
  dueWorkingDays: z.number().int().nullable(),
  reportDueOn: z.string().nullable(),
  reportDueWorkingDays: z.number().int().nullable(),
  status: z.enum(actionStatuses),
  overdue: z.boolean(),
  version: z.number().int(),
});
export type ConclusionAction = z.infer<typeof conclusionActionSchema>;

export const conclusionSchema = z.object({
  id: z.uuid(),
  inspectionId: z.uuid(),
  inspectionKind: z.string(),
  agencyId: z.uuid(),
  agencyName: z.string(),
  planId: z.uuid(),
  issuingAgencyId: z.uuid(),
  issuingAgencyName: z.string(),
  status: z.enum(['draft', 'issued']),
  content: conclusionContentSchema,
  actions: z.array(conclusionActionSchema),
  /** "05/TB-UBND" once issued. */
  documentNumber: z.string().nullable(),
  issuedOn: z.string().nullable(),
  abilities: z.object({ update: z.boolean(), issue: z.boolean(), reinspect: z.boolean() }),
  version: z.number().int(),
});
export type Conclusion = z.infer<typeof conclusionSchema>;
export const conclusionListResponse = z.object({
  items: z.array(conclusionSchema),
  /** Another page follows (not counted: a national list would read all of them). */
  hasMore: z.boolean(),
});

/** Turns the actions still open into a re-inspection whose checklist is exactly those actions. */
export const reinspectFromConclusionBody = z.object({
  teamId: z.uuid(),
  startsOn: isoDate,
  endsOn: isoDate.optional(),
  startTime: z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/).optional(),
  /** Some of the open actions (default: every open one). */
  actionIds: z.array(z.uuid()).min(1).max(100).optional(),
  overrideReason: documentText(1000).optional(),
});
export const reinspectionCreatedSchema = z.object({ inspectionId: z.uuid(), actionIds: z.array(z.uuid()) });
