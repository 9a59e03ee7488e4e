import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, startJourney, type Journey } from './harness.js';

let j: Journey;
beforeAll(async () => {
  j = await startJourney();
});
afterAll(() => j?.close());

describe('risk-based targeting journey (issue 11 §3)', () => {
  it('the standing office reads the 2021 ranking with its explanations and drafts a plan inspecting the two riskiest units', async () => {
    const { page } = j;
    await j.signIn('secretariat');
    await page.getByRole('link', { name: 'Xếp hạng rủi ro' }).first().click();
    await page.waitForURL('**/risk-ranking');
    const first = page.getByRole('cell', { name: /^Hạng 1 \(điểm rủi ro [\d,]+\): / });
    await expect.poll(() => first.count(), { timeout: 15_000 }).toBe(1);
    expect(await first.textContent()).toMatch(/tiêu chí chưa đạt \(mất [\d,]+ điểm\); .*chỉ số CCHC [\d,]+%/);
    expect(await page.getByText(/Chưa tính \(chưa có dữ liệu trong hệ thống\)/).count()).toBe(1);
    await j.screenshot('risk-ranking');
    expect(await axeViolations(j.page)).toEqual([]);

    const rows = page.locator('tbody tr');
    const names = [(await rows.nth(0).locator('td').nth(2).textContent())!, (await rows.nth(1).locator('td').nth(2).textContent())!];
    for (const name of names) await page.getByRole('checkbox', { name: `Chọn ${name}` }).check();
    await page.getByRole('button', { name: 'Lập kế hoạch kiểm tra với 2 đơn vị đã chọn' }).click();
    await page.waitForURL(/\/plans\?newPlan=1&year=2022&targets=/);
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByRole('textbox', { name: 'Năm' }).inputValue()).toBe('2022');
    await dialog.getByRole('button', { name: 'Tạo kế hoạch mới' }).click();
    await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
    const planId = new URL(page.url()).pathname.split('/').pop()!;
    const plan = (await (await page.request.get(`/api/plans/${planId}`)).json()) as { year: number; targets: { name: string; unitName: string }[] };
    expect(plan.year).toBe(2022);
    expect(plan.targets.map((t) => t.unitName).sort()).toEqual([...names].sort());
    expect(plan.targets.every((t) => t.name.startsWith('Ủy ban nhân dân'))).toBe(true);
    await j.screenshot('plan-from-ranking');
  });

  it('the unit’s page shows its index history with rank among its peers, and the score sheet flags unmet criteria', async () => {
    const { page } = j;
    const found = (await (await page.request.get(`/api/units?q=${encodeURIComponent('tam quan bac')}`)).json()) as { items: { id: string; name: string }[] };
    await page.goto(`/units/${found.items.find((u) => u.name === 'Tam Quan Bắc')!.id}`);
    const history = page.getByRole('table', { name: 'Kết quả chỉ số qua các năm' });
    await expect.poll(() => history.getByRole('row').count(), { timeout: 15_000 }).toBe(7);
    expect(await history.getByRole('row').nth(1).textContent()).toMatch(/^2021Chỉ số CCHC Số liệu demo[\d,]+ \(Bình quân: [\d,]+%\)\d+\/17/);
    await history.getByRole('link', { name: 'Chỉ số CCHC' }).first().click();
    await page.waitForURL(/\/indices\/.+\/sheets\/.+\/2021$/);
    await expect.poll(() => page.getByRole('heading', { name: 'Điểm Tam Quan Bắc năm 2021' }).count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByText('Chưa đạt', { exact: true }).count()).toBeGreaterThan(0);
    await j.screenshot('score-sheet');
    expect(await axeViolations(j.page)).toEqual([]);
  });
});
