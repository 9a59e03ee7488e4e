import { z } from 'zod';
import { int4, isoDate } from './common.js';
import { documentText } from './documents.schemas.js';
import { inspectionSchema } from './inspections.schemas.js';

/** Propose a schedule for the targets still unscheduled (shared/domain/schedule-proposal.ts), then accept all, some or none. */

const proposalKind = z.enum(['announced', 'report', 'unannounced']);

export const proposeScheduleBody = z.object({
  planId: z.uuid(),
  kind: proposalKind.default('announced'),
  /** The season window (default: the plan's period); within the plan's period. */
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** Visits one team can make on one day (more than one: the team splits into groups). */
  capacityPerTeamPerDay: int4().min(1).max(10).default(1),
  /**
   * The day the lead time is counted from. Default: today, or the window's first day when the whole
   * window is past (an office recording an earlier season).
   */
  asOf: isoDate.optional(),
  /** Only these founded teams of the plan (default: all). */
  teamIds: z.array(z.uuid()).min(1).max(500).optional(),
  /** Only these targets (default: every target without a visit yet). */
  agencyIds: z.array(z.uuid()).min(1).max(20000).optional(),
  /** The order targets are placed in: by the risk ranking (issue 11 §3; riskiest first), or by name. */
  order: z.enum(['risk', 'name']).default('risk'),
  /** The year of the ranking (default: the year before the plan's, the last scored). */
  riskYear: int4().min(1990).max(2100).optional(),
});

export const placementSchema = z.object({
  agencyId: z.uuid(),
  agencyName: z.string(),
  teamId: z.uuid(),
  teamName: z.string(),
  startsOn: z.string(),
  explanation: z.string(),
  explanationEn: z.string(),
});
export type Placement = z.infer<typeof placementSchema>;

export const scheduleProposalSchema = z.object({
  planId: z.uuid(),
  kind: proposalKind,
  from: z.string(),
  to: z.string(),
  firstDay: z.string().nullable(),
  workingDays: z.number().int(),
  /** The day the lead time was counted from (see `asOf` of the request). */
  asOf: z.string(),
  placements: z.array(placementSchema),
  unplaced: z.array(z.object({ agencyId: z.uuid(), agencyName: z.string(), reason: z.string(), reasonEn: z.string() })),
  perMonth: z.record(z.string(), z.number().int()),
});
export type ScheduleProposal = z.infer<typeof scheduleProposalSchema>;

/** The most placements accepted in one request (each is scheduled and checked like a single one). */
export const MAX_ACCEPTED_PLACEMENTS = 500;

export const acceptProposalBody = z.object({
  planId: z.uuid(),
  kind: proposalKind.default('announced'),
  placements: z
    .array(z.object({ agencyId: z.uuid(), teamId: z.uuid(), startsOn: isoDate }))
    .min(1)
    .max(MAX_ACCEPTED_PLACEMENTS),
  /** A team split into groups on one day (capacity above 1) breaks an overridable rule: the reason is audited. */
  overrideReason: documentText(1000).optional(),
});
/** POST /api/schedule-proposals/accept: the visits created, each as POST /api/inspections answers it (its warnings: a day off …). */
export const acceptProposalResponse = z.object({ created: z.number().int(), ids: z.array(z.uuid()), items: z.array(inspectionSchema) });
export type AcceptProposalResponse = z.infer<typeof acceptProposalResponse>;

/** GET /api/plans/{id}/unscheduled-targets: what the office still has to schedule under a plan. */
export const unscheduledTargetsResponse = z.object({
  planId: z.uuid(),
  items: z.array(z.object({ agencyId: z.uuid(), agencyName: z.string(), unitName: z.string() })),
});
export type UnscheduledTargets = z.infer<typeof unscheduledTargetsResponse>;

/**
 * GET /api/unscheduled-targets: every plan the caller schedules that still has targets without an
 * inspection, each with those targets, in one response (the office's "to schedule" card).
 */
export const unscheduledByPlanResponse = z.object({
  items: z.array(
    unscheduledTargetsResponse.extend({
      summary: z.string(),
      year: z.number().int(),
      documentNumber: z.string().nullable(),
    }),
  ),
});
export type UnscheduledByPlan = z.infer<typeof unscheduledByPlanResponse>;
