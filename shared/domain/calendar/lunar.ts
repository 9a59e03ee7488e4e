/**
 * Vietnamese lunar calendar (âm lịch), after Hồ Ngọc Đức's public-domain "Âm lịch Việt Nam".
 *
 * Why our own code: Chinese-calendar libraries use UTC+8 and disagree with the Vietnamese
 * calendar on some month starts (Tết 1985, 2007, 2030), and the small Vietnamese npm packages
 * are unproven. The algorithm is ~150 lines; the tests check every day of 1900–2199 against
 * `@dqcai/vn-lunar`.
 *
 * Outline of the algorithm:
 * - new moons and the sun's longitude from short Meeus-style astronomical series;
 * - a lunar month starts on the local (UTC+7) civil day of the new moon;
 * - month 11 is the month containing the winter solstice;
 * - when two consecutive month-11s are 13 months apart, the first month after the first
 *   month 11 with no major solar term (trung khí) is the leap month and repeats the number of
 *   the month before it.
 */
import { CalendarInputError } from './errors.js';
import {
  type CalendarDate,
  type DateInput,
  MAX_DAY_NUMBER,
  MIN_DAY_NUMBER,
  MAX_YEAR,
  MIN_YEAR,
  jdFromDate,
  jdToDate,
  toDayNumber,
} from './dates.js';

/** Hours east of UTC used for Vietnam's lunar calendar (not China's UTC+8). */
export const VIETNAM_TIME_ZONE = 7;

/**
 * Until the 1967 reform (in force for 1968, the year Tết Mậu Thân fell on different days in the
 * North and the South) Vietnam used the Chinese calendar, computed at UTC+8. Historical dates
 * therefore use UTC+8 before 1968-01-01, as Hồ Ngọc Đức's tables and `@dqcai/vn-lunar` do; the
 * two zones give the same month start on that boundary (month 12 of Đinh Mùi, 1967-12-31).
 */
export const UTC7_SINCE = '1968-01-01';
const UTC7_SINCE_DAY = jdFromDate(1968, 1, 1);
const HISTORICAL_TIME_ZONE = 8;

function timeZoneFor(dayNumber: number): number {
  return dayNumber < UTC7_SINCE_DAY ? HISTORICAL_TIME_ZONE : VIETNAM_TIME_ZONE;
}

/** A lunar date; `leap` marks the intercalary repeat of `month` (tháng nhuận). */
export interface LunarDate {
  year: number;
  month: number;
  day: number;
  leap: boolean;
}

/** Input for lunarToSolar; `leap` defaults to false. */
export interface LunarDateInput {
  year: number;
  month: number;
  day: number;
  leap?: boolean;
}

const PI = Math.PI;
const DR = PI / 180;
// Mean synodic month and the JD of the new moon of 1900-01-01 (k = 0), per the algorithm.
const SYNODIC_MONTH = 29.530588853;
const NEW_MOON_EPOCH = 2415021.076998695;

/** Julian date (fractional, UT) of the k-th new moon after 1900-01-01. */
function newMoon(k: number): number {
  const T = k / 1236.85; // Julian centuries from 1900-01-01 12:00
  const T2 = T * T;
  const T3 = T2 * T;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * DR);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3; // sun's mean anomaly
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3; // moon's
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3; // moon's latitude arg
  let c1 = (0.1734 - 0.000393 * T) * Math.sin(M * DR) + 0.0021 * Math.sin(2 * DR * M);
  c1 = c1 - 0.4068 * Math.sin(Mpr * DR) + 0.0161 * Math.sin(DR * 2 * Mpr);
  c1 -= 0.0004 * Math.sin(DR * 3 * Mpr);
  c1 = c1 + 0.0104 * Math.sin(DR * 2 * F) - 0.0051 * Math.sin(DR * (M + Mpr));
  c1 = c1 - 0.0074 * Math.sin(DR * (M - Mpr)) + 0.0004 * Math.sin(DR * (2 * F + M));
  c1 = c1 - 0.0004 * Math.sin(DR * (2 * F - M)) - 0.0006 * Math.sin(DR * (2 * F + Mpr));
  c1 = c1 + 0.001 * Math.sin(DR * (2 * F - Mpr)) + 0.0005 * Math.sin(DR * (2 * Mpr + M));
  // ΔT (TT − UT) in days; the branch keeps the published algorithm's numbers exactly.
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + c1 - deltaT;
}

