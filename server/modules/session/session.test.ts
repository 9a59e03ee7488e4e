import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../test/harness.js';
import { countRows, makeAuthority, makeUser, TEST_PASSWORD } from '../../test/factories.js';
import { itOnPostgres } from '../../test/postgres-only.js';

let t: TestApp;
let authority: Awaited<ReturnType<typeof makeAuthority>>;
beforeAll(async () => {
  t = await createTestApp();
  authority = await makeAuthority(t.database.db);
});
afterAll(() => t.close());

describe('session', () => {
  it('answers 401 without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/units' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('UNAUTHENTICATED');
  });

  it('signs in, sets an httpOnly SameSite=Lax cookie, returns roles and a CSRF token', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/session', payload: { username: authority.users.secretariat.username, password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'par_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const body = res.json();
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
    expect(body.roles).toEqual([{ role: 'secretariat', agencyId: authority.homeAffairs.id, agencyName: authority.homeAffairs.name }]);
    const me = await t.app.inject({ method: 'GET', url: '/api/session', cookies: { par_session: cookie.value } });
    expect(me.statusCode).toBe(200);
    expect(me.json().csrfToken).toBe(body.csrfToken);
  });

  it('rejects a wrong password with INVALID_CREDENTIALS, the same for an unknown user', async () => {
    const wrong = await t.app.inject({ method: 'POST', url: '/api/session', payload: { username: authority.users.leader.username, password: 'nope' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'no-such-user', password: 'nope' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('INVALID_CREDENTIALS');
    expect(unknown.json().code).toBe('INVALID_CREDENTIALS');
  });

  it('rate-limits failed sign-ins per account, even with the right password afterwards', async () => {
    const user = await makeUser(t.database.db, []);
    for (let i = 0; i < 5; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/session', remoteAddress: '198.51.100.7', payload: { username: user.username, password: 'wrong' } });
      expect(r.statusCode).toBe(401);
    }
    const blocked = await t.app.inject({ method: 'POST', url: '/api/session', payload: { username: user.username, password: TEST_PASSWORD } });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('RATE_LIMITED');
    // When to try again: at the latest once the 15-minute window has passed.
    expect(blocked.headers['retry-after']).toBe('900');
  });

  itOnPostgres('holds the limit against a burst of parallel guesses', async () => {
    const user = await makeUser(t.database.db, []);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.app.inject({ method: 'POST', url: '/api/session', remoteAddress: `198.51.100.${100 + i}`, payload: { username: user.username, password: 'wrong' } }),
      ),
    );
    const tried = results.filter((r) => r.statusCode === 401).length;
    expect(tried).toBeLessThanOrEqual(5);
    expect(results.filter((r) => r.statusCode === 429).length).toBe(20 - tried);
  });

  it('rate-limits failed sign-ins per address across accounts', async () => {
    // A distinct client address, so this test's failures do not count against other tests.
    const remoteAddress = `203.0.113.${Math.floor(Math.random() * 250) + 1}`;
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/session', remoteAddress, payload: { username: `ghost${i}`, password: 'x' } });
      statuses.push(r.statusCode);
    }
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses[30]).toBe(429);
  });

  it('refuses a mutation without the CSRF header (403) and changes nothing', async () => {
    const c = await signIn(t.app, authority.users.admin.username, TEST_PASSWORD);
    const before = await countRows(t.database.db, 'unit', sql`parent_id = ${authority.town.id}`);
    const res = await c.request({ method: 'POST', url: '/api/units', payload: { name: 'X', kind: 'ward', parentId: authority.town.id }, headers: { 'x-csrf-token': 'forged' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_TOKEN_INVALID');
    expect(await countRows(t.database.db, 'unit', sql`parent_id = ${authority.town.id}`)).toBe(before);
  });

  it('changes the password: the old one stops working, the new one works', async () => {
    const user = await makeUser(t.database.db, [{ role: 'leader', agencyId: authority.townCommittee.id }]);
    const c = await signIn(t.app, user.username, TEST_PASSWORD);
    const bad = await c.post('/api/session/password', { currentPassword: 'wrong-one', newPassword: 'a-new-password-1' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().invalidParams[0].name).toBe('body.currentPassword');
    const short = await c.post('/api/session/password', { currentPassword: TEST_PASSWORD, newPassword: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json().invalidParams[0].name).toBe('body.newPassword');
    const ok = await c.post('/api/session/password', { currentPassword: TEST_PASSWORD, newPassword: 'a-new-password-1' });
    expect(ok.statusCode).toBe(204);
    await expect(signIn(t.app, user.username, TEST_PASSWORD)).rejects.toThrow();
    await expect(signIn(t.app, user.username, 'a-new-password-1')).resolves.toBeTruthy();
  });

  it('signs out: the cookie no longer works', async () => {
    const c = await signIn(t.app, authority.users.inspector.username, TEST_PASSWORD);
    expect((await c.delete('/api/session')).statusCode).toBe(204);
    expect((await c.get('/api/session')).statusCode).toBe(401);
  });

  it("answers the app's session check with 200 either way: the session, or null when nobody is signed in (no 401 logged before sign-in)", async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/session/current' });
    expect([anonymous.statusCode, anonymous.json()]).toEqual([200, null]);
    const unknown = await t.app.inject({ method: 'GET', url: '/api/session/current', cookies: { par_session: 'not-a-session' } });
    expect([unknown.statusCode, unknown.json()]).toEqual([200, null]);
    const c = await signIn(t.app, authority.users.inspector.username, TEST_PASSWORD);
    const me = await c.get('/api/session/current');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual((await c.get('/api/session')).json());
    expect(me.json().user.username).toBe(authority.users.inspector.username);
    expect((await c.delete('/api/session')).statusCode).toBe(204);
    expect((await c.get('/api/session/current')).json()).toBeNull();
  });

  it('expires sessions: an expired session is refused', async () => {
    const c = await signIn(t.app, authority.users.inspector.username, TEST_PASSWORD);
    const { sql } = await import('drizzle-orm');
    await t.database.db.execute(sql`update session set expires_at = now() - interval '1 minute' where user_id = ${authority.users.inspector.id}`);
    expect((await c.get('/api/session')).statusCode).toBe(401);
  });

  it('answers health with the database kind and migration', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: t.database.kind, migration: expect.stringMatching(/^\d{4}_/) });
  });

  it('serves the OpenAPI document generated from the zod schemas', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3/);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/session', '/api/units', '/api/agencies/{id}', '/api/audit']));
  });
});

