/**
 * Text rules of Decree 30/2020/NĐ-CP (Phụ lục I) that do not depend on the output format:
 * number line, place and date line, agency name lines, body numbering.
 */
import type { DocumentDate, HeadingLevel, IssuingBody, TextBlock } from './model.js';

/** Every string that reaches a document goes through here: Word and LibreOffice expect NFC. */
export function nfc(text: string): string {
  return text.normalize('NFC');
}

/** Blank left for the clerk to write a number or day by hand on a draft. */
const BLANK = '      ';

/**
 * "Số: 15/KH-UBND"; a draft without a number keeps the blank for the clerk ("Số:      /KH-UBND").
 * Numbers below 10 get a leading zero (Phụ lục I, element 3).
 */
export function formatNumberLine(number: number | undefined, symbol: string): string {
  if (number === undefined) return `Số:${BLANK}/${symbol}`;
  if (!Number.isInteger(number) || number < 1) {
    throw new RangeError(`Document number must be a positive integer, got ${number}`);
  }
  return `Số: ${String(number).padStart(2, '0')}/${symbol}`;
}

/**
 * "Hoài Nhơn, ngày 05 tháng 5 năm 2021". Days below 10 and months 1 and 2 take a leading zero
 * (Phụ lục I, element 4); other months do not. Missing parts stay blank for a draft.
 */
export function formatPlaceDate(placeName: string, date: DocumentDate | undefined): string {
  const day = date?.day === undefined ? BLANK : ` ${String(date.day).padStart(2, '0')} `;
  const month =
    date?.month === undefined ? BLANK : ` ${date.month <= 2 ? String(date.month).padStart(2, '0') : date.month} `;
  const year = date === undefined ? `${BLANK}` : ` ${date.year}`;
  return `${placeName}, ngày${day}tháng${month}năm${year}`;
}

const LEVEL_WORDS = ['THÀNH PHỐ', 'THỊ XÃ', 'THỊ TRẤN', 'HUYỆN', 'QUẬN', 'TỈNH', 'PHƯỜNG', 'XÃ'];

/**
 * Lines of the issuer name in the header: an explicit split wins; otherwise the name breaks
 * before the administrative level ("ỦY BAN NHÂN DÂN" / "THỊ XÃ HOÀI NHƠN"), the usual practice.
 */
export function issuerNameLines(issuer: IssuingBody): string[] {
  if (issuer.nameLines && issuer.nameLines.length > 0) return [...issuer.nameLines];
  const name = nfc(issuer.name).trim();
  for (const word of LEVEL_WORDS) {
    const at = name.indexOf(` ${word} `);
    if (at > 0) return [name.slice(0, at), name.slice(at + 1)];
  }
  return [name];
}

const ROMAN: ReadonlyArray<[number, string]> = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

export function toRoman(n: number): string {
  let rest = n;
  let out = '';
  for (const [value, symbol] of ROMAN) {
    while (rest >= value) {
      out += symbol;
      rest -= value;
    }
  }
  return out;
}

export function fromRoman(s: string): number | undefined {
  let rest = s.toUpperCase();
  let total = 0;
  for (const [value, symbol] of ROMAN) {
    while (rest.startsWith(symbol)) {
      total += value;
      rest = rest.slice(symbol.length);
    }
  }
  return rest === '' && total > 0 ? total : undefined;
}

/** Vietnamese documents letter points a, b, c, d, đ, e … (đ follows d). */
const LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y'];

export function letterAt(index: number): string {
  return LETTERS[index] ?? `${index + 1}`;
}

/**
 * Numbers headings and lettered items that were given without a number, keeping explicit
 * numbers and continuing from them. Each level restarts under its parent; letters restart
 * after any heading.
 */
export class BodyNumbering {
  private roman = 0;
  private arabic = 0;
  private sub = 0;
  private headingLetter = 0;
  private itemLetter = 0;

  heading(level: HeadingLevel, explicit?: string): string {
    this.itemLetter = 0;
    switch (level) {
      case 'I': {
        this.roman = (explicit && fromRoman(explicit)) || this.roman + 1;
        this.arabic = 0;
        this.sub = 0;
        this.headingLetter = 0;
        return explicit ?? toRoman(this.roman);
      }
      case '1': {
        this.arabic = (explicit && Number.parseInt(explicit, 10)) || this.arabic + 1;
        this.sub = 0;
        this.headingLetter = 0;
        return explicit ?? String(this.arabic);
      }
      case '1.1': {
        const last = explicit?.split('.').pop();
        this.sub = (last && Number.parseInt(last, 10)) || this.sub + 1;
        this.headingLetter = 0;
        return explicit ?? `${this.arabic}.${this.sub}`;
      }
      case 'a': {
        const index = explicit ? LETTERS.indexOf(explicit) : -1;
        this.headingLetter = index >= 0 ? index + 1 : this.headingLetter + 1;
        return explicit ?? letterAt(this.headingLetter - 1);
      }
    }
  }

  item(explicit?: string): string {
    const index = explicit ? LETTERS.indexOf(explicit) : -1;
    this.itemLetter = index >= 0 ? index + 1 : this.itemLetter + 1;
    return explicit ?? letterAt(this.itemLetter - 1);
  }
}

/** Printed label of a heading: "I.", "2.", "2.1.", "a)". */
export function headingLabel(level: HeadingLevel, number: string): string {
  return level === 'a' ? `${number})` : `${number}.`;
}

/** Plain text of a block, for previews and tests. */
export function blockText(block: TextBlock): string {
  switch (block.kind) {
    case 'heading':
      return block.text + (block.tail ?? '');
    case 'paragraph':
    case 'bullet':
    case 'lettered':
      return typeof block.content === 'string' ? block.content : block.content.map((r) => r.text).join('');
  }
}
