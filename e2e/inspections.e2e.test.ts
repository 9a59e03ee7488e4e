import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../server/test/harness.js';
import { DEMO_PASSWORD, startJourney, type Journey } from './harness.js';

/**
 * Issue 8 §4 on a phone (and every list read on it, tables scrolling in their own box): the demo season's unannounced visit to Bồng Sơn's one-stop desk is not
 * on the ward officer's screen; the team's inspector starts it on arrival; then the ward sees it.
 */
let j: Journey;
beforeAll(async () => {
  j = await startJourney({ viewport: { width: 390, height: 844 } });
});
afterAll(() => j?.close());

async function otherUser(username: string) {
  const context = await j.browser.newContext({ baseURL: j.baseUrl, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return { context, page };
}

describe('an unannounced visit, on a phone', () => {
  it('is started by the inspector on arrival, and only then appears for the inspected ward', async () => {
    const unit = await otherUser('unit');
    await unit.page.goto('/inspections');
    await expect.poll(() => unit.page.getByText('Kiểm tra có báo trước').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await unit.page.getByRole('cell', { name: 'Kiểm tra đột xuất' }).count()).toBe(0);

    const { page } = j;
    await j.signIn('inspector');
    await page.goto('/inspections');
    const row = page.getByRole('row').filter({ hasText: 'Kiểm tra đột xuất' }).filter({ hasText: 'Đã lên lịch' });
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
    await row.getByRole('link').click();
    await page.waitForURL(/\/inspections\/[0-9a-f-]{36}$/);
    await page.getByRole('button', { name: 'Bắt đầu kiểm tra' }).click();
    // The unit is told at once: the inspector confirms the arrival first.
    await page.getByRole('button', { name: 'Đã đến nơi, bắt đầu' }).click();
    await expect.poll(() => page.getByText('Đang kiểm tra').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await j.screenshot('inspection-started-phone');

    await unit.page.reload();
    await expect.poll(() => unit.page.getByRole('row').filter({ hasText: 'Kiểm tra đột xuất' }).count(), { timeout: 15_000 }).toBe(1);
    await unit.context.close();
  });
});

/** How much wider than the screen the page is, once the page's table has come (0: nothing scrolls the page sideways). */
async function pageOverflow(page: import('playwright-core').Page, path: string) {
  await page.goto(path);
  await expect.poll(() => page.locator('main table').count(), { timeout: 15_000 }).toBeGreaterThan(0);
  await page.waitForLoadState('networkidle');
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

describe('the lists, on a phone (390×844)', () => {
  it('never scroll the whole page sideways: a wide table scrolls inside its own box', async () => {
    const inspector = await otherUser('inspector');
    const api = await signIn(j.app, 'inspector', DEMO_PASSWORD);
    const notice = (await api.get('/api/inspection-notices')).json().items.find((n: { status: string }) => n.status === 'issued') as { id: string };
    const widths: Record<string, number> = {};
    for (const path of ['/inspections', '/inspections?reportDueBy=2021-06-03&live=true', `/notices/${notice.id}`, '/findings', '/corrective-actions', '/difficulties', '/assigned-tasks', '/self-inspections', '/indices', '/feedback']) {
      widths[path] = await pageOverflow(inspector.page, path);
    }
    expect(widths).toEqual(Object.fromEntries(Object.keys(widths).map((p) => [p, 0])));
    // The inspections' table is still wider than the phone: it scrolls in its own box, nothing is cut.
    await pageOverflow(inspector.page, '/inspections');
    const box = await inspector.page.locator('main table').first().evaluate((table) => {
      let scroller = table.parentElement;
      while (scroller && !['auto', 'scroll'].includes(getComputedStyle(scroller).overflowX)) scroller = scroller.parentElement;
      if (scroller === document.documentElement || scroller === document.body) scroller = null;
      return scroller ? { scroll: scroller.scrollWidth, client: scroller.clientWidth } : null;
    });
    expect(box).not.toBeNull();
    expect(box!.scroll).toBeGreaterThan(box!.client);
    await inspector.context.close();
  });
});
