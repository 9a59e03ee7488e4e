/**
 * Difficulties raised to the People's Committee (khó khăn, vướng mắc; issue 9 §7, M17; the seed
 * plan's closing paragraph: "phản ánh về UBND thị xã (qua phòng Nội vụ)"). Pure, so the web app
 * offers exactly the moves the server accepts.
 *
 *   raised ──forward──▶ forwarded ──answer──▶ answered ──close──▶ closed
 *     └──────────────answer──────────────────▶ │
 *
 * The standing office forwards a raised difficulty to a leader or answers it; a leader answers a
 * raised or forwarded one; the raising unit or the office closes an answered one. Nobody answers
 * a difficulty they raised.
 */

export const difficultyStatuses = ['raised', 'forwarded', 'answered', 'closed'] as const;
export type DifficultyStatus = (typeof difficultyStatuses)[number];

export const difficultyMoves = ['forward', 'answer', 'close'] as const;
export type DifficultyMove = (typeof difficultyMoves)[number];

/** Who makes a move: the standing office, a leader, the raising unit. */
export type DifficultyHandler = 'office' | 'leader' | 'unit';

export function nextDifficultyStatus(status: DifficultyStatus, move: DifficultyMove): DifficultyStatus | null {
  switch (move) {
    case 'forward':
      return status === 'raised' ? 'forwarded' : null;
    case 'answer':
      return status === 'raised' || status === 'forwarded' ? 'answered' : null;
    case 'close':
      return status === 'answered' ? 'closed' : null;
  }
}

/** Whether a handler of this kind may make the move on a difficulty in this status (the status machine aside). */
export function handlerMayMove(handler: DifficultyHandler, status: DifficultyStatus, move: DifficultyMove): boolean {
  switch (handler) {
    case 'office':
      // Once forwarded, the leader answers: the office waits.
      return move === 'forward' || move === 'close' || (move === 'answer' && status === 'raised');
    case 'leader':
      return move === 'answer';
    case 'unit':
      return move === 'close';
  }
}

export const allowedDifficultyMoves = (status: DifficultyStatus): DifficultyMove[] => difficultyMoves.filter((m) => nextDifficultyStatus(status, m) !== null);
