import { describe, expect, it } from 'vitest';
import { vietnamLocalTime } from './vietnam-time.js';

describe('vietnamLocalTime', () => {
  it('is UTC+7: 17:30 UTC is 00:30 the next day in Việt Nam', () => {
    expect(vietnamLocalTime(new Date('2021-05-31T17:30:00Z'))).toEqual({ date: '2021-06-01', time: '00:30' });
  });
  it('keeps the morning of the same day', () => {
    expect(vietnamLocalTime(new Date('2021-06-01T00:05:00Z'))).toEqual({ date: '2021-06-01', time: '07:05' });
  });
});