/** Sun's apparent longitude in radians, normalised to [0, 2π), at Julian date `jdn` (UT). */
function sunLongitude(jdn: number): number {
  const T = (jdn - 2451545.0) / 36525; // Julian centuries from J2000.0
  const T2 = T * T;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(DR * M);
  DL += (0.019993 - 0.000101 * T) * Math.sin(DR * 2 * M) + 0.00029 * Math.sin(DR * 3 * M);
  let L = (L0 + DL) * DR;
  L -= PI * 2 * Math.floor(L / (PI * 2));
  return L;
}

/** Which of the 12 major-term sectors (0..11, 30° each) the sun is in at the start of a local day. */
function sunSector(dayNumber: number, timeZone: number): number {
  return Math.floor((sunLongitude(dayNumber - 0.5 - timeZone / 24) / PI) * 6);
}

/** Local civil day number on which the k-th new moon falls. */
function newMoonDay(k: number, timeZone: number): number {
  return Math.floor(newMoon(k) + 0.5 + timeZone / 24);
}

/** Day number of the start of lunar month 11 (the month holding the winter solstice) before 31/12 of `year`. */
function lunarMonth11(year: number, timeZone: number): number {
  const off = jdFromDate(year, 12, 31) - 2415021;
  const k = Math.floor(off / SYNODIC_MONTH);
  const nm = newMoonDay(k, timeZone);
  // Sector 9 starts at 270°, the winter solstice: a new moon already past it belongs to month 12.
  return sunSector(nm, timeZone) >= 9 ? newMoonDay(k - 1, timeZone) : nm;
}

