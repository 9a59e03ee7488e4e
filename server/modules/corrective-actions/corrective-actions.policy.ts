import type { CorrectiveAction } from '../../../shared/api/corrective-actions.schemas.js';
import { allowedActionMoves, nextActionStatus, reinspectionActionMoves, reviewActionMoves, unitActionMoves, type ActionMove, type ActionStatus } from '../../../shared/domain/follow-up.js';
import type { GuardedResource } from '../../authz/guard.js';
import { inReach, type Place } from '../../authz/scope.js';
import type { Actor } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { issuerPlace } from '../plans/plans.policy.js';
import { findVisibleAction, type ActionRow } from './corrective-actions.repository.js';

/** Where the responsible agency sits: what `action.report` is checked against. */
export const responsiblePlace = (row: Pick<ActionRow, 'responsibleUnitPath' | 'responsiblePath'>): Place => ({ unitPath: row.responsibleUnitPath, agencyPath: row.responsiblePath });

/** 'evidence': attach or remove an evidence file. */
export type ActionAct = ActionMove | 'evidence';

/**
 * Who takes which move: the responsible unit plans, reports progress and completion
 * (`action.report` on the responsible agency); the standing office of the plan's issuer accepts
 * or returns (`action.review`) — never the unit, whatever else it may do; a re-inspection's
 * result is recorded by the office or by a member of the re-inspection's team.
 */
export function mayTake(actor: Actor, row: ActionRow, act: ActionAct): boolean {
  if ((unitActionMoves as readonly string[]).includes(act)) return inReach(actor, 'action.report', responsiblePlace(row));
  if ((reviewActionMoves as readonly string[]).includes(act)) return inReach(actor, 'action.review', issuerPlace(row));
  if ((reinspectionActionMoves as readonly string[]).includes(act)) {
    return row.reinspectionId !== null && (inReach(actor, 'inspection.schedule', issuerPlace(row)) || (row.actorOnReinspectionTeam && inReach(actor, 'inspection.conduct', issuerPlace(row))));
  }
  return inReach(actor, 'action.report', responsiblePlace(row)) || inReach(actor, 'action.review', issuerPlace(row));
}

/**
 * Actions for the guard: invisible → 404; not the caller's move → 403; stale → 409
 * VERSION_CONFLICT; a re-inspection result before the re-inspection has started → 409
 * INVALID_STATE. The status machine is asked next by `assertActionMove`.
 */
export const actionResource: GuardedResource<ActionRow, ActionAct> = {
  name: 'corrective action',
  findVisible: findVisibleAction,
  allows: mayTake,
  refusal: (row, act) => {
    if (act === 'evidence') return row.status === 'closed' ? 'the action is closed' : null;
    if ((reinspectionActionMoves as readonly string[]).includes(act) && row.reinspectionStatus !== 'under_way' && row.reinspectionStatus !== 'closed') return 'the re-inspection has not started';
    return null;
  },
};

/** 409 INVALID_TRANSITION with the moves the action allows now. */
export function assertActionMove(row: ActionRow, move: ActionMove): ActionStatus {
  const next = nextActionStatus(row.status as ActionStatus, move);
  if (next === null) throw new AppError('INVALID_TRANSITION', `an action that is ${row.status} cannot ${move}`, undefined, { allowedMoves: allowedActionMoves(row.status as ActionStatus) });
  return next;
}

export function actionAbilities(actor: Actor, row: ActionRow): CorrectiveAction['abilities'] {
  const can = (move: ActionMove) => nextActionStatus(row.status as ActionStatus, move) !== null && mayTake(actor, row, move) && !actionResource.refusal!(row, move);
  return {
    plan: can('plan'),
    progress: can('progress'),
    report: can('report'),
    accept: can('accept'),
    return: can('return'),
    reinspectionResult: can('reinspection_fixed'),
    attachEvidence: row.status !== 'closed' && row.status !== 'draft' && mayTake(actor, row, 'evidence'),
  };
}
