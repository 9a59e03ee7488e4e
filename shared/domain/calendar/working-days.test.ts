import { describe, expect, it } from 'vitest';
import { formatVietnameseDate } from './dates.js';
import { CalendarInputError } from './errors.js';
import {
  addWorkingDays,
  createWorkingCalendar,
  dueAfter,
  dueBefore,
  isWorkingDay,
  listYear,
  nextWorkingDay,
  previousWorkingDay,
  workingDaysBetween,
} from './index.js';
import type { YearSchedule } from './types.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CalendarInputError);
    return (error as CalendarInputError).code;
  }
  return undefined;
}

describe('reference §6.2 worked examples', () => {
  it('inspection Thursday 9/9/2021 → report due Monday 6/9/2021', () => {
    expect(dueBefore('2021-09-09', 3)).toEqual({
      date: '2021-09-06',
      explanation: 'chậm nhất ngày 06/09/2021 (03 ngày làm việc trước ngày kiểm tra 09/09/2021)',
    });
  });

  it('inspection Tuesday 7/9/2021 → skips 2–3/9 and the weekend → due 31/08/2021', () => {
    expect(dueBefore('2021-09-07', 3)).toEqual({
      date: '2021-08-31',
      explanation: 'chậm nhất ngày 31/08/2021 (03 ngày làm việc trước ngày kiểm tra 07/09/2021)',
    });
  });

  it('offers the stricter "whole days between" reading, per call or per calendar', () => {
    expect(dueBefore('2021-09-09', 3, { convention: 'clear-days' }).date).toBe('2021-09-01');
    const strict = createWorkingCalendar([], { backwardCount: 'clear-days' });
    expect(strict.dueBefore('2021-09-09', 3).date).toBe('2021-09-01');
    expect(strict.dueBefore('2021-09-09', 3).explanation).toBe(
      'chậm nhất ngày 01/09/2021 (trước ngày kiểm tra 09/09/2021 ít nhất 03 ngày làm việc trọn vẹn)',
    );
  });

  it('takes the event label from the caller', () => {
    expect(dueBefore({ year: 2021, month: 9, day: 9 }, 5, { eventLabel: 'ngày họp' }).explanation).toBe(
      'chậm nhất ngày 31/08/2021 (05 ngày làm việc trước ngày họp 09/09/2021)',
    );
  });
});

describe('dueAfter (Civil Code art. 147–148)', () => {
  it('starts counting the day after D', () => {
    expect(dueAfter('2021-09-01', 1)).toEqual({
      date: '2021-09-06',
      explanation: 'chậm nhất ngày 06/09/2021 (01 ngày làm việc kể từ ngày 01/09/2021, không tính ngày 01/09/2021)',
    });
    expect(dueAfter('2021-02-05', 5, { eventLabel: 'ngày nhận' }).date).toBe('2021-02-19');
  });

  it('in calendar days, moves a last day that is a day off to the next working day', () => {
    const due = dueAfter('2021-08-30', 3, { unit: 'calendar' });
    expect(due.date).toBe('2021-09-06');
    expect(due.explanation).toContain('ngày cuối cùng 02/09/2021 là ngày nghỉ');
    expect(dueAfter('2021-08-30', 1, { unit: 'calendar' }).date).toBe('2021-08-31');
  });
});