/** Offset (in months after month 11 at a11) of the leap month in a 13-month lunar year. */
function leapMonthOffset(a11: number, timeZone: number): number {
  const k = Math.floor((a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = sunSector(newMoonDay(k + i, timeZone), timeZone);
  let last: number;
  // The first month whose start and next start lie in the same sector has no major term.
  do {
    last = arc;
    i++;
    arc = sunSector(newMoonDay(k + i, timeZone), timeZone);
  } while (arc !== last && i < 14);
  return i - 1;
}

/**
 * Lunar date of a Julian day number at one fixed time zone (hours east of UTC), with no
 * historical switch. Exposed for tests and the UTC+7/UTC+8 comparison; use solarToLunar.
 */
export function dayNumberToLunar(dayNumber: number, timeZone: number = VIETNAM_TIME_ZONE): LunarDate {
  const k = Math.floor((dayNumber - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  let monthStart = newMoonDay(k + 1, timeZone);
  if (monthStart > dayNumber) monthStart = newMoonDay(k, timeZone);
  // The mean-motion estimate of k can be one month late when a true new moon falls just
  // after local midnight; the published code then returns "day 0" (e.g. 2062-04-09).
  if (monthStart > dayNumber) monthStart = newMoonDay(k - 1, timeZone);
  const { year } = jdToDate(dayNumber);
  let a11 = lunarMonth11(year, timeZone);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = year;
    a11 = lunarMonth11(year - 1, timeZone);
  } else {
    lunarYear = year + 1;
    b11 = lunarMonth11(year + 1, timeZone);
  }
  const day = dayNumber - monthStart + 1;
  const diff = Math.floor((monthStart - a11) / 29);
  let leap = false;
  let month = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11, timeZone);
    if (diff >= leapDiff) {
      month = diff + 10;
      if (diff === leapDiff) leap = true;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) lunarYear -= 1;
  return { year: lunarYear, month, day, leap };
}

/**
 * Julian day number of a lunar date at the given time zone, or null if the leap flag names a
 * month that is not leap that year. Does not check the day against the month's length.
 */
export function lunarToDayNumber(lunar: LunarDateInput, timeZone: number = VIETNAM_TIME_ZONE): number | null {
  const { year, month, day } = lunar;
  const leap = lunar.leap ?? false;
  let a11: number;
  let b11: number;
  if (month < 11) {
    a11 = lunarMonth11(year - 1, timeZone);
    b11 = lunarMonth11(year, timeZone);
  } else {
    a11 = lunarMonth11(year, timeZone);
    b11 = lunarMonth11(year + 1, timeZone);
  }
  let off = month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11, timeZone);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth) return null;
    if (leap || off >= leapOff) off += 1;
  } else if (leap) {
    return null;
  }
  const k = Math.floor(0.5 + (a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  return newMoonDay(k + off, timeZone) + day - 1;
}

/**
 * Converts a solar (Gregorian) date to the Vietnamese lunar date (UTC+7).
 * @throws CalendarInputError INVALID_DATE / OUT_OF_RANGE (1900–2199).
 * @example solarToLunar('2030-02-02') // { year: 2030, month: 1, day: 1, leap: false }
 */
export function solarToLunar(date: DateInput): LunarDate {
  const jd = toDayNumber(date);
  return dayNumberToLunar(jd, timeZoneFor(jd));
}

/**
 * Converts a Vietnamese lunar date (UTC+7) to the solar date.
 * Validates the input by round trip, so a day 30 in a 29-day month or `leap: true` on a
 * month that is not leap that year is INVALID_DATE rather than silently the next month.
 * @throws CalendarInputError INVALID_DATE, or OUT_OF_RANGE when the result is outside 1900–2199.
 */
export function lunarToSolar(lunar: LunarDateInput): CalendarDate {
  const { year, month, day } = lunar ?? ({} as LunarDateInput);
  const leap = lunar?.leap ?? false;
  if (![year, month, day].every(Number.isInteger) || typeof leap !== 'boolean') {
    throw new CalendarInputError('INVALID_DATE', 'Lunar year, month and day must be integers', lunar);
  }
  if (month < 1 || month > 12 || day < 1 || day > 30) {
    throw new CalendarInputError('INVALID_DATE', `No such lunar date: ${day}/${month}/${year}`, lunar);
  }
  // Lunar year Y−1's months 11–12 fall in solar year Y; allow one year of slack either side.
  if (year < MIN_YEAR - 1 || year > MAX_YEAR) {
    throw new CalendarInputError('OUT_OF_RANGE', `Lunar year ${year} is outside the supported range`, lunar);
  }
  // Dates before 1968 were reckoned at UTC+8, where even the leap month can differ (1917 has
  // a leap month 2 only at UTC+8), so try the historical zone first for those years.
  let jd: number | null = null;
  if (year <= 1968) {
    const historical = lunarToDayNumber({ year, month, day, leap }, HISTORICAL_TIME_ZONE);
    if (historical !== null && historical < UTC7_SINCE_DAY) jd = historical;
  }
  jd ??= lunarToDayNumber({ year, month, day, leap });
  if (jd === null) {
    throw new CalendarInputError('INVALID_DATE', `Month ${month} of lunar year ${year} is not a leap month`, lunar);
  }
  if (jd < MIN_DAY_NUMBER || jd > MAX_DAY_NUMBER) {
    throw new CalendarInputError('OUT_OF_RANGE', `Lunar date ${day}/${month}/${year} is outside 1900–2199`, lunar);
  }
  const back = dayNumberToLunar(jd, timeZoneFor(jd));
  if (back.day !== day || back.month !== month || back.year !== year || back.leap !== leap) {
    throw new CalendarInputError('INVALID_DATE', `Lunar month ${month}/${year} has no day ${day}`, lunar);
  }
  return jdToDate(jd);
}

/**
 * Which month of the lunar year is doubled (1–12), or null when the year has 12 months.
 * @example leapMonthOfYear(2033) // 11 — the "2033 problem" of the Chinese calendar
 */
export function leapMonthOfYear(lunarYear: number): number | null {
  if (!Number.isInteger(lunarYear) || lunarYear < MIN_YEAR || lunarYear > MAX_YEAR) {
    throw new CalendarInputError('OUT_OF_RANGE', `Lunar year ${lunarYear} is outside the supported range`, lunarYear);
  }
  // Walk the month starts from Tết to the next Tết; at most 13 of them.
  const { year, month, day } = lunarNewYear(lunarYear);
  let jd = jdFromDate(year, month, day);
  for (let i = 0; i < 13; i++) {
    const lunar = dayNumberToLunar(jd, timeZoneFor(jd));
    if (lunar.year !== lunarYear) break;
    if (lunar.leap) return lunar.month;
    // Month lengths are 29 or 30: from day 1, +29 lands on day 30 or on the next day 1.
    jd += 29;
    if (dayNumberToLunar(jd, timeZoneFor(jd)).day !== 1) jd += 1;
  }
  return null;
}

/** Solar date of Tết Nguyên đán (1/1 lunar) of the given lunar year. */
export function lunarNewYear(lunarYear: number): CalendarDate {
  return lunarToSolar({ year: lunarYear, month: 1, day: 1 });
}
