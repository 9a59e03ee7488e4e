import { describe, expect, it } from 'vitest';
import { cleanFileName, MAX_FILE_NAME_LENGTH } from './file-names.js';

describe('cleanFileName', () => {
  it('turns tabs and line breaks into spaces and drops other controls', () => {
    expect(cleanFileName('Báo\tcáo\r\nquý\u000b1\u0007.pdf', 'tep')).toBe('Báo cáo quý 1.pdf');
    expect(cleanFileName('a\u0000b\u007f\u009fc.pdf', 'tep')).toBe('abc.pdf');
  });

  it('drops bidi controls and zero-width characters', () => {
    const bidi = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
    const zeroWidth = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'];
    for (const c of [...bidi, ...zeroWidth]) expect(cleanFileName(`hoa${c}don.pdf`, 'tep'), `U+${c.codePointAt(0)!.toString(16)}`).toBe('hoadon.pdf');
    expect(cleanFileName('anh\u202Egpj.exe', 'tep')).toBe('anhgpj.exe');
  });

  it('shortens a long name to 255 characters, keeping the extension', () => {
    const name = cleanFileName(`${'ệ'.repeat(5000)}.docx`, 'tep');
    expect(Array.from(name)).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(name.endsWith('ệ.docx')).toBe(true);
    // An emoji (two UTF-16 units) is never cut in half.
    const emoji = cleanFileName(`${'😀'.repeat(300)}.pdf`, 'tep');
    expect(Array.from(emoji)).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(emoji.endsWith('😀.pdf')).toBe(true);
  });

  it('keeps a name with double quotes, as apostrophes', () => {
    expect(cleanFileName('Báo cáo "quý 1".pdf', 'tep')).toBe("Báo cáo 'quý 1'.pdf");
    expect(cleanFileName('""', 'tep.pdf')).toBe("''");
  });

  it('names a file that has no visible name from the fallback', () => {
    expect(cleanFileName('\u200b\u202e\t', 'tep.pdf')).toBe('tep.pdf');
    expect(cleanFileName('..', 'tep.pdf')).toBe('tep.pdf');
  });
});
