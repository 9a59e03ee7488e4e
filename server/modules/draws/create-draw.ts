import crypto from 'node:crypto';
import type { z } from 'zod';
import type { createDrawBody } from '../../../shared/api/draws.schemas.js';
import { canonicalPool, drawFromPool, riskWeight } from '../../../shared/domain/unannounced-draw.js';
import { planAcceptsTeams, type PlanStatus } from '../../../shared/domain/plan-status.js';
import { vietnamLocalTime } from '../../../shared/domain/vietnam-time.js';
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
import { openDraws, poolPlaces } from './draws.repository.js';
import { eq, sql } from 'drizzle-orm';
import { inspectionPlan } from '../../db/schema/index.js';

/** One draw at a time per plan: the sequence and the redraw check see every earlier draw. */
const lockPlan = (tx: Tx, planId: string) => tx.select({ id: inspectionPlan.id }).from(inspectionPlan).where(eq(inspectionPlan.id, planId)).for('update');

export const sha256Hex = (text: string) => crypto.createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The office draws K places of the plan's targets for unannounced visits. The commitment (the
 * hashes of a fresh random seed and of the pool) is stored with the result in one transaction;
 * the seed stays secret until revealed (reveal-draw.ts). Every draw is numbered per plan, kept
 * (never deleted) and audited; drawing again over places of an earlier draw still in force needs
 * a reason and marks that draw superseded, and the public check lists every draw of the plan.
 */
export async function createDraw(tx: Tx, ctx: RequestContext, input: z.infer<typeof createDrawBody>, now: Date) {
  const today = vietnamLocalTime(now).date;
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

  // A draw made again over places of an earlier one still secret and in force sets that one aside,
  // on the record with the reason (audited), so that a displeasing draw cannot be quietly dropped:
  // it keeps its number, is listed by the public check and remains to be revealed.
  await lockPlan(tx, plan.id);
  const poolIds = new Set(pool.map((c) => c.agencyId));
  const overlapping = (await openDraws(tx, plan.id)).filter((d) => (d.pool as { agencyId: string }[]).some((c) => poolIds.has(c.agencyId)));
  if (overlapping.length && !input.supersedeReason) {
    throw AppError.invalid('body.supersedeReason', 'supersede_required', `draw(s) ${overlapping.map((d) => `#${d.sequence}`).join(', ')} of the plan, unrevealed, share places with this pool: give the reason for drawing again`);
  }
  const [{ next }] = await tx
    .select({ next: sql<number>`coalesce(max(${unannouncedDraw.sequence}), 0)::int + 1` })
    .from(unannouncedDraw)
    .where(eq(unannouncedDraw.planId, plan.id));

  const seed = crypto.randomBytes(32).toString('hex');
  const seedHash = sha256Hex(seed);
  const poolHash = sha256Hex(canonicalPool(pool, input.k));
  const drawn = drawFromPool(seed, pool, input.k, sha256Hex);
  const [row] = await tx
    .insert(unannouncedDraw)
    .values({ planId: plan.id, sequence: Number(next), k: input.k, placeKinds: [...new Set(input.placeKinds)], weighting: input.weighting, riskYear, pool, seed, seedHash, poolHash, drawn, note: input.note || null, createdBy: ctx.actor.userId, createdAt: now })
    .returning();
  await recordAudit(tx, ctx, {
    action: 'unannounced_draw.created',
    entityType: 'unannounced_draw',
    entityId: row.id,
    // As secret as the visits: where the plan was issued (unannounced-visits.md). Never the seed.
    scope: { places: [place] },
    after: { planId: plan.id, sequence: row.sequence, supersedes: overlapping.map((d) => d.sequence), k: input.k, placeKinds: row.placeKinds, weighting: input.weighting, riskYear, poolSize: pool.length, seedHash, poolHash, drawn },
  });
  for (const old of overlapping) {
    const [after] = await tx
      .update(unannouncedDraw)
      .set({ supersededAt: sql`now()`, supersedeReason: input.supersedeReason!, supersededBy: ctx.actor.userId, version: sql`${unannouncedDraw.version} + 1` })
      .where(eq(unannouncedDraw.id, old.id))
      .returning();
    await recordAudit(tx, ctx, {
      action: 'unannounced_draw.superseded',
      entityType: 'unannounced_draw',
      entityId: old.id,
      scope: { places: [place] },
      before: { supersededAt: null },
      after: { sequence: old.sequence, supersededAt: after.supersededAt, supersedeReason: after.supersedeReason, supersededByDraw: row.id, supersededBySequence: row.sequence },
    });
  }
  return row;
}