describe('working days', () => {
  it('knows weekends, holidays and make-up Saturdays', () => {
    expect(isWorkingDay('2021-09-04')).toBe(false); // Saturday
    expect(isWorkingDay('2021-09-05')).toBe(false); // Sunday
    expect(isWorkingDay('2021-09-02')).toBe(false); // National Day
    expect(isWorkingDay('2021-09-06')).toBe(true);
    expect(isWorkingDay('2024-05-04')).toBe(true); // make-up Saturday
    expect(isWorkingDay('2024-04-29')).toBe(false); // swapped Monday
  });

  it('counts through a make-up Saturday', () => {
    expect(addWorkingDays('2024-05-03', 1)).toBe('2024-05-04');
    expect(addWorkingDays('2024-05-06', -1)).toBe('2024-05-04');
    expect(dueBefore('2024-05-07', 2).date).toBe('2024-05-04');
  });

  it('crosses year boundaries', () => {
    // 1/1/2022 is a Saturday: compensatory Monday 3/1.
    expect(nextWorkingDay('2021-12-31')).toBe('2022-01-04');
    expect(previousWorkingDay('2022-01-04')).toBe('2021-12-31');
    expect(addWorkingDays('2021-12-30', 2)).toBe('2022-01-04');
    expect(workingDaysBetween('2021-12-31', '2022-01-04')).toBe(1);
    expect(workingDaysBetween('2022-01-04', '2021-12-31')).toBe(-1);
    expect(workingDaysBetween('2021-09-07', '2021-08-31')).toBe(-3);
    // Tết 2021 inside a count: 09/2 → +1 working day is 17/2.
    expect(addWorkingDays('2021-02-09', 1)).toBe('2021-02-17');
  });

  it('adds negative, zero and positive counts', () => {
    expect(addWorkingDays('2021-09-09', 0)).toBe('2021-09-09');
    expect(addWorkingDays('2021-09-04', 0)).toBe('2021-09-04');
    expect(addWorkingDays('2021-09-09', -3)).toBe('2021-09-06');
    expect(addWorkingDays('2021-09-06', 3)).toBe('2021-09-09');
  });

  it('keeps workingDaysBetween the inverse of addWorkingDays', () => {
    let seed = 7;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let i = 0; i < 300; i++) {
      const year = 2000 + Math.floor(random() * 100);
      const start = `${year}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`;
      const n = Math.floor(random() * 60) - 30;
      const end = addWorkingDays(start, n);
      expect(workingDaysBetween(start, end)).toBe(n);
    }
  });

  it('uses the statutory default for years without a schedule', () => {
    // 2030: Tết (mùng 1) is Saturday 2/2; default 2 days before + 3 from it + compensatory days.
    const offs = listYear(2030).filter((e) => e.date.startsWith('2030-0') && e.date < '2030-03-01');
    expect(offs.map((e) => `${e.date} ${e.kind}`)).toEqual([
      '2030-01-01 holiday',
      '2030-01-31 holiday',
      '2030-02-01 holiday',
      '2030-02-02 holiday',
      '2030-02-03 holiday',
      '2030-02-04 holiday',
      '2030-02-05 day_off',
      '2030-02-06 day_off',
    ]);
    expect(offs[0].source).toContain('mặc định');
  });
});

describe('listYear', () => {
  it('lists the 2021 special days with sources and no plain weekends', () => {
    const days = listYear(2021);
    expect(days).toHaveLength(14);
    expect(days[0]).toEqual({ date: '2021-01-01', kind: 'holiday', name: 'Tết Dương lịch', source: expect.any(String) });
    expect(days.find((d) => d.date === '2021-02-16')).toMatchObject({ kind: 'day_off' });
    expect(days.some((d) => d.date === '2021-09-04')).toBe(false);
  });

  it('returns copies that callers cannot use to corrupt the calendar', () => {
    listYear(2021)[0].kind = 'make_up_workday';
    expect(isWorkingDay('2021-01-01')).toBe(false);
    expect(listYear(2021)[0].kind).toBe('holiday');
  });
});

