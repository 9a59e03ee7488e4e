/**
 * The draw of unannounced targets with a commit–reveal record (issue 8 §4), pure so the server,
 * the verification endpoint and anyone with the published figures compute the same draw.
 *
 * The record, step by step:
 *  1. Commit: the server picks a random secret seed (64 hex digits) and stores, before drawing,
 *       seedHash = SHA-256(seed)                      (hex)
 *       poolHash = SHA-256(canonicalPool(pool, k))    (hex)
 *  2. Draw: a deterministic function of seed, pool and k (`drawFromPool`), below.
 *  3. Reveal (after the visits): the seed is published. Anyone recomputes SHA-256(seed) and the
 *     pool's hash, compares them with what was committed, and redoes the draw.
 *
 * The draw, so it can be redone by hand or in any language: candidates sorted by agency id
 * (ASCII order); for step j = 0, 1, …, k−1,
 *       r = the integer of SHA-256("<seed>:<j>") (hex, big-endian) mod W,
 * W the total weight of the candidates still in, and the candidate picked is the first whose
 * running total of weights exceeds r; it leaves the pool. Weights are positive whole numbers
 * (integer arithmetic only: no floating point that two machines could round differently).
 */

export interface DrawCandidate {
  agencyId: string;
  /** A positive whole number: the chance of being picked is proportional to it. */
  weight: number;
}

/** A hex SHA-256 of a UTF-8 string (node:crypto on the server; any implementation elsewhere). */
export type Sha256Hex = (text: string) => string;

export const DRAW_ALGORITHM = 'sha256-sequential-weighted-v1';

/** The candidates in their canonical order: by agency id. */
const sorted = (pool: readonly DrawCandidate[]) => [...pool].sort((a, b) => (a.agencyId < b.agencyId ? -1 : a.agencyId > b.agencyId ? 1 : 0));

/** The text whose SHA-256 is the pool's commitment: k and the candidates, in canonical order, as JSON. */
export function canonicalPool(pool: readonly DrawCandidate[], k: number): string {
  return JSON.stringify({ algorithm: DRAW_ALGORITHM, k, pool: sorted(pool).map((c) => ({ agencyId: c.agencyId, weight: c.weight })) });
}

/** The agency ids drawn, in the order drawn (at most the size of the pool). */
export function drawFromPool(seed: string, pool: readonly DrawCandidate[], k: number, sha256: Sha256Hex): string[] {
  for (const c of pool) if (!Number.isSafeInteger(c.weight) || c.weight < 1) throw new Error(`weight of ${c.agencyId} is not a positive whole number`);
  const remaining = sorted(pool);
  const drawn: string[] = [];
  for (let j = 0; j < k && remaining.length; j++) {
    const total = remaining.reduce((sum, c) => sum + BigInt(c.weight), 0n);
    const r = BigInt(`0x${sha256(`${seed}:${j}`)}`) % total;
    let running = 0n;
    const index = remaining.findIndex((c) => (running += BigInt(c.weight)) > r);
    drawn.push(remaining[index].agencyId);
    remaining.splice(index, 1);
  }
  return drawn;
}

export interface DrawVerification {
  seedMatches: boolean;
  poolMatches: boolean;
  drawMatches: boolean;
  recomputed: string[];
}

/** Redoes a revealed draw: the seed and the pool against their committed hashes, the result against the one stored. */
export function verifyDraw(
  record: { seed: string; seedHash: string; poolHash: string; k: number; pool: readonly DrawCandidate[]; drawn: readonly string[] },
  sha256: Sha256Hex,
): DrawVerification {
  const recomputed = drawFromPool(record.seed, record.pool, record.k, sha256);
  return {
    seedMatches: sha256(record.seed) === record.seedHash,
    poolMatches: sha256(canonicalPool(record.pool, record.k)) === record.poolHash,
    drawMatches: recomputed.length === record.drawn.length && recomputed.every((id, i) => id === record.drawn[i]),
    recomputed,
  };
}

/** The weight of a place from its unit's risk score (0–100): 1 + the score rounded, so no place is left out. */
export const riskWeight = (score: number | null | undefined): number => 1 + Math.max(0, Math.round(score ?? 0));
