import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Client, type TestApp } from '../../test/harness.js';
import { countRows, makeAuthority, makeUser, TEST_PASSWORD } from '../../test/factories.js';

let t: TestApp;
let a: Awaited<ReturnType<typeof makeAuthority>>;
let b: Awaited<ReturnType<typeof makeAuthority>>;
let adminA: Client, adminB: Client, inspector: Client;

beforeAll(async () => {
  t = await createTestApp();
  a = await makeAuthority(t.database.db);
  b = await makeAuthority(t.database.db);
  adminA = await signIn(t.app, a.users.admin.username, TEST_PASSWORD);
  adminB = await signIn(t.app, b.users.admin.username, TEST_PASSWORD);
  inspector = await signIn(t.app, a.users.inspector.username, TEST_PASSWORD);
});
afterAll(() => t.close());

describe('users', () => {
  it('does not let an inspector manage users', async () => {
    expect((await inspector.get('/api/users')).statusCode).toBe(403);
    const res = await inspector.post('/api/users', { username: 'hacker', fullName: 'X', password: 'long-enough-1', roles: [{ role: 'admin', agencyId: a.homeAffairs.id }] });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
  });

  it('creates a user with roles in scope; refuses none, outside scope, and duplicates', async () => {
    const ok = await adminA.post('/api/users', { username: `new${a.tag}`, fullName: 'Cán bộ mới', password: 'a-long-password', roles: [{ role: 'inspector', agencyId: a.homeAffairs.id }] });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().roles[0]).toMatchObject({ role: 'inspector', agencyName: a.homeAffairs.name });
    const before = await countRows(t.database.db, 'app_user', sql`username like ${'%' + a.tag}`);
    const none = await adminA.post('/api/users', { username: `none${a.tag}`, fullName: 'X', password: 'a-long-password', roles: [] });
    expect(none.statusCode).toBe(400);
    expect(none.json().invalidParams[0].name).toBe('body.roles');
    const dup = await adminA.post('/api/users', { username: `new${a.tag}`, fullName: 'Trùng', password: 'a-long-password', roles: [{ role: 'inspector', agencyId: a.homeAffairs.id }] });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'DUPLICATE', invalidParams: [{ name: 'body.username' }] });
    const out = await adminA.post('/api/users', { username: `out${a.tag}`, fullName: 'X', password: 'a-long-password', roles: [{ role: 'leader', agencyId: b.townCommittee.id }] });
    expect(out.statusCode).toBe(400);
    expect(out.json().invalidParams[0].name).toBe('body.roles.0.agencyId');
    expect(await countRows(t.database.db, 'app_user', sql`username like ${'%' + a.tag}`)).toBe(before);
  });

  it("lists only users whose roles all lie in the admin's scope", async () => {
    const names = (await adminA.get('/api/users')).json().items.map((u: { username: string }) => u.username);
    expect(names).toContain(a.users.leader.username);
    expect(names).not.toContain(b.users.leader.username);
  });

  it('pages the users by username with the total, finds them without diacritics, and refuses a forged cursor', async () => {
    for (const [username, fullName] of [['trang-c', 'Nguyễn Văn Cường'], ['trang-a', 'Trần Thị Ánh'], ['trang-b', 'Lê Văn Bình']]) {
      expect((await adminA.post('/api/users', { username: `${username}${a.tag}`, fullName, password: 'a-long-password', roles: [{ role: 'inspector', agencyId: a.homeAffairs.id }] })).statusCode).toBe(201);
    }
    const all = (await adminA.get('/api/users?limit=500')).json();
    expect(all.nextCursor).toBeNull();
    expect(all.total).toBe(all.items.length);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 50; page++) {
      const body: { total: number; nextCursor: string | null; items: { username: string }[] } = (await adminA.get(`/api/users?limit=2${after ? `&after=${after}` : ''}`)).json();
      expect(body.total).toBe(all.total);
      seen.push(...body.items.map((u) => u.username));
      after = body.nextCursor;
      if (!after) break;
    }
    expect(seen).toEqual(all.items.map((u: { username: string }) => u.username));
    const found = (await adminA.get(`/api/users?q=${encodeURIComponent('tran thi anh')}`)).json();
    expect(found.items.map((u: { username: string }) => u.username)).toEqual([`trang-a${a.tag}`]);
    expect(found.total).toBe(1);
    // Another authority's admin finds nothing of these.
    expect((await adminB.get(`/api/users?q=trang-`)).json()).toMatchObject({ items: [], total: 0 });
    const forged = await adminA.get(`/api/users?after=${Buffer.from('["x"]').toString('base64url')}`);
    expect(forged.json().invalidParams[0]).toMatchObject({ name: 'query.after', code: 'malformed' });
    // A NUL in a cursor's value is refused before SQL (PostgreSQL cannot store it in text).
    const nul = await adminA.get(`/api/users?after=${Buffer.from(JSON.stringify(['\u0000', '00000000-0000-0000-0000-000000000000'])).toString('base64url')}`);
    expect(nul.statusCode).toBe(400);
    expect(nul.json().invalidParams[0]).toMatchObject({ name: 'query.after', code: 'malformed' });
    expect((await adminA.get('/api/users?limit=0')).statusCode).toBe(400);
  });

  it('does not let an admin take over an account that also acts in another authority', async () => {
    const both = await makeUser(t.database.db, [
      { role: 'leader', agencyId: a.townCommittee.id },
      { role: 'admin', agencyId: b.provinceCommittee.id },
    ]);
    expect((await adminA.get('/api/users')).json().items.map((u: { id: string }) => u.id)).not.toContain(both.id);
    const reset = await adminA.patch(`/api/users/${both.id}`, { version: 1, password: 'taken-over-123' });
    expect(reset.statusCode).toBe(404);
    const strip = await adminA.patch(`/api/users/${both.id}`, { version: 1, roles: [{ role: 'leader', agencyId: a.townCommittee.id }] });
    expect(strip.statusCode).toBe(404);
    await expect(signIn(t.app, both.username, TEST_PASSWORD)).resolves.toBeTruthy();
    // Admin B's scope does not cover the leader role in A either.
    expect((await adminB.patch(`/api/users/${both.id}`, { version: 1, active: false })).statusCode).toBe(404);
  });

  it('deactivating a user ends their sessions at once; stale versions answer 409', async () => {
    const user = await makeUser(t.database.db, [{ role: 'inspector', agencyId: a.homeAffairs.id }]);
    const c = await signIn(t.app, user.username, TEST_PASSWORD);
    expect((await c.get('/api/session')).statusCode).toBe(200);
    const off = await adminA.patch(`/api/users/${user.id}`, { version: 1, active: false });
    expect(off.statusCode).toBe(200);
    expect((await c.get('/api/session')).statusCode).toBe(401);
    const stale = await adminA.patch(`/api/users/${user.id}`, { version: 1, active: true });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
  });
});
