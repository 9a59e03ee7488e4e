import { describe, expect, it } from 'vitest';
import { dayNumberToIso, isWeekend, jdFromDate } from './dates.js';
import { CalendarInputError } from './errors.js';
import { DEFAULT_STATUTORY_RULES, defaultYearSchedule, lunarDayLabel, statutoryHolidays } from './holidays.js';
import { OFFICIAL_SCHEDULES } from './official-schedules.js';
import { createWorkingCalendar } from './working-days.js';

const dayNumber = (iso: string): number =>
  jdFromDate(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));

const summary = (year: number, rules = DEFAULT_STATUTORY_RULES): string[] =>
  defaultYearSchedule(year, rules).entries.map((e) => `${e.date} ${e.kind}`);

describe('statutory holidays (Labour Code 2019 art. 112)', () => {
  it('gives 11 holiday days in every year 1900–2199, all inside the year', () => {
    const merged: string[] = [];
    for (let year = 1900; year <= 2199; year++) {
      const holidays = statutoryHolidays(year);
      for (const h of holidays) expect(h.date.startsWith(`${year}-`)).toBe(true);
      if (holidays.length !== 11) merged.push(...holidays.filter((h) => h.name.includes(';')).map((h) => h.date));
    }
    // Hùng Kings (10/3 lunar) can land on 30/4 after a leap month 2; the law grants no extra
    // day for two holidays on one date. It happens only in these two (historical) years.
    expect(merged).toEqual(['1917-04-30', '1947-04-30']);
  });

  it('names Tết days by their lunar date', () => {
    expect(lunarDayLabel('2021-02-10')).toBe('29 tháng Chạp');
    expect(lunarDayLabel('2021-02-12')).toBe('mùng 1 tháng Giêng');
    expect(lunarDayLabel('2023-03-22')).toBe('mùng 1 tháng 2 nhuận');
  });

  it('places Tết 2030 from the UTC+7 calendar (mùng 1 = 2030-02-02)', () => {
    const tet = statutoryHolidays(2030).filter((h) => h.name.startsWith('Tết Âm lịch'));
    expect(tet.map((h) => h.date)).toEqual(['2030-01-31', '2030-02-01', '2030-02-02', '2030-02-03', '2030-02-04']);
  });

  it('rejects years outside 1900–2199', () => {
    expect(() => statutoryHolidays(2200)).toThrow(CalendarInputError);
    expect(() => defaultYearSchedule(1899)).toThrow(expect.objectContaining({ code: 'OUT_OF_RANGE' }));
  });
});

describe('compensatory days (art. 111)', () => {
  it('reproduces the 2021 schedule of reference §6.1', () => {
    expect(summary(2021)).toEqual([
      '2021-01-01 holiday',
      '2021-02-10 holiday',
      '2021-02-11 holiday',
      '2021-02-12 holiday',
      '2021-02-13 holiday',
      '2021-02-14 holiday',
      '2021-02-15 day_off',
      '2021-02-16 day_off',
      '2021-04-21 holiday',
      '2021-04-30 holiday',
      '2021-05-01 holiday',
      '2021-05-03 day_off',
      '2021-09-02 holiday',
      '2021-09-03 holiday',
    ]);
  });

  it('moves a weekend holiday past the following holidays (Tết 2022: Sunday 30/1 → Friday 4/2)', () => {
    const offs = defaultYearSchedule(2022).entries.filter((e) => e.kind === 'day_off').map((e) => e.date);
    expect(offs).toEqual(['2022-01-03', '2022-02-04', '2022-04-11', '2022-05-02', '2022-05-03']);
  });

  it('never puts a compensatory day on a weekend or a holiday, 1900–2199', () => {
    for (let year = 1900; year <= 2199; year++) {
      const { entries } = defaultYearSchedule(year);
      const dates = entries.map((e) => e.date);
      expect(new Set(dates).size).toBe(dates.length);
      for (const e of entries) if (e.kind === 'day_off') expect(isWeekend(dayNumber(e.date))).toBe(false);
    }
  });

  it('can be switched off as data', () => {
    const entries = defaultYearSchedule(2022, { ...DEFAULT_STATUTORY_RULES, compensateWeekendHolidays: false }).entries;
    expect(entries.some((e) => e.kind === 'day_off')).toBe(false);
  });
});

describe('unconfirmed parameters are data', () => {
  it('lets Tết be 1 day before and 4 from mùng 1', () => {
    const rules = { ...DEFAULT_STATUTORY_RULES, tetDaysBeforeNewYear: 1, tetDaysFromNewYear: 4 };
    const tet = statutoryHolidays(2021, rules).filter((h) => h.name.startsWith('Tết Âm lịch'));
    expect(tet.map((h) => h.date)).toEqual(['2021-02-11', '2021-02-12', '2021-02-13', '2021-02-14', '2021-02-15']);
  });

  it('lets the National Day neighbour be chosen per weekday', () => {
    const after = { ...DEFAULT_STATUTORY_RULES, nationalDayAdjacent: { 0: 'after', 1: 'after', 2: 'after', 3: 'after', 4: 'after', 5: 'after', 6: 'after' } as const };
    // 2022: 2/9 is a Friday; 3/9 is a Saturday, so its compensatory day is Monday 5/9.
    expect(summary(2022, after).filter((s) => s.startsWith('2022-09'))).toEqual([
      '2022-09-02 holiday',
      '2022-09-03 holiday',
      '2022-09-05 day_off',
    ]);
  });
});

describe('default versus the official schedules 2021–2026', () => {
  it('differs only by the swapped days the Prime Minister decided', () => {
    const official = createWorkingCalendar(OFFICIAL_SCHEDULES);
    const statutory = createWorkingCalendar([]);
    const differences: string[] = [];
    for (let jd = jdFromDate(2021, 1, 1); jd <= jdFromDate(2026, 12, 31); jd++) {
      const date = dayNumberToIso(jd);
      if (official.isWorkingDay(date) !== statutory.isWorkingDay(date)) differences.push(date);
    }
    expect(differences).toEqual([
      '2024-04-29', // swapped day off, made up on Saturday 4/5
      '2024-05-04',
      '2025-04-26', // make-up Saturday for Friday 2/5
      '2025-05-02',
      '2026-01-02', // New Year swap, made up on Saturday 10/1
      '2026-01-10',
    ]);
  });
});
