import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalPool, drawFromPool, riskWeight, verifyDraw, type DrawCandidate } from '../../../shared/domain/unannounced-draw.js';

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const pool: DrawCandidate[] = ['d', 'b', 'a', 'c', 'e'].map((id) => ({ agencyId: `00000000-0000-4000-8000-00000000000${id}`, weight: 1 }));
const seed = 'ab'.repeat(32);

describe('the draw of unannounced targets', () => {
  it('is a function of seed, pool and k alone: the order the pool is given in does not matter', () => {
    const one = drawFromPool(seed, pool, 3, sha256);
    expect(one).toHaveLength(3);
    expect(new Set(one).size).toBe(3);
    expect(drawFromPool(seed, [...pool].reverse(), 3, sha256)).toEqual(one);
    expect(canonicalPool([...pool].reverse(), 3)).toBe(canonicalPool(pool, 3));
    expect(drawFromPool('cd'.repeat(32), pool, 5, sha256)).toHaveLength(5);
  });

  it('follows the published rule step by step (redone here by hand)', () => {
    const sorted = [...pool].sort((a, b) => (a.agencyId < b.agencyId ? -1 : 1)).map((c) => c.agencyId);
    const expected: string[] = [];
    for (let j = 0; j < 2; j++) {
      const r = Number(BigInt(`0x${sha256(`${seed}:${j}`)}`) % BigInt(sorted.length));
      expected.push(sorted.splice(r, 1)[0]);
    }
    expect(drawFromPool(seed, pool, 2, sha256)).toEqual(expected);
  });

  it('favours heavier places in proportion to their weight', () => {
    const weighted: DrawCandidate[] = [
      { agencyId: 'heavy', weight: 9 },
      { agencyId: 'light', weight: 1 },
    ];
    let heavy = 0;
    for (let i = 0; i < 2000; i++) if (drawFromPool(sha256(String(i)), weighted, 1, sha256)[0] === 'heavy') heavy++;
    expect(heavy / 2000).toBeGreaterThan(0.85);
    expect(heavy / 2000).toBeLessThan(0.95);
    expect(() => drawFromPool(seed, [{ agencyId: 'x', weight: 0.5 }], 1, sha256)).toThrow();
    expect(riskWeight(null)).toBe(1);
    expect(riskWeight(42.4)).toBe(43);
  });

  it('verifies a revealed record, and catches a changed seed, pool or result', () => {
    const drawn = drawFromPool(seed, pool, 2, sha256);
    const record = { seed, seedHash: sha256(seed), poolHash: sha256(canonicalPool(pool, 2)), k: 2, pool, drawn };
    expect(verifyDraw(record, sha256)).toMatchObject({ seedMatches: true, poolMatches: true, drawMatches: true });
    expect(verifyDraw({ ...record, seed: 'cd'.repeat(32) }, sha256).seedMatches).toBe(false);
    expect(verifyDraw({ ...record, pool: pool.slice(1) }, sha256).poolMatches).toBe(false);
    expect(verifyDraw({ ...record, drawn: [...drawn].reverse() }, sha256).drawMatches).toBe(false);
  });
});
