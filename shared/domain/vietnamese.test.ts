import { describe, expect, it } from 'vitest';
import { compareVietnamese, foldVietnamese, lowerFirst, vietnameseSortKey } from './vietnamese.js';

describe('vietnameseSortKey', () => {
  it('orders the alphabet a ă â b c d đ e ê …', () => {
    const letters = ['ê', 'đ', 'â', 'b', 'a', 'e', 'ă', 'd', 'c', 'ư', 'u', 'ơ', 'ô', 'o', 'y'];
    expect([...letters].sort(compareVietnamese)).toEqual(['a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'o', 'ô', 'ơ', 'u', 'ư', 'y']);
  });

  it('orders tones ngang, huyền, hỏi, ngã, sắc, nặng after letters', () => {
    expect(['á', 'ạ', 'a', 'ã', 'à', 'ả'].sort(compareVietnamese)).toEqual(['a', 'à', 'ả', 'ã', 'á', 'ạ']);
    // The letter decides before the tone: "ba" < "bà" < "bă"
    expect(['bă', 'bà', 'ba'].sort(compareVietnamese)).toEqual(['ba', 'bà', 'bă']);
  });

  it('sorts the Hoài Nhơn wards as a Vietnamese reader expects', () => {
    const names = ['Tam Quan', 'Hoài Đức', 'Bồng Sơn', 'Hoài Châu Bắc', 'Hoài Châu', 'Hoài Hảo', 'Hoài Hải', 'Hoài Dương'];
    expect(names.sort(compareVietnamese)).toEqual([
      'Bồng Sơn', 'Hoài Châu', 'Hoài Châu Bắc', 'Hoài Dương', 'Hoài Đức', 'Hoài Hải', 'Hoài Hảo', 'Tam Quan',
    ]);
  });

  it('treats NFC and NFD input alike', () => {
    expect(vietnameseSortKey('Hoài Thanh Tây'.normalize('NFD'))).toBe(vietnameseSortKey('Hoài Thanh Tây'.normalize('NFC')));
  });

  it('puts digits before letters and a prefix before a longer word', () => {
    expect(['Phòng 2', 'Phòng', 'Phòng 10', 'Phòng A'].sort(compareVietnamese)).toEqual(['Phòng', 'Phòng 10', 'Phòng 2', 'Phòng A']);
  });
});

describe('foldVietnamese', () => {
  it('removes diacritics and case, maps đ to d', () => {
    expect(foldVietnamese('Hoài Thanh Tây')).toBe('hoai thanh tay');
    expect(foldVietnamese('  ĐÔNG  Đức ')).toBe('dong duc');
  });
});

describe('lowerFirst', () => {
  it('lowercases the first letter of an ordinary phrase', () => {
    expect(lowerFirst('Báo cáo quý II năm 2021')).toBe('báo cáo quý II năm 2021');
    expect(lowerFirst('Đánh giá')).toBe('đánh giá');
  });

  it('never lowercases an acronym or a word written in capitals', () => {
    expect(lowerFirst('CCHC quý II năm 2021')).toBe('CCHC quý II năm 2021');
    expect(lowerFirst('UBND xã Hoài Hảo')).toBe('UBND xã Hoài Hảo');
    expect(lowerFirst('ĐBSCL')).toBe('ĐBSCL');
    expect(lowerFirst('')).toBe('');
  });
});
