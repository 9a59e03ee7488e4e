import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startJourney, type Journey } from './harness.js';

/**
 * The season's list and board at a desktop's 1440×900 with the lived-in 2021 demo: every badge
 * (statuses on the list, kinds on the board) shows its whole Vietnamese label, never cut with an
 * ellipsis by a narrow table column.
 */
let j: Journey;
beforeAll(async () => {
  j = await startJourney({ viewport: { width: 1440, height: 900 } });
});
afterAll(() => j?.close());

/** Badges whose label is wider than the box that shows it (the ellipsis), by text. */
const clipped = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.mantine-Badge-root')]
      .filter((badge) => {
        const label = badge.querySelector<HTMLElement>('.mantine-Badge-label') ?? badge;
        return label.scrollWidth > label.clientWidth + 1 || badge.scrollWidth > badge.clientWidth + 1;
      })
      .map((badge) => badge.textContent),
  );

describe('badges on the season page at 1440 px', () => {
  it('show their whole label on the list and on the board', async () => {
    const { page } = j;
    await j.signIn('secretariat');
    await page.goto('/inspections');
    await expect.poll(() => page.locator('.mantine-Badge-root').filter({ hasText: 'Đã kết thúc' }).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await j.screenshot('inspections-list-1440');
    expect(await clipped(page)).toEqual([]);

    // The board shows four weeks from this week unless a start is chosen: the demo season's are in 2021
    // (announced visits on 14/10 and 27/10/2021 among them).
    await page.goto('/inspections?from=2021-10-04');
    await page.getByText('Theo tuần').click();
    await expect.poll(() => page.locator('table .mantine-Badge-root').filter({ hasText: 'Kiểm tra có báo trước' }).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await j.screenshot('inspections-board-1440');
    expect(await clipped(page)).toEqual([]);
  });
});
