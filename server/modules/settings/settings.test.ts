import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../test/harness.js';
import { makeAgency, makeAuthority, makeUser, TEST_PASSWORD } from '../../test/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('standing body per authority (M23)', () => {
  it('is a versioned setting of each People\'s Committee: admins set it, a stale version answers 409, others may not', async () => {
    const a = await makeAuthority(t.database.db);
    const admin = await signIn(t.app, a.users.admin.username, TEST_PASSWORD);
    const secretariat = await signIn(t.app, a.users.secretariat.username, TEST_PASSWORD);
    const current = (await admin.get(`/api/settings/standing-body?unitId=${a.town.id}`)).json();
    expect(current).toMatchObject({ unitId: a.town.id, unitName: a.town.name, agencyId: null, version: null });
    const first = await admin.put('/api/settings/standing-body', { agencyId: a.homeAffairs.id, version: current.version });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ unitId: a.town.id, agencyId: a.homeAffairs.id, agencyName: a.homeAffairs.name, version: 1 });
    const stale = await admin.put('/api/settings/standing-body', { agencyId: a.townCommittee.id, version: current.version });
    expect(stale.statusCode).toBe(409);
    expect((await admin.get(`/api/settings/standing-body?unitId=${a.town.id}`)).json().agencyId).toBe(a.homeAffairs.id);
    expect((await admin.get(`/api/agencies/${a.homeAffairs.id}`)).json().isStandingBody).toBe(true);
    expect((await admin.get(`/api/agencies/${a.townCommittee.id}`)).json().isStandingBody).toBe(false);
    // The secretariat reads its own authority's setting by default, and may not change it.
    expect((await secretariat.get('/api/settings/standing-body')).json()).toMatchObject({ unitId: a.town.id, agencyId: a.homeAffairs.id });
    // Configured for the first time, the authority starts with the standard report templates, published (issue 9 §1).
    const templates = (await secretariat.get('/api/report-templates')).json().items as { code: string; status: string; ownerAgencyId: string }[];
    expect(templates.map((x) => [x.code, x.status, x.ownerAgencyId]).sort()).toEqual([['cchc_periodic', 'published', a.townCommittee.id], ['pre_visit', 'published', a.townCommittee.id], ['self_inspection', 'published', a.townCommittee.id]]);
    const forbidden = await secretariat.put('/api/settings/standing-body', { agencyId: a.townCommittee.id, version: 1 });
    expect(forbidden.statusCode).toBe(403);
    const other = await makeAuthority(t.database.db);
    const outside = await admin.put('/api/settings/standing-body', { agencyId: other.homeAffairs.id, version: null });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().invalidParams[0].name).toBe('body.agencyId');
    expect((await admin.get(`/api/settings/standing-body?unitId=${other.town.id}`)).statusCode).toBe(404);
  });

  it('lets a ward run its own cycle beside the town: each committee has its own standing body, set by its own admin', async () => {
    const a = await makeAuthority(t.database.db);
    const admin = await signIn(t.app, a.users.admin.username, TEST_PASSWORD);
    const wardOffice = await makeAgency(t.database.db, { unitId: a.wardA.id, parentAgencyId: a.wardACommittee.id, name: `Văn phòng HĐND và UBND ${a.tag}`, kind: 'office', code: `VP-${a.tag}` });
    expect((await admin.put('/api/settings/standing-body', { agencyId: a.homeAffairs.id, version: null })).statusCode).toBe(200);
    expect((await admin.put('/api/settings/standing-body', { agencyId: wardOffice.id, version: null })).statusCode).toBe(200);
    expect((await admin.get(`/api/settings/standing-body?unitId=${a.town.id}`)).json().agencyId).toBe(a.homeAffairs.id);
    expect((await admin.get(`/api/settings/standing-body?unitId=${a.wardA.id}`)).json().agencyId).toBe(wardOffice.id);

    // An admin of the ward configures the ward, not the town.
    const wardAdmin = await makeUser(t.database.db, [{ role: 'admin', agencyId: a.wardACommittee.id }], 'Quản trị phường');
    const ward = await signIn(t.app, wardAdmin.username, TEST_PASSWORD);
    expect((await ward.put('/api/settings/standing-body', { agencyId: a.wardACommittee.id, version: 1 })).statusCode).toBe(200);
    expect((await ward.get('/api/settings/standing-body')).json()).toMatchObject({ unitId: a.wardA.id, agencyId: a.wardACommittee.id, version: 2 });
    const town = await ward.put('/api/settings/standing-body', { agencyId: a.townCommittee.id, version: 1 });
    expect([400, 403]).toContain(town.statusCode);
    expect((await admin.get(`/api/settings/standing-body?unitId=${a.town.id}`)).json().agencyId).toBe(a.homeAffairs.id);
  });
});