describe('createWorkingCalendar with schedules from the database', () => {
  const custom: YearSchedule = {
    year: 2027,
    source: 'Thông báo thử nghiệm',
    entries: [
      { date: '2027-01-01', kind: 'holiday', name: 'Tết Dương lịch', source: 'BLLĐ 2019' },
      { date: '2027-01-04', kind: 'day_off', name: 'Nghỉ hoán đổi', source: 'thử nghiệm' },
      { date: '2027-01-09', kind: 'make_up_workday', name: 'Làm bù', source: 'thử nghiệm' },
    ],
  };

  it('overrides the given year wholesale and falls back elsewhere', () => {
    const cal = createWorkingCalendar([custom]);
    expect(cal.isWorkingDay('2027-01-04')).toBe(false);
    expect(cal.isWorkingDay('2027-01-09')).toBe(true);
    // The default Tết 2027 is not in the custom schedule, so it is a working week here.
    expect(cal.isWorkingDay('2027-02-08')).toBe(true);
    expect(createWorkingCalendar([]).isWorkingDay('2027-02-08')).toBe(false);
    expect(cal.scheduleFor(2027).source).toBe('Thông báo thử nghiệm');
    expect(cal.scheduleFor(2028).source).toContain('Mặc định');
  });

  it('refuses contradictory schedules', () => {
    const entry = custom.entries[0];
    expect(codeOf(() => createWorkingCalendar([custom, custom]))).toBe('INVALID_SCHEDULE');
    expect(codeOf(() => createWorkingCalendar([{ ...custom, entries: [entry, entry] }]))).toBe('INVALID_SCHEDULE');
    expect(codeOf(() => createWorkingCalendar([{ ...custom, entries: [{ ...entry, date: '2028-01-01' }] }]))).toBe(
      'INVALID_SCHEDULE',
    );
    expect(codeOf(() => createWorkingCalendar([{ ...custom, entries: [{ ...entry, date: '2027-02-30' }] }]))).toBe(
      'INVALID_DATE',
    );
    expect(
      codeOf(() => createWorkingCalendar([{ ...custom, entries: [{ ...entry, kind: 'make_up_workday', date: '2027-01-05' }] }])),
    ).toBe('INVALID_SCHEDULE');
    expect(codeOf(() => createWorkingCalendar([{ ...custom, year: 2300 }]))).toBe('OUT_OF_RANGE');
  });
});

describe('bad input', () => {
  it('rejects impossible dates', () => {
    expect(codeOf(() => isWorkingDay('2021-02-30'))).toBe('INVALID_DATE');
    expect(codeOf(() => isWorkingDay('2021-9-9'))).toBe('INVALID_DATE');
    expect(codeOf(() => isWorkingDay({ year: 2021, month: 2, day: 29 }))).toBe('INVALID_DATE');
    expect(codeOf(() => isWorkingDay({ year: 2021, month: 1.5, day: 1 }))).toBe('INVALID_DATE');
    expect(codeOf(() => dueBefore('', 3))).toBe('INVALID_DATE');
    expect(codeOf(() => isWorkingDay(null as unknown as string))).toBe('INVALID_DATE');
  });

  it('rejects negative or non-integer counts', () => {
    expect(codeOf(() => dueBefore('2021-09-09', -1))).toBe('INVALID_COUNT');
    expect(codeOf(() => dueBefore('2021-09-09', 1.5))).toBe('INVALID_COUNT');
    expect(codeOf(() => dueAfter('2021-09-09', Number.NaN))).toBe('INVALID_COUNT');
    expect(codeOf(() => addWorkingDays('2021-09-09', 0.5))).toBe('INVALID_COUNT');
    expect(codeOf(() => addWorkingDays('2021-09-09', Number.POSITIVE_INFINITY))).toBe('INVALID_COUNT');
  });

  it('rejects years outside 1900–2199, including counts that run out of range', () => {
    expect(codeOf(() => isWorkingDay('1899-12-31'))).toBe('OUT_OF_RANGE');
    expect(codeOf(() => isWorkingDay('2200-01-01'))).toBe('OUT_OF_RANGE');
    expect(codeOf(() => listYear(2200))).toBe('OUT_OF_RANGE');
    expect(codeOf(() => addWorkingDays('2199-12-30', 5))).toBe('OUT_OF_RANGE');
    expect(codeOf(() => dueBefore('1900-01-02', 5))).toBe('OUT_OF_RANGE');
  });
});

describe('formatVietnameseDate (dd/mm/yyyy, as every table shows dates)', () => {
  it('pads every day and month to two digits (rev8b #5: never "18/05/2021" beside "18/05/2021")', () => {
    expect(formatVietnameseDate('2021-09-06')).toBe('06/09/2021');
    expect(formatVietnameseDate('2021-05-18')).toBe('18/05/2021');
    expect(formatVietnameseDate('2021-02-05')).toBe('05/02/2021');
    expect(formatVietnameseDate('2021-01-10')).toBe('10/01/2021');
    expect(formatVietnameseDate('2021-12-31')).toBe('31/12/2021');
  });
});
