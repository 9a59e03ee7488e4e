import type { PlanBlock } from './plans.types.js';

/**
 * The plain-text form of a plan section: one block per line, so a drafter edits a section in a
 * textarea and the server still receives the Block model the document builder prints.
 *
 *   - Rà soát, đánh giá …            bullet ("- " item)
 *   a) Công tác lãnh đạo …           lettered item, letter kept as typed
 *   Các cơ quan, đơn vị thuộc …      paragraph
 *   *Đoàn kiểm tra sử dụng …*        paragraph in italics (**…** bold)
 *   >> QUYẾT ĐỊNH:                   centred paragraph
 *   ## 2. Hình thức kiểm tra         heading: # I., ## 1., ### 1.1., #### a); "|" starts the tail
 *   \- not a bullet                  a backslash keeps a line that looks like a marker literal
 *
 * Inside a line, **bold**, *italic* and ***both*** mark runs; a literal "*" is written "\*".
 * Blank lines are ignored. blocksToText and textToBlocks are inverses up to normalisation
 * (adjacent runs with the same emphasis merge; a letter left to the builder is written out).
 */

type Inline = Extract<PlanBlock, { kind: 'bullet' }>['content'];
type Run = Exclude<Inline, string>[number];
type HeadingLevel = Extract<PlanBlock, { kind: 'heading' }>['level'];

