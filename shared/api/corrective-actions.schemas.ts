import { z } from 'zod';
import { isoDate, queryBool, version } from './common.js';
import { documentText } from './documents.schemas.js';
import { actionMoves, actionStatuses, reinspectionActionMoves, reviewActionMoves, unitActionMoves } from '../domain/follow-up.js';

/** Corrective actions (issue 10 §6): the unit's moves, the office's review, the board. */

/** The unit: its remediation plan, a progress note, or the report that the action is done (evidence attached first). */
export const actionUpdateBody = z.object({
  version,
  move: z.enum(unitActionMoves),
  note: documentText(5000),
});

/** The standing office: accept the report (closes the action) or return it with a reason. */
export const actionReviewBody = z.object({
  version,
  decision: z.enum(reviewActionMoves),
  note: documentText(5000).optional(),
});

/** The re-inspection's result for one of its actions: fixed (closed) or kept open. */
export const actionReinspectionResultBody = z.object({
  version,
  result: z.enum(reinspectionActionMoves),
  note: documentText(5000).optional(),
});

/** How the board and the dashboard count an action: open (not closed nor overdue), overdue, closed. */
export const actionStates = ['open', 'overdue', 'closed'] as const;
export type ActionState = (typeof actionStates)[number];

export const listActionsQuery = z.object({
  planId: z.uuid().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  agencyId: z.uuid().optional(),
  status: z.enum(actionStatuses).optional(),
  overdue: queryBool.optional(),
  reinspectionId: z.uuid().optional(),
  /** A content group ('a', 'b', 'c' or a place group); '-' for actions without one (the board's rows). */
  contentGroup: z.string().min(1).max(40).optional(),
  /** The dashboard's filters (its links): actions of the visits starting in the year, to agencies in the unit's subtree. */
  visitYear: z.coerce.number().int().min(1990).max(2100).optional(),
  unitId: z.uuid().optional(),
  /** `own` (with unitId): only the visits of the plans issued by the unit's own agencies — its People's Committee or standing office (the dashboard's issuer=own, the results report's season: docs/decisions/results-report-scope.md). */
  issuer: z.enum(['own']).optional(),
  /** The board's and the dashboard's buckets: open (not closed, not overdue), overdue, closed. */
  state: z.enum(actionStates).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const actionHistoryEntrySchema = z.object({
  move: z.enum(actionMoves),
  fromStatus: z.string(),
  toStatus: z.string(),
  note: z.string().nullable(),
  authorName: z.string(),
  at: z.string(),
});

export const correctiveActionSchema = z.object({
  id: z.uuid(),
  conclusionId: z.uuid(),
  conclusionNumber: z.string().nullable(),
  conclusionIssuedOn: z.string().nullable(),
  inspectionId: z.uuid(),
  /** The inspected agency. */
  agencyId: z.uuid(),
  agencyName: z.string(),
  planYear: z.number().int(),
  position: z.number().int(),
  content: z.string(),
  contentGroup: z.string().nullable(),
  responsibleAgencyId: z.uuid(),
  responsibleAgencyName: z.string(),
  dueOn: z.string().nullable(),
  reportDueOn: z.string().nullable(),
  status: z.enum(actionStatuses),
  overdue: z.boolean(),
  planText: z.string().nullable(),
  reinspectionId: z.uuid().nullable(),
  closedAt: z.string().nullable(),
  abilities: z.object({ plan: z.boolean(), progress: z.boolean(), report: z.boolean(), accept: z.boolean(), return: z.boolean(), reinspectionResult: z.boolean(), attachEvidence: z.boolean() }),
  version: z.number().int(),
});
export type CorrectiveAction = z.infer<typeof correctiveActionSchema>;
export const correctiveActionDetailSchema = correctiveActionSchema.extend({ history: z.array(actionHistoryEntrySchema) });
export type CorrectiveActionDetail = z.infer<typeof correctiveActionDetailSchema>;
export const correctiveActionListResponse = z.object({ items: z.array(correctiveActionSchema), total: z.number().int() });

/** Rows of the board's "by agency" table per page (a country has thousands of inspected agencies). */
export const BOARD_AGENCY_PAGE_SIZE = 50;
export const boardQuery = z.object({
  planId: z.uuid().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  /** The page of the "by agency" rows (1-based); totals and content groups are always whole. */
  agencyPage: z.coerce.number().int().min(1).max(100_000).default(1),
  agencyPageSize: z.coerce.number().int().min(1).max(200).default(BOARD_AGENCY_PAGE_SIZE),
  /** The list's unit filter (the dashboard's links): actions of visits to agencies in the unit's subtree. */
  unitId: z.uuid().optional(),
  /** The list's visit-year filter (the dashboard's links): actions of the visits starting in the year. */
  visitYear: z.coerce.number().int().min(1990).max(2100).optional(),
  /** The list's issuer=own (with unitId): the actions of the unit's own plans' visits, as its results report counts them. */
  issuer: z.enum(['own']).optional(),
});
const counts = z.object({ open: z.number().int(), overdue: z.number().int(), closed: z.number().int() });
export const actionBoardSchema = z.object({
  /** The day "overdue" is counted from (today in Việt Nam). */
  asOf: isoDate,
  total: counts,
  /** One page of the inspected agencies (in the register's order), `agencyPage` of the query. */
  byAgency: z.array(counts.extend({ agencyId: z.uuid(), agencyName: z.string() })),
  /** Inspected agencies with actions (all pages). */
  agencyCount: z.number().int(),
  byContentGroup: z.array(counts.extend({ contentGroup: z.string().nullable() })),
});
export type ActionBoard = z.infer<typeof actionBoardSchema>;
