import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, startJourney, type Journey } from './harness.js';

let j: Journey;
beforeAll(async () => {
  j = await startJourney();
});
afterAll(() => j?.close());

describe('registry journey', () => {
  it('the standing office signs in and finds a ward by typing its name without diacritics', async () => {
    await j.signIn('secretariat');
    await j.page.getByRole('link', { name: 'Đơn vị hành chính' }).first().click();
    await j.page.getByLabel('Tìm kiếm').fill('hoai thanh tay');
    await expect.poll(() => j.page.getByText('Hoài Thanh Tây').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    // The other wards are filtered out.
    await expect.poll(() => j.page.getByText('Tam Quan Bắc').count(), { timeout: 10_000 }).toBe(0);
    await j.screenshot('registry-search');
    expect(await axeViolations(j.page)).toEqual([]);
  });

  it('the standing office edits a unit; the change is saved with its version and shown', async () => {
    await j.page.getByRole('link', { name: 'Hoài Thanh Tây' }).first().click();
    await j.page.getByRole('button', { name: 'Sửa', exact: true }).click();
    const name = j.page.getByRole('dialog').getByRole('textbox', { name: /^Tên/ }).first();
    await name.fill('Hoài Thanh Tây (đã sửa)');
    await j.page.getByRole('dialog').getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect.poll(() => j.page.getByRole('heading', { name: 'Hoài Thanh Tây (đã sửa)' }).count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => j.page.getByText('Đã lưu.').count()).toBeGreaterThan(0);
  });

  it("a ward's unit officer does not see another ward", async () => {
    await j.context.clearCookies();
    await j.signIn('unit');
    await j.page.goto('/units');
    const results = j.page.locator('main');
    await j.page.getByLabel('Tìm kiếm').fill('bong son');
    await expect.poll(() => results.getByText('Bồng Sơn', { exact: true }).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await j.page.getByLabel('Tìm kiếm').fill('tam quan');
    await expect.poll(() => results.getByText('0 kết quả').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => results.getByText('Tam Quan', { exact: true }).count()).toBe(0);
  });
});
