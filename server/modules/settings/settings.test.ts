import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../test/harness.js';
import { makeAuthority, TEST_PASSWORD } from '../../test/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('standing body setting', () => {
  it('is a versioned setting: admins set it, a stale version answers 409, others may not', async () => {
    const a = await makeAuthority(t.database.db);
    const admin = await signIn(t.app, a.users.admin.username, TEST_PASSWORD);
    const secretariat = await signIn(t.app, a.users.secretariat.username, TEST_PASSWORD);
    const current = (await admin.get('/api/settings/standing-body')).json();
    const first = await admin.put('/api/settings/standing-body', { agencyId: a.homeAffairs.id, version: current.version });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ agencyId: a.homeAffairs.id, agencyName: a.homeAffairs.name });
    const stale = await admin.put('/api/settings/standing-body', { agencyId: a.townCommittee.id, version: current.version });
    expect(stale.statusCode).toBe(409);
    expect((await admin.get('/api/settings/standing-body')).json().agencyId).toBe(a.homeAffairs.id);
    expect((await admin.get(`/api/agencies/${a.homeAffairs.id}`)).json().isStandingBody).toBe(true);
    const forbidden = await secretariat.put('/api/settings/standing-body', { agencyId: a.townCommittee.id, version: first.json().version });
    expect(forbidden.statusCode).toBe(403);
    const other = await makeAuthority(t.database.db);
    const outside = await admin.put('/api/settings/standing-body', { agencyId: other.homeAffairs.id, version: first.json().version });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().invalidParams[0].name).toBe('body.agencyId');
  });
});
