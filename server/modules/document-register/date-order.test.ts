import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentCounter, documentRegisterEntry } from '../../db/schema/index.js';
import { queryRows } from '../../db/client.js';
import { createTestApp, signIn, type TestApp } from '../../test/harness.js';
import { makeAuthority, TEST_PASSWORD } from '../../test/factories.js';
import { itOnPostgres } from '../../test/postgres-only.js';
import { createDraft } from '../plans/plans.test-support.js';
import { registerDocument } from './document-register.js';
import { ManualClock } from '../../clock.js';

/**
 * Numbers follow dates (docs/decisions/document-numbering.md): a document dated before the
 * latest dated entry of its register (agency, year) is refused — 400 at the date field,
 * `before_last_in_register`, naming that entry — and the refusal takes no number and writes nothing.
 */
// The last day of 2021: every document below is dated in 2021, none after today.
const clock = new ManualClock('2021-12-31T02:00:00Z');
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());

const SYSTEM = { actor: null, ip: null, requestId: null } as const;

const issue = (agencyId: string, issuedOn: string, summary = 'Thông báo') =>
  t.database.db.transaction((tx) => registerDocument(tx, SYSTEM, { agencyId, typeCode: 'thong_bao', summary, issuedOn, signerName: 'Trần Thị Thu Hà', signerPosition: 'TRƯỞNG PHÒNG' }));

async function register(agencyId: string, year: number) {
  const rows = await t.database.db
    .select({ number: documentRegisterEntry.number, issuedOn: documentRegisterEntry.issuedOn })
    .from(documentRegisterEntry)
    .where(and(eq(documentRegisterEntry.agencyId, agencyId), eq(documentRegisterEntry.year, year)));
  return rows.sort((x, y) => x.number - y.number);
}

async function counterOf(agencyId: string, year: number) {
  const [row] = await t.database.db
    .select({ next: documentCounter.nextNumber })
    .from(documentCounter)
    .where(and(eq(documentCounter.agencyId, agencyId), eq(documentCounter.year, year)));
  return row?.next ?? null;
}

