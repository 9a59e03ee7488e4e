import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { countRows, makeAuthority, makeUser, TEST_PASSWORD } from '../../test/factories.js';
import { parseTrustProxy } from '../../config.js';
import { DEVICE_COOKIE, LOGIN_LIMITS } from './sign-in.js';
import { itOnPostgres } from '../../test/postgres-only.js';

/**
 * Login limits that stop guessing without locking out the people who know their password
 * (docs/decisions/login-limits.md): parallel correct sign-ins all pass, a lockout does not
 * extend itself, a browser that signed in before is not locked out by others' failures, and
 * only configured proxies may name the client's address.
 */

let t: TestApp;
let authority: Awaited<ReturnType<typeof makeAuthority>>;
beforeAll(async () => {
  t = await createTestApp();
  authority = await makeAuthority(t.database.db);
});
afterAll(() => t.close());

let nextAddress = Math.floor(Math.random() * 200);
/** A fresh client address per test, so no test's failures count against another's. */
const address = () => `198.18.${nextAddress++ % 250}.${Math.floor(Math.random() * 250) + 1}`;

function attempt(app: TestApp['app'], username: string, password: string, opts: { ip?: string; device?: string; headers?: Record<string, string> } = {}) {
  return app.inject({
    method: 'POST',
    url: '/api/session',
    remoteAddress: opts.ip ?? '192.0.2.1',
    headers: opts.headers,
    cookies: opts.device ? { [DEVICE_COOKIE]: opts.device } : undefined,
    payload: { username, password },
  });
}

const failuresOf = (username: string) => countRows(t.database.db, 'login_failure', sql`username = ${username}`);
/** Moves an account's recorded failures back in time, as if the window had passed. */
const age = (username: string, minutes: number) =>
  t.database.db.execute(sql`update login_failure set at = at - make_interval(mins => ${minutes}) where username = ${username}`);

describe('sign-in limits', () => {
  itOnPostgres('lets many correct sign-ins of one account through at once', async () => {
    const user = await makeUser(t.database.db, [{ role: 'inspector', agencyId: authority.homeAffairs.id }]);
    const ip = address();
    const results = await Promise.all(Array.from({ length: 12 }, () => attempt(t.app, user.username, TEST_PASSWORD, { ip })));
    expect(results.map((r) => r.statusCode)).toEqual(Array(12).fill(200));
    expect(await failuresOf(user.username)).toBe(0);
  });

  it('does not record attempts while locked, so the lockout ends when the window passes', async () => {
    const user = await makeUser(t.database.db, [{ role: 'inspector', agencyId: authority.homeAffairs.id }]);
    const ip = address();
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++) expect((await attempt(t.app, user.username, 'wrong', { ip })).statusCode).toBe(401);
    expect(await failuresOf(user.username)).toBe(LOGIN_LIMITS.perAccount);

    // Locked: guesses and the right password alike are refused, and none of them is stored.
    for (const password of ['wrong', 'wrong-again', TEST_PASSWORD]) {
      const res = await attempt(t.app, user.username, password, { ip });
      expect(res.statusCode).toBe(429);
      expect(res.json().code).toBe('RATE_LIMITED');
    }
    expect(await failuresOf(user.username)).toBe(LOGIN_LIMITS.perAccount);

    await age(user.username, LOGIN_LIMITS.windowMinutes + 1);
    expect((await attempt(t.app, user.username, TEST_PASSWORD, { ip })).statusCode).toBe(200);
  });

  itOnPostgres('still limits a burst of parallel wrong guesses to the allowance', async () => {
    const user = await makeUser(t.database.db, [{ role: 'inspector', agencyId: authority.homeAffairs.id }]);
    const results = await Promise.all(Array.from({ length: 20 }, () => attempt(t.app, user.username, 'wrong', { ip: address() })));
    expect(results.filter((r) => r.statusCode === 401).length).toBe(LOGIN_LIMITS.perAccount);
    expect(results.filter((r) => r.statusCode === 429).length).toBe(20 - LOGIN_LIMITS.perAccount);
    expect(await failuresOf(user.username)).toBe(LOGIN_LIMITS.perAccount);
  });

  it("does not lock an office out behind one address: a browser that signed in before still gets in", async () => {
    const office = address();
    const colleague = await makeUser(t.database.db, [{ role: 'inspector', agencyId: authority.homeAffairs.id }]);
    const newcomer = await makeUser(t.database.db, [{ role: 'inspector', agencyId: authority.homeAffairs.id }]);
    // Yesterday the colleague signed in from this browser: it holds a device cookie.
    const first = await attempt(t.app, colleague.username, TEST_PASSWORD, { ip: office });
    const device = first.cookies.find((c) => c.name === DEVICE_COOKIE);
    expect(device?.httpOnly).toBe(true);
    expect(device?.path).toBe('/api/session');

    // Others behind the same NAT mistype their passwords until the address is limited.
    for (let i = 0; i < LOGIN_LIMITS.perAddress; i++) {
      expect((await attempt(t.app, `typo-${i}-${office}`, 'wrong', { ip: office })).statusCode).toBe(401);
    }
    expect((await attempt(t.app, newcomer.username, TEST_PASSWORD, { ip: office })).statusCode).toBe(429);

    const again = await attempt(t.app, colleague.username, TEST_PASSWORD, { ip: office, device: device!.value });
    expect(again.statusCode).toBe(200);
  });

  it("an attacker's guesses lock the account for unknown browsers only", async () => {
    const user = await makeUser(t.database.db, [{ role: 'inspector', agencyId: authority.homeAffairs.id }]);
    const own = await attempt(t.app, user.username, TEST_PASSWORD, { ip: address() });
    const device = own.cookies.find((c) => c.name === DEVICE_COOKIE)!.value;

    const attacker = address();
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++) await attempt(t.app, user.username, `guess${i}`, { ip: attacker });
    expect((await attempt(t.app, user.username, TEST_PASSWORD, { ip: attacker })).statusCode).toBe(429);
    expect((await attempt(t.app, user.username, TEST_PASSWORD, { ip: address(), device })).statusCode).toBe(200);
  });

  it('a device cookie is no pass for guessing: it has its own allowance, and counts for its own user only', async () => {
    const user = await makeUser(t.database.db, [{ role: 'inspector', agencyId: authority.homeAffairs.id }]);
    const other = await makeUser(t.database.db, [{ role: 'inspector', agencyId: authority.homeAffairs.id }]);
    const ip = address();
    const device = (await attempt(t.app, user.username, TEST_PASSWORD, { ip })).cookies.find((c) => c.name === DEVICE_COOKIE)!.value;

    for (let i = 0; i < LOGIN_LIMITS.perDevice; i++) expect((await attempt(t.app, user.username, 'wrong', { ip, device })).statusCode).toBe(401);
    // Spent: the device is an unknown browser again, and the account's own allowance is whole.
    expect((await attempt(t.app, user.username, TEST_PASSWORD, { ip, device })).statusCode).toBe(200);

    // Another account's cookie does not exempt anyone from that account's lock.
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++) await attempt(t.app, other.username, 'wrong', { ip: address() });
    expect((await attempt(t.app, other.username, TEST_PASSWORD, { ip, device })).statusCode).toBe(429);
  });
});

