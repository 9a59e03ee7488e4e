import { describe, expect, it } from 'vitest';
import { diffSnapshots, displayValue } from './audit-diff.js';

describe('diffSnapshots', () => {
  it('marks changed keys and keeps unchanged ones', () => {
    const rows = diffSnapshots({ name: 'Xã A', version: 1, active: true }, { name: 'Xã B', version: 2, active: true, code: '1' });
    expect(rows.map((r) => [r.key, r.changed])).toEqual([
      ['name', true],
      ['version', true],
      ['active', false],
      ['code', true],
    ]);
  });

  it('handles a create (no before) and non-record snapshots', () => {
    expect(diffSnapshots(null, { a: 1 })).toEqual([{ key: 'a', before: undefined, after: 1, changed: true }]);
    expect(diffSnapshots('x', 'y')).toEqual([{ key: '', before: 'x', after: 'y', changed: true }]);
    expect(diffSnapshots(null, null)).toEqual([]);
  });

  it('shows dates as dd/mm/yyyy', () => {
    expect(displayValue('2025-07-01')).toBe('01/07/2025');
    expect(displayValue(null)).toBe('—');
    expect(displayValue({ a: 1 })).toBe('{"a":1}');
  });
});