const hashesOf: Record<HeadingLevel, string> = { I: '#', '1': '##', '1.1': '###', a: '####' };
const levelOf: Record<number, HeadingLevel> = { 1: 'I', 2: '1', 3: '1.1', 4: 'a' };
const letterPattern = /^([a-zđ]{1,2})\)\s+/;
const markerPattern = /^(-\s|•\s|#|>>|\\|[a-zđ]{1,2}\)\s)/;

const escapeText = (text: string) => text.replace(/([\\*])/g, '\\$1');

function stars(run: Run): string {
  return run.bold && run.italic ? '***' : run.bold ? '**' : run.italic ? '*' : '';
}

/** Inline content as text with emphasis marks. */
export function inlineToText(content: Inline): string {
  if (typeof content === 'string') return escapeText(content);
  // Merge neighbours with the same emphasis so no empty pair of marks is written.
  const merged: Run[] = [];
  for (const run of content) {
    const last = merged[merged.length - 1];
    if (last && !!last.bold === !!run.bold && !!last.italic === !!run.italic) merged[merged.length - 1] = { ...last, text: last.text + run.text };
    else if (run.text) merged.push(run);
  }
  // Marks toggle, so "**a***b*" closes bold and opens italic: concatenated marks compose.
  return merged.map((run) => `${stars(run)}${escapeText(run.text)}${stars(run)}`).join('');
}

/** Text with emphasis marks as inline content: a plain string when nothing is emphasised. */
export function textToInline(text: string): Inline {
  const runs: Run[] = [];
  let bold = false;
  let italic = false;
  let current = '';
  const flush = () => {
    if (current) runs.push({ text: current, ...(bold ? { bold: true } : {}), ...(italic ? { italic: true } : {}) });
    current = '';
  };
  for (let i = 0; i < text.length; ) {
    const ch = text[i];
    if (ch === '\\' && i + 1 < text.length) {
      current += text[i + 1];
      i += 2;
    } else if (ch === '*') {
      let n = 0;
      while (text[i + n] === '*' && n < 3) n++;
      flush();
      if (n !== 1) bold = !bold;
      if (n !== 2) italic = !italic;
      i += n;
    } else {
      current += ch;
      i += 1;
    }
  }
  // Unbalanced marks: the line is taken literally rather than guessing what was meant.
  if (bold || italic) return text.replace(/\\([\\*])/g, '$1');
  flush();
  if (runs.length === 0) return '';
  if (runs.length === 1 && !runs[0].bold && !runs[0].italic) return runs[0].text;
  return runs;
}

function lineOf(block: PlanBlock, autoLetter: string): string {
  switch (block.kind) {
    case 'heading': {
      const number = block.number ? `${block.number}${block.level === 'a' ? ')' : '.'} ` : '';
      const tail = block.tail ? `|${block.tail}` : '';
      return `${hashesOf[block.level]} ${number}${block.text.replace(/\|/g, '/')}${tail}`;
    }
    case 'bullet':
      return `- ${inlineToText(block.content)}`;
    case 'lettered':
      return `${block.letter ?? autoLetter}) ${inlineToText(block.content)}`;
    case 'paragraph': {
      // Paragraph emphasis over runs becomes emphasis of each run: it prints the same.
      const content = Array.isArray(block.content) && (block.bold || block.italic)
        ? block.content.map((run) => ({ ...run, bold: run.bold || block.bold, italic: run.italic || block.italic }))
        : block.content;
      let text = inlineToText(content);
      if (typeof content === 'string') {
        const mark = block.bold && block.italic ? '***' : block.bold ? '**' : block.italic ? '*' : '';
        text = `${mark}${text}${mark}`;
      }
      if (block.centered) return `>> ${text}`;
      return markerPattern.test(text) ? `\\${text}` : text;
    }
  }
}

const letters = 'abcdđeghiklmnopqrstuvxy';

/** A section's blocks as lines of text. */
export function blocksToText(blocks: readonly PlanBlock[]): string {
  let lettered = 0;
  return blocks
    .map((block) => {
      if (block.kind === 'heading') lettered = 0;
      if (block.kind === 'lettered') lettered++;
      return lineOf(block, letters[lettered - 1] ?? 'a');
    })
    .join('\n');
}

function parseHeading(line: string): PlanBlock {
  const hashes = /^(#{1,4})\s*/.exec(line)!;
  const level = levelOf[hashes[1].length];
  let rest = line.slice(hashes[0].length);
  let tail: string | undefined;
  const bar = rest.indexOf('|');
  if (bar >= 0) {
    tail = rest.slice(bar + 1);
    rest = rest.slice(0, bar);
  }
  const numbered = level === 'a' ? /^([a-zđ]{1,2})\)\s+/.exec(rest) : /^([IVXLC]+|\d+(?:\.\d+)*)\.\s+/.exec(rest);
  const number = numbered?.[1];
  const text = (numbered ? rest.slice(numbered[0].length) : rest).trim();
  return { kind: 'heading', level, ...(number ? { number } : {}), text, ...(tail ? { tail } : {}) };
}

function parseParagraph(raw: string, centered: boolean): PlanBlock {
  const content = textToInline(raw);
  // A line wholly in one emphasis is a paragraph flag, as the document model prints it.
  if (Array.isArray(content) && content.length === 1) {
    const [run] = content;
    return { kind: 'paragraph', content: run.text, ...(run.italic ? { italic: true } : {}), ...(run.bold ? { bold: true } : {}), ...(centered ? { centered: true } : {}) };
  }
  return { kind: 'paragraph', content, ...(centered ? { centered: true } : {}) };
}

/** Lines of text as a section's blocks (see the module comment for the syntax). */
export function textToBlocks(text: string): PlanBlock[] {
  const blocks: PlanBlock[] = [];
  for (const rawLine of text.normalize('NFC').split(/\r?\n/)) {
    const line = rawLine.trim();
    if (!line) continue;
    if (line.startsWith('\\')) blocks.push(parseParagraph(line.slice(1), false));
    else if (/^[-•]\s/.test(line)) blocks.push({ kind: 'bullet', content: textToInline(line.slice(2).trim()) });
    else if (line.startsWith('#')) blocks.push(parseHeading(line));
    else if (line.startsWith('>>')) blocks.push(parseParagraph(line.slice(2).trim(), true));
    else {
      const lettered = letterPattern.exec(line);
      if (lettered) blocks.push({ kind: 'lettered', letter: lettered[1], content: textToInline(line.slice(lettered[0].length)) });
      else blocks.push(parseParagraph(line, false));
    }
  }
  return blocks;
}

/** "Sở Nội vụ;" per line, without the leading "- " the document adds. */
export function linesToList(text: string): string[] {
  return text
    .normalize('NFC')
    .split(/\r?\n/)
    .map((line) => line.trim().replace(/^[-•]\s+/, ''))
    .filter(Boolean);
}
