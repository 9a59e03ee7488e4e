import { z } from 'zod';
import { requestStatuses } from './reports.schemas.js';
import { isoDate, isoDateBetween, queryBool, version } from './common.js';
import { documentText } from './documents.schemas.js';
import { inspectionKinds, inspectionMoves, inspectionStatuses } from '../domain/inspection-status.js';
import { TIME_OF_DAY } from '../domain/vietnam-time.js';

/** Inspections (cuộc kiểm tra): one target agency of an issued plan, one founded team, one kind, dates, places. */

export const inspectionKindSchema = z.enum(inspectionKinds);
export const inspectionStatusSchema = z.enum(inspectionStatuses);
const timeOfDay = z.string().regex(TIME_OF_DAY, 'expected HH:MM');
const note = documentText(2000, 0);
const reason = documentText(1000);

/** A date of the schedule: a real day within the years the calendar knows. */
const scheduleDate = isoDateBetween(1990);

export const createInspectionBody = z.object({
  planId: z.uuid(),
  /** A target agency of the plan (or of its amendment being prepared). */
  agencyId: z.uuid(),
  /** A founded team of the plan. */
  teamId: z.uuid(),
  kind: inspectionKindSchema,
  startsOn: scheduleDate,
  endsOn: scheduleDate.optional(),
  startTime: timeOfDay.nullish(),
  /**
   * Agencies visited: the agency itself (its head office) and its one-stop desks or reception
   * points. Default: the agency; none for a desk review (kind `report`), which visits no place.
   * A visit with none is refused (400 `body.places` too_small).
   */
  places: z.array(z.uuid()).max(20).optional(),
  note: note.nullish(),
  /** Required for a re-inspection: the earlier inspection of the same agency. */
  reinspectionOfId: z.uuid().nullish(),
  /** Schedule anyway despite a lead-time conflict; recorded in the audit trail. */
  overrideReason: reason.optional(),
});

export const updateInspectionBody = z.object({
  version,
  teamId: z.uuid().optional(),
  startsOn: scheduleDate.optional(),
  endsOn: scheduleDate.optional(),
  startTime: timeOfDay.nullish(),
  /** As when scheduling: none only for a desk review. */
  places: z.array(z.uuid()).max(20).optional(),
  note: note.nullish(),
  overrideReason: reason.optional(),
});

export const moveBody = z.object({ version });
/**
 * Start: optionally when the team arrived (an office recording an earlier season after the
 * fact): not after now, not before the visit's first scheduled day (in Việt Nam); 400
 * `body.startedAt` `date_in_future` / `before_scheduled`. Without it, now.
 */
export const startBody = moveBody.extend({ startedAt: z.iso.datetime({ offset: true }).optional() });
export const cancelBody = z.object({ version, reason });
export const rescheduleBody = z.object({
  version,
  reason,
  startsOn: scheduleDate,
  endsOn: scheduleDate.optional(),
  startTime: timeOfDay.nullish(),
  overrideReason: reason.optional(),
});

export const listInspectionsQuery = z.object({
  planId: z.uuid().optional(),
  teamId: z.uuid().optional(),
  agencyId: z.uuid().optional(),
  kind: inspectionKindSchema.optional(),
  /** One status, or several separated by commas (`planned,notified`: the visits still to happen). */
  status: z
    .string()
    .max(100)
    .transform((v) => [...new Set(v.split(','))])
    .pipe(z.array(inspectionStatusSchema).min(1))
    .optional(),
  /** Inspections whose days meet [from, to]. */
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** The dashboard's filters (its links): visits starting in the year, or in its month (1–12, with the year). */
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  month: z.coerce.number().int().min(1).max(12).optional(),
  /** Visits to agencies in the unit's subtree. */
  unitId: z.uuid().optional(),
  /** `own` (with unitId): only the visits of the plans issued by the unit's own agencies — its People's Committee or standing office (the dashboard's issuer=own, the results report's season: docs/decisions/results-report-scope.md). */
  issuer: z.enum(['own']).optional(),
  /** true: cancelled visits left out (the dashboard counts them only by status). */
  live: queryBool.optional(),
  /** Only those whose unit's report is still awaited: a due day set and no pre-visit report sent (submitted or accepted). */
  reportPending: queryBool.optional(),
  /** The dashboard's "reports due": visits whose unit's report has a due day (true), or one on or before the day given (reportDueBy). */
  reportDue: queryBool.optional(),
  reportDueBy: isoDate.optional(),
  /** `startsOn` (default): by visit day; `reportDueOn`: by the report's due day, those without one last. */
  sort: z.enum(['startsOn', 'reportDueOn']).default('startsOn'),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
}).strict();

export const inspectionAbilitiesSchema = z.object({
  update: z.boolean(),
  start: z.boolean(),
  close: z.boolean(),
  cancel: z.boolean(),
  reschedule: z.boolean(),
});
export type InspectionAbilities = z.infer<typeof inspectionAbilitiesSchema>;

export const inspectionPlaceSchema = z.object({ agencyId: z.uuid(), name: z.string(), kind: z.string() });

/** A rule the schedule breaks or bends; `severity` error refuses the change unless overridable and overridden. */
export const scheduleIssueCodes = ['member_double_booked', 'agency_visited_recently', 'non_working_day', 'outside_plan_period', 'short_lead_time', 'team_double_booked', 'team_same_start_time'] as const;
export const scheduleIssueSchema = z.object({
  code: z.enum(scheduleIssueCodes),
  severity: z.enum(['error', 'warning']),
  /** Vietnamese, naming the other record. */
  message: z.string(),
  /** The same in English. */
  messageEn: z.string(),
  date: z.string().nullable(),
  otherInspectionId: z.uuid().nullable(),
  overridable: z.boolean(),
});
export type ScheduleIssue = z.infer<typeof scheduleIssueSchema>;

export const inspectionSchema = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  planYear: z.number().int(),
  agencyId: z.uuid(),
  agencyName: z.string(),
  unitName: z.string(),
  teamId: z.uuid(),
  teamName: z.string(),
  kind: inspectionKindSchema,
  status: inspectionStatusSchema,
  startsOn: z.string(),
  endsOn: z.string(),
  startTime: z.string().nullable(),
  reportDueOn: z.string().nullable(),
  reportDueExplanation: z.string().nullable(),
  /**
   * An announced visit whose notice no longer holds: rescheduled after it was notified, back to
   * planned, a new notice due. The unit was told the new date and deadline and keeps seeing them.
   */
  awaitingNewNotice: z.boolean(),
  places: z.array(inspectionPlaceSchema),
  note: z.string().nullable(),
  reinspectionOfId: z.uuid().nullable(),
  startedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  /** Moves the record allows now (shared/domain/inspection-status.ts), whoever asks. */
  allowedMoves: z.array(z.enum(inspectionMoves)),
  abilities: inspectionAbilitiesSchema,
  /** Warnings of the schedule (a non-working day …), computed when read. */
  warnings: z.array(scheduleIssueSchema),
  /**
   * GET /api/inspections/{id} only: the unit's pre-visit report as far as the caller may read it
   * (the office, the unit, and the team once it is sent); null when there is none for them.
   */
  preVisitReport: z
    .object({ submissionId: z.uuid(), status: z.enum(['not_started', 'draft', 'submitted', 'returned', 'accepted']), late: z.boolean().nullable(), dueOn: z.string(), requestStatus: z.enum(requestStatuses) })
    .nullable()
    .optional(),
  version: z.number().int(),
});
export type Inspection = z.infer<typeof inspectionSchema>;

export const inspectionListResponse = z.object({ items: z.array(inspectionSchema), total: z.number().int() });
