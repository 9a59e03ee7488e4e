import type { drawPlaceKinds } from '../../../shared/api/draws.schemas.js';
import { inReach } from '../../authz/scope.js';
import type { GuardedResource } from '../../authz/guard.js';
import type { Actor } from '../../http/actor.js';
import { issuerPlace } from '../plans/plans.policy.js';
import { findVisibleDraw, type DrawRow, type DrawVisits } from './draws.repository.js';

export type DrawPlaceKind = (typeof drawPlaceKinds)[number];

/**
 * Draws for the guard: invisible (not the office nor a leader of the plan's issuing agency) → 404;
 * the standing office draws and reveals (`inspection.schedule`) → 403 otherwise; a revealed draw
 * is final → 409 INVALID_STATE.
 */
export const drawResource: GuardedResource<DrawRow, 'reveal'> = {
  name: 'draw',
  findVisible: findVisibleDraw,
  allows: (actor, row) => inReach(actor, 'inspection.schedule', issuerPlace(row)),
  refusal: (row) => (row.revealedAt ? 'the draw has been revealed already' : null),
};

/**
 * What the actor may do, exactly as the server would decide it (reveal-draw.ts): a draw in force
 * waits for the visits to its places; a superseded one does not (its places are no longer the
 * targets), but any draw waits while a draw of the plan its reveal would betray is still secret.
 */
export const revealBlocked = (row: Pick<DrawRow, 'supersededAt'>, visits: DrawVisits) => !row.supersededAt && (visits.pending > 0 || visits.unvisited > 0);
export const drawAbilities = (actor: Actor, row: DrawRow, visits: DrawVisits, secretBlocking: number) => ({
  reveal: !row.revealedAt && inReach(actor, 'inspection.schedule', issuerPlace(row)) && !revealBlocked(row, visits) && secretBlocking === 0,
});

export const drawStatus = (row: Pick<DrawRow, 'revealedAt' | 'supersededAt'>) => (row.revealedAt ? 'revealed' : row.supersededAt ? 'superseded' : 'drawn') as 'drawn' | 'superseded' | 'revealed';
