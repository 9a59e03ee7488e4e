import { z } from 'zod';
import { isoDate, queryInt4, version } from './common.js';
import { documentText } from './documents.schemas.js';
import { signatureInput, signatureSchema } from './plans.schemas.js';
import { TIME_OF_DAY } from '../domain/vietnam-time.js';

/**
 * Schedule notices (Thông báo lịch kiểm tra, reference §4.2 c): a table of units, dates, places
 * and attendees, each unit's report deadline, the request to prepare documents, and the report
 * outline as an annex (plain editable text for now).
 */

const noticeContentShape = (str: (max: number) => z.ZodType<string, string>, lines: z.ZodType<string[], string[]>) => ({
  /** Trích yếu: "Lịch kiểm tra công tác cải cách hành chính năm 2021". */
  summary: str(500),
  legalBases: lines,
  /** The sentence before the table. */
  introduction: str(2000),
  /** Requests to the units after the deadlines (prepare documents, have the head present…). */
  requests: lines,
  /** The report outline (Đề cương báo cáo), printed as an annex: one paragraph per line. */
  outline: str(20000),
  recipients: lines,
});

const inText = (max: number) => documentText(max) as unknown as z.ZodType<string, string>;
const inLines = z.array(documentText(2000)).max(40) as unknown as z.ZodType<string[], string[]>;
const outLines = z.array(z.string()) as unknown as z.ZodType<string[], string[]>;

export const noticeContentInput = z.object({ ...noticeContentShape(inText, inLines), signature: signatureInput });
export const noticeContentSchema = z.object({ ...noticeContentShape(() => z.string(), outLines), signature: signatureSchema });
export type NoticeContent = z.infer<typeof noticeContentSchema>;

export const noticeItemInput = z.object({
  inspectionId: z.uuid(),
  /** Who must attend from the unit. */
  attendees: documentText(500).optional(),
});

export const createNoticeBody = z.object({
  planId: z.uuid(),
  /** The plan's People's Committee (default) or its standing office (signing TL./TUQ.). */
  issuingAgencyId: z.uuid().optional(),
  items: z.array(noticeItemInput).min(1).max(100),
  content: noticeContentInput.partial().optional(),
});

/**
 * A row of the edited table: its attendees, and the inspection's time and places when they change
 * — saved with the notice in one transaction (a refused save changes neither), the inspection's
 * version beside them (409 when stale).
 */
export const noticeItemUpdate = noticeItemInput.extend({
  inspectionVersion: version.optional(),
  startTime: z.string().regex(TIME_OF_DAY, 'expected HH:MM').nullish(),
  places: z.array(z.uuid()).min(1).max(20).optional(),
});

export const updateNoticeBody = z.object({
  version,
  items: z.array(noticeItemUpdate).min(1).max(100).optional(),
  content: noticeContentInput.partial().optional(),
});

export const issueNoticeBody = z.object({
  version,
  issuedOn: isoDate,
  signature: signatureInput.optional(),
  /** Issue although a unit gets the notice later than the lead time asks; kept in the audit trail. */
  overrideReason: documentText(1000).optional(),
});

/** A plan's notices, all of them; without a plan, the `limit` latest the caller may see (newest first). */
export const listNoticesQuery = z.object({ planId: z.uuid().optional(), limit: queryInt4().min(1).max(100).default(20) });

export const noticeItemSchema = z.object({
  inspectionId: z.uuid(),
  agencyId: z.uuid(),
  agencyName: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  startTime: z.string().nullable(),
  places: z.array(z.string()),
  attendees: z.string(),
  reportDueOn: z.string().nullable(),
  reportDueExplanation: z.string().nullable(),
  status: z.string(),
  /**
   * An issued notice shows its table as issued; true when the inspection has since been moved
   * (rescheduled or cancelled): its new days are on the inspection, and a new notice is due.
   */
  changedAfterIssue: z.boolean(),
  /** The caller may open this line's inspection (a unit officer: its own units' visits only); the UI links only these. */
  canOpen: z.boolean(),
});

/** One row of a notice's table as it was issued (kept on the notice: the legal record). */
export const issuedNoticeItemSchema = noticeItemSchema.pick({
  inspectionId: true,
  agencyId: true,
  agencyName: true,
  startsOn: true,
  endsOn: true,
  startTime: true,
  places: true,
  attendees: true,
  reportDueOn: true,
  reportDueExplanation: true,
});
export type IssuedNoticeItem = z.infer<typeof issuedNoticeItemSchema>;

export const noticeSchema = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  issuingAgencyId: z.uuid(),
  issuingAgencyName: z.string(),
  status: z.enum(['draft', 'issued']),
  content: noticeContentSchema,
  items: z.array(noticeItemSchema),
  /** "12/TB-UBND" once issued. */
  documentNumber: z.string().nullable(),
  issuedOn: z.string().nullable(),
  abilities: z.object({ update: z.boolean(), issue: z.boolean() }),
  version: z.number().int(),
});
export type Notice = z.infer<typeof noticeSchema>;
/** hasMore: without a plan, older notices exist beyond `limit`. */
export const noticeListResponse = z.object({ items: z.array(noticeSchema), hasMore: z.boolean() });
