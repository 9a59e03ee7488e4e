import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seedPlan2021 } from '../db/seed/plan-2021.js';
import { blockText, headingLabel } from './decree30-text.js';

/**
 * The seed plan must match the source text word for word. The source is kept beside this
 * test (fixtures/, a copy of /work/shared/seed/ke-hoach-kiem-tra-cchc-2021.md).
 */
const source = readFileSync(new URL('./fixtures/ke-hoach-kiem-tra-cchc-2021.md', import.meta.url), 'utf8');

/** Source lines without markdown marks; the one stray line break is joined. */
function sourceLines(): string[] {
  return source
    .replace('cơ quan, đơn vị,\n\nđịa phương', 'cơ quan, đơn vị, địa phương')
    .split('\n')
    .map((line) =>
      line
        .replace(/^#+\s*/, '')
        .replace(/\*+/g, '')
        .trim(),
    )
    .filter((line) => line !== '');
}

/** The seed model printed the same way, one line per block. */
function modelLines(): string[] {
  const lines = [
    `Số: /${seedPlan2021.symbol}`,
    `${seedPlan2021.placeName}, ngày tháng năm ${seedPlan2021.date?.year}`,
    seedPlan2021.typeName,
    seedPlan2021.summary,
  ];
  for (const block of seedPlan2021.body) {
    switch (block.kind) {
      case 'heading':
        lines.push(`${headingLabel(block.level, block.number ?? '?')} ${blockText(block)}`);
        break;
      case 'paragraph':
        lines.push(blockText(block));
        break;
      case 'bullet':
        lines.push(`- ${blockText(block)}`);
        break;
      case 'lettered':
        lines.push(`${block.letter}) ${blockText(block)}`);
        break;
    }
  }
  lines.push('Nơi nhận:', ...seedPlan2021.recipients.map((r) => `- ${r}`));
  const s = seedPlan2021.signature;
  lines.push(...[s.authority, s.onBehalfOf, s.position].filter(Boolean).map(String), s.signerName);
  return lines;
}

describe('seedPlan2021', () => {
  it('reproduces the seed plan word for word', () => {
    expect(modelLines()).toEqual(sourceLines());
  });

  it('has no number or full date, as in the source', () => {
    expect(seedPlan2021.number).toBeUndefined();
    expect(seedPlan2021.date).toEqual({ year: 2021 });
    expect(seedPlan2021.signature).toEqual({ authority: 'TM. ỦY BAN NHÂN DÂN', position: 'CHỦ TỊCH', signerName: 'Phạm Trương' });
  });

  it('is NFC text', () => {
    expect(JSON.stringify(seedPlan2021)).toBe(JSON.stringify(seedPlan2021).normalize('NFC'));
  });
});
