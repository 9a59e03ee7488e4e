import { describe, expect, it } from 'vitest';
import { dayNumberToIso, isWeekend, jdFromDate } from './dates.js';
import { OFFICIAL_SCHEDULES } from './official-schedules.js';
import { createWorkingCalendar } from './working-days.js';

const calendar = createWorkingCalendar(OFFICIAL_SCHEDULES);
const dayNumber = (iso: string): number =>
  jdFromDate(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));

/** Weekdays (Mon–Fri) of a range that are not working days. */
function weekdaysOff(from: string, to: string): string[] {
  const off: string[] = [];
  for (let jd = dayNumber(from); jd <= dayNumber(to); jd++) {
    const iso = dayNumberToIso(jd);
    if (!isWeekend(jd) && !calendar.isWorkingDay(iso)) off.push(iso);
  }
  return off;
}

describe('official schedules data', () => {
  it('covers 2021–2026, one schedule per year', () => {
    expect(OFFICIAL_SCHEDULES.map((s) => s.year)).toEqual([2021, 2022, 2023, 2024, 2025, 2026]);
  });

  it('has sorted, unique, in-year entries, each with a source', () => {
    for (const schedule of OFFICIAL_SCHEDULES) {
      const dates = schedule.entries.map((e) => e.date);
      expect([...dates].sort()).toEqual(dates);
      expect(new Set(dates).size).toBe(dates.length);
      expect(schedule.source.length).toBeGreaterThan(10);
      for (const entry of schedule.entries) {
        expect(entry.date.startsWith(`${schedule.year}-`)).toBe(true);
        expect(entry.source.length).toBeGreaterThan(10);
        expect(entry.name.length).toBeGreaterThan(3);
        if (entry.kind === 'make_up_workday') expect(isWeekend(dayNumber(entry.date))).toBe(true);
      }
    }
  });
});

describe('2021 (reference §6.1)', () => {
  it('has exactly the weekdays off of the official 2021 schedule', () => {
    expect(weekdaysOff('2021-01-01', '2021-12-31')).toEqual([
      '2021-01-01',
      '2021-02-10',
      '2021-02-11',
      '2021-02-12',
      '2021-02-15',
      '2021-02-16',
      '2021-04-21',
      '2021-04-30',
      '2021-05-03',
      '2021-09-02',
      '2021-09-03',
    ]);
  });

  it('gives Tết as Wednesday 10/2 to Tuesday 16/2', () => {
    for (let d = 10; d <= 16; d++) expect(calendar.isWorkingDay(`2021-02-${d}`)).toBe(false);
    expect(calendar.isWorkingDay('2021-02-09')).toBe(true);
    expect(calendar.isWorkingDay('2021-02-17')).toBe(true);
  });
});

describe('later years', () => {
  it('2024: off Saturday 27/4 to Wednesday 1/5, make-up Saturday 4/5', () => {
    expect(weekdaysOff('2024-04-22', '2024-05-10')).toEqual(['2024-04-29', '2024-04-30', '2024-05-01']);
    expect(calendar.isWorkingDay('2024-05-04')).toBe(true);
    expect(calendar.entryFor('2024-05-04')?.kind).toBe('make_up_workday');
  });

  it('2025: National Day 30/8–2/9 (not 31/8–3/9), make-up Saturday 26/4', () => {
    expect(weekdaysOff('2025-08-25', '2025-09-05')).toEqual(['2025-09-01', '2025-09-02']);
    expect(calendar.isWorkingDay('2025-09-03')).toBe(true);
    expect(calendar.isWorkingDay('2025-04-26')).toBe(true);
    expect(calendar.isWorkingDay('2025-05-02')).toBe(false);
  });

  it('2026: Tết Saturday 14/2 to Sunday 22/2; New Year swap with Saturday 10/1', () => {
    for (let d = 14; d <= 22; d++) expect(calendar.isWorkingDay(`2026-02-${d}`)).toBe(false);
    expect(calendar.isWorkingDay('2026-02-13')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-23')).toBe(true);
    expect(calendar.isWorkingDay('2026-01-02')).toBe(false);
    expect(calendar.isWorkingDay('2026-01-10')).toBe(true);
  });
});
