import type { GuardedResource } from '../../authz/guard.js';
import type { Actor } from '../../http/actor.js';
import { fillsChecklistsOf } from '../checklists/checklists.policy.js';
import { findVisibleMinutes, type MinutesRow } from './minutes.repository.js';

export type MinutesAction = 'edit' | 'finalize' | 'attach_scan';

/**
 * The minutes are the team's record: drafted, edited and finalised by an inspector on the
 * inspection's team or the standing office recording a visit (checklists.policy.ts
 * `fillsChecklistsOf`) — never by the inspected unit, which reads and signs the final paper. A
 * final record is frozen: only its signed scan may still be added.
 */
export const minutesResource: GuardedResource<MinutesRow, MinutesAction> = {
  name: 'minutes',
  findVisible: findVisibleMinutes,
  allows: (actor, row) => fillsChecklistsOf(actor, row.inspection),
  refusal(row, action) {
    if (action === 'attach_scan') return row.status === 'final' ? null : 'finalise the minutes first: the signed scan is of the final text';
    if (row.status !== 'draft') return 'the minutes are final; they are frozen';
    if (row.inspection.status === 'cancelled') return 'the inspection was cancelled';
    return null;
  },
};

export function minutesAbilities(actor: Actor, row: MinutesRow) {
  const fills = fillsChecklistsOf(actor, row.inspection);
  const draft = row.status === 'draft' && row.inspection.status !== 'cancelled';
  return { update: fills && draft, finalize: fills && draft, uploadSignedScan: fills && row.status === 'final' };
}
