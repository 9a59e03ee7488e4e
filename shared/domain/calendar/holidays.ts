/**
 * The statutory default schedule: what the Labour Code alone says, for any year 1900–2199.
 *
 * It is used only for years with no official schedule (future years, or before an admin has
 * entered the Prime Minister's decision). The Labour Code leaves two choices to the Prime
 * Minister each year (art. 112 khoản 3): how the 5 Tết days sit around mùng 1, and which day
 * next to 2/9 is the second National Day holiday. Those choices are data in
 * DEFAULT_STATUTORY_RULES, derived from recent practice, not law.
 */
import {
  type IsoDate,
  assertYearInRange,
  dayNumberToIso,
  isWeekend,
  jdFromDate,
  weekdayOf,
} from './dates.js';
import { lunarToSolar, solarToLunar } from './lunar.js';
import type { CalendarEntry, YearSchedule } from './types.js';

/** 0 = Sunday … 6 = Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** Parameters the law leaves open. Keep them data so an admin decision can change them. */
export interface StatutoryRules {
  /**
   * Tết days before mùng 1 (the last days of the old lunar year). With tetDaysFromNewYear they
   * must add up to the 5 days of art. 112 khoản 1 điểm b.
   */
  tetDaysBeforeNewYear: number;
  /** Tết days from mùng 1 onwards (mùng 1 included). */
  tetDaysFromNewYear: number;
  /** For each weekday of 2/9: is the adjacent holiday 1/9 ('before') or 3/9 ('after')? */
  nationalDayAdjacent: Record<Weekday, 'before' | 'after'>;
  /** Art. 111 khoản 3: a holiday on the weekly rest day gives a day off on the next working day. */
  compensateWeekendHolidays: boolean;
}

/**
 * UNCONFIRMED as a rule: these reproduce the official civil-service schedules of 2020–2026
 * (see official-schedules.ts; holidays.test.ts checks it), but each year's decision may differ.
 * - Tết: 2 days before mùng 1 and 3 from mùng 1, as Thông báo 4875/TB-LĐTBXH (2021) states
 *   ("nghỉ 2 ngày trước tết, 3 ngày sau tết") and 2020, 2022–2026 match.
 * - National Day: the neighbour that joins 2/9 to the weekend; 2021 (Thu → 3/9), 2022 (Fri → 1/9),
 *   2023 (Sat → 1/9), 2024 (Mon → 3/9), 2025 (Tue → 1/9). Wednesday has no precedent: 'before'.
 */
export const DEFAULT_STATUTORY_RULES: StatutoryRules = Object.freeze({
  tetDaysBeforeNewYear: 2,
  tetDaysFromNewYear: 3,
  nationalDayAdjacent: Object.freeze({
    0: 'after',
    1: 'after',
    2: 'before',
    3: 'before',
    4: 'after',
    5: 'before',
    6: 'before',
  } as const),
  compensateWeekendHolidays: true,
});

const HOLIDAY_SOURCE = 'Bộ luật Lao động 2019, Điều 112 khoản 1 (lịch mặc định, chưa có thông báo chính thức)';
const TET_SOURCE =
  'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm b; bố trí 2 ngày trước, 3 ngày sau mùng 1 theo thông lệ ' +
  '(lịch mặc định, chưa có quyết định của Thủ tướng)';
const NATIONAL_DAY_SOURCE =
  'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm đ; ngày liền kề chọn theo thông lệ ' +
  '(lịch mặc định, chưa có quyết định của Thủ tướng)';
const COMPENSATION_SOURCE = 'Bộ luật Lao động 2019, Điều 111 khoản 3 (nghỉ bù; lịch mặc định)';

const LUNAR_MONTH_NAMES: Record<number, string> = { 1: 'tháng Giêng', 12: 'tháng Chạp' };

/** "mùng 1 tháng Giêng", "30 tháng Chạp": how Tết days are named in announcements. */
export function lunarDayLabel(date: IsoDate): string {
  const lunar = solarToLunar(date);
  const day = lunar.day <= 10 ? `mùng ${lunar.day}` : String(lunar.day);
  const month = LUNAR_MONTH_NAMES[lunar.month] ?? `tháng ${lunar.month}`;
  return `${day} ${month}${lunar.leap ? ' nhuận' : ''}`;
}

