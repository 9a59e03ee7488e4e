import type { Draw, DrawVerification } from '../../../shared/api/draws.schemas.js';
import { canonicalPool, DRAW_ALGORITHM, verifyDraw } from '../../../shared/domain/unannounced-draw.js';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../http/actor.js';
import { sha256Hex } from './create-draw.js';
import { drawAbilities, drawStatus } from './draws.policy.js';
import { drawVisits, planDrawsUpTo, secretDrawsBlocking, type DrawRow } from './draws.repository.js';

type Candidate = Draw['pool'][number];

export async function presentDraw(tx: DbOrTx, actor: Actor, row: DrawRow): Promise<Draw> {
  const pool = row.pool as Candidate[];
  const byId = new Map(pool.map((c) => [c.agencyId, c]));
  const drawn = row.drawn as string[];
  const visits = row.revealedAt ? { pending: 0, unvisited: 0 } : await drawVisits(tx, row.planId, drawn, row.createdAt);
  const secretBlocking = row.revealedAt ? 0 : await secretDrawsBlocking(tx, row);
  return {
    id: row.id,
    planId: row.planId,
    sequence: row.sequence,
    status: drawStatus(row),
    supersededAt: row.supersededAt?.toISOString() ?? null,
    supersedeReason: row.supersedeReason,
    k: row.k,
    placeKinds: row.placeKinds as Draw['placeKinds'],
    weighting: row.weighting as Draw['weighting'],
    riskYear: row.riskYear,
    pool,
    drawn: drawn.map((id) => byId.get(id)!),
    seedHash: row.seedHash,
    poolHash: row.poolHash,
    seed: row.revealedAt ? row.seed : null,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
    revealedAt: row.revealedAt?.toISOString() ?? null,
    pendingVisits: visits.pending,
    unvisitedPlaces: visits.unvisited,
    abilities: drawAbilities(actor, row, visits, secretBlocking),
    version: row.version,
  };
}

export const DRAW_DESCRIPTION =
  'Sort the pool by agency id. For j = 0 … k−1: r = SHA-256("<seed>:<j>") read as a big-endian integer, modulo the total weight W of the places still in the pool; ' +
  'pick the first place whose running total of weights exceeds r, and take it out of the pool. seedHash = SHA-256(seed); poolHash = SHA-256(canonicalPool), all in lowercase hex over UTF-8.';

/** The public check of a revealed draw: the record, the draw computed again from it, and every draw of the plan up to it. */
export async function presentVerification(tx: DbOrTx, row: DrawRow & { revealedAt: Date }): Promise<DrawVerification> {
  const pool = row.pool as Candidate[];
  const drawn = row.drawn as string[];
  const v = verifyDraw({ seed: row.seed, seedHash: row.seedHash, poolHash: row.poolHash, k: row.k, pool, drawn }, sha256Hex);
  const planDraws = await planDrawsUpTo(tx, row.planId, row.sequence);
  return {
    id: row.id,
    sequence: row.sequence,
    status: drawStatus(row),
    supersededAt: row.supersededAt?.toISOString() ?? null,
    supersedeReason: row.supersedeReason,
    planDraws: planDraws.map((d) => ({
      id: d.id,
      sequence: d.sequence,
      createdAt: d.createdAt.toISOString(),
      seedHash: d.seedHash,
      poolHash: d.poolHash,
      status: drawStatus(d),
      supersededAt: d.supersededAt?.toISOString() ?? null,
      supersedeReason: d.supersedeReason,
      revealedAt: d.revealedAt?.toISOString() ?? null,
    })),
    algorithm: DRAW_ALGORITHM,
    description: DRAW_DESCRIPTION,
    k: row.k,
    pool,
    canonicalPool: canonicalPool(pool, row.k),
    seed: row.seed,
    seedHash: row.seedHash,
    poolHash: row.poolHash,
    drawn,
    recomputed: v.recomputed,
    checks: { seedMatches: v.seedMatches, poolMatches: v.poolMatches, drawMatches: v.drawMatches },
    createdAt: row.createdAt.toISOString(),
    revealedAt: row.revealedAt.toISOString(),
  };
}
