/**
 * The follow-up of an inspection (issue 10 §5–7), pure so the UI disables exactly what the server
 * refuses: the corrective actions' status machine, who takes which move, overdue, and the
 * escalation's machine.
 *
 *   draft ──(conclusion issued)──▶ open ──plan/progress──▶ in_progress ──report──▶ reported
 *                                   │ └────────────report──────────────────────────▶ │
 *                                   │                        in_progress ◀──return───┤
 *                                   │                                                accept
 *   re-inspection result: fixed → closed (from open, in_progress, reported);          ▼
 *                         kept  → in_progress                                       closed
 *
 * The unit plans, reports progress and reports completion; the standing office accepts or returns
 * a report — never the unit itself; a re-inspection's result closes an action or keeps it open.
 */

export const actionStatuses = ['draft', 'open', 'in_progress', 'reported', 'closed'] as const;
export type ActionStatus = (typeof actionStatuses)[number];

export const actionMoves = ['plan', 'progress', 'report', 'accept', 'return', 'reinspection_fixed', 'reinspection_kept'] as const;
export type ActionMove = (typeof actionMoves)[number];

/** The moves of the unit responsible for the action. */
export const unitActionMoves = ['plan', 'progress', 'report'] as const satisfies readonly ActionMove[];
/** The moves of the standing office reviewing the unit's report. */
export const reviewActionMoves = ['accept', 'return'] as const satisfies readonly ActionMove[];
/** The results a re-inspection records. */
export const reinspectionActionMoves = ['reinspection_fixed', 'reinspection_kept'] as const satisfies readonly ActionMove[];
export type UnitActionMove = (typeof unitActionMoves)[number];
export type ReviewActionMove = (typeof reviewActionMoves)[number];
export type ReinspectionActionMove = (typeof reinspectionActionMoves)[number];

/** The status a move leads to, or null when it is not possible from `status`. */
export function nextActionStatus(status: ActionStatus, move: ActionMove): ActionStatus | null {
  switch (status) {
    case 'draft':
    case 'closed':
      return null;
    case 'open':
    case 'in_progress':
      switch (move) {
        case 'plan':
        case 'progress':
        case 'reinspection_kept':
          return 'in_progress';
        case 'report':
          return 'reported';
        case 'reinspection_fixed':
          return 'closed';
        case 'accept':
        case 'return':
          return null;
        default:
          return assertNever(move);
      }
    case 'reported':
      switch (move) {
        case 'accept':
        case 'reinspection_fixed':
          return 'closed';
        case 'return':
        case 'reinspection_kept':
          return 'in_progress';
        case 'plan':
        case 'progress':
        case 'report':
          return null;
        default:
          return assertNever(move);
      }
    default:
      return assertNever(status);
  }
}

export function allowedActionMoves(status: ActionStatus): ActionMove[] {
  return actionMoves.filter((m) => nextActionStatus(status, m) !== null);
}

/** Statuses in which an action can be overdue: a reported action (done, awaiting the office's review) is not. */
export const overdueStatuses = ['open', 'in_progress'] as const satisfies readonly ActionStatus[];

/** An action still to be done (not reported) after its due date (the board's "overdue"); server SQL: actionOverdueSql. */
export const isActionOverdue = (status: ActionStatus, dueOn: string | null, today: string): boolean => (overdueStatuses as readonly ActionStatus[]).includes(status) && dueOn !== null && dueOn < today;

/** Statuses still to be fixed: what a re-inspection is built from (server SQL: the risk ranking's open actions). */
export const openActionStatuses = ['open', 'in_progress', 'reported'] as const satisfies readonly ActionStatus[];
/** Still to be fixed: what a re-inspection is built from. */
export const isActionOpen = (status: ActionStatus): boolean => (openActionStatuses as readonly ActionStatus[]).includes(status);

/** The board's columns. */
export type ActionBoardState = 'open' | 'overdue' | 'closed';
export function actionBoardState(status: ActionStatus, dueOn: string | null, today: string): ActionBoardState | null {
  if (status === 'draft') return null;
  if (status === 'closed') return 'closed';
  return isActionOverdue(status, dueOn, today) ? 'overdue' : 'open';
}

/**
 * The seed plan's content groups (II.1 a–c), the board's default rows; an action may name any
 * other group (a one-stop desk's place group), so this is a label list, not a rule.
 */
export const planContentGroups: Record<string, { vi: string; en: string }> = {
  a: { vi: 'a) Công tác lãnh đạo, chỉ đạo và tổ chức triển khai CCHC', en: 'a) Leadership and direction of PAR' },
  b: { vi: 'b) Nhiệm vụ theo kế hoạch, kết luận, chỉ đạo của UBND, Chủ tịch UBND', en: 'b) Tasks assigned by the committee and the Chairman' },
  c: { vi: 'c) Nhiệm vụ tại Kế hoạch CCHC; Chỉ số CCHC, chỉ số hài lòng', en: 'c) PAR plan tasks; PAR index and satisfaction' },
};

// ------------------------------------------------------------------------------------------------
// Escalation to the public-service inspection (M12)

export const escalationStatuses = ['draft', 'proposed', 'accepted', 'declined', 'concluded'] as const;
export type EscalationStatus = (typeof escalationStatuses)[number];
export const escalationMoves = ['edit', 'issue', 'accept', 'decline', 'record_result'] as const;
export type EscalationMove = (typeof escalationMoves)[number];
export const escalationForms = ['to_trinh', 'cong_van'] as const;
export type EscalationForm = (typeof escalationForms)[number];

export function nextEscalationStatus(status: EscalationStatus, move: EscalationMove): EscalationStatus | null {
  switch (move) {
    case 'edit':
      return status === 'draft' ? 'draft' : null;
    case 'issue':
      return status === 'draft' ? 'proposed' : null;
    case 'accept':
      return status === 'proposed' ? 'accepted' : null;
    case 'decline':
      return status === 'proposed' ? 'declined' : null;
    case 'record_result':
      return status === 'accepted' ? 'concluded' : null;
    default:
      return assertNever(move);
  }
}

export function allowedEscalationMoves(status: EscalationStatus): EscalationMove[] {
  return escalationMoves.filter((m) => nextEscalationStatus(status, m) !== null);
}

function assertNever(value: never): never {
  throw new Error(`unexpected value ${String(value)}`);
}
