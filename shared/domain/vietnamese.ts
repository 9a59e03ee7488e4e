/**
 * Vietnamese text helpers shared by the server and the UI.
 *
 * Sorting: PGlite's ICU has no Vietnamese rules and PostgreSQL's depend on the server's ICU, so
 * we compute a collation key here and store it beside each name (ORDER BY sort_key COLLATE "C").
 * The key gives the alphabet order a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y
 * first (primary level), then tones (secondary level: ngang, huyền, hỏi, ngã, sắc, nặng), then
 * case (tertiary), the way a Vietnamese dictionary orders words.
 */

const ALPHABET = [
  'a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n',
  'o', 'ô', 'ơ', 'p', 'q', 'r', 's', 't', 'u', 'ư', 'v', 'w', 'x', 'y', 'z',
];

// Combining marks after NFD: the tone marks (secondary level) in dictionary order.
const TONES: Record<string, number> = {
  '\u0300': 1, // huyền
  '\u0309': 2, // hỏi
  '\u0303': 3, // ngã
  '\u0301': 4, // sắc
  '\u0323': 5, // nặng
};
// Marks that make a different letter (ă â ê ô ơ ư), not a tone.
const LETTER_MARKS: Record<string, string> = { '\u0306': '\u0306', '\u0302': '\u0302', '\u031B': '\u031B' };

const letterRank = new Map<string, number>(ALPHABET.map((l, i) => [l, i]));

/** One character of the key alphabet per rank; printable ASCII above the digits keeps keys readable. */
function rankChar(rank: number): string {
  return String.fromCharCode(0x41 + rank); // 'A'..
}

/**
 * The collation key of a text: compare keys with plain code-point order (COLLATE "C", or `<` in JS).
 */
export function vietnameseSortKey(input: string): string {
  const primary: string[] = [];
  const secondary: string[] = [];
  const tertiary: string[] = [];
  const decomposed = input.normalize('NFD');
  let i = 0;
  while (i < decomposed.length) {
    const base = decomposed[i++];
    let tone = 0;
    let letter = base.toLowerCase();
    const upper = base !== letter;
    while (i < decomposed.length && /\p{M}/u.test(decomposed[i])) {
      const mark = decomposed[i++];
      if (TONES[mark] !== undefined) tone = TONES[mark];
      else if (LETTER_MARKS[mark]) letter = (letter + mark).normalize('NFC');
    }
    if (letter === 'đ' || base === 'Đ') letter = 'đ';
    const rank = letterRank.get(letter);
    if (rank !== undefined) {
      primary.push(rankChar(10 + rank));
    } else if (/[0-9]/.test(letter)) {
      primary.push(rankChar(Number(letter))); // digits sort before letters
    } else if (/\s/.test(letter)) {
      primary.push(' ');
    } else {
      // Punctuation and other scripts: keep them, after letters, by code point.
      primary.push('~' + letter);
    }
    secondary.push(String(tone));
    tertiary.push(upper ? '1' : '0');
  }
  // \u0001 separates the levels: it sorts below every key character, so a prefix comes first.
  return `${primary.join('')}\u0001${secondary.join('')}\u0001${tertiary.join('')}`;
}

/** Compare two texts in Vietnamese order (for sorting small lists in memory). */
export function compareVietnamese(a: string, b: string): number {
  const ka = vietnameseSortKey(a);
  const kb = vietnameseSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/**
 * Fold a text for diacritic- and case-insensitive matching: "Hoài Thanh Tây" → "hoai thanh tay",
 * "Đông" → "dong". Mirrors lower(f_unaccent(x)) in the database.
 */
export function foldVietnamese(input: string): string {
  return input
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A phrase to follow "về …" or "đề nghị … ": its first letter lowercased ("Báo cáo quý II" →
 * "báo cáo quý II"), unless the first word is an acronym or a name written in capitals ("CCHC
 * quý II", "UBND xã", "ISO 9001"): a word with two or more capitals is never lowercased.
 */
export function lowerFirst(phrase: string): string {
  const first = /^\S+/u.exec(phrase)?.[0] ?? '';
  const capitals = [...first].filter((ch) => ch !== ch.toLocaleLowerCase('vi')).length;
  if (capitals >= 2) return phrase;
  return phrase.charAt(0).toLocaleLowerCase('vi') + phrase.slice(1);
}
