import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, DEMO_PASSWORD, startJourney, type Journey } from './harness.js';

let j: Journey;
beforeAll(async () => {
  j = await startJourney();
});
afterAll(() => j?.close());

/** The plan drafted in the first step, used by the next ones. */
let planUrl = '';
const addedPurpose = 'Kiểm tra việc khắc phục các tồn tại được nêu trong kết luận kiểm tra năm 2021.';

/** Signs a user in on a second browser context, so two people can look at once. */
async function otherUser(username: string) {
  const context = await j.browser.newContext({ baseURL: j.baseUrl, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return { context, page };
}

/** Text of word/document.xml without its tags: runs may split a line anywhere. */
async function documentText(file: string) {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml.replace(/<w:tab\/>/g, '\t').replace(/<[^>]+>/g, '');
}

describe('inspection plan journey', () => {
  it("the standing office drafts 2022's plan from the issued 2021 plan, edits a section and submits it", async () => {
    const { page } = j;
    await j.signIn('secretariat');
    await page.getByRole('link', { name: 'Kế hoạch kiểm tra' }).first().click();
    await page.waitForURL('**/plans');
    const table = page.getByRole('table', { name: 'Danh sách kế hoạch kiểm tra' });
    await expect.poll(() => table.getByText('15/KH-UBND').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => table.getByText('Đã ban hành').count()).toBeGreaterThan(0);
    await j.screenshot('plans-list');
    expect(await axeViolations(j.page)).toEqual([]);

    await page.getByRole('button', { name: 'Tạo từ kế hoạch năm trước' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByLabel('Năm của kế hoạch mới').inputValue()).toBe('2022');
    await expect.poll(() => dialog.getByLabel('Kế hoạch gốc').inputValue()).toContain('15/KH-UBND');
    await j.screenshot('plans-from-previous');
    await dialog.getByRole('button', { name: 'Tạo bản dự thảo' }).click();
    await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
    planUrl = new URL(page.url()).pathname;

    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 10_000 }).toBe('Kiểm tra công tác cải cách hành chính năm 2022');
    await expect.poll(() => page.locator('main').getByText('Dự thảo', { exact: true }).count()).toBeGreaterThan(0);

    // The section opens with the 2021 text, one line per block, and takes one more bullet.
    const purposes = page.getByLabel('1. Mục đích', { exact: true });
    expect(await purposes.inputValue()).toMatch(/^- Rà soát, đánh giá việc triển khai/);
    await purposes.fill(`${await purposes.inputValue()}\n- ${addedPurpose}`);
    await expect.poll(() => page.getByText('Có thay đổi chưa lưu.').count()).toBe(1);
    // Submitting is held back until the change is saved.
    expect(await page.getByRole('button', { name: 'Trình ký' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Lưu dự thảo' }).click();
    await expect.poll(() => page.getByText('Không có thay đổi chưa lưu.').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByLabel('1. Mục đích', { exact: true }).inputValue()).toContain(`- ${addedPurpose}`);
    await j.screenshot('plan-draft-editor');
    expect(await axeViolations(j.page)).toEqual([]);

    await page.getByRole('button', { name: 'Trình ký' }).click();
    await expect.poll(() => page.locator('main').getByText('Đã trình', { exact: true }).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    // Submitted: read-only for the standing office, the added bullet shown as printed.
    await expect.poll(() => page.getByText(`- ${addedPurpose}`).count()).toBe(1);
  });

  it('the unit officer of a ward does not see the plan before it is issued', async () => {
    const unit = await otherUser('unit');
    try {
      await unit.page.goto('/plans');
      const main = unit.page.locator('main');
      await expect.poll(() => main.getByText(/\d+ kết quả/).count(), { timeout: 10_000 }).toBe(1);
      expect(await main.getByText('năm 2022').count()).toBe(0);
      expect(await main.getByRole('button', { name: 'Tạo kế hoạch mới' }).count()).toBe(0);
      await unit.page.goto(planUrl);
      await expect.poll(() => main.getByText('Không tìm thấy dữ liệu yêu cầu.').count(), { timeout: 10_000 }).toBe(1);
    } finally {
      await unit.context.close();
    }
  });

  it('the leader issues the plan; it gets its number and downloads as a Decree 30 .docx', async () => {
    const { page } = j;
    await j.context.clearCookies();
    await j.signIn('leader');
    // The leader learns of the submitted plan from the bell and opens it from there.
    await page.getByRole('button', { name: /^Thông báo: \d+ chưa đọc$/ }).click();
    const fromBell = page.getByRole('link', { name: 'Kế hoạch kiểm tra năm 2022 chờ phê duyệt' }).first();
    await fromBell.waitFor();
    await fromBell.click();
    await page.waitForURL((url) => url.pathname === planUrl);
    await page.getByRole('button', { name: 'Ban hành' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ban hành kế hoạch' });
    await expect.poll(() => dialog.getByTestId('signer-name').textContent()).toBe('Phạm Trương');
    await j.screenshot('plan-issue-modal');
    await dialog.getByRole('button', { name: 'Ban hành' }).click();

    const badge = page.getByTestId('plan-number');
    await expect.poll(() => badge.textContent(), { timeout: 10_000 }).toMatch(/^Số: \d+\/KH-UBND$/);
    const number = (await badge.textContent())!.replace('Số: ', '');
    await expect.poll(() => page.locator('main').getByText('Đã ban hành', { exact: true }).count()).toBeGreaterThan(0);
    // The issue date is today in Vietnam, dd/mm/yyyy.
    const today = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date());
    expect(await page.locator('main dl').getByText(today).count()).toBe(1);
    await j.screenshot('plan-issued');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải .docx' }).click()]);
    const file = path.resolve('tmp/e2e', 'plan-issued.docx');
    await download.saveAs(file);
    expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    const text = await documentText(file);
    expect(text).toContain('KẾ HOẠCH');
    expect(text).toContain(number);
    expect(text).toContain('Kiểm tra công tác cải cách hành chính năm 2022');
    expect(text).toContain(addedPurpose);
    expect(text).not.toContain('DỰ THẢO');

    // Issued, the plan reaches the wards it inspects: phường Bồng Sơn is among its targets.
    const unit = await otherUser('unit');
    try {
      await unit.page.goto(planUrl);
      await expect.poll(() => unit.page.getByTestId('plan-number').textContent(), { timeout: 10_000 }).toBe(`Số: ${number}`);
    } finally {
      await unit.context.close();
    }
  });

  it('the standing office prepares the team, is warned about a member from an inspected agency, and the leader founds it', async () => {
    const { page } = j;
    await j.context.clearCookies();
    await j.signIn('secretariat');
    await page.goto(planUrl);
    await page.getByRole('button', { name: 'Lập đoàn kiểm tra' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Lập đoàn kiểm tra' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Đoàn kiểm tra công tác cải cách hành chính năm 2022' }).count(), { timeout: 10_000 }).toBe(1);

    await page.getByRole('button', { name: 'Thêm thành viên' }).click();
    const member = page.getByRole('group', { name: 'Thành viên 1' });
    await member.getByLabel('Họ và tên').fill('Nguyễn Thị Thu Hà');
    await member.getByLabel('Chức vụ').fill('Trưởng phòng Nội vụ');
    // The agency picker searches the registry without diacritics.
    await member.getByLabel('Cơ quan công tác').fill('phong noi vu');
    await page.getByRole('option', { name: 'Phòng Nội vụ', exact: true }).click();
    await page.getByRole('button', { name: 'Lưu danh sách thành viên' }).click();
    await expect.poll(() => page.getByText(/kiểm tra chính cơ quan mình/).count(), { timeout: 10_000 }).toBe(1);
    await j.screenshot('team-members-warning');

    await j.context.clearCookies();
    await j.signIn('leader');
    await page.goto(planUrl);
    await page.getByRole('button', { name: 'Thành lập đoàn' }).click();
    await page.getByRole('dialog', { name: 'Ký quyết định thành lập đoàn' }).getByRole('button', { name: 'Thành lập đoàn' }).click();
    const decision = page.getByTestId('team-decision-number');
    await expect.poll(() => decision.textContent(), { timeout: 10_000 }).toMatch(/^Quyết định số \d+\/QĐ-UBND ngày \d\d\/\d\d\/\d{4}$/);
    const number = /số (\S+)/.exec((await decision.textContent())!)![1];
    await j.screenshot('team-founded');
    expect(await axeViolations(j.page)).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải quyết định .docx' }).click()]);
    const file = path.resolve('tmp/e2e', 'team-decision.docx');
    await download.saveAs(file);
    const text = await documentText(file);
    expect(text).toContain('QUYẾT ĐỊNH');
    expect(text).toContain(number);
    expect(text).toContain('Nguyễn Thị Thu Hà');
  });
});
