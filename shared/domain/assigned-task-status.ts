/**
 * The register of tasks assigned by the People's Committee and its Chairman (nhiệm vụ do UBND,
 * Chủ tịch UBND giao; issue 10 §8): each task's status machine and timeliness, pure so the web
 * app offers exactly the moves the server accepts.
 *
 *   not_started ──start──▶ in_progress ──complete──▶ completed
 *        │ └────────────complete───────────────▶ │      │
 *        └──cancel──▶ cancelled ◀──cancel── in_progress  └──reopen──▶ in_progress
 *                         └──restore──▶ not_started
 *
 * The owner agency starts and completes its task (with a progress note); the standing office
 * may make every move (it records what reports say, withdraws a task, reopens one).
 */

export const assignedTaskStatuses = ['not_started', 'in_progress', 'completed', 'cancelled'] as const;
export type AssignedTaskStatus = (typeof assignedTaskStatuses)[number];

export const assignedTaskMoves = ['start', 'complete', 'reopen', 'cancel', 'restore'] as const;
export type AssignedTaskMove = (typeof assignedTaskMoves)[number];

/** The moves the owner agency itself may make; the office makes every move. */
export const ownerMoves: readonly AssignedTaskMove[] = ['start', 'complete'];

export function nextAssignedTaskStatus(status: AssignedTaskStatus, move: AssignedTaskMove): AssignedTaskStatus | null {
  switch (move) {
    case 'start':
      return status === 'not_started' ? 'in_progress' : null;
    case 'complete':
      return status === 'not_started' || status === 'in_progress' ? 'completed' : null;
    case 'reopen':
      return status === 'completed' ? 'in_progress' : null;
    case 'cancel':
      return status === 'not_started' || status === 'in_progress' ? 'cancelled' : null;
    case 'restore':
      return status === 'cancelled' ? 'not_started' : null;
  }
}

export const allowedAssignedTaskMoves = (status: AssignedTaskStatus): AssignedTaskMove[] => assignedTaskMoves.filter((m) => nextAssignedTaskStatus(status, m) !== null);

/** A task still to be done. */
export const isOpenTask = (status: AssignedTaskStatus): boolean => status === 'not_started' || status === 'in_progress';

/**
 * How a task stands against its deadline, as the pre-visit report's annex table says it
 * (reference §4.2 d: on time / late / not done):
 *  - `no_deadline`: a standing task (thường xuyên);
 *  - `on_track`: open, the deadline not passed; `overdue`: open, the deadline passed;
 *  - `done_on_time` / `done_late`: completed by / after the deadline; `cancelled`.
 */
export const timelinessValues = ['no_deadline', 'on_track', 'overdue', 'done_on_time', 'done_late', 'cancelled'] as const;
export type Timeliness = (typeof timelinessValues)[number];

export function timelinessOf(task: { status: AssignedTaskStatus; deadline: string | null; completedOn: string | null }, today: string): Timeliness {
  if (task.status === 'cancelled') return 'cancelled';
  if (task.status === 'completed') {
    if (!task.deadline) return 'done_on_time';
    return task.completedOn && task.completedOn > task.deadline ? 'done_late' : 'done_on_time';
  }
  if (!task.deadline) return 'no_deadline';
  return today > task.deadline ? 'overdue' : 'on_track';
}
