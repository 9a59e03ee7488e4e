import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, startJourney, type Journey } from './harness.js';

/**
 * Issue 8 §2–3 through the browser: the standing office schedules an announced visit of phường
 * Bồng Sơn in the 2021 plan (with its one-stop desk as a second place), drafts the schedule
 * notice, edits who attends on the notice page, and issues it dated in 2021; the ward's officer
 * then finds it on "Việc của tôi" with the report deadline, and reads it, frozen.
 */
let j: Journey;
beforeAll(async () => {
  j = await startJourney();
});
afterAll(() => j?.close());

describe('the season through the browser', () => {
  it('the office schedules a visit and issues its notice; the unit officer sees it with its deadline', async () => {
    const { page } = j;
    await j.signIn('secretariat');
    await page.goto('/inspections');
    await page.getByRole('combobox', { name: 'Kế hoạch' }).click();
    await page.getByRole('option', { name: /^2021 · / }).first().click();

    await page.getByRole('button', { name: 'Lên lịch kiểm tra' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: /Cơ quan, đơn vị được kiểm tra/ }).click();
    await page.getByRole('option', { name: /^Ủy ban nhân dân phường Bồng Sơn/ }).first().click();
    await dialog.getByRole('combobox', { name: /Đoàn kiểm tra/ }).click();
    await page.getByRole('option').first().click();
    // The plan is of 2021: the picker opens within its period (05/2021–12/2021).
    await expect.poll(() => dialog.getByText('Trong thời gian của Kế hoạch: 01/05/2021 – 31/12/2021.').count(), { timeout: 15_000 }).toBe(1);
    await dialog.getByRole('button', { name: /Ngày kiểm tra/ }).click();
    await page.getByRole('button', { name: '16 tháng 12 2021', exact: true }).click();
    // The head office is ticked; the ward's one-stop desk is offered from the registry.
    await dialog.getByRole('checkbox', { name: 'Bộ phận Tiếp nhận và Trả kết quả phường Bồng Sơn' }).check();
    await dialog.getByRole('button', { name: 'Lên lịch kiểm tra' }).click();
    await expect.poll(() => page.getByRole('dialog').count(), { timeout: 15_000 }).toBe(0);

    // The notice: drafted for the one announced visit without one, then edited on its page.
    await page.getByRole('button', { name: 'Soạn thông báo (1 cuộc chưa thông báo)' }).click();
    await page.getByRole('link', { name: 'Sửa' }).click();
    await page.waitForURL(/\/notices\/[0-9a-f-]{36}$/);
    await page.getByRole('textbox', { name: 'Thành phần làm việc' }).fill('Chủ tịch UBND phường và công chức Bộ phận Một cửa');
    await page.getByRole('button', { name: 'Lưu dự thảo' }).click();
    await expect.poll(() => page.getByText('Đã lưu dự thảo thông báo.').count(), { timeout: 15_000 }).toBeGreaterThan(0);

    await page.goto('/inspections');
    await page.getByRole('combobox', { name: 'Kế hoạch' }).click();
    await page.getByRole('option', { name: /^2021 · / }).first().click();
    await page.getByRole('button', { name: 'Ban hành thông báo' }).click();
    const issue = page.getByRole('dialog');
    // Recording an earlier season: the day is picked, at the latest the visit's.
    await issue.getByRole('button', { name: /Ngày ban hành/ }).click();
    await page.getByRole('button', { name: '6 tháng 12 2021', exact: true }).click();
    await issue.getByRole('button', { name: 'Ban hành thông báo' }).click();
    // Issued by the People's Committee (the default issuer), numbered in its register.
    const issued = page.getByText(/^\d+\/TB-UBND$/);
    await expect.poll(() => issued.count(), { timeout: 15_000 }).toBe(1);
    const number = (await issued.textContent())!;
    await j.screenshot('season-notice-issued');

    // The ward's officer: the notice on "Việc của tôi", the visit's day and the report deadline.
    const context = await j.browser.newContext({ baseURL: j.baseUrl, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    const unit = await context.newPage();
    await unit.goto('/login');
    await unit.getByLabel('Tên đăng nhập').fill('unit');
    await unit.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await unit.getByRole('button', { name: 'Đăng nhập' }).click();
    await unit.waitForURL(/\/tasks$/);
    await expect.poll(() => unit.getByText('kiểm tra ngày 16/12/2021, hạn gửi báo cáo 13/12/2021').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await unit.getByRole('link', { name: number }).click();
    await unit.waitForURL(/\/notices\/[0-9a-f-]{36}$/);
    await expect.poll(() => unit.getByText('Chủ tịch UBND phường và công chức Bộ phận Một cửa').count(), { timeout: 15_000 }).toBe(1);
    expect(await unit.getByText('Thông báo đã ban hành: nội dung được giữ nguyên, không sửa được.').count()).toBe(1);
    expect(await unit.getByRole('button', { name: 'Lưu dự thảo' }).count()).toBe(0);
    await context.close();
  });
});
