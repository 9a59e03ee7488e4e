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
    // Every factor has its source now (corrective actions, tasks, reports): none is listed as not counted.
    expect(await page.getByText(/Chưa tính \(chưa có dữ liệu trong hệ thống\)/).count()).toBe(0);
    await j.screenshot('risk-ranking');
    expect(await axeViolations(j.page)).toEqual([]);

    const rows = page.locator('tbody tr');
    const names = [(await rows.nth(0).locator('td').nth(2).textContent())!, (await rows.nth(1).locator('td').nth(2).textContent())!];
    for (const name of names) await page.getByRole('checkbox', { name: `Chọn ${name}` }).check();
    await page.getByRole('button', { name: 'Lập kế hoạch kiểm tra với 2 đơn vị đã chọn' }).click();
    await page.waitForURL(/\/plans\?newPlan=1&year=2022&targets=/);
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByRole('textbox', { name: 'Năm' }).inputValue()).toBe('2022');
    // The dialog lists the two chosen targets before the office confirms.
    const chosen = dialog.getByRole('list', { name: 'Đối tượng kiểm tra đã chọn từ xếp hạng rủi ro (2):' });
    await expect.poll(() => chosen.getByRole('listitem').count(), { timeout: 15_000 }).toBe(2);
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

  it('the leader reads the 2021 dashboard — charts with named axes, sections linked to their records — and goes on to the results report with the same figures', async () => {
    const { page } = j;
    await j.context.clearCookies();
    await j.signIn('leader');
    await page.getByRole('link', { name: 'Bảng điều khiển' }).first().click();
    await page.waitForURL('**/dashboard');
    const scope = page.getByText(/^Hoài Nhơn, năm 2021: \d+ cuộc kiểm tra( \(không kể \d+ cuộc đã hủy\))?, \d+ cơ quan, đơn vị được kiểm tra\.$/);
    await expect.poll(() => scope.count(), { timeout: 15_000 }).toBe(1);
    const scopeText = (await scope.textContent())!;
    const parSummary = (await page.getByText(/^Bình quân [\d,]+%; 17 đơn vị có điểm; \d+ tiêu chí chưa đạt\.$/).first().textContent())!;

    // A chart names its axes (the table's columns): the categories and the counts.
    const chart = page.getByRole('img', { name: /^Cuộc kiểm tra theo trạng thái\./ });
    await expect.poll(() => chart.locator('svg text', { hasText: 'Trạng thái' }).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await chart.locator('svg text', { hasText: 'Số lượng' }).count()).toBeGreaterThan(0);
    // The sections from the season's records: each number leads to its records.
    await page.getByRole('radiogroup', { name: 'Khó khăn, vướng mắc kiến nghị lên Ủy ban: xem dạng biểu đồ hoặc bảng' }).getByText('Bảng').click();
    const difficulties = page.getByRole('table', { name: 'Khó khăn, vướng mắc kiến nghị lên Ủy ban' });
    // With the dashboard's year and unit subtree, and the state it counts (the list reads them from the URL).
    expect(await difficulties.getByRole('link').first().getAttribute('href')).toMatch(/^\/difficulties\?year=2021&unitId=[0-9a-f-]{36}&state=answered$/);
    for (const name of ['Báo cáo định kỳ, theo yêu cầu', 'Kết quả kiểm tra (phát hiện)', 'Yêu cầu khắc phục']) expect(await page.getByRole('heading', { name }).count()).toBe(1);
    await j.screenshot('dashboard-2021');

    // The dashboard's own way there (the menu has a link of the same name, without the year).
    await page.locator('a[href="/results-reports?year=2021"]', { hasText: 'Báo cáo kết quả kiểm tra' }).click();
    await page.waitForURL(/\/results-reports\?year=2021$/);
    await page.getByRole('link', { name: 'Báo cáo kết quả kiểm tra CCHC năm 2021' }).click();
    await page.waitForURL(/\/results-reports\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByRole('heading', { name: /^Báo cáo kết quả kiểm tra CCHC năm 2021 — / }).count(), { timeout: 15_000 }).toBe(1);
    // The same figures as the dashboard's.
    expect(await page.getByText(scopeText, { exact: true }).count()).toBe(1);
    const average = parSummary.match(/^Bình quân ([\d,]+%)/)![1];
    expect(await page.getByRole('table', { name: 'Số liệu của báo cáo (như trên bảng điều khiển)' }).getByRole('row').nth(1).textContent()).toContain(average);
    expect(await page.getByRole('table', { name: 'Khó khăn, vướng mắc kiến nghị lên Ủy ban' }).count()).toBe(1);
    // The draft reads the difficulties raised to the committee, and downloads as .docx.
    expect(await page.getByRole('textbox', { name: /IV\. Đề xuất, kiến nghị/ }).inputValue()).toContain('còn chưa được trả lời');
    const docx = await page.request.get(await page.getByRole('link', { name: 'Tải báo cáo (.docx)' }).getAttribute('href') as string);
    expect(docx.status()).toBe(200);
    await j.screenshot('results-report-2021');
  });
});
