import { describe, expect, it } from 'vitest';
import { documentInput } from '../../shared/api/blocks.schemas.js';
import { sampleTeamDecision2021, seedPlan2021 } from '../db/seed/plan-2021.js';
import { samplePng } from '../files/sample-files.js';
import { renderDocx } from './decree30-docx.js';
import { imageSize } from './document-assets.js';
import { sampleLetter, sampleMinutes, sampleReport, sampleScores } from './samples.js';
import { openDocx, paragraphs, paragraphWith, plainText, runWith } from './test-support.js';

const sections = (xml: string) => [...xml.matchAll(/<w:sectPr[^>]*>.*?<\/w:sectPr>/gs)].map((m) => m[0]);

describe('the shared block schema', () => {
  it('accepts the table and refuses a row that does not fill its columns', () => {
    expect(documentInput.table.safeParse(sampleScores).success).toBe(true);
    const broken = { ...sampleScores, rows: [{ cells: ['1', 'Phường Bồng Sơn', '85,50'] }] };
    const result = documentInput.table.safeParse(broken);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual(['rows', 0]);
    const tooWide = { ...sampleScores, rows: [{ cells: [{ content: 'x', colSpan: 5 }] }] };
    expect(documentInput.table.safeParse(tooWide).success).toBe(false);
  });

  it('refuses control characters in block text, as in every printed field', () => {
    expect(documentInput.textBlock.safeParse({ kind: 'paragraph', content: 'a\u000bb' }).success).toBe(false);
  });
});

describe('table block', () => {
  it('prints borders, proportional fixed widths, a repeated bold header, spans and a bold total row', async () => {
    const { document } = await openDocx(await renderDocx({ ...seedPlan2021, body: [...seedPlan2021.body.slice(0, 3), sampleScores] }));
    const table = [...document.matchAll(/<w:tbl>.*?<\/w:tbl>/gs)].map((m) => m[0]).find((t) => t.includes('Phường Bồng Sơn'))!;
    expect(table).toContain('<w:tblLayout w:type="fixed"/>');
    expect(table).toMatch(/<w:insideH w:val="single"/);
    const grid = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid).toHaveLength(4);
    expect(grid[1] / grid[0]).toBeCloseTo(52 / 8, 1);
    const rows = [...table.matchAll(/<w:tr>.*?<\/w:tr>/gs)].map((m) => m[0]);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(paragraphs(rows[0]).every((p) => p.runs.every((r) => r.bold))).toBe(true);
    expect(rows[0]).toContain('<w:jc w:val="center"/>');
    expect(rows.at(-1)).toContain('<w:gridSpan w:val="2"/>');
    expect(paragraphWith(rows.at(-1)!, 'Bình quân').runs[0].bold).toBe(true);
    expect(paragraphWith(rows[1], '85,50').props).toContain('<w:jc w:val="right"/>');
    expect(rows[2]).toContain('<w:vMerge w:val="restart"/>');
    expect(rows[3]).toMatch(/<w:vMerge\/>|<w:vMerge w:val="continue"\/>/);
    expect(runWith(table, 'Phường Tam Quan').halfPoints).toBe(26);
    expect(runWith(document, 'Bảng 1. Kết quả tự chấm điểm').bold).toBe(true);
  });
});

describe('landscape sections and annexes', () => {

  it('turns the page for a landscape block and back, and starts each annex on a new page with its own numbers', async () => {
    const { document } = await openDocx(await renderDocx(sampleReport));
    const all = sections(document);
    // body portrait, landscape table, portrait again (closing), annex I, annex II (landscape).
    expect(all).toHaveLength(5);
    const orient = all.map((s) => (/w:orient="landscape"/.test(s) ? 'L' : 'P'));
    expect(orient).toEqual(['P', 'L', 'P', 'P', 'L']);
    const landscapeSize = /<w:pgSz ([^>]*)\/>/.exec(all[1])![1];
    expect(Number(/w:w="(\d+)"/.exec(landscapeSize)![1])).toBeGreaterThan(Number(/w:h="(\d+)"/.exec(landscapeSize)![1]));
    for (const annex of [all[3], all[4]]) {
      expect(annex).toMatch(/<w:pgNumType w:start="1"/);
      expect(annex).toContain('<w:titlePg/>');
      expect(annex).toContain('w:val="nextPage"');
    }
    const text = plainText(document);
    expect(text).toContain('Phụ lục I\nDANH SÁCH ĐƠN VỊ ĐƯỢC KIỂM TRA\n(Kèm theo Kế hoạch số 15/KH-UBND ngày 05/05/2021)');
    expect(text).toContain('(Kèm theo Kế hoạch số 15/KH-UBND ngày 05/5/2021 của UBND thị xã)');
    expect(runWith(document, 'Phụ lục II').bold).toBe(true);
    expect(text.indexOf('Sau bảng ngang.')).toBeLessThan(text.indexOf('Nơi nhận:'));
    expect(text.indexOf('Nơi nhận:')).toBeLessThan(text.indexOf('Phụ lục I'));
  });
});

