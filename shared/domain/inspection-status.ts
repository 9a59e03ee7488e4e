/**
 * The lifecycle of one inspection (cuộc kiểm tra), pure so the UI disables exactly what the
 * server refuses (conventions.md §3). Beside the plan's machine (plan-status.ts).
 *
 *   planned ──notify──▶ notified ──start──▶ under_way ──close──▶ closed
 *      │   └──────────────start (not announced)──▶ │
 *      │                                          (minutes, conclusion and follow-up arrive with a
 *      └──cancel──▶ cancelled ◀──cancel── notified   later issue: new states go between under_way
 *                                                     and closed, and `close` moves with them)
 *   reschedule: planned → planned, notified → planned (the notice no longer holds: a new one is due)
 *
 * `notify` is never asked for directly: issuing a notice (Thông báo lịch kiểm tra) applies it.
 */

export const inspectionKinds = ['report', 'announced', 'unannounced', 'reinspection'] as const;
export type InspectionKind = (typeof inspectionKinds)[number];

export const inspectionStatuses = ['planned', 'notified', 'under_way', 'closed', 'cancelled'] as const;
export type InspectionStatus = (typeof inspectionStatuses)[number];

export const inspectionMoves = ['edit', 'notify', 'start', 'close', 'cancel', 'reschedule'] as const;
export type InspectionMove = (typeof inspectionMoves)[number];

/** Moves a person asks for through `POST /api/inspections/{id}/<move>` (edit is PATCH; notify comes with a notice). */
export const requestedMoves = ['start', 'close', 'cancel', 'reschedule'] as const satisfies readonly InspectionMove[];
export type RequestedMove = (typeof requestedMoves)[number];

/** Only an announced visit is preceded by a notice to the unit. */
export const needsNotice = (kind: InspectionKind): boolean => kind === 'announced';

/** Kinds where the unit sends a report before the inspection day (announced visits and desk reviews). */
export const hasReportDue = (kind: InspectionKind): boolean => kind === 'announced' || kind === 'report';

/**
 * The status a move leads to, or null when the move is not possible from `status` for an
 * inspection of this kind.
 */
export function nextInspectionStatus(status: InspectionStatus, kind: InspectionKind, move: InspectionMove): InspectionStatus | null {
  switch (status) {
    case 'planned':
      switch (move) {
        case 'edit':
        case 'reschedule':
          return 'planned';
        case 'notify':
          return needsNotice(kind) ? 'notified' : null;
        case 'start':
          // An announced visit starts only once the unit has been told.
          return needsNotice(kind) ? null : 'under_way';
        case 'cancel':
          return 'cancelled';
        case 'close':
          return null;
        default:
          return assertNever(move);
      }
    case 'notified':
      switch (move) {
        case 'edit':
          return 'notified';
        case 'reschedule':
          return 'planned';
        case 'start':
          return 'under_way';
        case 'cancel':
          return 'cancelled';
        case 'notify':
        case 'close':
          return null;
        default:
          return assertNever(move);
      }
    case 'under_way':
      return move === 'close' ? 'closed' : move === 'edit' ? 'under_way' : null;
    case 'closed':
    case 'cancelled':
      return null;
    default:
      return assertNever(status);
  }
}

/** The moves possible now (whoever asks: the policy decides who). */
export function allowedInspectionMoves(status: InspectionStatus, kind: InspectionKind): InspectionMove[] {
  return inspectionMoves.filter((m) => nextInspectionStatus(status, kind, m) !== null);
}

/** Whether the dates, team and places may still change (before the visit starts). */
export const isInspectionSchedulable = (status: InspectionStatus): boolean => status === 'planned' || status === 'notified';

/**
 * The secrecy rule (issue 8 §4): an unannounced inspection exists, for anyone but the standing
 * office, the leaders in scope and its team, only once it has started.
 */
export const isSecretFromUnit = (kind: InspectionKind, startedAt: string | Date | null): boolean => kind === 'unannounced' && startedAt === null;

function assertNever(value: never): never {
  throw new Error(`unexpected value ${String(value)}`);
}
