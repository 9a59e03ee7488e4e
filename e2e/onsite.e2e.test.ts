import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InspectionChecklists } from '../shared/api/checklists.schemas.js';
import { samplePng } from '../server/files/sample-files.js';
import { DEMO_PASSWORD, startJourney, type Journey } from './harness.js';

/**
 * Issue 10 §2 on a phone: an inspector at a one-stop desk loses the network, answers items and
 * takes a photo; what was typed waits on the device and reaches the server when the network
 * returns (checked through the API, not the screen).
 */
let j: Journey;
beforeAll(async () => {
  j = await startJourney({ viewport: { width: 390, height: 844 } });
});
afterAll(() => j?.close());

describe('a one-stop checklist filled offline on a phone', () => {
  it('keeps answers and a photo on the device without a network and syncs them when it returns', async () => {
    const { page, context } = j;
    await j.signIn('inspector');
    const list = await page.request.get('/api/inspections?status=under_way&kind=unannounced&pageSize=50');
    expect(list.ok()).toBe(true);
    const visits = (await list.json()) as { items: { id: string }[] };
    expect(visits.items.length).toBeGreaterThan(0);
    const inspectionId = visits.items[0].id;

    await page.goto(`/inspections/${inspectionId}`);
    await page.getByRole('link', { name: /Bảng kiểm Bộ phận Một cửa/ }).click();
    await page.waitForURL(/\/checklists\/[0-9a-f-]{36}$/);
    const desk = page.getByRole('article', { name: /TCD\.2\./ });
    const schedule = page.getByRole('article', { name: /TCD\.1\./ });
    const feedback = page.getByRole('article', { name: /PA\.2\./ });
    await expect.poll(() => desk.count(), { timeout: 15_000 }).toBe(1);

    await context.setOffline(true);
    await schedule.getByRole('radio', { name: 'Đạt', exact: true }).check();
    await desk.getByRole('radio', { name: 'Không đạt', exact: true }).check();
    await desk.getByLabel('Ghi chú').fill('Sổ tiếp công dân tháng 6 bỏ trống 3 ngày');
    await desk.getByLabel('Ghi chú').blur();
    await feedback.getByLabel('Nội dung ghi nhận').fill('Nhận 4 phản ánh, đã trả lời 3');
    await feedback.getByLabel('Nội dung ghi nhận').blur();
    await desk.getByLabel('Chụp ảnh').setInputFiles({ name: 'so-tiep-cong-dan.png', mimeType: 'image/png', buffer: samplePng(40, 30) });
    // Three answers and a photo (an answer already tried is followed, not replaced, by the next edit).
    await expect.poll(async () => Number((await page.getByText(/thay đổi chờ gửi/).textContent())?.match(/\d+/)?.[0]), { timeout: 15_000 }).toBeGreaterThanOrEqual(4);
    await expect.poll(() => page.getByText('Không có mạng', { exact: false }).count(), { timeout: 15_000 }).toBe(1);
    await j.screenshot('checklist-offline-phone');

    await context.setOffline(false);
    await expect.poll(() => page.getByText('Đã lưu lên máy chủ').count(), { timeout: 30_000 }).toBe(1);

    const res = await page.request.get(`/api/inspections/${inspectionId}/checklists`);
    const { items } = (await res.json()) as InspectionChecklists;
    const byCode = new Map(items.flatMap((c) => c.items).map((i) => [i.code, i]));
    expect(byCode.get('TCD.1')?.rating).toBe('met');
    expect(byCode.get('TCD.2')).toMatchObject({ rating: 'not_met', note: 'Sổ tiếp công dân tháng 6 bỏ trống 3 ngày' });
    expect(byCode.get('PA.2')?.textValue).toBe('Nhận 4 phản ánh, đã trả lời 3');
    const photo = byCode.get('TCD.2')!.evidence.find((e) => e.kind === 'photo');
    expect(photo).toMatchObject({ fileName: 'so-tiep-cong-dan.png', mediaType: 'image/png' });
    expect(photo!.capturedAt).not.toBeNull();
    await j.screenshot('checklist-synced-phone');
  });

  it('reloads the checklist page without a network in the session of the sign-in: the service worker serves the app and the last answers it saw', async () => {
    // A fresh phone: the worker installs while the inspector signs in and takes control of that
    // tab (clientsClaim); the app navigates without reloads, and nothing is reloaded before the
    // network goes (reviewer finding: the offline reload showed the login page).
    const context = await j.browser.newContext({ baseURL: j.baseUrl, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByLabel('Tên đăng nhập').fill('inspector');
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });

    const list = await page.request.get('/api/inspections?status=under_way&kind=unannounced&pageSize=50');
    const inspectionId = ((await list.json()) as { items: { id: string }[] }).items[0].id;
    // In-app navigation (the router's history), as a link would: no page load.
    await page.evaluate((to) => {
      history.pushState({}, '', to);
      dispatchEvent(new PopStateEvent('popstate'));
    }, `/inspections/${inspectionId}`);
    await page.getByRole('link', { name: /Bảng kiểm Bộ phận Một cửa/ }).click();
    await page.waitForURL(/\/checklists\/[0-9a-f-]{36}$/);
    const desk = page.getByRole('article', { name: /TCD\.2\./ });
    await expect.poll(() => desk.getByLabel('Ghi chú').inputValue(), { timeout: 15_000 }).toBe('Sổ tiếp công dân tháng 6 bỏ trống 3 ngày');

    // No network, and no server either: whatever the page shows now can only come from the cache.
    await context.setOffline(true);
    await j.app.close();
    await page.reload();
    await expect.poll(() => desk.getByLabel('Ghi chú').inputValue(), { timeout: 30_000 }).toBe('Sổ tiếp công dân tháng 6 bỏ trống 3 ngày');
    expect(await page.getByRole('article', { name: /TCD\.1\./ }).getByRole('radio', { name: 'Đạt', exact: true }).isChecked()).toBe(true);
    await page.screenshot({ path: 'tmp/e2e/checklist-reloaded-offline-phone.png', fullPage: true });
    await context.close();
  });
});