describe('client addresses behind proxies', () => {
  let proxied: TestApp;
  beforeAll(async () => {
    proxied = await createTestApp({ config: { trustProxy: ['127.0.0.1'] } });
  });
  afterAll(() => proxied.close());

  it('parses PAR_TRUST_PROXY as addresses, ranges or hops, and refuses "true"', () => {
    expect(parseTrustProxy('false')).toBe(false);
    expect(parseTrustProxy('')).toBe(false);
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('10.0.0.5, 10.0.1.0/24,loopback, ::1')).toEqual(['10.0.0.5', '10.0.1.0/24', 'loopback', '::1']);
    expect(parseTrustProxy('true')).toMatch(/anyone/);
    expect(parseTrustProxy('10.0.0.0/33')).toMatch(/not an address/);
    expect(parseTrustProxy('proxy.example')).toMatch(/not an address/);
  });

  it('ignores X-Forwarded-For from a client that is not a configured proxy', async () => {
    const user = await makeUser(proxied.database.db, []);
    const client = '203.0.113.77';
    const statuses: number[] = [];
    for (let i = 0; i < LOGIN_LIMITS.perAddress + 10; i++) {
      const res = await attempt(proxied.app, `spray${i}-${user.username}`, 'wrong', { ip: client, headers: { 'x-forwarded-for': `192.0.2.${i + 1}` } });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, LOGIN_LIMITS.perAddress).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(LOGIN_LIMITS.perAddress).every((s) => s === 429)).toBe(true);
    // The blocked address does not get in by naming another one.
    expect((await attempt(proxied.app, `spray-x-${user.username}`, 'wrong', { ip: client, headers: { 'x-forwarded-for': '192.0.2.250' } })).statusCode).toBe(429);
  });

  it("records the address a configured proxy forwards, and the socket's otherwise", async () => {
    const user = await makeUser(proxied.database.db, []);
    await attempt(proxied.app, user.username, TEST_PASSWORD, { ip: '127.0.0.1', headers: { 'x-forwarded-for': '198.51.100.23' } });
    await attempt(proxied.app, user.username, TEST_PASSWORD, { ip: '203.0.113.9', headers: { 'x-forwarded-for': '198.51.100.24' } });
    const rows = (await proxied.database.db.execute(
      sql`select ip from audit_event where action = 'session.signed_in' and actor_id = ${user.id} order by id`,
    )) as unknown as { rows: { ip: string }[] };
    expect(rows.rows.map((r) => r.ip)).toEqual(['198.51.100.23', '203.0.113.9']);
  });
});
