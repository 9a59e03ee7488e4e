import type { Escalation } from '../../../shared/api/escalations.schemas.js';
import { allowedEscalationMoves, nextEscalationStatus, type EscalationMove, type EscalationStatus } from '../../../shared/domain/follow-up.js';
import type { GuardedResource } from '../../authz/guard.js';
import { inReach } from '../../authz/scope.js';
import type { Actor } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { issuerPlace } from '../plans/plans.policy.js';
import { maySign } from '../conclusions/conclusions.policy.js';
import { findVisibleEscalation, type EscalationRow } from './escalations.repository.js';

/**
 * Who: the standing office drafts and edits; the signer issues (a leader, or the office when the
 * proposal is in its own name — conclusions.policy.ts `maySign`); the office or a leader records
 * the public-service team's answer and its result.
 */
function mayTake(actor: Actor, row: EscalationRow, move: EscalationMove): boolean {
  const place = issuerPlace(row);
  switch (move) {
    case 'edit':
      return inReach(actor, 'conclusion.draft', place);
    case 'issue':
      return maySign(actor, row);
    case 'accept':
    case 'decline':
    case 'record_result':
      return inReach(actor, 'conclusion.draft', place) || inReach(actor, 'conclusion.approve', place);
  }
}

/** Invisible → 404; not the caller's move → 403; stale → 409; the status machine next (INVALID_TRANSITION). */
export const escalationResource: GuardedResource<EscalationRow, EscalationMove> = { name: 'escalation', findVisible: findVisibleEscalation, allows: mayTake };

export function assertEscalationMove(row: EscalationRow, move: EscalationMove): EscalationStatus {
  const next = nextEscalationStatus(row.status as EscalationStatus, move);
  if (next === null) throw new AppError('INVALID_TRANSITION', `an escalation that is ${row.status} cannot ${move}`, undefined, { allowedMoves: allowedEscalationMoves(row.status as EscalationStatus) });
  return next;
}

export function escalationAbilities(actor: Actor, row: EscalationRow): Escalation['abilities'] {
  const can = (m: EscalationMove) => nextEscalationStatus(row.status as EscalationStatus, m) !== null && mayTake(actor, row, m);
  return { update: can('edit'), issue: can('issue'), decide: can('accept'), recordResult: can('record_result') };
}
