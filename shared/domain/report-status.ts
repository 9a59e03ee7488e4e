/**
 * A unit's report for a request (issue 9 §3): the stored status and the moves it allows. Pure and
 * shared, so the web app offers only what the server would accept.
 *
 *   not_started ─save→ draft ─submit→ submitted ─accept→ accepted
 *        └──────────submit──────────────↗      └─return→ returned ─save→ returned
 *                                                         └─submit→ submitted
 *
 * "Submitted on time" and "submitted late" are one stored status with the `late` flag set at each
 * submission (after the due day, by the Vietnamese calendar day); an accepted report keeps it.
 */
export const submissionStatuses = ['not_started', 'draft', 'submitted', 'returned', 'accepted'] as const;
export type SubmissionStatus = (typeof submissionStatuses)[number];

export const submissionMoves = ['save', 'submit', 'accept', 'return'] as const;
export type SubmissionMove = (typeof submissionMoves)[number];

/** What people see: the stored status, with a submission split into on time and late. */
export const submissionDisplayStatuses = ['not_started', 'draft', 'submitted_on_time', 'submitted_late', 'returned', 'accepted'] as const;
export type SubmissionDisplayStatus = (typeof submissionDisplayStatuses)[number];

/** The status after a move, or null when the status refuses it. */
export function nextSubmissionStatus(status: SubmissionStatus, move: SubmissionMove): SubmissionStatus | null {
  switch (status) {
    case 'not_started':
      return move === 'save' ? 'draft' : move === 'submit' ? 'submitted' : null;
    case 'draft':
      return move === 'save' ? 'draft' : move === 'submit' ? 'submitted' : null;
    case 'returned':
      return move === 'save' ? 'returned' : move === 'submit' ? 'submitted' : null;
    case 'submitted':
      return move === 'accept' ? 'accepted' : move === 'return' ? 'returned' : null;
    case 'accepted':
      return null;
  }
}

export function allowedSubmissionMoves(status: SubmissionStatus): SubmissionMove[] {
  return submissionMoves.filter((m) => nextSubmissionStatus(status, m) !== null);
}

export function displayStatus(status: SubmissionStatus, late: boolean | null): SubmissionDisplayStatus {
  if (status === 'submitted') return late ? 'submitted_late' : 'submitted_on_time';
  return status;
}

/** Whether the unit's report still awaits its work (reminders and overdue notices go to these). */
export const awaitingUnit = (status: SubmissionStatus): boolean => status === 'not_started' || status === 'draft' || status === 'returned';
