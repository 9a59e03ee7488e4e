import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Client, type TestApp } from '../../test/harness.js';
import { makeAuthority, TEST_PASSWORD } from '../../test/factories.js';

let t: TestApp;
let a: Awaited<ReturnType<typeof makeAuthority>>;
let b: Awaited<ReturnType<typeof makeAuthority>>;
let adminA: Client, leaderB: Client, secretariatA: Client;

beforeAll(async () => {
  t = await createTestApp();
  a = await makeAuthority(t.database.db);
  b = await makeAuthority(t.database.db);
  adminA = await signIn(t.app, a.users.admin.username, TEST_PASSWORD);
  secretariatA = await signIn(t.app, a.users.secretariat.username, TEST_PASSWORD);
  leaderB = await signIn(t.app, b.users.leader.username, TEST_PASSWORD);
});
afterAll(() => t.close());

describe('audit scope', () => {
  it("shows a leader the events of their own authority only, with a total that matches", async () => {
    const unit = (await secretariatA.post('/api/units', { name: `Phường riêng ${a.tag}`, kind: 'ward', parentId: a.town.id })).json();
    const mine = await adminA.get(`/api/audit?entityType=unit&entityId=${unit.id}`);
    expect(mine.json().items.map((e: { action: string }) => e.action)).toEqual(['unit.created']);
    const theirs = await leaderB.get(`/api/audit?entityType=unit&entityId=${unit.id}`);
    expect(theirs.json()).toEqual({ items: [], total: 0 });
    // Sign-ins of A's people (with their addresses) are not B's business either.
    const signIns = (await leaderB.get('/api/audit?action=session.signed_in&pageSize=200')).json().items;
    expect(signIns.map((e: { entityId: string }) => e.entityId)).not.toContain(a.users.secretariat.id);
    expect(signIns.map((e: { entityId: string }) => e.entityId)).toContain(b.users.leader.id);
  });

  it('refuses unknown actions and entity types with 400', async () => {
    const res = await adminA.get('/api/audit?action=drop.table');
    expect(res.statusCode).toBe(400);
    expect(res.json().invalidParams[0].name).toBe('query.action');
  });
});

describe('bad characters never reach the database', () => {
  it('answers 400, not 500, to a NUL character in a query or a body', async () => {
    for (const url of ['/api/units?q=%00', '/api/agencies?q=a%00b', '/api/audit?entityId=%00']) {
      const res = await adminA.get(url);
      expect(res.statusCode, url).toBe(400);
    }
    const res = await adminA.post('/api/units', { name: 'Phường\u0000X', kind: 'ward', parentId: a.town.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().invalidParams[0].name).toBe('body.name');
    const login = await t.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'a\u0000b', password: 'x' } });
    expect(login.statusCode).toBe(400);
  });

  it('authenticates by the matched route, not the raw URL (/%61pi is /api)', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/%61pi/settings/standing-body' });
    expect(res.statusCode).toBe(401);
  });
});
