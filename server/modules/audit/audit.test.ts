import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder, queryRows } from '../../db/client.js';
import { scopeKeysOf } from '../../authz/scope-keys.js';
import { recordAudit } from './audit-log.js';
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
    expect(theirs.json()).toEqual({ items: [], total: 0, totalIsLowerBound: false });
    // Sign-ins of A's people (with their addresses) are not B's business either.
    const signIns = (await leaderB.get('/api/audit?action=session.signed_in&pageSize=200')).json().items;
    expect(signIns.map((e: { entityId: string }) => e.entityId)).not.toContain(a.users.secretariat.id);
    expect(signIns.map((e: { entityId: string }) => e.entityId)).toContain(b.users.leader.id);
  });

  it('stores the scope of the record with the event, so the browser needs no query per record type', async () => {
    const unit = (await secretariatA.post('/api/units', { name: `Phường lưu phạm vi ${a.tag}`, kind: 'ward', parentId: a.town.id })).json();
    const [event] = await queryRows<{ scope: string[] }>(t.database.db, sql`select scope from audit_event where entity_type = 'unit' and entity_id = ${unit.id}`);
    expect(event.scope).toEqual(expect.arrayContaining([`under-unit:${a.province.id}`, `under-unit:${a.town.id}`, `under-unit:${unit.id}`, `unit:${unit.id}`]));
    // The leader of the town reads it; a leader elsewhere does not (above); moving the ward away
    // later does not take the event with it: the trail says where the record was.
    const leaderA = await signIn(t.app, a.users.leader.username, TEST_PASSWORD);
    expect((await leaderA.get(`/api/audit?entityType=unit&entityId=${unit.id}`)).json().total).toBe(1);
  });

  it('shows the events of any kind of record by their stored scope alone (files, issued documents…)', async () => {
    const entityId = `file-${a.tag}`;
    await t.database.db.transaction((tx) =>
      recordAudit(tx, { actor: null, ip: null, requestId: null }, { action: 'file.attached', entityType: 'file_attachment', entityId, scope: { agencies: [a.homeAffairs.id] } }),
    );
    expect((await adminA.get(`/api/audit?entityType=file_attachment&entityId=${entityId}`)).json().total).toBe(1);
    expect((await leaderB.get(`/api/audit?entityType=file_attachment&entityId=${entityId}`)).json().total).toBe(0);
  });

  it('computes the same keys in SQL (scope_keys: backfill and scale seed) as in the app', async () => {
    const [row] = await queryRows<{ unitPath: string; agencyPath: string; unitKeys: string[]; agencyKeys: string[] }>(
      t.database.db,
      sql`select a.unit_path as "unitPath", a.path as "agencyPath", scope_keys(a.unit_path, null) as "unitKeys", scope_keys(a.unit_path, a.path) as "agencyKeys"
            from agency a where a.id = ${a.homeAffairs.id}`,
    );
    expect([...row.unitKeys].sort()).toEqual(scopeKeysOf([{ unitPath: row.unitPath }]));
    expect([...row.agencyKeys].sort()).toEqual(scopeKeysOf([{ unitPath: row.unitPath, agencyPath: row.agencyPath }]));
  });

  it('backfills events written before the scope was stored, by their record as it is now', async () => {
    const backfill = fs.readFileSync(path.join(migrationsFolder, fs.readdirSync(migrationsFolder).find((f) => f.endsWith('_audit_scope_backfill.sql'))!), 'utf8');
    const rolledBack = new Error('roll back');
    await t.database.db
      .transaction(async (tx) => {
        // Old events: no scope. One about an agency, one about a user, one about the calendar.
        await tx.execute(sql`insert into audit_event (action, entity_type, entity_id) values
          ('agency.updated', 'agency', ${a.homeAffairs.id}), ('user.updated', 'user', ${a.users.admin.id}), ('calendar.year_updated', 'calendar_year', '2031')`);
        for (const statement of backfill.split('--> statement-breakpoint')) await tx.execute(sql.raw(statement));
        const rows = await queryRows<{ entityType: string; scope: string[] }>(
          tx,
          sql`select entity_type as "entityType", scope from audit_event where (entity_type, entity_id) in (('agency', ${a.homeAffairs.id}), ('user', ${a.users.admin.id}), ('calendar_year', '2031')) and actor_id is null`,
        );
        const scopeOf = (type: string) => rows.find((r) => r.entityType === type)!.scope;
        expect(scopeOf('agency')).toEqual(expect.arrayContaining([`under-unit:${a.town.id}`, `agency:${a.homeAffairs.id}`, `under-agency:${a.townCommittee.id}`]));
        expect(scopeOf('user')).toEqual(expect.arrayContaining([`under-unit:${a.province.id}`, `agency:${a.provinceCommittee.id}`]));
        expect(scopeOf('calendar_year')).toEqual(['installation']);
        throw rolledBack;
      })
      .catch((e: unknown) => {
        if (e !== rolledBack) throw e;
      });
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
