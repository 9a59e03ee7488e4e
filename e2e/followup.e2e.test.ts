import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Conclusion } from '../shared/api/conclusions.schemas.js';
import type { CorrectiveActionDetail, CorrectiveAction } from '../shared/api/corrective-actions.schemas.js';
import type { Inspection } from '../shared/api/inspections.schemas.js';
import { samplePng } from '../server/files/sample-files.js';
import { startJourney, type Journey } from './harness.js';

/**
 * Issue 10 §5–6 in the browser: the standing office drafts the conclusion notice of a visit that
 * has taken place — in its own name under the Chairman's authorisation, so it signs it — writes a
 * requirement due 10 working days after the notice and issues it (numbered, then read-only); the
 * demo unit officer reports her ward's open corrective action done with a photo as evidence; the
 * office accepts it and the action is closed. Results are checked through the API too.
 */
let j: Journey;
beforeAll(async () => {
  j = await startJourney();
});
afterAll(() => j?.close());

async function signOut() {
  await j.page.request.delete('/api/session');
  await j.context.clearCookies();
}

describe('conclusion → corrective action → acceptance', () => {
  let actionId = '';

  it('the office drafts the conclusion from the minutes and issues it; it is numbered and frozen', async () => {
    const { page } = j;
    await j.signIn('secretariat');
    const visits = (await (await page.request.get('/api/inspections?status=closed&pageSize=50')).json()) as { items: Inspection[] };
    const concluded = new Set(((await (await page.request.get('/api/conclusions')).json()) as { items: Conclusion[] }).items.map((c) => c.inspectionId));
    const visit = visits.items.find((v) => v.planYear === 2021 && v.kind === 'announced' && !concluded.has(v.id));
    expect(visit, 'a closed 2021 visit without a conclusion').toBeTruthy();

    await page.goto(`/inspections/${visit!.id}`);
    const panel = page.getByRole('region', { name: 'Thông báo kết luận kiểm tra' });
    await panel.getByRole('checkbox', { name: /TUQ\. Chủ tịch/ }).check();
    await panel.getByRole('button', { name: 'Dự thảo thông báo kết luận từ biên bản' }).click();
    await page.waitForURL(/\/conclusions\/[0-9a-f-]{36}$/);
    const conclusionId = page.url().split('/').pop()!;

    await page.getByRole('textbox', { name: /III\. Hạn chế, tồn tại/ }).fill('Chưa niêm yết đầy đủ thủ tục hành chính mới được công bố.');
    await page.getByRole('button', { name: 'Thêm yêu cầu' }).click();
    await page.getByRole('textbox', { name: 'Nội dung yêu cầu' }).fill('Niêm yết đầy đủ, kịp thời thủ tục hành chính tại Bộ phận Một cửa');
    await page.getByRole('button', { name: 'Lưu dự thảo' }).click();
    await expect.poll(() => page.getByText('Đã lưu.').count(), { timeout: 15_000 }).toBe(1);

    const issue = page.getByRole('region', { name: 'Ký và ban hành' });
    await issue.getByRole('textbox', { name: /Người ký/ }).fill('Nguyễn Thị Thu Hà');
    await issue.getByRole('button', { name: 'Ký, vào số và ban hành' }).click();
    // Irreversible: confirmed in a dialog.
    await page.getByRole('dialog', { name: 'Ký, vào số và ban hành' }).getByRole('button', { name: 'Ký, vào số và ban hành' }).click();
    await expect.poll(() => page.getByText('Thông báo đã ban hành: nội dung không được sửa đổi.').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByRole('button', { name: 'Lưu dự thảo' }).count()).toBe(0);
    await j.screenshot('conclusion-issued');

    const c = (await (await page.request.get(`/api/conclusions/${conclusionId}`)).json()) as Conclusion;
    expect(c).toMatchObject({ status: 'issued', abilities: { update: false } });
    expect(c.documentNumber).toMatch(/^\d+\/TB-/);
    expect(c.content.shortcomings).toEqual(['Chưa niêm yết đầy đủ thủ tục hành chính mới được công bố.']);
    expect(c.actions).toEqual([expect.objectContaining({ status: 'open', dueWorkingDays: 10 })]);
    expect(c.actions[0].dueOn).not.toBeNull();
    const docx = await page.request.get(`/api/documents/conclusion/${conclusionId}.docx`);
    expect(docx.status()).toBe(200);
    expect((await docx.body()).subarray(0, 2).toString()).toBe('PK');
  });

  it("the unit reports its ward's action done with a photo as evidence", async () => {
    const { page } = j;
    await signOut();
    await j.signIn('unit');
    const open = (await (await page.request.get('/api/corrective-actions?year=2021&status=open')).json()) as { items: CorrectiveAction[] };
    expect(open.items.length).toBeGreaterThan(0);
    actionId = open.items[0].id;

    await page.goto(`/corrective-actions/${actionId}`);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Tải tệp lên' }).click();
    await (await chooser).setFiles({ name: 'minh-chung.png', mimeType: 'image/png', buffer: samplePng(40, 30) });
    await expect.poll(() => page.getByText('minh-chung.png').count(), { timeout: 15_000 }).toBe(1);

    const report = page.getByRole('region', { name: 'Báo cáo của đơn vị' });
    await report.getByText('Báo cáo hoàn thành', { exact: true }).click();
    await report.getByRole('textbox', { name: /Nội dung/ }).fill('Đã hoàn thành, kèm ảnh chụp.');
    await report.getByRole('button', { name: 'Gửi báo cáo hoàn thành' }).click();
    await expect.poll(() => page.getByText('Đã báo cáo, chờ xem xét').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await j.screenshot('action-reported');
    const a = (await (await page.request.get(`/api/corrective-actions/${actionId}`)).json()) as CorrectiveActionDetail;
    expect(a.status).toBe('reported');
    expect(a.abilities.accept).toBe(false);
  });

  it('the office accepts the report: the action is closed', async () => {
    const { page } = j;
    await signOut();
    await j.signIn('secretariat');
    await page.goto('/corrective-actions');
    await page.getByLabel('Năm', { exact: true }).fill('2021');
    await page.getByRole('link', { name: (await (await page.request.get(`/api/corrective-actions/${actionId}`)).json()).content }).click();
    await page.waitForURL(`**/corrective-actions/${actionId}`);
    await page.getByRole('region', { name: 'Xem xét báo cáo của đơn vị' }).getByRole('button', { name: 'Chấp nhận, đóng yêu cầu' }).click();
    await expect.poll(() => page.getByText('Đã hoàn thành', { exact: true }).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const a = (await (await page.request.get(`/api/corrective-actions/${actionId}`)).json()) as CorrectiveActionDetail;
    expect(a.status).toBe('closed');
    expect(a.history.map((h) => h.move).slice(-2)).toEqual(['report', 'accept']);
  });
});
