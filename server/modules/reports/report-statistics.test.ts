import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Submission } from '../../../shared/api/reports.schemas.js';
import { ManualClock } from '../../clock.js';
import { makeAuthority, makeUser, signInAuthority, TEST_PASSWORD } from '../../test/factories.js';
import { createTestApp, signIn, type Client, type TestApp } from '../../test/harness.js';
import { publishedTemplate, sampleBody } from './test-support.js';

/**
 * The on-time statistics and the dashboard on one data set (review of issue 9 F): a report not yet
 * due is pending — neither missing nor in the rate — and both count "missing" past the due day only.
 */
let t: TestApp;
const clock = new ManualClock('2026-11-01T02:00:00Z');
let a: Awaited<ReturnType<typeof makeAuthority>>;
let c: Awaited<ReturnType<typeof signInAuthority>>;
let unitB: Client;
beforeAll(async () => {
  t = await createTestApp({ clock });
  a = await makeAuthority(t.database.db);
  c = await signInAuthority(t.app, a);
  unitB = await signIn(t.app, (await makeUser(t.database.db, [{ role: 'unit_officer', agencyId: a.wardBCommittee.id }], 'Đầu mối phường B')).username, TEST_PASSWORD);
});
afterAll(async () => {
  await t?.close();
});

async function issued(templateId: string, title: string, dueOn: string) {
  const draft = await c.secretariat.post('/api/report-requests', { kind: 'ad_hoc', ownerAgencyId: a.townCommittee.id, templateId, title, dueOn, targetAgencyIds: [a.wardACommittee.id, a.wardBCommittee.id] });
  expect(draft.statusCode, draft.body).toBe(201);
  const res = await c.secretariat.post(`/api/report-requests/${draft.json().id}/issue`, { version: draft.json().version, issuedOn: '2026-11-01', signature: { onBehalfOf: 'TL. CHỦ TỊCH', position: 'TRƯỞNG PHÒNG NỘI VỤ', signerName: 'Nguyễn Văn Hùng' } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: string };
}

describe('reports not yet due', () => {
  it('are pending in the statistics (not missing, not in the rate), and the dashboard’s figures are the statistics summed', async () => {
    const template = await publishedTemplate(c.secretariat, a.homeAffairs.id, { ...sampleBody(), attachments: [] });
    const november = await issued(template.id, 'Báo cáo tháng 11', '2026-11-20');
    await issued(template.id, 'Báo cáo cuối năm', '2026-12-15');
    clock.set('2026-11-10T02:00:00Z');
    const mine = ((await unitB.get(`/api/report-submissions?mine=true&requestId=${november.id}`)).json().items as Submission[])[0];
    const sent = await unitB.post(`/api/report-submissions/${mine.id}/submit`, { version: mine.version, content: { answers: { context: 'Ổn định.', results: 'Hoàn thành.' }, tables: {} } });
    expect(sent.statusCode, sent.body).toBe(200);

    clock.set('2026-11-30T02:00:00Z'); // the November report is past due; the year-end one (15/12) is not
    const stats = (await c.secretariat.get('/api/report-statistics?year=2026')).json().items as { agencyName: string; asked: number; onTime: number; late: number; missing: number; pending: number; onTimeRate: number | null }[];
    expect(stats.map((i) => [i.agencyName, i.asked, i.onTime, i.late, i.missing, i.pending, i.onTimeRate]).sort()).toEqual(
      [
        [a.wardACommittee.name, 2, 0, 0, 1, 1, 0],
        [a.wardBCommittee.name, 2, 1, 0, 0, 1, 100],
      ].sort(),
    );
    const dashboard = (await c.secretariat.get('/api/dashboard?year=2026')).json() as { sections: { key: string; items: { key: string; value: number }[] }[] };
    const reports = Object.fromEntries(dashboard.sections.find((s) => s.key === 'reports')!.items.map((i) => [i.key, i.value]));
    const sum = (k: 'onTime' | 'late' | 'missing') => stats.reduce((n, i) => n + i[k], 0);
    expect(reports).toEqual({ on_time: sum('onTime'), late: sum('late'), missing: sum('missing') });
    expect(reports).toEqual({ on_time: 1, late: 0, missing: 1 });
  });
});
