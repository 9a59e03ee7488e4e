import crypto from 'node:crypto';
import type { z } from 'zod';
import type { createDrawBody } from '../../../shared/api/draws.schemas.js';
import { canonicalPool, drawFromPool, riskWeight } from '../../../shared/domain/unannounced-draw.js';
import { planAcceptsTeams, type PlanStatus } from '../../../shared/domain/plan-status.js';
import { idsOfPath } from '../../authz/grants.js';
import { inReach } from '../../authz/scope.js';
import type { Tx } from '../../db/client.js';
import { unannouncedDraw } from '../../db/schema/index.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { riskRanking } from '../indices/risk-ranking.js';
import { issuerPlace } from '../plans/plans.policy.js';
import { findVisiblePlan } from '../plans/plans.repository.js';
import { poolPlaces } from './draws.repository.js';

export const sha256Hex = (text: string) => crypto.createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The office draws K places of the plan's targets for unannounced visits. The commitment (the
 * hashes of a fresh random seed and of the pool) is stored with the result in one transaction;
 * the seed stays secret until revealed (reveal-draw.ts). Every draw is kept and audited, so a draw
 * made again because the first one displeased is on the record for all to see once revealed.
 */
export async function createDraw(tx: Tx, ctx: RequestContext, input: z.infer<typeof createDrawBody>, today: string) {
  const plan = await findVisiblePlan(tx, ctx.actor, input.planId);
  if (!plan) throw AppError.notFound('plan');
  const place = issuerPlace(plan);
  if (!inReach(ctx.actor, 'inspection.schedule', place)) throw new AppError('FORBIDDEN', 'only the standing office draws unannounced targets');
  if (!planAcceptsTeams(plan.status as PlanStatus)) throw new AppError('INVALID_STATE', `targets are drawn under an issued plan, not a ${plan.status} one`);
  const places = await poolPlaces(tx, plan.id, [...new Set(input.placeKinds)]);
  if (!places.length) throw AppError.invalid('body.placeKinds', 'empty_pool', 'the plan’s targets have no place of these kinds');
  if (input.k > places.length) throw AppError.invalid('body.k', 'more_than_pool', `the pool has ${places.length} places`);

  const riskYear = input.weighting === 'risk' ? (input.riskYear ?? plan.year - 1) : null;
  const scoreOf = new Map<string, number>();
  if (riskYear !== null) {
    // The ranking of the units under the plan's issuing authority (issue 11 §3), with the office's weights.
    const ranking = await riskRanking(tx, ctx.actor, idsOfPath(plan.issuerUnitPath).at(-1)!, riskYear, today);
    for (const item of ranking.items) scoreOf.set(item.unitId, item.score);
  }
  const pool = places.map((p) => {
    const score = riskYear === null ? null : (idsOfPath(p.unitPath).map((id) => scoreOf.get(id)).findLast((s) => s !== undefined) ?? 0);
    return { agencyId: p.agencyId, name: p.name, unitName: p.unitName, kind: p.kind, weight: riskYear === null ? 1 : riskWeight(score), riskScore: score };
  });

  const seed = crypto.randomBytes(32).toString('hex');
  const seedHash = sha256Hex(seed);
  const poolHash = sha256Hex(canonicalPool(pool, input.k));
  const drawn = drawFromPool(seed, pool, input.k, sha256Hex);
  const [row] = await tx
    .insert(unannouncedDraw)
    .values({ planId: plan.id, k: input.k, placeKinds: [...new Set(input.placeKinds)], weighting: input.weighting, riskYear, pool, seed, seedHash, poolHash, drawn, note: input.note || null, createdBy: ctx.actor.userId })
    .returning();
  await recordAudit(tx, ctx, {
    action: 'unannounced_draw.created',
    entityType: 'unannounced_draw',
    entityId: row.id,
    // As secret as the visits: where the plan was issued (unannounced-visits.md). Never the seed.
    scope: { places: [place] },
    after: { planId: plan.id, k: input.k, placeKinds: row.placeKinds, weighting: input.weighting, riskYear, poolSize: pool.length, seedHash, poolHash, drawn },
  });
  return row;
}
