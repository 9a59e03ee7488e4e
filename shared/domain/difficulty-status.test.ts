import { describe, expect, it } from 'vitest';
import { allowedDifficultyMoves, handlerMayMove, nextDifficultyStatus } from './difficulty-status.js';

describe('the difficulty status machine', () => {
  it('goes raised → forwarded → answered → closed, or raised → answered', () => {
    expect(nextDifficultyStatus('raised', 'forward')).toBe('forwarded');
    expect(nextDifficultyStatus('raised', 'answer')).toBe('answered');
    expect(nextDifficultyStatus('forwarded', 'answer')).toBe('answered');
    expect(nextDifficultyStatus('answered', 'close')).toBe('closed');
    expect(nextDifficultyStatus('forwarded', 'forward')).toBeNull();
    expect(nextDifficultyStatus('closed', 'answer')).toBeNull();
    expect(allowedDifficultyMoves('raised')).toEqual(['forward', 'answer']);
    expect(allowedDifficultyMoves('closed')).toEqual([]);
  });
  it('lets the office forward, answer what is not forwarded and close; a leader answer; the unit close', () => {
    expect(handlerMayMove('office', 'raised', 'answer')).toBe(true);
    expect(handlerMayMove('office', 'forwarded', 'answer')).toBe(false);
    expect(handlerMayMove('leader', 'forwarded', 'answer')).toBe(true);
    expect(handlerMayMove('leader', 'raised', 'forward')).toBe(false);
    expect(handlerMayMove('unit', 'answered', 'close')).toBe(true);
    expect(handlerMayMove('unit', 'raised', 'answer')).toBe(false);
  });
});
