import { describe, expect, it } from 'vitest';
import type { Unit } from '../../../../shared/api/registry.schemas.js';
import { branchIds, buildUnitTree } from './unit-tree.js';

let seq = 0;
function unit(name: string, parentId: string | null, id = `00000000-0000-4000-8000-${String(++seq).padStart(12, '0')}`): Unit {
  return { id, code: null, name, kind: 'commune', parentId, validFrom: null, validTo: null, active: true, version: 1 };
}

describe('buildUnitTree', () => {
  it('nests children under parents and keeps the server order among siblings', () => {
    const province = unit('Tỉnh Gia Lai', null);
    const a = unit('Xã Ân Hảo', province.id);
    const b = unit('Xã Hoài Thanh Tây', province.id);
    const c = unit('Thôn X', b.id);
    const roots = buildUnitTree([province, a, b, c]);
    expect(roots.map((n) => n.unit.name)).toEqual(['Tỉnh Gia Lai']);
    expect(roots[0].children.map((n) => n.unit.name)).toEqual(['Xã Ân Hảo', 'Xã Hoài Thanh Tây']);
    expect(roots[0].children[1].children.map((n) => n.unit.name)).toEqual(['Thôn X']);
    expect(branchIds(roots)).toEqual([province.id, b.id]);
  });

  it('makes a unit whose parent is not in the list a root (search results)', () => {
    const match = unit('Xã Hoài Thanh Tây', '00000000-0000-4000-8000-999999999999');
    expect(buildUnitTree([match]).map((n) => n.unit.name)).toEqual(['Xã Hoài Thanh Tây']);
  });

  it('accepts a child listed before its parent', () => {
    const parent = unit('Cha', null);
    const child = unit('Con', parent.id);
    const roots = buildUnitTree([child, parent]);
    expect(roots).toHaveLength(1);
    expect(roots[0].children[0].unit.name).toBe('Con');
  });

  it('does not lose units caught in a parent cycle', () => {
    const x = unit('X', null);
    const y = unit('Y', x.id);
    x.parentId = y.id;
    const roots = buildUnitTree([x, y]);
    const names: string[] = [];
    const walk = (nodes: typeof roots) => nodes.forEach((n) => (names.push(n.unit.name), walk(n.children)));
    walk(roots);
    expect(names.sort()).toEqual(['X', 'Y']);
  });
});
