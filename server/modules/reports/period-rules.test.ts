import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PeriodRule } from '../../../shared/api/reports.schemas.js';
import { queryRows } from '../../db/client.js';
import { makeAuthority, signInAuthority } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/harness.js';

/** The periodic regime as editable data (issue 9 §2): the office edits a period, versioned and audited; others read or are refused. */
let t: TestApp;
let a: Awaited<ReturnType<typeof makeAuthority>>;
let c: Awaited<ReturnType<typeof signInAuthority>>;
let rule: PeriodRule;
beforeAll(async () => {
  t = await createTestApp();
  a = await makeAuthority(t.database.db);
  c = await signInAuthority(t.app, a);
  const created = await c.secretariat.post('/api/report-period-rules', {
    ownerAgencyId: a.homeAffairs.id, code: 'H1', name: 'Báo cáo CCHC 6 tháng', templateCode: 'cchc_periodic',
    fromMonth: 12, fromDay: 15, fromYearOffset: -1, toMonth: 6, toDay: 14, dueMonth: 6, dueDay: 20,
    opensDaysBeforeDue: 15, remindWorkingDays: 2, escalateAfterWorkingDays: 3, targetAgencyIds: [a.wardACommittee.id], active: true,
  });
  expect(created.statusCode, created.body).toBe(201);
  rule = created.json();
});
afterAll(async () => {
  await t?.close();
});

describe('editing a reporting period', () => {
  it('is the office’s: versioned (409 on a stale edit, nothing changed), checked (400), audited; read by the leader, refused to the others', async () => {
    const url = `/api/report-period-rules/${rule.id}`;
    const saved = await c.secretariat.patch(url, { version: rule.version, dueDay: 25, escalateAfterWorkingDays: 5 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ dueDay: 25, escalateAfterWorkingDays: 5, version: rule.version + 1, canManage: true });
    const stale = await c.secretariat.patch(url, { version: rule.version, dueDay: 10 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const bad = await c.secretariat.patch(url, { version: rule.version + 1, dueDay: 32 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().invalidParams[0]).toMatchObject({ name: 'body.dueDay' });
    // The leader reads the regime but does not change it; the inspector and the unit never see it.
    const read = (await c.leader.get('/api/report-period-rules')).json().items as PeriodRule[];
    expect(read.find((r) => r.id === rule.id)).toMatchObject({ dueDay: 25, canManage: false });
    expect((await c.leader.patch(url, { version: rule.version + 1, dueDay: 10 })).statusCode).toBe(403);
    expect((await c.inspector.patch(url, { version: rule.version + 1, dueDay: 10 })).statusCode).toBe(404);
    expect((await c.unitOfficerA.patch(url, { version: rule.version + 1, dueDay: 10 })).statusCode).toBe(404);
    expect((await c.secretariat.get('/api/report-period-rules')).json().items.find((r: PeriodRule) => r.id === rule.id).dueDay).toBe(25);
    const events = await queryRows<{ action: string }>(t.database.db, sql`select action from audit_event where entity_id = ${rule.id} order by id`);
    expect(events.map((e) => e.action)).toEqual(['report_period_rule.created', 'report_period_rule.updated']);
  });

  it('names the units it asks in the rules’ own response (one request for the page, not one per unit), in the register’s order', async () => {
    const created = await c.secretariat.post('/api/report-period-rules', {
      ownerAgencyId: a.homeAffairs.id, code: 'Q3', name: 'Báo cáo CCHC quý III', templateCode: 'cchc_periodic',
      fromMonth: 6, fromDay: 15, fromYearOffset: 0, toMonth: 9, toDay: 14, dueMonth: 9, dueDay: 20,
      opensDaysBeforeDue: 15, remindWorkingDays: 2, escalateAfterWorkingDays: 3, targetAgencyIds: [a.wardBCommittee.id, a.wardACommittee.id], active: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    const named = [
      { id: a.wardACommittee.id, name: a.wardACommittee.name, active: true },
      { id: a.wardBCommittee.id, name: a.wardBCommittee.name, active: true },
    ];
    expect(created.json().targetAgencies).toEqual(named);
    const list = (await c.leader.get('/api/report-period-rules')).json().items as PeriodRule[];
    expect(list.find((r) => r.id === created.json().id)!.targetAgencies).toEqual(named);
    expect(list.find((r) => r.id === rule.id)!.targetAgencies).toEqual([named[0]]);
    const narrowed = await c.secretariat.patch(`/api/report-period-rules/${created.json().id}`, { version: created.json().version, targetAgencyIds: [a.wardBCommittee.id] });
    expect(narrowed.json().targetAgencies).toEqual([named[1]]);
  });
});
