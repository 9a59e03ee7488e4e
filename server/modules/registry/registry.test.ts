import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Client, type TestApp } from '../../test/harness.js';
import { countRows, makeAuthority, TEST_PASSWORD } from '../../test/factories.js';

let t: TestApp;
let a: Awaited<ReturnType<typeof makeAuthority>>;
let admin: Client, secretariat: Client, unitA: Client, inspector: Client, leader: Client;

beforeAll(async () => {
  t = await createTestApp();
  a = await makeAuthority(t.database.db);
  [admin, secretariat, unitA, inspector, leader] = await Promise.all([
    signIn(t.app, a.users.admin.username, TEST_PASSWORD),
    signIn(t.app, a.users.secretariat.username, TEST_PASSWORD),
    signIn(t.app, a.users.unitOfficerA.username, TEST_PASSWORD),
    signIn(t.app, a.users.inspector.username, TEST_PASSWORD),
    signIn(t.app, a.users.leader.username, TEST_PASSWORD),
  ]);
});
afterAll(() => t.close());

const names = (res: { json(): { items: { name: string }[] } }) => res.json().items.map((i) => i.name);

describe('registry: units', () => {
  it('finds a ward by its name typed without diacritics or case', async () => {
    const res = await secretariat.get(`/api/units?q=${encodeURIComponent('hoai thanh tay ' + a.tag)}`);
    expect(res.statusCode).toBe(200);
    expect(names(res)).toEqual([a.wardA.name]);
    const upper = await secretariat.get(`/api/units?q=${encodeURIComponent('HOÀI THANH')}`);
    expect(names(upper)).toContain(a.wardA.name);
  });

  it('lists units in Vietnamese alphabetical order', async () => {
    const parent = (await admin.post('/api/units', { name: `Thị xã sắp xếp ${a.tag}`, kind: 'town', parentId: a.province.id })).json();
    const input = ['Hoài Đức', 'Bồng Sơn', 'Hoài Châu Bắc', 'Hoài Châu', 'Ân Đức', 'Tam Quan', 'Hoài Dương', 'Ẩn Sơn', 'An Nhơn', 'Đập Đá', 'Đông Hòa', 'Diêu Trì'];
    for (const name of input) {
      const r = await admin.post('/api/units', { name, kind: 'ward', parentId: parent.id });
      expect(r.statusCode).toBe(201);
    }
    const res = await admin.get(`/api/units?parentId=${parent.id}`);
    expect(names(res)).toEqual(['An Nhơn', 'Ân Đức', 'Ẩn Sơn', 'Bồng Sơn', 'Diêu Trì', 'Đập Đá', 'Đông Hòa', 'Hoài Châu', 'Hoài Châu Bắc', 'Hoài Dương', 'Hoài Đức', 'Tam Quan']);
  });

  it('filters by validity date (2021 tree vs post-2025 tree)', async () => {
    const old = (await admin.post('/api/units', { name: `Phường cũ ${a.tag}`, kind: 'ward', parentId: a.town.id, validTo: '2025-06-30' })).json();
    const next = (await admin.post('/api/units', { name: `Phường mới ${a.tag}`, kind: 'ward', parentId: a.town.id, validFrom: '2025-07-01' })).json();
    const in2021 = names(await admin.get(`/api/units?asOf=2021-06-01&q=${a.tag}`));
    const in2026 = names(await admin.get(`/api/units?asOf=2026-01-01&q=${a.tag}`));
    expect(in2021).toContain(old.name);
    expect(in2021).not.toContain(next.name);
    expect(in2026).toContain(next.name);
    expect(in2026).not.toContain(old.name);
    const linked = await admin.post(`/api/units/${old.id}/successions`, { kind: 'merged_into', toUnitId: next.id, effectiveDate: '2025-07-01' });
    expect(linked.statusCode).toBe(200);
    expect(linked.json().successors[0]).toMatchObject({ toUnitId: next.id, toUnitName: next.name, kind: 'merged_into' });
    expect((await admin.get(`/api/units/${next.id}`)).json().predecessors[0].fromUnitId).toBe(old.id);
  });

  it('names a succession only when the caller may open both units (a ward officer learns nothing of a ward outside their scope)', async () => {
    const b = await makeAuthority(t.database.db);
    const [adminB, officerB] = await Promise.all([signIn(t.app, b.users.admin.username, TEST_PASSWORD), signIn(t.app, b.users.unitOfficerA.username, TEST_PASSWORD)]);
    const linked = await adminB.post(`/api/units/${b.wardA.id}/successions`, { kind: 'merged_into', toUnitId: b.wardB.id, effectiveDate: '2025-07-01' });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().successors).toEqual([expect.objectContaining({ toUnitId: b.wardB.id })]);
    const asOfficer = await officerB.get(`/api/units/${b.wardA.id}`);
    expect(asOfficer.statusCode).toBe(200);
    expect(asOfficer.json().successors).toEqual([]);
    expect(asOfficer.body).not.toContain(b.wardB.id);
    expect((await officerB.get(`/api/units/${b.wardB.id}`)).statusCode).toBe(404);
  });

  it('creates, edits with a version, and answers 409 to a stale version without writing', async () => {
    const created = await secretariat.post('/api/units', { name: `Xã thử ${a.tag}`, kind: 'commune', parentId: a.town.id, code: `C-${a.tag}` });
    expect(created.statusCode).toBe(201);
    const unit = created.json();
    expect(unit.abilities).toEqual({ update: true, deactivate: true, createChild: true, recordSuccession: true });
    const first = await secretariat.patch(`/api/units/${unit.id}`, { version: 1, name: `Xã đổi tên ${a.tag}` });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(2);
    const auditBefore = await countRows(t.database.db, 'audit_event', sql`entity_id = ${unit.id}`);
    const stale = await secretariat.patch(`/api/units/${unit.id}`, { version: 1, name: 'Tên cũ' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    expect((await secretariat.get(`/api/units/${unit.id}`)).json().name).toBe(`Xã đổi tên ${a.tag}`);
    expect(await countRows(t.database.db, 'audit_event', sql`entity_id = ${unit.id}`)).toBe(auditBefore);
  });

  it('deactivates instead of deleting; inactive units leave the default list', async () => {
    const unit = (await admin.post('/api/units', { name: `Xã giải thể ${a.tag}`, kind: 'commune', parentId: a.town.id })).json();
    const res = await admin.post(`/api/units/${unit.id}/deactivate`, { version: 1, validTo: '2024-12-31' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ active: false, validTo: '2024-12-31' });
    expect(names(await admin.get(`/api/units?q=${encodeURIComponent('giai the ' + a.tag)}`))).toEqual([]);
    expect(names(await admin.get(`/api/units?includeInactive=true&q=${encodeURIComponent('giai the ' + a.tag)}`))).toEqual([unit.name]);
    const again = await admin.post(`/api/units/${unit.id}/deactivate`, { version: 2 });
    expect(again.json().code).toBe('INVALID_STATE');
  });

  it('refuses a cycle in the tree', async () => {
    const res = await admin.patch(`/api/units/${a.town.id}`, { version: 1, parentId: a.wardA.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().invalidParams[0]).toMatchObject({ name: 'body.parentId', code: 'cycle' });
  });
});

describe('registry: bad input', () => {
  it('answers 400 naming the field, and writes nothing', async () => {
    const before = await countRows(t.database.db, 'unit', sql`parent_id = ${a.town.id}`);
    const cases: [unknown, string][] = [
      [{ kind: 'ward', parentId: a.town.id }, 'body.name'],
      [{ name: 'X', kind: 'village', parentId: a.town.id }, 'body.kind'],
      [{ name: 'X', kind: 'ward', parentId: 'not-a-uuid' }, 'body.parentId'],
      [{ name: 'X', kind: 'ward', parentId: a.town.id, validFrom: '2021-02-30' }, 'body.validFrom'],
      [{ name: 'X', kind: 'ward', parentId: a.town.id, validFrom: '2022-01-01', validTo: '2021-01-01' }, 'body.validTo'],
      [{ name: '   ', kind: 'ward', parentId: a.town.id }, 'body.name'],
      [{ name: 'X', kind: 'ward', parentId: '00000000-0000-4000-8000-000000000000' }, 'body.parentId'],
    ];
    for (const [payload, field] of cases) {
      const res = await admin.post('/api/units', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
      expect(res.json().invalidParams.map((p: { name: string }) => p.name)).toContain(field);
    }
    expect(await countRows(t.database.db, 'unit', sql`parent_id = ${a.town.id}`)).toBe(before);
  });

  it('answers 400 to malformed JSON and bad query parameters, never 500', async () => {
    const res = await admin.request({ method: 'POST', url: '/api/units', payload: '{"name":', headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(400);
    expect((await admin.get('/api/units?asOf=yesterday')).json().invalidParams[0].name).toBe('query.asOf');
    expect((await admin.get('/api/units/123')).json().invalidParams[0].name).toBe('path.id');
    expect((await admin.get('/api/audit?page=-1')).statusCode).toBe(400);
  });
});

describe('registry: authorization', () => {
  it("gives a ward's unit officer 404 for another ward's records, and forbids changing them", async () => {
    expect((await unitA.get(`/api/units/${a.wardA.id}`)).statusCode).toBe(200);
    const other = await unitA.get(`/api/units/${a.wardB.id}`);
    expect(other.statusCode).toBe(404);
    expect(other.json().code).toBe('NOT_FOUND');
    expect((await unitA.get(`/api/agencies/${a.wardBCommittee.id}`)).statusCode).toBe(404);
    const change = await unitA.patch(`/api/agencies/${a.wardBCommittee.id}`, { version: 1, phone: '0123' });
    expect(change.statusCode).toBe(404);
    const list = await unitA.get('/api/agencies');
    expect(names(list)).toContain(a.wardACommittee.name);
    expect(names(list)).not.toContain(a.wardBCommittee.name);
    expect(names(list)).not.toContain(a.wardBDesk.name);
    const units = names(await unitA.get('/api/units'));
    expect(units).toEqual(expect.arrayContaining([a.wardA.name, a.town.name, a.province.name]));
    expect(units).not.toContain(a.wardB.name);
  });

  it('lets a unit officer update their own contact details but nothing else', async () => {
    const ok = await unitA.patch(`/api/agencies/${a.wardACommittee.id}`, { version: 1, phone: '0256 3861 234', headName: 'Nguyễn Văn A' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ phone: '0256 3861 234', abilities: { update: true, deactivate: false } });
    const kind = await unitA.patch(`/api/agencies/${a.wardACommittee.id}`, { version: 2, kind: 'office' });
    expect(kind.statusCode).toBe(403);
    expect(kind.json().invalidParams[0].name).toBe('body.kind');
    expect((await unitA.post(`/api/agencies/${a.wardACommittee.id}/deactivate`, { version: 2 })).statusCode).toBe(403);
    expect((await unitA.post('/api/units', { name: 'X', kind: 'ward', parentId: a.wardA.id })).statusCode).toBe(403);
  });

  it('gives read-only abilities to leaders and inspectors', async () => {
    const res = await leader.get(`/api/units/${a.wardB.id}`);
    expect(res.json().abilities).toEqual({ update: false, deactivate: false, createChild: false, recordSuccession: false });
    expect((await inspector.patch(`/api/units/${a.wardB.id}`, { version: 1, name: 'X' })).statusCode).toBe(403);
  });
});

describe('audit trail', () => {
  it('records who, when, from where, what, before and after, in the same transaction', async () => {
    const unit = (await secretariat.post('/api/units', { name: `Xã kiểm toán ${a.tag}`, kind: 'commune', parentId: a.town.id })).json();
    await secretariat.patch(`/api/units/${unit.id}`, { version: 1, name: `Xã kiểm toán 2 ${a.tag}` });
    const res = await leader.get(`/api/audit?entityType=unit&entityId=${unit.id}`);
    expect(res.statusCode).toBe(200);
    const [updated, created] = res.json().items;
    expect(created).toMatchObject({ action: 'unit.created', actorId: a.users.secretariat.id, ip: '127.0.0.1', before: null });
    expect(updated.before.name).toBe(`Xã kiểm toán ${a.tag}`);
    expect(updated.after.name).toBe(`Xã kiểm toán 2 ${a.tag}`);
    expect(updated.after.sortKey).toBeUndefined();
  });

  it('is append-only', async () => {
    const { sql } = await import('drizzle-orm');
    await expect(t.database.db.execute(sql`delete from audit_event`)).rejects.toThrow();
  });

  it('is readable by admins and leaders only', async () => {
    expect((await inspector.get('/api/audit')).statusCode).toBe(403);
    expect((await unitA.get('/api/audit')).statusCode).toBe(403);
    expect((await admin.get('/api/audit?action=unit.created&from=2020-01-01')).statusCode).toBe(200);
  });
});

describe('registry: defects of issue 7', () => {
  it('refuses a unit without a parent (roots come from set-up) and saves nothing, so a retry cannot duplicate it', async () => {
    const name = `Tỉnh gốc ${a.tag}`;
    const res = await admin.post('/api/units', { name, kind: 'province', parentId: null });
    expect(res.statusCode).toBe(400);
    expect(res.json().invalidParams[0]).toMatchObject({ name: 'body.parentId', code: 'required' });
    expect(await countRows(t.database.db, 'unit', sql`name = ${name}`)).toBe(0);
  });

  it("keeps a town's admin inside the town: no unit under the province, nothing saved", async () => {
    const { makeUser } = await import('../../test/factories.js');
    const townAdminUser = await makeUser(t.database.db, [{ role: 'admin', agencyId: a.townCommittee.id }]);
    const townAdmin = await signIn(t.app, townAdminUser.username, TEST_PASSWORD);
    const name = `Thị xã lạ ${a.tag}`;
    const res = await townAdmin.post('/api/units', { name, kind: 'town', parentId: a.province.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().invalidParams[0]).toMatchObject({ name: 'body.parentId', code: 'out_of_scope' });
    expect(await countRows(t.database.db, 'unit', sql`name = ${name}`)).toBe(0);
    // Nor move a unit of the town out of it.
    const moved = await townAdmin.patch(`/api/units/${a.wardB.id}`, { version: 1, parentId: a.province.id });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().invalidParams[0]).toMatchObject({ name: 'body.parentId', code: 'out_of_scope' });
    // Inside the town, the same admin works as before, and reads back what it wrote.
    const inside = await townAdmin.post('/api/units', { name: `Phường trong ${a.tag}`, kind: 'ward', parentId: a.town.id });
    expect(inside.statusCode).toBe(201);
    expect(inside.json().parentName).toBe(a.town.name);
  });

  it('refuses control characters in registry text, naming the field, as document text does', async () => {
    const before = await countRows(t.database.db, 'agency', sql`unit_id = ${a.town.id}`);
    for (const [payload, field] of [
      [{ unitId: a.town.id, name: 'Thị xã\u000bHoài Nhơn', kind: 'office' }, 'body.name'],
      [{ unitId: a.town.id, name: 'Phòng X', kind: 'office', placeName: 'Hoài\u0007Nhơn' }, 'body.placeName'],
      [{ unitId: a.town.id, name: 'Phòng X', kind: 'office', headName: 'Nguyễn\nVăn A' }, 'body.headName'],
      [{ unitId: a.town.id, name: 'Phòng X\u0085', kind: 'office' }, 'body.name'],
      // Invisible and direction-reversing characters: two names that look alike, or a place name
      // that reads backwards in the document header.
      [{ unitId: a.town.id, name: 'Phòng X', kind: 'office', placeName: 'Hoài\u202eNhơn' }, 'body.placeName'],
      [{ unitId: a.town.id, name: 'Phòng\u200bX', kind: 'office' }, 'body.name'],
      [{ unitId: a.town.id, name: 'Phòng X\u2066', kind: 'office' }, 'body.name'],
      [{ unitId: a.town.id, name: '\ufeffPhòng X', kind: 'office' }, 'body.name'],
    ] as const) {
      const res = await admin.post('/api/agencies', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().invalidParams[0]).toMatchObject({ name: field, code: 'control_characters' });
    }
    expect(await countRows(t.database.db, 'agency', sql`unit_id = ${a.town.id}`)).toBe(before);
    const unit = await admin.post('/api/units', { name: 'Phường\u001fY', kind: 'ward', parentId: a.town.id });
    expect(unit.json().invalidParams[0]).toMatchObject({ name: 'body.name', code: 'control_characters' });
  });
});

describe('registry: agencies page by keyset', () => {
  it('walks every agency in reach once, in order, with the total, and refuses a forged cursor', async () => {
    const parent = (await admin.post('/api/units', { name: `Phường trang ${a.tag}`, kind: 'ward', parentId: a.province.id })).json();
    for (const name of ['Văn phòng B', 'Văn phòng A', 'Văn phòng Đ', 'Văn phòng C', 'Văn phòng Ă']) {
      expect((await admin.post('/api/agencies', { unitId: parent.id, name, kind: 'office' })).statusCode).toBe(201);
    }
    const whole = (await admin.get(`/api/agencies?unitId=${parent.id}&limit=500`)).json();
    expect(whole.total).toBe(5);
    expect(whole.nextCursor).toBeNull();
    expect(whole.items.map((i: { name: string }) => i.name)).toEqual(['Văn phòng A', 'Văn phòng Ă', 'Văn phòng B', 'Văn phòng C', 'Văn phòng Đ']);

    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const res = await admin.get(`/api/agencies?unitId=${parent.id}&limit=2${after ? `&after=${after}` : ''}`);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.total).toBe(5);
      expect(body.items.length).toBeLessThanOrEqual(2);
      seen.push(...body.items.map((i: { name: string }) => i.name));
      after = body.nextCursor;
      if (!after) break;
    }
    expect(seen).toEqual(whole.items.map((i: { name: string }) => i.name));

    // A page is never larger than asked, and the default is bounded.
    expect((await admin.get('/api/agencies?limit=501')).statusCode).toBe(400);
    const forged = await admin.get(`/api/agencies?after=${Buffer.from('["x"]').toString('base64url')}`);
    expect(forged.statusCode).toBe(400);
    expect(forged.json().invalidParams[0]).toMatchObject({ name: 'query.after', code: 'malformed' });
    // Another unit's officer counts only what is theirs.
    const mine = (await unitA.get(`/api/agencies?unitId=${parent.id}`)).json();
    expect(mine).toMatchObject({ items: [], total: 0, nextCursor: null });
  });
});

describe('registry: the places of an inspection', () => {
  it('lists an agency and its one-stop desks and reception points at any depth, paged and searched on the server', async () => {
    const ward = (await admin.post('/api/units', { name: `Phường điểm ${a.tag}`, kind: 'ward', parentId: a.province.id })).json();
    const add = async (name: string, kind: string, parentAgencyId?: string) => {
      const res = await admin.post('/api/agencies', { unitId: ward.id, name, kind, ...(parentAgencyId ? { parentAgencyId } : {}) });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const committee = await add('UBND phường Điểm', 'peoples_committee');
    const office = await add('Văn phòng HĐND và UBND phường Điểm', 'office', committee);
    await add('Bộ phận Một cửa số 1', 'one_stop_desk', office);
    await add('Bộ phận Một cửa số 2', 'one_stop_desk', office);
    await add('Điểm tiếp công dân phường Điểm', 'reception_point', committee);
    const old = await add('Bộ phận Một cửa cũ', 'one_stop_desk', committee);
    const other = await add('UBND phường bên cạnh', 'peoples_committee');
    await add('Bộ phận Một cửa bên cạnh', 'one_stop_desk', other);
    const stale = (await admin.get(`/api/agencies/${old}`)).json();
    expect((await admin.post(`/api/agencies/${old}/deactivate`, { version: stale.version })).statusCode).toBe(200);

    const wholeRes = await admin.get(`/api/agencies?placesOf=${committee}&limit=500`);
    expect(wholeRes.statusCode, wholeRes.body).toBe(200);
    const whole = wholeRes.json();
    expect(whole.total).toBe(4);
    expect(names({ json: () => whole }).sort()).toEqual(['Bộ phận Một cửa số 1', 'Bộ phận Một cửa số 2', 'Điểm tiếp công dân phường Điểm', 'UBND phường Điểm'].sort());
    // Past the first page, the next one and the search find the rest.
    const first = (await admin.get(`/api/agencies?placesOf=${committee}&limit=2`)).json();
    expect(first).toMatchObject({ total: 4, nextCursor: expect.any(String) });
    const second = (await admin.get(`/api/agencies?placesOf=${committee}&limit=2&after=${first.nextCursor}`)).json();
    expect([...first.items, ...second.items].map((i: { id: string }) => i.id).sort()).toEqual(whole.items.map((i: { id: string }) => i.id).sort());
    expect(names(await admin.get(`/api/agencies?placesOf=${committee}&q=mot%20cua%20so%202`))).toEqual(['Bộ phận Một cửa số 2']);
    expect((await admin.get('/api/agencies?placesOf=not-a-uuid')).statusCode).toBe(400);
  });
});

describe('registry: units page by keyset', () => {
  it('walks every unit under a parent once, in Vietnamese order, with the total, and refuses a forged cursor', async () => {
    const parent = (await admin.post('/api/units', { name: `Tỉnh trang ${a.tag}`, kind: 'province', parentId: a.province.id })).json();
    for (const name of ['Phường B', 'Phường A', 'Phường Đ', 'Phường C', 'Phường Ă']) {
      expect((await admin.post('/api/units', { name, kind: 'ward', parentId: parent.id })).statusCode).toBe(201);
    }
    const whole = (await admin.get(`/api/units?parentId=${parent.id}`)).json();
    expect(whole).toMatchObject({ total: 5, nextCursor: null });
    expect(whole.items.map((i: { name: string }) => i.name)).toEqual(['Phường A', 'Phường Ă', 'Phường B', 'Phường C', 'Phường Đ']);

    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const body: { total: number; nextCursor: string | null; items: { name: string }[] } = (await admin.get(`/api/units?parentId=${parent.id}&limit=2${after ? `&after=${after}` : ''}`)).json();
      expect(body.total).toBe(5);
      expect(body.items.length).toBeLessThanOrEqual(2);
      seen.push(...body.items.map((i: { name: string }) => i.name));
      after = body.nextCursor;
      if (!after) break;
    }
    expect(seen).toEqual(whole.items.map((i: { name: string }) => i.name));

    expect((await admin.get('/api/units?limit=2001')).statusCode).toBe(400);
    const forged = await admin.get(`/api/units?after=${Buffer.from('["x","y"]').toString('base64url')}`);
    expect(forged.statusCode).toBe(400);
    expect(forged.json().invalidParams[0]).toMatchObject({ name: 'query.after', code: 'malformed' });
    // Another unit's officer counts only what is theirs.
    expect((await unitA.get(`/api/units?parentId=${parent.id}`)).json()).toMatchObject({ items: [], total: 0, nextCursor: null });
  });
});
