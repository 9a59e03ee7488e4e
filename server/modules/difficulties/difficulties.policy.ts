import { sql, type SQL } from 'drizzle-orm';
import { handlerMayMove, nextDifficultyStatus, type DifficultyHandler, type DifficultyMove, type DifficultyStatus } from '../../../shared/domain/difficulty-status.js';
import type { GuardedResource } from '../../authz/guard.js';
import { agencyInReach, inReach, type Place } from '../../authz/scope.js';
import { agency } from '../../db/schema/index.js';
import type { Actor } from '../../http/actor.js';
import { findVisibleDifficulty, type DifficultyRow } from './difficulties.repository.js';

/**
 * Who sees and moves a difficulty (shared/domain/capabilities.ts), placed by the raising agency:
 *  - `difficulty.raise` (the unit officer) raises one for its own agency, reads only its own, and
 *    closes it once answered;
 *  - `difficulty.read` (office, leaders, inspectors, admins) reads those of agencies in reach;
 *  - `difficulty.handle` (the standing office) forwards to a leader, answers what it has not
 *    forwarded, closes; `difficulty.answer` (a leader) answers.
 * Nobody answers a difficulty they raised themselves.
 */

/** SQL on `difficulty` joined with its raising `agency`. */
export function visibleDifficulties(actor: Actor): SQL {
  return sql`(${agencyInReach(actor, 'difficulty.read', agency)} or ${agencyInReach(actor, 'difficulty.raise', agency)})`;
}

export const difficultyPlace = (row: { agencyUnitPath: string; agencyPath: string }): Place => ({ unitPath: row.agencyUnitPath, agencyPath: row.agencyPath });

/** The parts the actor plays on this difficulty. */
export function handlersOf(actor: Actor, row: DifficultyRow): DifficultyHandler[] {
  const place = difficultyPlace(row);
  const out: DifficultyHandler[] = [];
  if (inReach(actor, 'difficulty.handle', place)) out.push('office');
  if (inReach(actor, 'difficulty.answer', place)) out.push('leader');
  if (inReach(actor, 'difficulty.raise', place)) out.push('unit');
  return out;
}

/** Whether the actor may make the move now (the status machine included). */
export function mayMoveDifficulty(actor: Actor, row: DifficultyRow, move: DifficultyMove): boolean {
  const status = row.status as DifficultyStatus;
  if (!nextDifficultyStatus(status, move)) return false;
  if (move === 'answer' && row.raisedBy === actor.userId) return false;
  return handlersOf(actor, row).some((h) => handlerMayMove(h, status, move));
}

/** Whether the actor may move the difficulty at all, whatever its status (403 otherwise). */
export function handlesDifficulty(actor: Actor, row: DifficultyRow, move: DifficultyMove): boolean {
  if (move === 'answer' && row.raisedBy === actor.userId) return false;
  const handlers = handlersOf(actor, row);
  if (move === 'close') return handlers.length > 0 && !(handlers.length === 1 && handlers[0] === 'leader');
  if (move === 'forward') return handlers.includes('office');
  return handlers.includes('office') || handlers.includes('leader');
}

/** Invisible → 404; not a handler of the move → 403; stale → 409. */
export const difficultyResource: GuardedResource<DifficultyRow, DifficultyMove | 'attach'> = {
  name: 'difficulty',
  findVisible: findVisibleDifficulty,
  allows: (actor, row, action) => (action === 'attach' ? inReach(actor, 'difficulty.raise', difficultyPlace(row)) : handlesDifficulty(actor, row, action)),
};
