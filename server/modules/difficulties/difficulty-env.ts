import type { WorkingCalendar } from '../../../shared/domain/calendar/index.js';
import type { DifficultyMove, DifficultyStatus } from '../../../shared/domain/difficulty-status.js';
import { allowedDifficultyMoves } from '../../../shared/domain/difficulty-status.js';
import { AppError } from '../../http/app-error.js';
import type { RecordLink } from '../../notifications/notify.js';
import type { Actor } from '../../http/actor.js';
import { mayMoveDifficulty } from './difficulties.policy.js';
import type { DifficultyRow } from './difficulties.repository.js';

/** What the use cases and presenter need besides the rows: today in Việt Nam and the working calendar. */
export interface DifficultyEnv {
  today: string;
  calendar: WorkingCalendar;
}

export const difficultyLink = (id: string): RecordLink => ({ type: 'difficulty', id, path: `/difficulties/${id}` });

/** 409 INVALID_TRANSITION, with the moves the difficulty allows, when the actor cannot make the move in this status. */
export function assertMove(actor: Actor, row: DifficultyRow, move: DifficultyMove) {
  if (!mayMoveDifficulty(actor, row, move)) {
    const status = row.status as DifficultyStatus;
    throw new AppError('INVALID_TRANSITION', `a difficulty that is ${status} cannot be ${move === 'forward' ? 'forwarded' : move === 'answer' ? 'answered' : 'closed'} by you now`, undefined, { allowedMoves: allowedDifficultyMoves(status).filter((m) => mayMoveDifficulty(actor, row, m)) });
  }
}

/** The row without its joined names, for the audit trail. */
export const bare = ({ agencyName: _a, agencyUnitPath: _b, agencyPath: _c, reformAreaName: _d, reformAreaNameEn: _e, ...row }: DifficultyRow) => row;
