import { describe, expect, it } from 'vitest';
import { currentYear, formatDate, formatDateTime, todayIso } from './dates.js';

describe('date formatting (Asia/Ho_Chi_Minh)', () => {
  it('formats a calendar date as dd/mm/yyyy without shifting it', () => {
    expect(formatDate('2025-07-01')).toBe('01/07/2025');
    expect(formatDate('2024-02-29')).toBe('29/02/2024');
  });

  it('formats a timestamp as the Vietnamese calendar date and time', () => {
    // 17:30 UTC on 31 Dec is 00:30 on 1 Jan in Vietnam (UTC+7).
    expect(formatDate('2024-12-31T17:30:00Z')).toBe('01/01/2025');
    expect(formatDateTime('2024-12-31T17:30:00Z')).toBe('01/01/2025 00:30');
    expect(formatDateTime('2025-03-05T02:04:00.000Z')).toBe('05/03/2025 09:04');
  });

  it('gives empty text for missing or unparsable values', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate('')).toBe('');
    expect(formatDateTime('not a date')).toBe('');
  });

  it("knows today's date in Vietnam", () => {
    expect(todayIso(new Date('2025-06-30T18:00:00Z'))).toBe('2025-07-01');
    expect(currentYear(new Date('2025-12-31T17:00:00Z'))).toBe(2026);
  });
});
