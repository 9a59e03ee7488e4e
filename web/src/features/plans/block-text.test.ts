import { describe, expect, it } from 'vitest';
import { blocksToText, inlineToText, linesToList, textToBlocks, textToInline } from './block-text.js';
import type { PlanBlock } from './plans.types.js';

const seedSection: PlanBlock[] = [
  { kind: 'lettered', letter: 'a', content: 'Kiểm tra theo Kế hoạch, có báo trước: Đoàn kiểm tra làm việc theo Kế hoạch.' },
  { kind: 'bullet', content: 'Cơ quan, đơn vị chuẩn bị báo cáo (theo mẫu được hướng dẫn).' },
  { kind: 'paragraph', content: 'Đoàn kiểm tra có thể tái kiểm tra đối với một số cơ quan, đơn vị.' },
  { kind: 'paragraph', italic: true, content: 'Đoàn kiểm tra sử dụng các nội dung, số liệu trong báo cáo.' },
  { kind: 'heading', level: '1', number: '3', text: 'Thời gian kiểm tra:', tail: ' Từ tháng 5/2021 đến tháng 12/2021.' },
  { kind: 'heading', level: 'I', number: 'III', text: 'TỔ CHỨC THỰC HIỆN' },
  { kind: 'heading', level: 'a', number: 'b', text: 'Kiểm tra đột xuất' },
  { kind: 'paragraph', centered: true, bold: true, content: 'QUYẾT ĐỊNH:' },
  { kind: 'bullet', content: [{ text: 'Thời gian: ', bold: true }, { text: 'tháng 5' }, { text: ' (dự kiến)', italic: true }] },
];

describe('plan section text', () => {
  it('writes one line per block in the documented syntax', () => {
    expect(blocksToText(seedSection).split('\n')).toEqual([
      'a) Kiểm tra theo Kế hoạch, có báo trước: Đoàn kiểm tra làm việc theo Kế hoạch.',
      '- Cơ quan, đơn vị chuẩn bị báo cáo (theo mẫu được hướng dẫn).',
      'Đoàn kiểm tra có thể tái kiểm tra đối với một số cơ quan, đơn vị.',
      '*Đoàn kiểm tra sử dụng các nội dung, số liệu trong báo cáo.*',
      '## 3. Thời gian kiểm tra:| Từ tháng 5/2021 đến tháng 12/2021.',
      '# III. TỔ CHỨC THỰC HIỆN',
      '#### b) Kiểm tra đột xuất',
      '>> **QUYẾT ĐỊNH:**',
      '- **Thời gian: **tháng 5* (dự kiến)*',
    ]);
  });

  it('reads back exactly the blocks it wrote', () => {
    expect(textToBlocks(blocksToText(seedSection))).toEqual(seedSection);
  });

  it('reads what a drafter types: bullets, a) items, paragraphs; blank lines ignored', () => {
    expect(textToBlocks('Mở đầu.\n\n- một\n• hai\nb) ba\n  c)  bốn  \n')).toEqual([
      { kind: 'paragraph', content: 'Mở đầu.' },
      { kind: 'bullet', content: 'một' },
      { kind: 'bullet', content: 'hai' },
      { kind: 'lettered', letter: 'b', content: 'ba' },
      { kind: 'lettered', letter: 'c', content: 'bốn' },
    ]);
  });

  it('keeps a paragraph that looks like a marker literal, and literal stars', () => {
    const blocks: PlanBlock[] = [
      { kind: 'paragraph', content: '- không phải gạch đầu dòng' },
      { kind: 'paragraph', content: 'a) không phải mục chữ' },
      { kind: 'paragraph', content: '# không phải tiêu đề' },
      { kind: 'bullet', content: 'điểm * sao và \\ gạch' },
    ];
    const text = blocksToText(blocks);
    expect(text).toContain('\\- không phải');
    expect(textToBlocks(text)).toEqual(blocks);
  });

  it('composes neighbouring emphasis marks and merges equal runs', () => {
    const runs = [{ text: 'a', bold: true }, { text: 'b', italic: true }, { text: 'c', bold: true, italic: true }, { text: 'd', italic: true }];
    expect(textToInline(inlineToText(runs))).toEqual(runs);
    expect(inlineToText([{ text: 'x', bold: true }, { text: 'y', bold: true }])).toBe('**xy**');
  });

  it('takes unbalanced marks literally and NFC-normalises', () => {
    expect(textToInline('5 * 3')).toBe('5 * 3');
    const decomposed = 'Hoa\u0300i Nho\u031bn';
    expect(textToBlocks(decomposed)).toEqual([{ kind: 'paragraph', content: 'Hoài Nhơn' }]);
  });

  it('writes the letter of a lettered item left to the builder', () => {
    const text = blocksToText([
      { kind: 'lettered', content: 'một' },
      { kind: 'lettered', content: 'hai' },
    ]);
    expect(text).toBe('a) một\nb) hai');
  });

  it('reads recipients one per line without the dash', () => {
    expect(linesToList('- Sở Nội vụ;\nThường trực Thị ủy;\n\n- Lưu: VT.')).toEqual(['Sở Nội vụ;', 'Thường trực Thị ủy;', 'Lưu: VT.']);
  });
});
