import type { GuardedResource } from '../../authz/guard.js';
import { inReach } from '../../authz/scope.js';
import type { Actor } from '../../http/actor.js';
import { issuerPlace } from '../plans/plans.policy.js';
import { findVisibleConclusion, type ConclusionRow } from './conclusions.repository.js';

export type ConclusionAction = 'edit' | 'issue' | 'reinspect';

/**
 * Who signs: a leader of the People's Committee (`conclusion.approve`), or — when the notice is
 * issued in the standing office's name under authorisation (TUQ. CHỦ TỊCH) — the standing office
 * itself (`conclusion.draft`). Reference §4.2 (f), §5.3.
 */
export function maySign(actor: Actor, row: { issuingAgencyId: string; planIssuingAgencyId: string; issuerUnitPath: string; issuerPath: string }): boolean {
  const place = issuerPlace(row);
  return inReach(actor, 'conclusion.approve', place) || (row.issuingAgencyId !== row.planIssuingAgencyId && inReach(actor, 'conclusion.draft', place));
}

function mayTake(actor: Actor, row: ConclusionRow, action: ConclusionAction): boolean {
  const place = issuerPlace(row);
  switch (action) {
    case 'edit':
      return inReach(actor, 'conclusion.draft', place);
    case 'issue':
      return maySign(actor, row);
    case 'reinspect':
      return inReach(actor, 'inspection.schedule', place);
  }
}

/**
 * Conclusions for the guard: invisible → 404; not the caller's action → 403 (a unit editing it,
 * an office officer signing the committee's notice); stale → 409; an issued notice is frozen →
 * 409 INVALID_STATE; a re-inspection only from an issued one.
 */
export const conclusionResource: GuardedResource<ConclusionRow, ConclusionAction> = {
  name: 'conclusion',
  findVisible: findVisibleConclusion,
  allows: mayTake,
  refusal: (row, action) => {
    if (action === 'reinspect') return row.status === 'issued' ? null : 'a re-inspection follows an issued conclusion';
    return row.status === 'draft' ? null : 'the conclusion has been issued; it is frozen';
  },
};

export function conclusionAbilities(actor: Actor, row: ConclusionRow, hasOpenActions: boolean) {
  const draft = row.status === 'draft';
  return {
    update: draft && mayTake(actor, row, 'edit'),
    issue: draft && mayTake(actor, row, 'issue'),
    reinspect: !draft && hasOpenActions && mayTake(actor, row, 'reinspect'),
  };
}
