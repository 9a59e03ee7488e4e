import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { DEMO_PASSWORD, startJourney, type Journey } from './harness.js';

/**
 * Issue 9 in the browser: the standing office builds and publishes a template and sends an ad hoc
 * request as a công văn; the ward's officer fills the report, loses the network mid-way, finds the
 * draft again after reopening the page and submits; the office returns it with a reason and the
 * ward resubmits, the history keeping both. Then, on the demo's 2021 requests: the office compiles
 * the Q2 reports it accepted (the job queued, run, its .xlsx read back: a row per unit, totals),
 * and the ward fills its returned 6-month report's tables from the .xlsx form the app made for
 * that template (a bad file refused cell by cell and nothing changed, then the filled tables).
 */
let j: Journey;
beforeAll(async () => {
  j = await startJourney();
});
afterAll(() => j?.close());

const templateName = 'Báo cáo nhanh tình hình giải quyết hồ sơ (thử)';
const requestTitle = 'Báo cáo nhanh tình hình giải quyết hồ sơ tháng này';

async function signedIn(username: string) {
  const context = await j.browser.newContext({ baseURL: j.baseUrl, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return { context, page };
}

/** Today plus `days` in Vietnam, as the date picker labels its days ("15 tháng 12 2026"). */
function vietnamDay(days: number) {
  const d = new Date(Date.now() + 7 * 3600_000 + days * 86400_000);
  return { day: d.getUTCDate(), month: d.getUTCMonth() + 1, year: d.getUTCFullYear() };
}

async function pickDate(page: Page, label: string, days: number) {
  const today = vietnamDay(0);
  const target = vietnamDay(days);
  await page.getByLabel(label).first().click();
  if (target.month !== today.month) await page.locator('[data-direction="next"]').first().click();
  await page.getByRole('button', { name: `${target.day} tháng ${target.month} ${target.year}`, exact: true }).click();
}

const main = (page: Page) => page.locator('main');

describe('reports through the browser', () => {
  let submissionUrl = '';
  let requestUrl = '';

  it('the office builds and publishes a template, then drafts and issues an ad hoc request', async () => {
    const { page } = j;
    await j.signIn('secretariat');
    await page.goto('/reports/templates/new');
    await page.getByLabel('Tên đề cương, biểu mẫu').fill(templateName);
    await page.getByRole('button', { name: 'Tạo dự thảo' }).click();
    await page.waitForURL(/\/reports\/templates\/[0-9a-f-]{36}$/);
    await page.getByRole('button', { name: 'Thêm mục' }).click();
    await page.getByLabel('Tiêu đề mục').fill('1. Tình hình giải quyết hồ sơ');
    await page.getByRole('button', { name: 'Thêm biểu số liệu' }).click();
    await page.getByLabel('Tên biểu').fill('Biểu 1. Hồ sơ tiếp nhận');
    await page.getByLabel('Tên cột 1 của biểu 1').fill('Số hồ sơ');
    await page.getByRole('button', { name: 'Ban hành' }).click();
    await expect.poll(() => main(page).getByText('Phiên bản này đã ban hành nên được giữ nguyên; muốn thay đổi, hãy tạo phiên bản mới.').count(), { timeout: 15_000 }).toBe(1);

    await page.goto('/reports/requests/new');
    await page.getByRole('combobox', { name: 'Đề cương, biểu mẫu' }).click();
    await page.getByRole('option', { name: new RegExp(templateName.replace(/[()]/g, '.')) }).click();
    await page.getByLabel('Tên báo cáo').fill(requestTitle);
    await pickDate(page, 'Hạn gửi', 10);
    const targets = page.getByLabel('Cơ quan, đơn vị được yêu cầu').first();
    await targets.fill('Bồng Sơn');
    await page.getByRole('option', { name: 'Ủy ban nhân dân phường Bồng Sơn' }).first().click();
    await targets.press('Escape');
    await page.getByRole('button', { name: 'Lập dự thảo yêu cầu' }).click();
    await page.waitForURL(/\/reports\/requests\/[0-9a-f-]{36}$/);
    requestUrl = new URL(page.url()).pathname;

    await page.getByRole('button', { name: 'Ký, ban hành và gửi' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ký, ban hành và gửi' });
    await dialog.getByLabel('Họ và tên người ký').fill('Nguyễn Văn Bình');
    await dialog.getByRole('button', { name: 'Ký, ban hành và gửi' }).click();
    await expect.poll(() => main(page).getByText(/^Công văn số \d+\/UBND-NV ngày/).count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => main(page).getByText('Chưa làm').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải công văn (.docx)' }).click()]);
    const file = path.resolve('tmp/e2e', 'report-request.docx');
    await download.saveAs(file);
    expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    await j.screenshot('report-request-issued');
  });

  it('the ward fills it, loses the network, recovers the draft after reopening and submits', async () => {
    const unit = await signedIn('unit');
    try {
      const { page, context } = unit;
      await page.goto('/tasks');
      await page.getByRole('link', { name: requestTitle }).click();
      await page.waitForURL(/\/reports\/submissions\/[0-9a-f-]{36}$/);
      submissionUrl = new URL(page.url()).pathname;
      await page.getByLabel('1. Tình hình giải quyết hồ sơ').fill('Tiếp nhận 120 hồ sơ, đúng hạn 118.');
      await page.getByRole('button', { name: 'Thêm dòng' }).click();
      await page.getByLabel('Số hồ sơ — 1').fill('120');
      await expect.poll(() => page.getByTestId('save-state').textContent(), { timeout: 15_000 }).toBe('Đã lưu bản nháp.');

      // The connection drops while the officer keeps typing: nothing reaches the server.
      await context.setOffline(true);
      await page.getByRole('button', { name: 'Thêm dòng' }).click();
      await page.getByLabel('Số hồ sơ — 2').fill('35');
      await expect.poll(() => page.getByTestId('total-bieu_1-cot_1').textContent()).toBe('155');
      await expect.poll(() => page.getByTestId('save-state').textContent(), { timeout: 15_000 }).toBe('Mất kết nối: bản nháp được giữ trên máy này và sẽ lưu khi có mạng.');
      await j.screenshot('report-offline');
      await page.close();

      // The tab is opened again once the network is back: the draft comes back from the browser and is saved.
      await context.setOffline(false);
      const again = await context.newPage();
      await again.goto(submissionUrl);
      await expect.poll(() => again.getByText('Đã khôi phục bản nháp').count(), { timeout: 15_000 }).toBe(1);
      expect(await again.getByLabel('Số hồ sơ — 2').inputValue()).toBe('35');
      await expect.poll(() => again.getByTestId('save-state').textContent(), { timeout: 15_000 }).toBe('Đã lưu bản nháp.');
      await again.getByRole('button', { name: 'Gửi báo cáo' }).click();
      await expect.poll(() => main(again).getByText('Đã gửi đúng hạn').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    } finally {
      await unit.context.close();
    }
  });

  it('the office returns it with a reason; the ward sees it, corrects and resubmits; the history keeps both', async () => {
    const { page } = j;
    await page.goto(requestUrl);
    await page.getByRole('link', { name: 'Ủy ban nhân dân phường Bồng Sơn' }).click();
    await page.waitForURL((url) => url.pathname === submissionUrl);
    expect(await page.getByTestId('total-bieu_1-cot_1').textContent()).toBe('155');
    await page.getByRole('button', { name: 'Trả lại báo cáo' }).click();
    await page.getByLabel('Lý do trả lại').fill('Bổ sung số hồ sơ trễ hạn và nguyên nhân.');
    await page.getByRole('button', { name: 'Trả lại', exact: true }).click();
    await expect.poll(() => page.getByTestId('return-reason').textContent(), { timeout: 15_000 }).toBe('Bổ sung số hồ sơ trễ hạn và nguyên nhân.');

    const unit = await signedIn('unit');
    try {
      const { page: u } = unit;
      await u.goto(submissionUrl);
      await expect.poll(() => u.getByTestId('return-reason').textContent(), { timeout: 15_000 }).toBe('Bổ sung số hồ sơ trễ hạn và nguyên nhân.');
      const answer = u.getByLabel('1. Tình hình giải quyết hồ sơ');
      await answer.fill(`${await answer.inputValue()} Trễ hạn 2 hồ sơ do chờ kết quả xác minh.`);
      await expect.poll(() => u.getByTestId('save-state').textContent(), { timeout: 15_000 }).toBe('Đã lưu bản nháp.');
      await u.getByRole('button', { name: 'Gửi báo cáo' }).click();
      await expect.poll(() => main(u).getByText('Đã gửi đúng hạn').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      const history = u.getByRole('table', { name: 'Lịch sử gửi, trả lại' });
      await expect.poll(() => history.getByRole('row').count(), { timeout: 15_000 }).toBe(3);
      await j.screenshot('report-resubmitted');
    } finally {
      await unit.context.close();
    }
  });
});

/** A download's bytes as a workbook (saved under tmp/e2e for a look). */
async function workbookOf(download: Download, name: string) {
  const file = path.resolve('tmp/e2e', name);
  await download.saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** A workbook as a file the page's file input takes. */
async function asUpload(wb: ExcelJS.Workbook, name: string) {
  return { name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await wb.xlsx.writeBuffer()) };
}

describe('compiling and filling tables from .xlsx through the browser (the demo’s 2021 requests)', () => {
  it('the office compiles the accepted Q2 reports: queued, run, and the .xlsx has a row per unit accepted and the totals', async () => {
    const office = await signedIn('secretariat');
    try {
      const { page } = office;
      await page.goto('/reports/requests');
      await page.getByRole('link', { name: 'Báo cáo CCHC quý II năm 2021' }).click();
      await page.waitForURL(/\/reports\/requests\/[0-9a-f-]{36}$/);
      const reports = page.getByRole('table', { name: 'Báo cáo của đơn vị' });
      const acceptedRows = reports.getByRole('row').filter({ hasText: 'Đã chấp nhận' });
      await expect.poll(() => acceptedRows.count(), { timeout: 15_000 }).toBeGreaterThan(1);
      const accepted = (await acceptedRows.evaluateAll((rows) => rows.map((r) => r.querySelector('td')?.textContent?.trim() ?? ''))).sort();
      expect(accepted).toContain('Ủy ban nhân dân phường Bồng Sơn');

      const panel = page.getByTestId('compilation');
      await panel.getByRole('button', { name: 'Tổng hợp báo cáo đã chấp nhận' }).click();
      // No worker has taken it yet: the page says it waits, and offers no file.
      await expect.poll(() => panel.getByRole('status').textContent(), { timeout: 15_000 }).toBe('Đang chờ tổng hợp…');
      expect(await panel.getByRole('link', { name: 'Tải bảng tổng hợp (.xlsx)' }).count()).toBe(0);
      expect((await j.runJobs(['reports.compile'])).map((r) => r.outcome)).toEqual(['completed']);
      await expect.poll(() => panel.getByRole('status').textContent(), { timeout: 15_000 }).toBe(`Đã tổng hợp ${accepted.length} báo cáo được tiếp nhận.`);
      const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('link', { name: 'Tải bảng tổng hợp (.xlsx)' }).click()]);
      const wb = await workbookOf(download, 'report-compilation.xlsx');

      // Biểu 1 (fixed rows): two header rows, a row per unit whose report was accepted, then the totals.
      const sheet = wb.worksheets[0];
      expect(sheet.name.startsWith('Biểu 1.')).toBe(true);
      expect(sheet.getCell('B1').value).toBe('Cơ quan, đơn vị');
      const units: string[] = [];
      for (let r = 3; r < 3 + accepted.length; r++) units.push(String(sheet.getCell(r, 2).value));
      expect(units.sort()).toEqual(accepted);
      const totalRow = sheet.getRow(3 + accepted.length);
      expect(totalRow.getCell(2).value).toBe('Tổng cộng');
      expect(sheet.rowCount).toBe(3 + accepted.length);
      // Each totalled column (Kế hoạch, Đã thực hiện of each row) is the sum of the units' figures; the notes are not totalled.
      let totalled = 0;
      for (let col = 3; col <= sheet.columnCount; col++) {
        const total = totalRow.getCell(col).value;
        if (String(sheet.getCell(2, col).value) === 'Ghi chú') {
          expect(total).toBeNull();
          continue;
        }
        let sum = 0;
        for (let r = 3; r < 3 + accepted.length; r++) sum += Number(sheet.getCell(r, col).value ?? 0);
        expect(total, `column ${col}`).toBe(sum);
        totalled++;
      }
      expect(totalled).toBe(10);
    } finally {
      await office.context.close();
    }
  });

  it('the ward fills its returned 6-month report’s tables from the .xlsx form: a bad file refused cell by cell, then the tables filled', async () => {
    const unit = await signedIn('unit');
    try {
      const { page } = unit;
      await page.goto('/tasks');
      await page.getByRole('link', { name: 'Báo cáo CCHC 6 tháng đầu năm 2021' }).first().click();
      await page.waitForURL(/\/reports\/submissions\/[0-9a-f-]{36}$/);
      const planned = page.getByLabel('Kế hoạch — Nhiệm vụ trong Kế hoạch CCHC năm');
      const before = await planned.inputValue();

      const xlsx = page.getByTestId('tables-form-xlsx');
      const [download] = await Promise.all([page.waitForEvent('download'), xlsx.getByRole('link', { name: 'Tải biểu nhập liệu (.xlsx)' }).click()]);
      const form = await workbookOf(download, 'report-form.xlsx');
      const sheet = form.worksheets[0];
      expect(sheet.getCell('A3').value).toBe('plan_tasks');
      expect(sheet.getCell('B3').value).toBe('Nhiệm vụ trong Kế hoạch CCHC năm');

      // A word where a count goes, and a negative count: both refused, each named by its cell; nothing changes.
      sheet.getCell('C3').value = 'nhiều';
      sheet.getCell('D4').value = -3;
      const choose = async (name: string) => {
        const [chooser] = await Promise.all([page.waitForEvent('filechooser'), xlsx.getByLabel('Biểu đã điền (.xlsx)').click()]);
        await chooser.setFiles(await asUpload(form, name));
      };
      await choose('bieu-sai.xlsx');
      await xlsx.getByRole('button', { name: 'Tải lên và điền bảng' }).click();
      const refused = xlsx.getByRole('alert');
      await expect.poll(() => refused.getByText('Tệp chưa được nhận (2 lỗi); báo cáo không thay đổi.').count(), { timeout: 15_000 }).toBe(1);
      const errors = refused.getByRole('table', { name: 'Lỗi trong tệp' });
      expect(await errors.getByRole('row').filter({ hasText: `${sheet.name}!C3` }).count()).toBe(1);
      expect(await errors.getByRole('row').filter({ hasText: `${sheet.name}!D4` }).count()).toBe(1);
      expect(await planned.inputValue()).toBe(before);
      await j.screenshot('report-xlsx-refused');

      // Corrected: the figures, and digits in the notes column (text: kept as typed).
      sheet.getCell('C3').value = 12;
      sheet.getCell('D3').value = 10;
      sheet.getCell('E3').value = 2021;
      sheet.getCell('D4').value = 3;
      await choose('bieu-da-dien.xlsx');
      await xlsx.getByRole('button', { name: 'Tải lên và điền bảng' }).click();
      await expect.poll(() => xlsx.getByRole('status').textContent(), { timeout: 15_000 }).toContain('Đã điền các bảng từ tệp.');
      expect(await planned.inputValue()).toBe('12');
      expect(await page.getByLabel('Đã thực hiện — Nhiệm vụ trong Kế hoạch CCHC năm').inputValue()).toBe('10');
      expect(await page.getByLabel('Ghi chú — Nhiệm vụ trong Kế hoạch CCHC năm').inputValue()).toBe('2021');
      expect(await page.getByLabel('Đã thực hiện — Cơ quan, đơn vị được kiểm tra CCHC').inputValue()).toBe('3');
      await j.screenshot('report-xlsx-filled');

      // Saved on the server: the page opened again shows the same tables.
      await page.reload();
      await expect.poll(() => page.getByLabel('Kế hoạch — Nhiệm vụ trong Kế hoạch CCHC năm').inputValue(), { timeout: 15_000 }).toBe('12');
      expect(await page.getByLabel('Ghi chú — Nhiệm vụ trong Kế hoạch CCHC năm').inputValue()).toBe('2021');
    } finally {
      await unit.context.close();
    }
  });
});
