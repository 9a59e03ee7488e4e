import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, startJourney, type Journey } from './harness.js';

let j: Journey;
beforeAll(async () => {
  j = await startJourney();
});
afterAll(() => j?.close());

describe('notifications and e-mail journey', () => {
  it('the admin sees that e-mail is off, on the jobs page and the e-mail page', async () => {
    await j.signIn('admin');
    await j.page.getByRole('link', { name: 'Công việc nền' }).click();
    await expect.poll(() => j.page.getByText('Chưa bật gửi thư điện tử').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => j.page.getByText('Gửi thư điện tử thông báo').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await axeViolations(j.page)).toEqual([]);
    await j.page.getByRole('link', { name: 'Xem hộp thư đi' }).click();
    await expect.poll(() => j.page.getByRole('heading', { name: 'Thư điện tử thông báo' }).count(), { timeout: 10_000 }).toBe(1);
    expect(await axeViolations(j.page)).toEqual([]);
  });

  it('a user turns off e-mail for one kind on their account page, and reads their notifications', async () => {
    await j.context.clearCookies();
    await j.signIn('leader');
    await j.page.getByRole('link', { name: 'Tài khoản' }).click();
    const box = j.page.getByRole('checkbox', { name: 'Kế hoạch được trình phê duyệt' });
    await expect.poll(() => box.isChecked(), { timeout: 10_000 }).toBe(true);
    expect(await axeViolations(j.page)).toEqual([]);
    await box.click();
    await expect.poll(() => box.isChecked(), { timeout: 10_000 }).toBe(false);
    await j.page.reload();
    await expect.poll(() => j.page.getByRole('checkbox', { name: 'Kế hoạch được trình phê duyệt' }).isChecked(), { timeout: 10_000 }).toBe(false);

    await j.page.getByRole('link', { name: 'Thông báo', exact: true }).click();
    await expect.poll(() => j.page.getByRole('heading', { name: 'Thông báo' }).count(), { timeout: 10_000 }).toBe(1);
    expect(await axeViolations(j.page)).toEqual([]);
  });
});
