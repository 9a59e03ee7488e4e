import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Feedback } from '../../../shared/api/indices.schemas.js';
import { queryRows } from '../../db/client.js';
import { makeAuthority, signInAuthority } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the complaints and feedback register', () => {
  it('records, lists by unit, year and status, follows up with versions, and audits', async () => {
    const a = await makeAuthority(t.database.db);
    const c = await signInAuthority(t.app, a);
    const created = await c.secretariat.post('/api/feedback', { unitId: a.wardB.id, agencyId: a.wardBDesk.id, receivedOn: '2021-03-04', channel: 'hotline', subject: 'Chậm trả kết quả hồ sơ đất đai' });
    expect(created.statusCode).toBe(201);
    const item = created.json() as Feedback;
    expect(item).toMatchObject({ unitName: a.wardB.name, agencyName: a.wardBDesk.name, status: 'received', resolvedOn: null, version: 1, abilities: { update: true } });
    await c.secretariat.post('/api/feedback', { unitId: a.wardA.id, receivedOn: '2020-11-20', channel: 'portal', subject: 'Hẹn nhiều lần' });

    const wrongAgency = await c.secretariat.post('/api/feedback', { unitId: a.wardA.id, agencyId: a.wardBDesk.id, receivedOn: '2021-03-04', channel: 'hotline', subject: 'x' });
    expect(wrongAgency.json().invalidParams[0]).toMatchObject({ name: 'body.agencyId', code: 'not_in_unit' });
    // No date after today (the harness's clock is the system's): refused, nothing written.
    const future = await c.secretariat.post('/api/feedback', { unitId: a.wardA.id, receivedOn: '2150-01-01', channel: 'hotline', subject: 'Tương lai' });
    expect(future.statusCode).toBe(400);
    expect(future.json().invalidParams[0]).toMatchObject({ name: 'body.receivedOn', code: 'date_in_future' });
    const futureResolved = await c.secretariat.patch(`/api/feedback/${item.id}`, { version: 1, status: 'resolved', resolvedOn: '2150-01-01' });
    expect(futureResolved.json().invalidParams[0]).toMatchObject({ name: 'body.resolvedOn', code: 'date_in_future' });
    const badDate = await c.secretariat.patch(`/api/feedback/${item.id}`, { version: 1, status: 'resolved', resolvedOn: '2021-03-01' });
    expect(badDate.json().invalidParams[0].code).toBe('before_received');

    const resolved = await c.secretariat.patch(`/api/feedback/${item.id}`, { version: 1, status: 'resolved', resolvedOn: '2021-03-20' });
    expect(resolved.json()).toMatchObject({ status: 'resolved', resolvedOn: '2021-03-20', version: 2 });
    expect((await c.secretariat.patch(`/api/feedback/${item.id}`, { version: 1, status: 'processing' })).statusCode).toBe(409);

    const in2021 = (await c.leader.get('/api/feedback?year=2021')).json().items as Feedback[];
    expect(in2021.filter((f) => f.unitId === a.wardB.id || f.unitId === a.wardA.id).map((f) => f.subject)).toEqual(['Chậm trả kết quả hồ sơ đất đai']);
    expect(in2021[0].abilities.update).toBe(false);
    const open = (await c.inspector.get(`/api/feedback?unitId=${a.wardA.id}&status=received`)).json().items as Feedback[];
    expect(open.map((f) => f.subject)).toEqual(['Hẹn nhiều lần']);

    expect((await c.unitOfficerA.get('/api/feedback')).statusCode).toBe(403);
    // A unit out of reach as a filter is not found, like its records (issue 12 review #4: was 200 []).
    const elsewhere = await makeAuthority(t.database.db);
    for (const unitId of [elsewhere.wardA.id, crypto.randomUUID()]) {
      const res = await c.secretariat.get(`/api/feedback?unitId=${unitId}`);
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    }
    expect((await c.leader.post('/api/feedback', { unitId: a.wardA.id, receivedOn: '2021-01-01', channel: 'other', subject: 'x' })).statusCode).toBe(403);
    const other = await makeAuthority(t.database.db);
    expect((await c.secretariat.post('/api/feedback', { unitId: other.wardA.id, receivedOn: '2021-01-01', channel: 'other', subject: 'x' })).statusCode).toBe(400);
    expect((await c.admin.get('/api/feedback')).json().items.some((f: Feedback) => f.unitId === other.wardA.id)).toBe(false);

    const events = await queryRows<{ action: string }>(t.database.db, sql`select action from audit_event where entity_id = ${item.id} order by id`);
    expect(events.map((e) => e.action)).toEqual(['feedback.recorded', 'feedback.updated']);
  });
});
