import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startJourney, type Journey } from './harness.js';

let j: Journey;
beforeAll(async () => {
  j = await startJourney();
});
afterAll(() => j?.close());

const bodyText = () => j.page.locator('main').innerText();

describe('calendar journey', () => {
  it('shows 2021 with Tết 10–16/2 and National Day 2–3/9', async () => {
    await j.signIn('inspector');
    await j.page.goto('/calendar/2021');
    // The list of entries is loaded with the year; wait for its last Tết day.
    await expect.poll(bodyText, { timeout: 15_000 }).toContain('16/02/2021');
    const body = await bodyText();
    for (const d of ['10/02/2021', '11/02/2021', '12/02/2021', '15/02/2021', '02/09/2021', '03/09/2021', '21/04/2021']) expect(body).toContain(d);
    expect(body).toContain('4875/TB-LĐTBXH');
    await j.screenshot('calendar-2021');
  });

  it('lets an admin edit a year; the edit is what everyone then sees', async () => {
    await j.context.clearCookies();
    await j.signIn('admin');
    await j.page.goto('/calendar/2031');
    await j.page.getByRole('button', { name: 'Chỉnh sửa lịch' }).click();
    await j.page.getByLabel(/Căn cứ ban hành/).fill('Thông báo số 99/TB-BNV ngày 01/12/2030 (thử nghiệm)');
    await j.page.getByLabel('Tên ngày 1', { exact: true }).fill('Tết Dương lịch (đã sửa)');
    await j.page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect.poll(bodyText, { timeout: 15_000 }).toContain('Tết Dương lịch (đã sửa)');
    const api = await j.page.request.get('/api/calendar/2031');
    expect(await api.json()).toMatchObject({ origin: 'database', version: 1, source: 'Thông báo số 99/TB-BNV ngày 01/12/2030 (thử nghiệm)' });
    await j.screenshot('calendar-2031-edited');
  });
});
