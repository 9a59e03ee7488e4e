import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import { startJourney, type Journey } from './harness.js';

let j: Journey;
beforeAll(async () => {
  j = await startJourney();
});
afterAll(() => j?.close());

/**
 * The page's accessibility violations once it has settled. A transient `aria-prohibited-attr` on
 * :root has been reported now and then right after a navigation (seen twice in many runs, gone on
 * the next analysis of the same page): the page is analysed again, up to three times, while it
 * reports violations; a lasting violation still fails the test.
 */
async function axeViolations() {
  let found: string[] = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    const axe = await new AxeBuilder({ page: j.page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    found = axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    if (!found.length) break;
    await j.page.waitForLoadState('networkidle');
  }
  return found;
}

describe('notifications and e-mail journey', () => {
  it('the admin sees that e-mail is off, on the jobs page and the e-mail page', async () => {
    await j.signIn('admin');
    await j.page.getByRole('link', { name: 'Công việc nền' }).click();
    await expect.poll(() => j.page.getByText('Chưa bật gửi thư điện tử').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => j.page.getByText('Gửi thư điện tử thông báo').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await axeViolations()).toEqual([]);
    await j.page.getByRole('link', { name: 'Xem hộp thư đi' }).click();
    await expect.poll(() => j.page.getByRole('heading', { name: 'Thư điện tử thông báo' }).count(), { timeout: 10_000 }).toBe(1);
    expect(await axeViolations()).toEqual([]);
  });

  it('a user turns off e-mail for one kind on their account page, and reads their notifications', async () => {
    await j.context.clearCookies();
    await j.signIn('leader');
    await j.page.getByRole('link', { name: 'Tài khoản' }).click();
    const box = j.page.getByRole('checkbox', { name: 'Kế hoạch được trình phê duyệt' });
    await expect.poll(() => box.isChecked(), { timeout: 10_000 }).toBe(true);
    expect(await axeViolations()).toEqual([]);
    await box.click();
    await expect.poll(() => box.isChecked(), { timeout: 10_000 }).toBe(false);
    await j.page.reload();
    await expect.poll(() => j.page.getByRole('checkbox', { name: 'Kế hoạch được trình phê duyệt' }).isChecked(), { timeout: 10_000 }).toBe(false);

    await j.page.getByRole('link', { name: 'Thông báo', exact: true }).click();
    await expect.poll(() => j.page.getByRole('heading', { name: 'Thông báo' }).count(), { timeout: 10_000 }).toBe(1);
    expect(await axeViolations()).toEqual([]);
  });
});