/**
 * The statutory holiday days of a solar year (kind 'holiday' only, sorted), before any
 * compensatory day. Two holidays on one day are merged: the law grants no extra day for that.
 * @throws CalendarInputError OUT_OF_RANGE outside 1900–2199.
 */
export function statutoryHolidays(year: number, rules: StatutoryRules = DEFAULT_STATUTORY_RULES): CalendarEntry[] {
  assertYearInRange(year);
  const byDay = new Map<number, CalendarEntry>();
  const add = (jd: number, name: string, source: string): void => {
    const existing = byDay.get(jd);
    if (existing) existing.name = `${existing.name}; ${name}`;
    else byDay.set(jd, { date: dayNumberToIso(jd), kind: 'holiday', name, source });
  };

  add(jdFromDate(year, 1, 1), 'Tết Dương lịch', HOLIDAY_SOURCE);

  // Tết always lies between 21/1 and 20/2, so all its days stay inside the solar year.
  const tet = lunarToSolar({ year, month: 1, day: 1 });
  const tetJd = jdFromDate(tet.year, tet.month, tet.day);
  for (let i = -rules.tetDaysBeforeNewYear; i < rules.tetDaysFromNewYear; i++) {
    const jd = tetJd + i;
    add(jd, `Tết Âm lịch (${lunarDayLabel(dayNumberToIso(jd))})`, TET_SOURCE);
  }

  const hung = lunarToSolar({ year, month: 3, day: 10 });
  add(jdFromDate(hung.year, hung.month, hung.day), 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', HOLIDAY_SOURCE);
  add(jdFromDate(year, 4, 30), 'Ngày Chiến thắng (30/4)', HOLIDAY_SOURCE);
  add(jdFromDate(year, 5, 1), 'Ngày Quốc tế Lao động (1/5)', HOLIDAY_SOURCE);

  const nationalDay = jdFromDate(year, 9, 2);
  const side = rules.nationalDayAdjacent[weekdayOf(nationalDay) as Weekday];
  add(nationalDay, 'Quốc khánh (2/9)', NATIONAL_DAY_SOURCE);
  add(side === 'before' ? nationalDay - 1 : nationalDay + 1, 'Quốc khánh (ngày liền kề)', NATIONAL_DAY_SOURCE);

  return [...byDay.entries()].sort(([a], [b]) => a - b).map(([, entry]) => entry);
}

/**
 * The default schedule of a solar year: statutory holidays plus art. 111 compensatory days.
 * A holiday on Saturday or Sunday moves to the next day that is neither a weekend, a holiday
 * nor an earlier compensatory day (so a weekend inside Tết pushes the days off past Tết).
 */
export function defaultYearSchedule(year: number, rules: StatutoryRules = DEFAULT_STATUTORY_RULES): YearSchedule {
  const holidays = statutoryHolidays(year, rules);
  const entries: CalendarEntry[] = [...holidays];
  if (rules.compensateWeekendHolidays) {
    const taken = new Set(holidays.map((h) => h.date));
    for (const holiday of holidays) {
      const [y, m, d] = holiday.date.split('-').map(Number);
      const jd = jdFromDate(y, m, d);
      if (!isWeekend(jd)) continue;
      let candidate = jd + 1;
      while (isWeekend(candidate) || taken.has(dayNumberToIso(candidate))) candidate++;
      const date = dayNumberToIso(candidate);
      taken.add(date);
      entries.push({
        date,
        kind: 'day_off',
        name: `Nghỉ bù ${holiday.name} trùng ngày nghỉ hằng tuần`,
        source: COMPENSATION_SOURCE,
      });
    }
  }
  entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return {
    year,
    entries,
    source: 'Mặc định theo Bộ luật Lao động 2019, Điều 111–112 (chưa có lịch nghỉ chính thức của năm)',
  };
}
