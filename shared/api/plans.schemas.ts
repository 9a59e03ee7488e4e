import { z } from 'zod';
import { isoDate, version } from './common.js';
import { controlCharactersIssue, isPrintable } from './common.js';
import { documentSchemas, inStr, outStr, type Str } from './blocks.schemas.js';
import { planStatuses } from '../domain/plan-status.js';

/**
 * Inspection plans (kế hoạch kiểm tra). Each section of a plan is structured text: a list of
 * text blocks (paragraph, "- " bullet, "a)" lettered item, heading) of the shared block schema
 * (blocks.schemas.ts), which the document builder prints as they are.
 *
 * Request schemas NFC-normalise every string (Vietnamese typed on different keyboards compares
 * and prints the same); response schemas carry no transforms, because the serializer encodes.
 */

function planSchemas(str: Str) {
  const { textBlock: block, signature } = documentSchemas(str);
  const blocks = z.array(block).max(200);
  const content = z.object({
    /** Trích yếu under "KẾ HOẠCH": "Kiểm tra công tác cải cách hành chính năm 2021". */
    summary: str(500),
    /** "Căn cứ …" lines, printed in italics (may be empty when the plan opens with "Thực hiện …"). */
    legalBases: z.array(str(2000)).max(30),
    /** Opening paragraphs before I. ("Thực hiện Quyết định số … như sau:"). */
    introduction: blocks,
    /** I.1 Mục đích. */
    purposes: blocks,
    /** I.2 Yêu cầu. */
    requirements: blocks,
    /** II.1 Nội dung kiểm tra: the content groups a), b), c). */
    contents: blocks,
    /** II.2.1 Kiểm tra qua báo cáo. */
    formsThroughReports: blocks,
    /** II.2.2 a) Kiểm tra theo Kế hoạch, có báo trước. */
    formsDirectAnnounced: blocks,
    /** II.2.2 b) Kiểm tra đột xuất. */
    formsUnannounced: blocks,
    /** Tái kiểm tra (closing II.2.2). */
    formsReinspection: blocks,
    /** II.4 Đối tượng kiểm tra: who is inspected, in words (the chosen agencies are listed apart). */
    targetsDescription: blocks,
    /** II.4 focus: units whose index criteria were not met, low index and satisfaction. */
    focus: blocks,
    /** Heading of III.1: "Giao Phòng Nội vụ là cơ quan thường trực". */
    standingOfficeHeading: str(300),
    /** III.1 duties of the standing office. */
    standingOfficeDuties: blocks,
    /** III.2 duties of the agencies and units. */
    unitDuties: blocks,
    /** "Trên đây là Kế hoạch …/." */
    closing: blocks,
    /** Nơi nhận, one line each without the leading "- " ("Sở Nội vụ;", "Lưu: VT, NV."). */
    recipients: z.array(str(300)).max(40),
    signature,
  });
  return { block, blocks, signature, content };
}

const input = planSchemas(inStr);
const output = planSchemas(outStr);

export const blockSchema = output.block;
export const blockInput = input.block;
export const signatureSchema = output.signature;
export const signatureInput = input.signature;
export const planContentSchema = output.content;
export const planContentInput = input.content;
export type PlanContent = z.infer<typeof planContentSchema>;
export type PlanSignature = z.infer<typeof signatureSchema>;
export type PlanBlock = z.infer<typeof blockSchema>;

/** A month of the inspection window, "2021-05". */
export const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM');
const year = z.number().int().min(2000).max(2100);

export { planStatuses };
export const planStatusSchema = z.enum(planStatuses);

export const planAbilitiesSchema = z.object({
  update: z.boolean(),
  submit: z.boolean(),
  return: z.boolean(),
  issue: z.boolean(),
  start: z.boolean(),
  close: z.boolean(),
  amend: z.boolean(),
  createTeam: z.boolean(),
});
export type PlanAbilities = z.infer<typeof planAbilitiesSchema>;

export const planTargetSchema = z.object({ agencyId: z.uuid(), name: z.string(), unitName: z.string() });

export const planSummarySchema = z.object({
  id: z.uuid(),
  seriesId: z.uuid(),
  revision: z.number().int(),
  amendsPlanId: z.uuid().nullable(),
  issuingAgencyId: z.uuid(),
  issuingAgencyName: z.string(),
  year: z.number().int(),
  status: planStatusSchema,
  summary: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  /** "15/KH-UBND" once issued. */
  documentNumber: z.string().nullable(),
  number: z.number().int().nullable(),
  issuedOn: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type PlanSummary = z.infer<typeof planSummarySchema>;

export const planDetailSchema = planSummarySchema.extend({
  content: planContentSchema,
  targets: z.array(planTargetSchema),
  /** Every version of the plan (original and amendments), oldest first. */
  history: z.array(planSummarySchema.pick({ id: true, revision: true, status: true, documentNumber: true, issuedOn: true, version: true })),
  abilities: planAbilitiesSchema,
});
export type PlanDetail = z.infer<typeof planDetailSchema>;

export const listPlansQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: planStatusSchema.optional(),
  issuingAgencyId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const planListResponse = z.object({
  items: z.array(planSummarySchema),
  /** Another page follows (plans are not counted: a national list would read all of them). */
  hasMore: z.boolean(),
});

export const createPlanBody = z.object({
  /** The People's Committee that issues the plan. */
  issuingAgencyId: z.uuid(),
  year,
  periodFrom: yearMonth,
  periodTo: yearMonth,
  targetAgencyIds: z.array(z.uuid()).max(500),
  content: planContentInput,
});

/** Edit a draft: any subset of the fields; `content` replaces only the sections it names. */
export const updatePlanBody = z.object({
  version,
  year: year.optional(),
  periodFrom: yearMonth.optional(),
  periodTo: yearMonth.optional(),
  targetAgencyIds: z.array(z.uuid()).max(500).optional(),
  content: planContentInput.partial().optional(),
});

/** "Start from last year's plan": a draft copying the source with the year moved forward. */
export const createPlanFromPreviousBody = z.object({
  sourcePlanId: z.uuid(),
  /** Defaults to the source plan's year + 1. */
  year: year.optional(),
});

/** Why a target of the source plan was left out of the copy; the UI names each. */
export const droppedTargetReasons = ['out_of_scope', 'inactive', 'not_valid_in_period'] as const;
export type DroppedTargetReason = (typeof droppedTargetReasons)[number];
export const droppedTargetSchema = planTargetSchema.extend({ reason: z.enum(droppedTargetReasons) });
export type DroppedTarget = z.infer<typeof droppedTargetSchema>;

/**
 * The new draft, and the source's targets that were not copied because they can no longer be
 * inspected in the new year (deactivated, merged away, outside the caller's scope).
 */
export const planFromPreviousResponse = planDetailSchema.extend({ droppedTargets: z.array(droppedTargetSchema) });

export const planTransitionBody = z.object({ version });
export const returnPlanBody = z.object({ version, reason: z.string().max(2000).refine(isPrintable, controlCharactersIssue).optional() });

/** The leader issues (approves and signs): the register gives the number. */
export const issuePlanBody = z.object({
  version,
  issuedOn: isoDate,
  /** Who signs; defaults to the signature in the draft. */
  signature: signatureInput.optional(),
});
