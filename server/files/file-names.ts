import path from 'node:path';

/** The longest stored file name, in characters (code points): what file systems commonly allow. */
export const MAX_FILE_NAME_LENGTH = 255;
/** A longer "extension" is part of the name (a.b.this-is-not-an-extension), not something to keep. */
const MAX_EXTENSION_LENGTH = 16;

/** Line breaks and tabs read as word breaks: "Báo\tcáo" is "Báo cáo", not "Báocáo". */
const SPACING_CONTROLS = /[\t\n\v\f\r\u0085\u2028\u2029]+/gu;
/**
 * Characters that are invisible or reorder what is shown: C0/C1 controls (BEL, DEL…), and every
 * format character (\p{Cf}) — among them the bidi embeddings and overrides U+202A–202E and
 * isolates U+2066–2069 (which can make "gpj.exe" show as "exe.jpg"), LRM/RLM, and the
 * zero-width U+200B–200D, U+2060 and U+FEFF (which make two names look the same).
 */
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;

/**
 * The name an uploaded file is stored and offered for download under: Unicode NFC; line breaks
 * and tabs become spaces and invisible or reordering characters are removed; double quotes
 * (which break headers and command lines) become apostrophes; path separators become "_";
 * runs of spaces collapse; at most 255 characters, shortening the stem and keeping the
 * extension. An empty result is `fallback` (the caller names it from the content's kind).
 */
export function cleanFileName(raw: string, fallback: string): string {
  let name = raw
    .normalize('NFC')
    .replace(SPACING_CONTROLS, ' ')
    .replace(INVISIBLE, '')
    .replace(/"/g, "'")
    .replace(/[/\\]/g, '_')
    .replace(/ {2,}/g, ' ')
    .trim();
  if (name === '' || /^\.+$/.test(name)) name = fallback;
  const chars = Array.from(name);
  if (chars.length <= MAX_FILE_NAME_LENGTH) return name;
  const ext = path.extname(name);
  const extChars = Array.from(ext);
  if (ext.length > 1 && extChars.length <= MAX_EXTENSION_LENGTH) {
    const stem = Array.from(name.slice(0, name.length - ext.length));
    return stem.slice(0, MAX_FILE_NAME_LENGTH - extChars.length).join('').trimEnd() + ext;
  }
  return chars.slice(0, MAX_FILE_NAME_LENGTH).join('').trimEnd();
}
