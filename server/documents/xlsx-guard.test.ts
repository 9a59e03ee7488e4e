import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { REGISTRY_XLSX_LIMITS, MAX_REGISTRY_IMPORT_ROWS } from '../modules/registry/import-registry.js';
import { tinyRows } from '../test/xlsx-bomb.js';
import { jobRegistry } from '../jobs/registry.js';
import { checkXlsx } from './xlsx-guard.js';

/**
 * The guard that runs before ExcelJS (issue 12 review: an 8 MB workbook of 820,000 tiny rows took
 * the server past its 1 GB heap). Bombs are made small here: a sheet of tiny rows written as XML
 * and zipped, and zips whose central directory lies about what they unpack to.
 */

/** The central directory's entry of `name`: its offset in the file. */
function centralEntry(bytes: Buffer, name: string): number {
  const at = bytes.lastIndexOf(Buffer.from(name));
  const entry = at - 46;
  expect(bytes.readUInt32LE(entry)).toBe(0x02014b50);
  return entry;
}

describe('xlsx guard: a workbook is refused before it is parsed', () => {
  it('refuses a sheet of more rows than the cap after reading only a bounded part, in milliseconds', async () => {
    const bomb = await tinyRows(60_000);
    const started = performance.now();
    const refused = await checkXlsx(bomb, REGISTRY_XLSX_LIMITS);
    expect(refused).toMatchObject({ code: 'workbook_too_large', params: { maxRows: MAX_REGISTRY_IMPORT_ROWS + 100 } });
    // Generous for a loaded shared machine; ExcelJS needs seconds and hundreds of MB for this file.
    expect(performance.now() - started).toBeLessThan(1500);
    expect(await checkXlsx(await tinyRows(1_000), REGISTRY_XLSX_LIMITS)).toBeNull();
  });

  it('refuses a zip declaring more than the cap from its central directory alone, and one unpacking to more than it declares', async () => {
    const small = await tinyRows(2_000);
    const declaredHuge = Buffer.from(small);
    declaredHuge.writeUInt32LE(900 * 1024 * 1024, centralEntry(declaredHuge, 'xl/worksheets/sheet1.xml') + 24);
    expect(await checkXlsx(declaredHuge, REGISTRY_XLSX_LIMITS)).toMatchObject({ code: 'workbook_too_large', params: { maxMb: 48 } });

    const lying = Buffer.from(small);
    lying.writeUInt32LE(1_000, centralEntry(lying, 'xl/worksheets/sheet1.xml') + 24);
    expect(await checkXlsx(lying, REGISTRY_XLSX_LIMITS)).toMatchObject({ code: 'workbook_too_large', reason: expect.stringContaining('more than it declares') });
  });

  it('says a file that is not a zip, or a broken one, is unreadable (not too large)', async () => {
    expect(await checkXlsx(Buffer.from('hello world, not a workbook at all'), REGISTRY_XLSX_LIMITS)).toMatchObject({ code: 'unreadable_workbook' });
    const cut = (await tinyRows(100)).subarray(0, 300);
    expect(await checkXlsx(Buffer.from(cut), REGISTRY_XLSX_LIMITS)).toMatchObject({ code: 'unreadable_workbook' });
  });

  it('passes a legitimate 20,000-row registry workbook, every column filled, as the export writes it', async () => {
    const wb = new ExcelJS.Workbook();
    const units = wb.addWorksheet('Đơn vị hành chính');
    units.addRow(['Mã', 'Tên', 'Loại', 'Mã đơn vị cấp trên', 'Hiệu lực từ', 'Hiệu lực đến', 'Đang hoạt động']);
    const agencies = wb.addWorksheet('Cơ quan, đơn vị');
    agencies.addRow(['Mã', 'Tên', 'Tên viết tắt', 'Loại', 'Mã đơn vị hành chính', 'Mã cơ quan cấp trên', 'Ký hiệu trên văn bản', 'Địa danh', 'Người đứng đầu', 'Chức vụ', 'Điện thoại', 'Email', 'Địa chỉ', 'Hiệu lực từ', 'Hiệu lực đến', 'Đang hoạt động']);
    for (let i = 0; i < MAX_REGISTRY_IMPORT_ROWS; i++) {
      agencies.addRow([
        `CQ-${i}`, `Phòng Văn hóa, Khoa học và Thông tin xã Hòa Bình số ${i}`, `P.VHKHTT ${i}`, 'Phòng chuyên môn', `X-${i % 3300}`, `UBND-${i % 3300}`,
        `VHKHTT-${i}`, 'Hòa Bình', `Nguyễn Thị Thanh Hương ${i}`, 'Trưởng phòng', `0909${String(i).padStart(6, '0')}`, `phong${i}@hoabinh.gov.vn`,
        `Số ${i} đường Trần Hưng Đạo, phường Quang Trung, tỉnh Gia Lai`, new Date(Date.UTC(2025, 6, 1)), null, 'Có',
      ]);
    }
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const started = performance.now();
    expect(await checkXlsx(bytes, REGISTRY_XLSX_LIMITS)).toBeNull();
    // The work is inflating the parts once, chunk by chunk (a few tens of milliseconds unloaded).
    expect(performance.now() - started).toBeLessThan(5000);
  }, 60_000);
});

describe('xlsx import jobs', () => {
  it('are never retried by themselves: an attempt that took the process down would take it down again', () => {
    const imports = jobRegistry.filter((j) => /import/.test(j.name));
    expect(imports.map((j) => j.name).sort()).toEqual(['assigned-tasks.import', 'indices.import-criteria', 'indices.import-scores', 'registry.import']);
    for (const job of imports) expect(job.retry.limit, job.name).toBe(0);
  });
});
