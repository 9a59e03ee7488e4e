import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PeriodRule } from '../../../shared/api/reports.schemas.js';
import { queryRows } from '../../db/client.js';
import { makeAuthority, signInAuthority } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { reportPeriodRule } from '../../db/schema/index.js';
import { publishedTemplate, sampleBody } from './test-support.js';

/** The periodic regime as editable data (issue 9 §2): the office edits a period, versioned and audited; others read or are refused. */
let t: TestApp;
let a: Awaited<ReturnType<typeof makeAuthority>>;
let c: Awaited<ReturnType<typeof signInAuthority>>;
let rule: PeriodRule;
let templateCode: string;
beforeAll(async () => {
  t = await createTestApp();
  a = await makeAuthority(t.database.db);
  c = await signInAuthority(t.app, a);
  templateCode = (await publishedTemplate(c.secretariat, a.homeAffairs.id, { ...sampleBody(), attachments: [] }, 'periodic')).code;
  const created = await c.secretariat.post('/api/report-period-rules', {
    ownerAgencyId: a.homeAffairs.id, code: 'H1', name: 'Báo cáo CCHC 6 tháng', templateCode,
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
      ownerAgencyId: a.homeAffairs.id, code: 'Q3', name: 'Báo cáo CCHC quý III', templateCode,
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

describe('an impossible reporting period', () => {
  const base = () => ({
    ownerAgencyId: a.homeAffairs.id, name: 'Báo cáo CCHC quý', templateCode,
    fromMonth: 3, fromDay: 15, fromYearOffset: 0, toMonth: 6, toDay: 14, dueMonth: 6, dueDay: 20,
    opensDaysBeforeDue: 15, remindWorkingDays: 2, escalateAfterWorkingDays: 3, targetAgencyIds: [a.wardACommittee.id], active: true,
  });
  const refusal = async (change: Record<string, unknown>) => {
    const res = await c.secretariat.post('/api/report-period-rules', { ...base(), code: `X${Math.floor(Math.random() * 1e6)}`, ...change });
    expect(res.statusCode, JSON.stringify(change)).toBe(400);
    return res.json().invalidParams.map((p: { name: string; code: string }) => `${p.name}:${p.code}`);
  };

  it('is refused with the field and why (400): a day its month lacks, an end before the start, a due day before the end, a template never published, the office itself asked', async () => {
    expect(await refusal({ toMonth: 2, toDay: 30, dueMonth: 3, dueDay: 5 })).toEqual(['body.toDay:invalid_date']);
    expect(await refusal({ dueMonth: 4, dueDay: 31, toMonth: 4, toDay: 14 })).toEqual(['body.dueDay:invalid_date']);
    expect(await refusal({ fromMonth: 9, fromDay: 31 })).toEqual(['body.fromDay:invalid_date']);
    expect(await refusal({ fromMonth: 9, fromDay: 1, toMonth: 3, toDay: 31, dueMonth: 4, dueDay: 5 })).toEqual(['body.toMonth:before_from']);
    expect(await refusal({ dueMonth: 6, dueDay: 10 })).toEqual(['body.dueDay:due_before_period_end']);
    expect(await refusal({ templateCode: 'khong_co' })).toEqual(['body.templateCode:unknown_template']);
    // Every problem named at once.
    expect(await refusal({ dueMonth: 5, dueDay: 1, templateCode: 'khong_co' })).toEqual(['body.dueDay:due_before_period_end', 'body.templateCode:unknown_template']);
    expect(await refusal({ targetAgencyIds: [a.wardACommittee.id, a.homeAffairs.id] })).toEqual(['body.targetAgencyIds.1:self_target']);
    // 29/02 is the last day of February (28/02 in a common year); 01/09 → 31/03 spans the new year with a year offset.
    const feb = await c.secretariat.post('/api/report-period-rules', { ...base(), code: 'FEB', fromMonth: 12, fromDay: 1, fromYearOffset: -1, toMonth: 2, toDay: 29, dueMonth: 3, dueDay: 5 });
    expect(feb.statusCode, feb.body).toBe(201);
    const school = await c.secretariat.post('/api/report-period-rules', { ...base(), code: 'SY', fromMonth: 9, fromDay: 1, fromYearOffset: -1, toMonth: 3, toDay: 31, dueMonth: 4, dueDay: 5 });
    expect(school.statusCode, school.body).toBe(201);
    const opened = await c.secretariat.post('/api/report-requests', { kind: 'periodic', ruleId: feb.json().id, year: 2021 });
    expect(opened.statusCode, opened.body).toBe(201);
    expect(opened.json()).toMatchObject({ periodFrom: '2020-12-01', periodTo: '2021-02-28', dueOn: '2021-03-05' });
  });

  it('is refused on an edit too, judged with what the rule keeps (400, nothing changed)', async () => {
    const url = `/api/report-period-rules/${rule.id}`;
    const current = (await c.secretariat.get('/api/report-period-rules')).json().items.find((r: PeriodRule) => r.id === rule.id) as PeriodRule;
    for (const [change, expected] of [
      [{ toMonth: 4, toDay: 31 }, 'body.toDay:invalid_date'],
      [{ dueMonth: 5 }, 'body.dueDay:due_before_period_end'],
      [{ fromYearOffset: 0 }, 'body.toMonth:before_from'],
      [{ templateCode: 'khong_co' }, 'body.templateCode:unknown_template'],
    ] as const) {
      const res = await c.secretariat.patch(url, { version: current.version, ...change });
      expect(res.statusCode, JSON.stringify(change)).toBe(400);
      expect(res.json().invalidParams.map((p: { name: string; code: string }) => `${p.name}:${p.code}`)).toEqual([expected]);
    }
    const after = (await c.secretariat.get('/api/report-period-rules')).json().items.find((r: PeriodRule) => r.id === rule.id);
    expect(after).toEqual(current);
  });

  it('opens no request when stored impossible (a rule from before the check): 400 on the office’s request', async () => {
    const ok = await c.secretariat.post('/api/report-period-rules', { ...base(), code: 'OLD', name: 'Báo cáo cũ' });
    expect(ok.statusCode, ok.body).toBe(201);
    await t.database.db.update(reportPeriodRule).set({ dueMonth: 4, dueDay: 31 }).where(eq(reportPeriodRule.id, ok.json().id));
    const res = await c.secretariat.post('/api/report-requests', { kind: 'periodic', ruleId: ok.json().id, year: 2021 });
    expect(res.statusCode).toBe(400);
    expect(res.json().invalidParams).toEqual([expect.objectContaining({ name: 'body.ruleId', code: 'invalid_date' })]);
    expect((await c.secretariat.get('/api/report-requests?kind=periodic')).json().items.filter((r: { title: string }) => r.title.startsWith('Báo cáo cũ'))).toHaveLength(0);
  });
});
