import { beforeAll, describe, expect, it } from 'vitest';
import { sampleTeamDecision2021, seedPlan2021 } from '../db/seed/plan-2021.js';
import { renderDocx } from './decree30-docx.js';
import type { PlanDocumentModel } from './model.js';
import { convertDocxToPdf, isPdfAvailable } from './pdf.js';
import { type DocxParts, openDocx, paragraphs, paragraphWith, plainText, runWith } from './test-support.js';

const issuedPlan: PlanDocumentModel = {
  ...seedPlan2021,
  number: 15,
  date: { year: 2021, month: 5, day: 5 },
  legalBases: [
    'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;',
    'Căn cứ Kế hoạch số 10495/KH-UBND ngày 30/12/2020 của UBND thị xã.',
  ],
};

const COMBINING_MARKS = /[\u0300-\u036f]/;

describe('renderDocx (Mẫu 1.4)', () => {
  let docx: Buffer;
  let parts: DocxParts;
  let draft: DocxParts;

  beforeAll(async () => {
    docx = await renderDocx(issuedPlan);
    parts = await openDocx(docx);
    draft = await openDocx(await renderDocx({ ...seedPlan2021, draft: true }));
  });

  it('is an A4 page with margins inside the Decree 30 ranges', () => {
    const size = /<w:pgSz ([^>]*)\/>/.exec(parts.document)?.[1] ?? '';
    expect(size).toContain('w:w="11906"');
    expect(size).toContain('w:h="16838"');
    const margin = /<w:pgMar ([^>]*)\/>/.exec(parts.document)?.[1] ?? '';
    const twips = (side: string): number => Number(new RegExp(`w:${side}="(\\d+)"`).exec(margin)?.[1]);
    const mm = (t: number): number => (t * 25.4) / 1440;
    for (const side of ['top', 'bottom']) expect(mm(twips(side))).toBeGreaterThanOrEqual(19.9);
    for (const side of ['top', 'bottom']) expect(mm(twips(side))).toBeLessThanOrEqual(25.1);
    expect(mm(twips('left'))).toBeGreaterThanOrEqual(29.9);
    expect(mm(twips('left'))).toBeLessThanOrEqual(35.1);
    expect(mm(twips('right'))).toBeGreaterThanOrEqual(14.9);
    expect(mm(twips('right'))).toBeLessThanOrEqual(20.1);
  });

  it('writes every run in Times New Roman, body at 14 pt', () => {
    expect(parts.styles).toMatch(/<w:rFonts w:ascii="Times New Roman"/);
    const runs = paragraphs(parts.document).flatMap((p) => p.runs);
    expect(runs.length).toBeGreaterThan(50);
    expect(runs.every((r) => r.font === 'Times New Roman')).toBe(true);
    expect(runWith(parts.document, 'Rà soát, đánh giá').halfPoints).toBe(28);
  });

  it('lays out the header in a borderless table with fixed column widths', () => {
    const table = /<w:tbl>.*?<\/w:tbl>/s.exec(parts.document)?.[0] ?? '';
    expect(table).toContain('<w:tblLayout w:type="fixed"/>');
    const borders = /<w:tblBorders>(.*?)<\/w:tblBorders>/s.exec(table)?.[1] ?? '';
    expect([...borders.matchAll(/w:val="(\w+)"/g)].every((m) => m[1] === 'none')).toBe(true);
    const columns = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(columns).toHaveLength(2);
    expect(columns[0] + columns[1]).toBeLessThanOrEqual(11906 - 1701 - 850);
    expect(table).not.toMatch(/w:type="pct"/);
  });

  it('prints issuer, Quốc hiệu and tiêu ngữ with their sizes, styles and rules', () => {
    const name = runWith(parts.document, 'THỊ XÃ HOÀI NHƠN');
    expect(name.bold).toBe(true);
    expect(name.halfPoints).toBe(26);
    expect(runWith(parts.document, 'ỦY BAN NHÂN DÂN').bold).toBe(true);

    const nation = runWith(parts.document, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(nation).toMatchObject({ bold: true, halfPoints: 24 });
    const motto = runWith(parts.document, 'Độc lập - Tự do - Hạnh phúc');
    expect(motto).toMatchObject({ bold: true, halfPoints: 26 });

    // Each rule is an empty paragraph with a single bottom border right after its text.
    const all = paragraphs(parts.document);
    const ruleAfter = (needle: string): boolean => {
      const at = all.findIndex((p) => p.text.includes(needle));
      const next = all[at + 1];
      return next.text === '' && /<w:pBdr><w:bottom w:val="single"/.test(next.props);
    };
    expect(ruleAfter('THỊ XÃ HOÀI NHƠN')).toBe(true);
    expect(ruleAfter('Độc lập - Tự do - Hạnh phúc')).toBe(true);
    expect(ruleAfter('Kiểm tra công tác cải cách hành chính năm 2021')).toBe(true);
  });

  it('prints the number and the italic place-and-date line', () => {
    expect(paragraphWith(parts.document, 'Số:').text).toBe('Số: 15/KH-UBND');
    const date = runWith(parts.document, 'Hoài Nhơn, ngày');
    expect(date.text).toBe('Hoài Nhơn, ngày 05 tháng 5 năm 2021');
    expect(date.italic).toBe(true);
    expect(date.halfPoints).toBe(28);
  });

  it('centres the bold type name and summary', () => {
    const type = paragraphWith(parts.document, 'KẾ HOẠCH');
    expect(type.text).toBe('KẾ HOẠCH');
    expect(type.props).toContain('<w:jc w:val="center"/>');
    expect(type.runs[0]).toMatchObject({ bold: true, halfPoints: 28 });
    const summary = paragraphWith(parts.document, 'Kiểm tra công tác cải cách hành chính năm 2021');
    expect(summary.props).toContain('<w:jc w:val="center"/>');
    expect(summary.runs[0].bold).toBe(true);
  });

  it('writes legal bases in italics and body paragraphs justified with a first-line indent', () => {
    for (const basis of issuedPlan.legalBases ?? []) {
      const p = paragraphWith(parts.document, basis);
      expect(p.runs.every((r) => r.italic)).toBe(true);
    }
    const body = paragraphWith(parts.document, 'Thực hiện Quyết định số 10495/KH-UBND');
    expect(body.props).toContain('<w:jc w:val="both"/>');
    expect(body.props).toMatch(/<w:ind w:firstLine="\d+"\/>/);
    expect(body.runs[0].italic).toBe(false);
  });

  it('numbers headings I. / 1. / 2.1. / a) in bold', () => {
    const text = plainText(parts.document);
    for (const heading of [
      'I. MỤC ĐÍCH, YÊU CẦU',
      'II. NỘI DUNG',
      'III. TỔ CHỨC THỰC HIỆN',
      '1. Mục đích',
      '2.1. Kiểm tra qua báo cáo',
      '2.2. Kiểm tra trực tiếp',
    ]) {
      expect(text).toContain(heading);
      expect(runWith(parts.document, heading).bold).toBe(true);
    }
    expect(text).toContain('a) Công tác lãnh đạo, chỉ đạo');
    expect(text).toContain('b) Kiểm tra đột xuất:');
    expect(text).toContain('- Rà soát, đánh giá');
    const time = paragraphWith(parts.document, '3. Thời gian kiểm tra:');
    expect(time.runs.map((r) => r.bold)).toEqual([true, false]);
    expect(time.text).toBe('3. Thời gian kiểm tra: Từ tháng 5/2021 đến tháng 12/2021.');
  });

  it('puts Nơi nhận (bold italic 12 pt, list 11 pt) beside the signature', () => {
    const closing = [...parts.document.matchAll(/<w:tbl>.*?<\/w:tbl>/gs)].at(-1)?.[0] ?? '';
    const cells = [...closing.matchAll(/<w:tc>(.*?)<\/w:tc>/gs)].map((m) => m[1]);
    expect(cells).toHaveLength(2);
    const [left, right] = cells;

    const label = runWith(left, 'Nơi nhận:');
    expect(label).toMatchObject({ bold: true, italic: true, halfPoints: 24 });
    const lines = paragraphs(left).slice(1);
    expect(lines.map((p) => p.text)).toEqual(seedPlan2021.recipients.map((r) => `- ${r}`));
    expect(lines.every((p) => p.runs.every((r) => r.halfPoints === 22 && !r.bold))).toBe(true);
    expect(lines.at(-1)?.text).toBe('- Lưu: VT.');

    const signature = paragraphs(right);
    expect(signature.map((p) => p.text)).toEqual(['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Phạm Trương']);
    expect(signature.every((p) => p.runs.every((r) => r.bold))).toBe(true);
    expect(signature.every((p) => p.props.includes('<w:jc w:val="center"/>'))).toBe(true);
  });

  it('numbers pages in the header from page 2 (different first page)', () => {
    const section = /<w:sectPr>.*?<\/w:sectPr>/s.exec(parts.document)?.[0] ?? '';
    expect(section).toContain('<w:titlePg/>');
    expect(parts.headers.default).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>|w:instr="PAGE"/);
    expect(parts.headers.default).toContain('<w:jc w:val="center"/>');
    expect(parts.headers.first).toBeDefined();
    expect(parts.headers.first).not.toContain('PAGE');
  });

  it('marks drafts, and only drafts, as DỰ THẢO', () => {
    expect(parts.document).not.toContain('DỰ THẢO');
    expect(Object.values(parts.headers).join('')).not.toContain('DỰ THẢO');

    const mark = paragraphWith(draft.document, 'DỰ THẢO');
    expect(mark.runs[0].bold).toBe(true);
    expect(mark.props).toMatch(/<w:pBdr><w:top w:val="single"/);
    expect(draft.headers.first).toContain('DỰ THẢO');
    expect(draft.headers.default).toContain('DỰ THẢO');
    expect(paragraphWith(draft.document, 'Số:').text).toMatch(/^Số: {3,}\/KH-UBND$/);
    expect(runWith(draft.document, 'Hoài Nhơn, ngày').text).toMatch(/ngày {3,}tháng {3,}năm 2021$/);
  });

  it('normalises all text to NFC', async () => {
    const decomposed = 'Kiểm tra công tác cải cách hành chính năm 2021'.normalize('NFD');
    expect(COMBINING_MARKS.test(decomposed)).toBe(true);
    const bytes = await renderDocx({
      ...issuedPlan,
      summary: decomposed,
      body: [{ kind: 'paragraph', content: [{ text: 'Đoàn kiểm tra'.normalize('NFD') }] }],
      recipients: ['Lưu: VT, NV.'.normalize('NFD')],
    });
    const { document } = await openDocx(bytes);
    expect(COMBINING_MARKS.test(document)).toBe(false);
    expect(plainText(document)).toContain('Kiểm tra công tác cải cách hành chính năm 2021');
    expect(COMBINING_MARKS.test(parts.document)).toBe(false);
  });

  // One at a time, as the conversion queue runs them (each still gets its own profile: stack.md
  // gotcha 14); two at once on a loaded 2-core machine only measure the machine.
  it.runIf(isPdfAvailable())('converts to PDF with LibreOffice', async () => {
    const pdf = await convertDocxToPdf(docx);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 240_000);
});

describe('renderDocx (Mẫu 1.2)', () => {
  let parts: DocxParts;

  beforeAll(async () => {
    parts = await openDocx(await renderDocx(sampleTeamDecision2021));
  });

  it('shares the Decree 30 header', () => {
    expect(paragraphWith(parts.document, 'Số:').text).toBe('Số: 16/QĐ-UBND');
    expect(runWith(parts.document, 'Hoài Nhơn, ngày').text).toBe('Hoài Nhơn, ngày 10 tháng 5 năm 2021');
    expect(runWith(parts.document, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM').bold).toBe(true);
    expect(parts.document).toContain('<w:titlePg/>');
  });

  it('puts the Chairman authority under the title, then italic bases and QUYẾT ĐỊNH:', () => {
    const text = paragraphs(parts.document).map((p) => p.text);
    const at = (s: string): number => text.findIndex((t) => t.startsWith(s));
    expect(at('QUYẾT ĐỊNH')).toBeLessThan(at('Về việc thành lập Đoàn kiểm tra'));
    expect(at('Về việc thành lập Đoàn kiểm tra')).toBeLessThan(at('CHỦ TỊCH ỦY BAN NHÂN DÂN THỊ XÃ HOÀI NHƠN'));
    expect(at('CHỦ TỊCH ỦY BAN NHÂN DÂN THỊ XÃ HOÀI NHƠN')).toBeLessThan(at('Căn cứ Luật Tổ chức'));
    expect(at('Xét đề nghị')).toBeLessThan(at('QUYẾT ĐỊNH:'));
    expect(at('QUYẾT ĐỊNH:')).toBeLessThan(at('Điều 1.'));
    expect(runWith(parts.document, 'CHỦ TỊCH ỦY BAN NHÂN DÂN THỊ XÃ HOÀI NHƠN').bold).toBe(true);
    for (const basis of sampleTeamDecision2021.legalBases) {
      expect(paragraphWith(parts.document, basis).runs.every((r) => r.italic)).toBe(true);
    }
    expect(paragraphWith(parts.document, 'QUYẾT ĐỊNH:').props).toContain('<w:jc w:val="center"/>');
  });

  it('numbers articles Điều 1., Điều 2., Điều 3. in bold', () => {
    for (const n of [1, 2, 3]) {
      const article = paragraphWith(parts.document, `Điều ${n}. `);
      expect(article.runs[0]).toMatchObject({ text: `Điều ${n}. `, bold: true });
      expect(article.runs[1].bold).toBeFalsy();
    }
    expect(plainText(parts.document)).toContain('- Bà Đặng Thị Mỹ Linh, Chuyên viên Phòng Nội vụ, Thư ký.');
  });

  it('signs as CHỦ TỊCH without TM., or KT. CHỦ TỊCH / PHÓ CHỦ TỊCH', async () => {
    expect(parts.document).not.toContain('TM. ');
    expect(plainText(parts.document)).toContain('CHỦ TỊCH\nPhạm Trương');

    const deputy = await openDocx(
      await renderDocx({
        ...sampleTeamDecision2021,
        signature: { onBehalfOf: 'KT. CHỦ TỊCH', position: 'PHÓ CHỦ TỊCH', signerName: 'Nguyễn Văn Hùng' },
      }),
    );
    expect(plainText(deputy.document)).toContain('KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn Hùng');
    expect(plainText(deputy.document)).toContain('- Lưu: VT, NV.');
  });
});