describe('must change password', () => {
  it('is enforced by the server: everything but who-am-I, sign-out and the password change answers 403', async () => {
    const admin = await signIn(t.app, authority.users.admin.username, TEST_PASSWORD);
    const created = await admin.post('/api/users', {
      username: `fresh${authority.tag}`,
      fullName: 'Cán bộ mới',
      password: 'initial-password-1',
      roles: [{ role: 'secretariat', agencyId: authority.homeAffairs.id }],
    });
    expect(created.statusCode).toBe(201);
    const c = await signIn(t.app, `fresh${authority.tag}`, 'initial-password-1');
    const me = await c.get('/api/session');
    expect(me.statusCode).toBe(200);
    expect(me.json().user.mustChangePassword).toBe(true);
    for (const [method, url, payload] of [
      ['GET', '/api/units', undefined],
      ['GET', `/api/agencies/${authority.homeAffairs.id}`, undefined],
      ['GET', '/api/plans', undefined],
      ['POST', '/api/units', { name: 'X', kind: 'ward', parentId: authority.town.id }],
    ] as const) {
      const res = await c.request({ method, url, payload });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    }
    const changed = await c.post('/api/session/password', { currentPassword: 'initial-password-1', newPassword: 'my-own-password-2' });
    expect(changed.statusCode).toBe(204);
    expect((await c.get('/api/units')).statusCode).toBe(200);
    expect((await c.get('/api/session')).json().user.mustChangePassword).toBe(false);
  });

  it('still lets such a user sign out', async () => {
    const admin = await signIn(t.app, authority.users.admin.username, TEST_PASSWORD);
    await admin.post('/api/users', { username: `leave${authority.tag}`, fullName: 'X', password: 'initial-password-1', roles: [{ role: 'inspector', agencyId: authority.homeAffairs.id }] });
    const c = await signIn(t.app, `leave${authority.tag}`, 'initial-password-1');
    expect((await c.delete('/api/session')).statusCode).toBe(204);
    expect((await c.get('/api/session')).statusCode).toBe(401);
  });
});

describe('what the session tells the web app', () => {
  it('lists the capabilities each user holds, with the field-level rules', async () => {
    const me = async (user: { username: string }) => (await (await signIn(t.app, user.username, TEST_PASSWORD)).get('/api/session')).json();
    const admin = await me(authority.users.admin);
    expect(admin.capabilities).toEqual(expect.arrayContaining(['unit.create', 'agency.update', 'user.manage', 'audit.read', 'registry.import', 'calendar.update']));
    expect(admin.capabilities).not.toContain('plan.draft');
    expect(admin.fieldRules).toEqual({});
    const secretariat = await me(authority.users.secretariat);
    expect(secretariat.capabilities).toEqual(expect.arrayContaining(['unit.create', 'plan.draft', 'team.prepare']));
    expect(secretariat.capabilities).not.toContain('user.manage');
    expect(secretariat.capabilities).not.toContain('audit.read');
    const officer = await me(authority.users.unitOfficerA);
    expect(officer.capabilities).toEqual(expect.arrayContaining(['registry.read', 'agency.update_contacts', 'plan.read']));
    expect(officer.capabilities).not.toContain('agency.update');
    expect(officer.capabilities).not.toContain('unit.create');
    expect(officer.fieldRules).toEqual({ 'agency.update_contacts': ['shortName', 'headName', 'headTitle', 'phone', 'email', 'address'] });
    // A town's admin is not at the root: the national calendar is not theirs to change.
    const townAdmin = await makeUser(t.database.db, [{ role: 'admin', agencyId: authority.townCommittee.id }]);
    expect((await me(townAdmin)).capabilities).not.toContain('calendar.update');
  });
});
