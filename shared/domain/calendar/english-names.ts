import type { CalendarEntry } from './types.js';

/** The occasions of the Labour Code's holidays, as their Vietnamese names say them, in English (Tết Dương lịch before Tết). */
const OCCASIONS: [RegExp, string][] = [
  [/Quốc khánh/, 'National Day'],
  [/Tết Dương lịch/, "New Year's Day"],
  [/Tết/, 'Lunar New Year (Tết)'],
  [/Giỗ Tổ Hùng Vương/, "Hùng Kings' Commemoration Day"],
  [/30\/4/, 'Reunification Day (30 April)'],
  [/1\/5/, 'International Labour Day (1 May)'],
];

/**
 * A special day's name in English, for an English message (issue 8 review: "not a working day
 * (Quốc khánh (2/9))"). The calendar keeps Vietnamese names only (the official announcements',
 * and the administrator's edits), so this translates the ones the Labour Code's holidays give —
 * a holiday, a compensatory day off (nghỉ bù), a swapped day off (nghỉ hoán đổi), a make-up
 * working day (làm bù) — and falls back to the kind of day for any other name.
 */
export function calendarEntryNameEn(entry: Pick<CalendarEntry, 'name' | 'kind'>): string {
  const occasion = OCCASIONS.find(([re]) => re.test(entry.name))?.[1];
  if (entry.kind === 'make_up_workday' || /^Làm bù/.test(entry.name)) return 'make-up working day';
  if (/^Nghỉ bù/.test(entry.name)) return occasion ? `day off in lieu of ${occasion}` : 'day off in lieu';
  if (/^Nghỉ hoán đổi/.test(entry.name)) return occasion ? `day off swapped around ${occasion}` : 'swapped day off';
  if (occasion?.startsWith('Lunar')) return tetDay(entry.name) ? `${occasion}, ${tetDay(entry.name)}` : occasion;
  if (occasion) return /liền/.test(entry.name) ? `${occasion}, adjacent day` : occasion;
  return entry.kind === 'holiday' ? 'public holiday' : 'day off';
}

/** "Tết Âm lịch (mùng 2 tháng Giêng)" → "day 2 of the first lunar month"; "(29 tháng Chạp)" → "day 29 of the last lunar month". */
function tetDay(name: string): string | null {
  const first = /mùng (\d)/.exec(name);
  if (first) return `day ${first[1]} of the first lunar month`;
  const last = /(\d+) tháng Chạp/.exec(name);
  return last ? `day ${last[1]} of the last lunar month` : null;
}
