import { describe, expect, it } from 'vitest';
import { isoWeekday, monthWeeks } from './month-grid.js';

describe('monthWeeks', () => {
  it('starts weeks on Monday and pads with nulls', () => {
    // 1 September 2025 is a Monday; 1 February 2026 is a Sunday.
    expect(isoWeekday(2025, 9, 1)).toBe(1);
    const sep = monthWeeks(2025, 9);
    expect(sep[0][0]).toBe('2025-09-01');
    const feb = monthWeeks(2026, 2);
    expect(feb[0].slice(0, 6)).toEqual([null, null, null, null, null, null]);
    expect(feb[0][6]).toBe('2026-02-01');
    expect(feb.flat().filter(Boolean)).toHaveLength(28);
    expect(feb.every((week) => week.length === 7)).toBe(true);
  });

  it('handles leap years', () => {
    expect(monthWeeks(2024, 2).flat().filter(Boolean)).toHaveLength(29);
  });
});