/** Audit events placed at the agency (other test files write to the same database at once on PostgreSQL). */
const auditCount = async (agencyId: string) =>
  Number((await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_event where scope @> array[${`agency:${agencyId}`}]::text[]`))[0].n);

describe('the register takes numbers in the order of dates', () => {
  it('refuses a date before the latest entry, at the date field, naming that entry; accepts the same day and later', async () => {
    const a = await makeAuthority(t.database.db);
    await issue(a.homeAffairs.id, '2021-03-01');
    const second = await issue(a.homeAffairs.id, '2021-04-01');
    expect(second.number).toBe(2);

    await expect(issue(a.homeAffairs.id, '2021-03-31')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      status: 400,
      invalidParams: [{ name: 'body.issuedOn', code: 'before_last_in_register', params: { documentNumber: '02/TB-NV', issuedOn: '01/04/2021' } }],
    });

    // The same day as the last entry, then a later one: numbered on, with no gap.
    expect((await issue(a.homeAffairs.id, '2021-04-01')).number).toBe(3);
    expect((await issue(a.homeAffairs.id, '2021-04-02')).number).toBe(4);
    expect((await register(a.homeAffairs.id, 2021)).map((r) => r.issuedOn)).toEqual(['2021-03-01', '2021-04-01', '2021-04-01', '2021-04-02']);
  });

  it("leaves another agency's register and another year's alone", async () => {
    const a = await makeAuthority(t.database.db);
    await issue(a.homeAffairs.id, '2021-09-30');
    // Another agency of the same authority: its own register, empty.
    expect((await issue(a.townCommittee.id, '2021-01-04')).number).toBe(1);
    // Another year of the same agency: a new register, from 01.
    const nextYear = await issue(a.homeAffairs.id, '2022-01-03');
    expect([nextYear.year, nextYear.number]).toEqual([2022, 1]);
    // And the new year does not close the old one to a date after its last entry.
    expect((await issue(a.homeAffairs.id, '2021-10-01')).number).toBe(2);
  });

  it('changes nothing when it refuses: no entry, no number taken, no audit row', async () => {
    const a = await makeAuthority(t.database.db);
    await issue(a.homeAffairs.id, '2021-06-10');
    const counter = await counterOf(a.homeAffairs.id, 2021);
    const audits = await auditCount(a.homeAffairs.id);
    expect(audits).toBeGreaterThan(0);

    await expect(issue(a.homeAffairs.id, '2021-06-09', 'Lùi ngày')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });

    expect(await counterOf(a.homeAffairs.id, 2021)).toBe(counter);
    expect(await auditCount(a.homeAffairs.id)).toBe(audits);
    expect(await register(a.homeAffairs.id, 2021)).toEqual([{ number: 1, issuedOn: '2021-06-10' }]);
    // The next document takes the number the refused one would have had.
    expect((await issue(a.homeAffairs.id, '2021-06-10')).number).toBe(2);
  });

  it('weighs the latest date, not the highest number, when a number recorded from the past is out of date order', async () => {
    const a = await makeAuthority(t.database.db);
    // Recorded from the past as they were: 10 of 20/5, then 7 of 2/6.
    const record = (existingNumber: number, issuedOn: string) =>
      t.database.db.transaction((tx) => registerDocument(tx, SYSTEM, { agencyId: a.townCommittee.id, typeCode: 'quyet_dinh', summary: 'Quyết định', issuedOn, signerName: 'X', signerPosition: 'CHỦ TỊCH', existingNumber }));
    await record(10, '2021-05-20');
    await record(7, '2021-06-02');
    await expect(issue(a.townCommittee.id, '2021-05-25')).rejects.toMatchObject({
      invalidParams: [{ code: 'before_last_in_register', params: { documentNumber: '07/QĐ-UBND', issuedOn: '02/06/2021' } }],
    });
    expect((await issue(a.townCommittee.id, '2021-06-02')).number).toBe(11);
  });

  it('registers an outside document over HTTP only on or after the last date: 400 body.issuedOn, nothing written', async () => {
    const a = await makeAuthority(t.database.db);
    const sec = await signIn(t.app, a.users.secretariat.username, TEST_PASSWORD);
    const body = { agencyId: a.homeAffairs.id, typeCode: 'thong_bao', summary: 'Thông báo lịch kiểm tra', signerName: 'Trần Thị Thu Hà', signerPosition: 'TRƯỞNG PHÒNG' };
    expect((await sec.post('/api/document-register', { ...body, issuedOn: '2021-06-10' })).statusCode).toBe(201);
    const audits = await auditCount(a.homeAffairs.id);
    expect(audits).toBeGreaterThan(0);

    const refused = await sec.post('/api/document-register', { ...body, issuedOn: '2021-06-09' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      invalidParams: [{ name: 'body.issuedOn', code: 'before_last_in_register', params: { documentNumber: '01/TB-NV', issuedOn: '10/06/2021' } }],
    });
    expect(await auditCount(a.homeAffairs.id)).toBe(audits);

    const sameDay = await sec.post('/api/document-register', { ...body, issuedOn: '2021-06-10' });
    expect(sameDay.json().documentNumber).toBe('02/TB-NV');

    // The dialogs' hint: the latest dated entry alone; none for a year with no entry.
    const latest = await sec.get(`/api/document-register?agencyId=${a.homeAffairs.id}&year=2021&latest=true`);
    expect(latest.json().items.map((e: { documentNumber: string; issuedOn: string }) => [e.documentNumber, e.issuedOn])).toEqual([['02/TB-NV', '2021-06-10']]);
    expect((await sec.get(`/api/document-register?agencyId=${a.homeAffairs.id}&year=2022&latest=true`)).json().items).toEqual([]);
  });

  it('refuses issuing a plan dated before the last entry of its register, and leaves the plan as it was', async () => {
    const a = await makeAuthority(t.database.db);
    const sec = await signIn(t.app, a.users.secretariat.username, TEST_PASSWORD);
    const leader = await signIn(t.app, a.users.leader.username, TEST_PASSWORD);
    await issue(a.townCommittee.id, '2021-05-10');
    const plan = await createDraft(sec, a);
    const submitted = (await sec.post(`/api/plans/${plan.id}/submit`, { version: plan.version })).json();

    const refused = await leader.post(`/api/plans/${plan.id}/issue`, { version: submitted.version, issuedOn: '2021-05-05' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().invalidParams).toMatchObject([{ name: 'body.issuedOn', code: 'before_last_in_register', params: { documentNumber: '01/TB-UBND', issuedOn: '10/05/2021' } }]);
    const after = (await sec.get(`/api/plans/${plan.id}`)).json();
    expect([after.status, after.version, after.number ?? null]).toEqual(['submitted', submitted.version, null]);

    const issued = await leader.post(`/api/plans/${plan.id}/issue`, { version: submitted.version, issuedOn: '2021-05-10' });
    expect(issued.statusCode, issued.body).toBe(200);
    expect(issued.json().number).toBe(2);
  });

  it('refuses a date after today (Vietnamese time), which would lock the register until then: 400 in_future, nothing written', async () => {
    const a = await makeAuthority(t.database.db);
    const sec = await signIn(t.app, a.users.secretariat.username, TEST_PASSWORD);
    const leader = await signIn(t.app, a.users.leader.username, TEST_PASSWORD);
    const body = { agencyId: a.homeAffairs.id, typeCode: 'thong_bao', summary: 'Thông báo', signerName: 'Trần Thị Thu Hà', signerPosition: 'TRƯỞNG PHÒNG' };
    // 31/12/2021 09:00 in Việt Nam: 1/1/2022 is tomorrow, in the next year's register.
    for (const issuedOn of ['2022-01-01', '2021-12-31']) {
      const res = await sec.post('/api/document-register', { ...body, issuedOn });
      if (issuedOn === '2022-01-01') {
        expect(res.statusCode).toBe(400);
        expect(res.json().invalidParams).toMatchObject([{ name: 'body.issuedOn', code: 'in_future' }]);
        expect(await counterOf(a.homeAffairs.id, 2022)).toBeNull();
      } else expect(res.statusCode, res.body).toBe(201);
    }
    // A plan signed for a later day is refused the same way and stays submitted.
    const plan = await createDraft(sec, a);
    const submitted = (await sec.post(`/api/plans/${plan.id}/submit`, { version: plan.version })).json();
    const refused = await leader.post(`/api/plans/${plan.id}/issue`, { version: submitted.version, issuedOn: '2022-01-03' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().invalidParams).toMatchObject([{ name: 'body.issuedOn', code: 'in_future' }]);
    expect((await sec.get(`/api/plans/${plan.id}`)).json().status).toBe('submitted');
  });

  itOnPostgres('issues concurrent documents of several dates with numbers in date order: a later date never numbered before an earlier one', async () => {
    const a = await makeAuthority(t.database.db);
    // Thirty issues at once, dated over June in shuffled order; whichever commits first sets the bar.
    const days = Array.from({ length: 30 }, (_, i) => `2021-06-${String((i * 7) % 30 + 1).padStart(2, '0')}`);
    const results = await Promise.allSettled(days.map((day) => issue(a.homeAffairs.id, day)));
    const refused = results.filter((r) => r.status === 'rejected');
    for (const r of refused) expect((r as PromiseRejectedResult).reason).toMatchObject({ invalidParams: [{ code: 'before_last_in_register' }] });

    const rows = await register(a.homeAffairs.id, 2021);
    expect(rows.length).toBe(30 - refused.length);
    expect(rows.length).toBeGreaterThan(0);
    // Gapless from 01, and the dates never go back as the numbers go up.
    expect(rows.map((r) => r.number)).toEqual(rows.map((_, i) => i + 1));
    expect(rows.map((r) => r.issuedOn)).toEqual(rows.map((r) => r.issuedOn).sort());
    expect(await counterOf(a.homeAffairs.id, 2021)).toBe(rows.length + 1);
  });
});
