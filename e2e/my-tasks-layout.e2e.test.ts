import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../server/test/harness.js';
import { DEMO_PASSWORD, startJourney, type Journey } from './harness.js';

/**
 * "Việc của tôi" at a common office screen (1400×900): every status badge shows its whole label
 * (review of issue 9 H: "BỊ TRẢ …", "CHƯA L…" were cut). A badge's label is cut when its text is
 * wider than its box; the screenshot is kept in tmp/e2e for a person to look at.
 */
let j: Journey;
/** Today plus `days` in Việt Nam (the journey's server runs on the system clock). */
const vietnamIso = (days: number) => new Date(Date.now() + 7 * 3600_000 + days * 86400_000).toISOString().slice(0, 10);
beforeAll(async () => {
  j = await startJourney({ viewport: { width: 1400, height: 900 } });
  // A request with a long title (as a province writes them) sent to the ward: its report "not started"
  // beside the demo's returned one — the title's column is what squeezed the status.
  const office = await signIn(j.app, 'secretariat', DEMO_PASSWORD);
  const unit = await signIn(j.app, 'unit', DEMO_PASSWORD);
  const ward = (await unit.get('/api/report-submissions?mine=true')).json().items[0].agencyId as string;
  const template = ((await office.get('/api/report-templates')).json().items as { id: string; ownerAgencyId: string; status: string }[]).find((t) => t.status === 'published')!;
  const title = 'Báo cáo kết quả thực hiện nhiệm vụ cải cách hành chính, chuyển đổi số và Đề án 06 gắn với việc giải quyết thủ tục hành chính trên môi trường điện tử của các cơ quan, đơn vị trên địa bàn thị xã';
  const draft = await office.post('/api/report-requests', { kind: 'ad_hoc', ownerAgencyId: template.ownerAgencyId, templateId: template.id, title, dueOn: vietnamIso(20), targetAgencyIds: [ward] });
  if (draft.statusCode !== 201) throw new Error(draft.body);
  const issued = await office.post(`/api/report-requests/${draft.json().id}/issue`, { version: draft.json().version, issuedOn: vietnamIso(0), signature: { onBehalfOf: 'TL. CHỦ TỊCH', position: 'TRƯỞNG PHÒNG NỘI VỤ', signerName: 'Nguyễn Văn Bình' } });
  if (issued.statusCode !== 200) throw new Error(issued.body);
});
afterAll(() => j?.close());

describe('Việc của tôi at 1400×900', () => {
  it('shows the ward’s report statuses whole, never cut with an ellipsis', async () => {
    await j.signIn('unit');
    await j.page.goto('/tasks');
    const badges = j.page.locator('main .mantine-Badge-root');
    await expect.poll(() => j.page.locator('main').getByText('Bị trả lại').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => j.page.locator('main').getByText('Chưa làm').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const cut = await badges.evaluateAll((els) =>
      els.flatMap((el) => {
        const label = (el.querySelector('.mantine-Badge-label') ?? el) as HTMLElement;
        return label.scrollWidth > label.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1 ? [label.textContent ?? ''] : [];
      }),
    );
    await j.screenshot('my-tasks-1400');
    expect(await badges.count()).toBeGreaterThan(0);
    expect(cut).toEqual([]);
  });
});
