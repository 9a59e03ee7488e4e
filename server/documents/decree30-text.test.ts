import { describe, expect, it } from 'vitest';
import {
  BodyNumbering,
  formatNumberLine,
  formatPlaceDate,
  fromRoman,
  issuerNameLines,
  letterAt,
  toRoman,
} from './decree30-text.js';

describe('formatNumberLine', () => {
  it('prints number and symbol', () => {
    expect(formatNumberLine(15, 'KH-UBND')).toBe('Số: 15/KH-UBND');
    expect(formatNumberLine(123, 'QĐ-UBND')).toBe('Số: 123/QĐ-UBND');
  });

  it('pads numbers below 10 with a zero', () => {
    expect(formatNumberLine(5, 'KH-UBND')).toBe('Số: 05/KH-UBND');
  });

  it('leaves a blank for the clerk on a draft', () => {
    expect(formatNumberLine(undefined, 'KH-UBND')).toMatch(/^Số: {3,}\/KH-UBND$/);
  });

  it('rejects numbers that cannot be registered', () => {
    expect(() => formatNumberLine(0, 'KH-UBND')).toThrow(RangeError);
    expect(() => formatNumberLine(1.5, 'KH-UBND')).toThrow(RangeError);
  });
});

describe('formatPlaceDate', () => {
  it('pads days below 10 and leaves months 3-12 unpadded', () => {
    expect(formatPlaceDate('Hoài Nhơn', { year: 2021, month: 5, day: 5 })).toBe('Hoài Nhơn, ngày 05 tháng 5 năm 2021');
    expect(formatPlaceDate('Hoài Nhơn', { year: 2021, month: 12, day: 31 })).toBe(
      'Hoài Nhơn, ngày 31 tháng 12 năm 2021',
    );
  });

  it('pads months 1 and 2', () => {
    expect(formatPlaceDate('Hoài Nhơn', { year: 2022, month: 1, day: 10 })).toBe('Hoài Nhơn, ngày 10 tháng 01 năm 2022');
    expect(formatPlaceDate('Hoài Nhơn', { year: 2022, month: 2, day: 9 })).toBe('Hoài Nhơn, ngày 09 tháng 02 năm 2022');
  });

  it('leaves day and month blank on a draft that knows only the year', () => {
    expect(formatPlaceDate('Hoài Nhơn', { year: 2021 })).toMatch(/^Hoài Nhơn, ngày {3,}tháng {3,}năm 2021$/);
  });
});

describe('issuerNameLines', () => {
  it('breaks before the administrative level', () => {
    expect(issuerNameLines({ name: 'ỦY BAN NHÂN DÂN THỊ XÃ HOÀI NHƠN' })).toEqual(['ỦY BAN NHÂN DÂN', 'THỊ XÃ HOÀI NHƠN']);
    expect(issuerNameLines({ name: 'ỦY BAN NHÂN DÂN XÃ HOÀI HẢO' })).toEqual(['ỦY BAN NHÂN DÂN', 'XÃ HOÀI HẢO']);
  });

  it('keeps an explicit split and an unsplittable name', () => {
    expect(issuerNameLines({ name: 'PHÒNG NỘI VỤ', nameLines: ['PHÒNG', 'NỘI VỤ'] })).toEqual(['PHÒNG', 'NỘI VỤ']);
    expect(issuerNameLines({ name: 'PHÒNG NỘI VỤ' })).toEqual(['PHÒNG NỘI VỤ']);
  });
});

describe('numbering', () => {
  it('converts roman numerals both ways', () => {
    expect([1, 4, 9, 14, 40].map(toRoman)).toEqual(['I', 'IV', 'IX', 'XIV', 'XL']);
    expect(fromRoman('XIV')).toBe(14);
    expect(fromRoman('ABC')).toBeUndefined();
  });

  it('letters points with đ after d', () => {
    expect([0, 3, 4, 5].map(letterAt)).toEqual(['a', 'd', 'đ', 'e']);
  });

  it('numbers headings, restarting each level under its parent', () => {
    const n = new BodyNumbering();
    expect(n.heading('I')).toBe('I');
    expect(n.heading('1')).toBe('1');
    expect(n.item()).toBe('a');
    expect(n.item()).toBe('b');
    expect(n.heading('1')).toBe('2');
    expect(n.item()).toBe('a');
    expect(n.heading('1.1')).toBe('2.1');
    expect(n.heading('1.1')).toBe('2.2');
    expect(n.heading('I')).toBe('II');
    expect(n.heading('1')).toBe('1');
  });

  it('continues from explicit numbers', () => {
    const n = new BodyNumbering();
    expect(n.heading('I', 'III')).toBe('III');
    expect(n.heading('I')).toBe('IV');
    expect(n.heading('1', '3')).toBe('3');
    expect(n.heading('1')).toBe('4');
    expect(n.item('c')).toBe('c');
    expect(n.item()).toBe('d');
  });
});
