import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { createTestApp, signIn, type Client, type TestApp } from '../test/harness.js';
import { countRows, makeAuthority, TEST_PASSWORD } from '../test/factories.js';

// Behind a proxy that terminates TLS: people open https://cchc.example.gov.vn, a second name is allowed.
let t: TestApp;
let authority: Awaited<ReturnType<typeof makeAuthority>>;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp({ env: { PAR_PUBLIC_URL: 'https://cchc.example.gov.vn/app/', PAR_ALLOWED_ORIGINS: 'https://cchc2.example.gov.vn' } });
  authority = await makeAuthority(t.database.db);
  admin = await signIn(t.app, authority.users.admin.username, TEST_PASSWORD);
});
afterAll(() => t.close());

const newUnit = () => ({ name: `Phường thử ${Math.random().toString(36).slice(2, 8)}`, kind: 'ward', parentId: authority.town.id });
const units = () => countRows(t.database.db, 'unit', sql`parent_id = ${authority.town.id}`);

describe('origin of writes (docs/decisions/origin-check.md)', () => {
  it.each([
    ['an Origin of another site', { origin: 'http://evil.example' }],
    ['an opaque Origin (sandboxed frame)', { origin: 'null' }],
    ['an Origin on another port of the same host', { origin: 'http://localhost:8080' }],
    ['no Origin and a Referer of another site', { referer: 'http://evil.example/page.html' }],
    ['an allowed Origin with a Referer of another site (Origin decides)', { origin: 'http://evil.example', referer: 'https://cchc.example.gov.vn/' }],
  ])('refuses a write carrying a valid CSRF token and %s: 403 CROSS_ORIGIN_REQUEST, nothing written', async (_, headers) => {
    const before = await units();
    const res = await admin.request({ method: 'POST', url: '/api/units', payload: newUnit(), headers });
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('CROSS_ORIGIN_REQUEST');
    expect(await units()).toBe(before);
  });

  it('refuses an edit of an inspection from another site even with the token', async () => {
    const res = await admin.request({ method: 'PATCH', url: '/api/inspections/00000000-0000-4000-8000-000000000000', payload: { version: 1, note: 'x' }, headers: { origin: 'http://evil.example' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CROSS_ORIGIN_REQUEST');
  });

  it('refuses a sign-in from another site (login CSRF): no session cookie', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/session', headers: { origin: 'http://evil.example' }, payload: { username: authority.users.admin.username, password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CROSS_ORIGIN_REQUEST');
    expect(res.cookies.find((c) => c.name === 'par_session')).toBeUndefined();
  });

  it.each([
    ["the request's own origin (Host)", { origin: 'http://localhost' }],
    ["the request's own origin in capitals with its default port", { origin: 'HTTP://LOCALHOST:80' }],
    ['the public URL\'s origin (a proxy rewrote Host and terminated TLS)', { origin: 'https://cchc.example.gov.vn' }],
    ['a configured allowed origin', { origin: 'https://cchc2.example.gov.vn' }],
    ['no Origin and a Referer of this application', { referer: 'https://cchc.example.gov.vn/units?q=x' }],
    ['neither header (the token alone, as today)', {}],
  ])('accepts a write with the token from %s', async (_, headers) => {
    const res = await admin.request({ method: 'POST', url: '/api/units', payload: newUnit(), headers });
    expect(res.statusCode).toBe(201);
  });

  it('accepts a sign-in from the application\'s own page', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/session', headers: { origin: 'https://cchc.example.gov.vn' }, payload: { username: authority.users.admin.username, password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(200);
  });

  it('still asks a write naming no origin for its token', async () => {
    const res = await admin.request({ method: 'POST', url: '/api/units', payload: newUnit(), headers: { 'x-csrf-token': 'forged' } });
    expect(res.json().code).toBe('CSRF_TOKEN_INVALID');
  });

  it('lets reads through from anywhere (a GET changes nothing)', async () => {
    const res = await admin.request({ method: 'GET', url: '/api/session', headers: { origin: 'http://evil.example' } });
    expect(res.statusCode).toBe(200);
  });

  it('refuses a malformed PAR_ALLOWED_ORIGINS at start', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', PAR_ALLOWED_ORIGINS: 'cchc.example.gov.vn' })).toThrow(/PAR_ALLOWED_ORIGINS/);
    expect(() => loadConfig({ NODE_ENV: 'test', PAR_ALLOWED_ORIGINS: 'https://a.example/path' })).toThrow(/PAR_ALLOWED_ORIGINS/);
    expect(loadConfig({ NODE_ENV: 'test', PAR_ALLOWED_ORIGINS: 'https://a.example, https://B.example:8443/' }).allowedOrigins).toEqual(['http://localhost:3000', 'https://a.example', 'https://b.example:8443']);
  });
});