describe('minutes with several signatures (Mẫu 1.9)', () => {

  it('puts the unit and the head of the team side by side, the secretary centred below, recipients after', async () => {
    const { document } = await openDocx(await renderDocx(sampleMinutes));
    const grid = [...document.matchAll(/<w:tbl>.*?<\/w:tbl>/gs)].map((m) => m[0]).find((t) => t.includes('TRƯỞNG ĐOÀN KIỂM TRA'))!;
    const rows = [...grid.matchAll(/<w:tr>.*?<\/w:tr>/gs)].map((m) => m[0]);
    expect(rows).toHaveLength(2);
    const firstRow = [...rows[0].matchAll(/<w:tc>(.*?)<\/w:tc>/gs)].map((m) => paragraphs(m[1]).map((p) => p.text));
    expect(firstRow).toEqual([
      ['ĐẠI DIỆN ĐƠN VỊ ĐƯỢC KIỂM TRA', 'CHỦ TỊCH UBND PHƯỜNG', 'Trần Văn An'],
      // Padded to the same title height, so the two names line up.
      ['TRƯỞNG ĐOÀN KIỂM TRA', '', 'Nguyễn Văn Hùng'],
    ]);
    expect(rows[1]).toContain('<w:gridSpan w:val="2"/>');
    expect(paragraphs(rows[1]).map((p) => p.text)).toEqual(['THƯ KÝ', 'Đặng Thị Mỹ Linh']);
    expect(grid).not.toMatch(/<w:tblBorders>.*w:val="single"/s);
    const text = plainText(document);
    expect(text).toContain('BIÊN BẢN');
    expect(text).toContain('Số: 03/BB-ĐKT');
    expect(text.indexOf('Đặng Thị Mỹ Linh')).toBeLessThan(text.indexOf('Nơi nhận:'));
  });
});

describe('công văn (Mẫu 1.5)', () => {

  it('prints the number with the drafting unit, "V/v …" under it, no type name, then "Kính gửi:"', async () => {
    const { document } = await openDocx(await renderDocx(sampleLetter));
    const header = /<w:tbl>.*?<\/w:tbl>/s.exec(document)![0];
    const numberCell = [...header.matchAll(/<w:tc>(.*?)<\/w:tc>/gs)].map((m) => m[1])[2];
    expect(paragraphs(numberCell).map((p) => p.text)).toEqual(['Số: 12/UBND-NV', 'V/v báo cáo kết quả tự kiểm tra công tác cải cách hành chính năm 2021']);
    const vv = runWith(numberCell, 'V/v');
    expect(vv).toMatchObject({ bold: false, italic: false, halfPoints: 24 });
    expect(plainText(document)).not.toContain('CÔNG VĂN');
    const text = plainText(document);
    expect(text).toContain('Kính gửi:\n- UBND các xã, phường;\n- Các cơ quan, đơn vị thuộc UBND thị xã.');
    expect(text.indexOf('Kính gửi:')).toBeLessThan(text.indexOf('Thực hiện Kế hoạch'));
  });

  it('puts a single addressee on the "Kính gửi:" line', async () => {
    const { document } = await openDocx(await renderDocx({ ...sampleLetter, addressees: ['Sở Nội vụ tỉnh Bình Định.'] }));
    expect(paragraphWith(document, 'Kính gửi:').text).toBe('Kính gửi: Sở Nội vụ tỉnh Bình Định.');
  });
});

describe('image block', () => {
  it('embeds the picture at the printed width, keeps its proportions, and captions it', async () => {
    const png = samplePng(40, 20);
    const sha = 'a'.repeat(64);
    const size = imageSize(png)!;
    expect(size).toEqual({ type: 'png', width: 40, height: 20 });
    const bytes = await renderDocx(
      { ...seedPlan2021, body: [{ kind: 'image', sha256: sha, widthMm: 100, alt: 'Biểu đồ điểm các phường', caption: 'Biểu đồ 1. Điểm các phường' }] },
      { images: new Map([[sha, { data: png, type: 'png', widthPx: 40, heightPx: 20 }]]) },
    );
    const parts = await openDocx(bytes);
    expect(Object.keys(parts.zip.files).some((f) => f.startsWith('word/media/') && f.endsWith('.png'))).toBe(true);
    const extent = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(parts.document)!;
    expect(Number(extent[1]) / Number(extent[2])).toBeCloseTo(2, 1);
    expect(Number(extent[1]) / 36000).toBeCloseTo(100, 0); // EMU per mm
    expect(parts.document).toContain('descr="Biểu đồ điểm các phường"');
    expect(runWith(parts.document, 'Biểu đồ 1.').italic).toBe(true);
  });
});

describe('every .docx', () => {
  it('sets Vietnamese (vi-VN) as the proofing language', async () => {
    for (const model of [seedPlan2021, sampleTeamDecision2021]) {
      const { styles } = await openDocx(await renderDocx(model));
      expect(/<w:docDefaults>.*<w:lang w:val="vi-VN"/s.test(styles)).toBe(true);
    }
  });
});
