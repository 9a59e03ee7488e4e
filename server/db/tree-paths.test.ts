import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Database } from './client.js';
import { openTestDatabase } from '../test/harness.js';
import { makeAgency, makeUnit } from '../test/factories.js';

/**
 * The materialised paths of migration 0006 are kept by triggers, so they must be right after any
 * write: one row at a time, a multi-row insert in any order, a move of a subtree, an agency moved
 * to another unit. A cycle is refused by the database itself.
 */
let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const pathOf = async (table: 'unit' | 'agency', id: string) =>
  (await queryRows<{ path: string }>(database.db, sql`select path from ${sql.identifier(table)} where id = ${id}::uuid`))[0].path;
const unitPathOfAgency = async (id: string) =>
  (await queryRows<{ unit_path: string }>(database.db, sql`select unit_path from agency where id = ${id}::uuid`))[0].unit_path;

describe('unit paths', () => {
  it('gives each unit its ancestors and itself', async () => {
    const root = await makeUnit(database.db, { name: 'Gốc', kind: 'country' });
    const province = await makeUnit(database.db, { name: 'Tỉnh', kind: 'province', parentId: root.id });
    const ward = await makeUnit(database.db, { name: 'Phường', kind: 'ward', parentId: province.id });
    expect(await pathOf('unit', root.id)).toBe(`/${root.id}/`);
    expect(await pathOf('unit', ward.id)).toBe(`/${root.id}/${province.id}/${ward.id}/`);
  });

  it('is right after one multi-row insert whose children come before their parents', async () => {
    const root = await makeUnit(database.db, { name: 'Gốc nhiều', kind: 'country' });
    // A chain of 40 units and a fan of 200 leaves, inserted in one statement, deepest first.
    const chain = Array.from({ length: 40 }, () => crypto.randomUUID());
    const rows = chain.map((id, i) => ({ id, parent: i === 0 ? root.id : chain[i - 1] }));
    const leaves = Array.from({ length: 200 }, (_, i) => ({ id: crypto.randomUUID(), parent: chain[i % chain.length] }));
    const all = [...rows, ...leaves].reverse();
    await database.db.execute(sql`insert into unit (id, name, sort_key, kind, parent_id) values ${sql.join(
      all.map((r) => sql`(${r.id}::uuid, 'x', 'x', 'ward', ${r.parent}::uuid)`),
      sql`, `,
    )}`);
    const expected = new Map<string, string>([[root.id, `/${root.id}/`]]);
    for (const r of rows) expected.set(r.id, `${expected.get(r.parent)}${r.id}/`);
    for (const r of leaves) expected.set(r.id, `${expected.get(r.parent)}${r.id}/`);
    const stored = await queryRows<{ id: string; path: string }>(
      database.db,
      sql`select id, path from unit where path like ${`/${root.id}/%`}`,
    );
    expect(stored.length).toBe(expected.size);
    for (const s of stored) expect(s.path, s.id).toBe(expected.get(s.id));
  });

  it('moves a whole subtree, its agencies included', async () => {
    const root = await makeUnit(database.db, { name: 'Gốc chuyển', kind: 'country' });
    const a = await makeUnit(database.db, { name: 'A', kind: 'province', parentId: root.id });
    const b = await makeUnit(database.db, { name: 'B', kind: 'province', parentId: root.id });
    const town = await makeUnit(database.db, { name: 'Thị xã', kind: 'town', parentId: a.id });
    const ward = await makeUnit(database.db, { name: 'Phường', kind: 'ward', parentId: town.id });
    const committee = await makeAgency(database.db, { unitId: ward.id, name: 'UBND phường', kind: 'peoples_committee' });
    await database.db.execute(sql`update unit set parent_id = ${b.id}::uuid where id = ${town.id}::uuid`);
    expect(await pathOf('unit', ward.id)).toBe(`/${root.id}/${b.id}/${town.id}/${ward.id}/`);
    expect(await unitPathOfAgency(committee.id)).toBe(`/${root.id}/${b.id}/${town.id}/${ward.id}/`);
  });

  it('refuses a cycle, whoever writes it', async () => {
    const root = await makeUnit(database.db, { name: 'Gốc vòng', kind: 'country' });
    const child = await makeUnit(database.db, { name: 'Con', kind: 'province', parentId: root.id });
    const grandchild = await makeUnit(database.db, { name: 'Cháu', kind: 'town', parentId: child.id });
    await expect(database.db.execute(sql`update unit set parent_id = ${grandchild.id}::uuid where id = ${root.id}::uuid`)).rejects.toMatchObject({
      cause: expect.objectContaining({ code: '23514' }),
    });
    expect(await pathOf('unit', grandchild.id)).toBe(`/${root.id}/${child.id}/${grandchild.id}/`);
  });
});

describe('agency paths', () => {
  it('follows the parent agency and copies the unit path; a move to another unit updates it', async () => {
    const root = await makeUnit(database.db, { name: 'Gốc cơ quan', kind: 'country' });
    const town = await makeUnit(database.db, { name: 'Thị xã', kind: 'town', parentId: root.id });
    const other = await makeUnit(database.db, { name: 'Thị xã khác', kind: 'town', parentId: root.id });
    const committee = await makeAgency(database.db, { unitId: town.id, name: 'UBND', kind: 'peoples_committee' });
    const office = await makeAgency(database.db, { unitId: town.id, parentAgencyId: committee.id, name: 'Phòng', kind: 'office' });
    expect(await pathOf('agency', office.id)).toBe(`/${committee.id}/${office.id}/`);
    expect(await unitPathOfAgency(office.id)).toBe(`/${root.id}/${town.id}/`);
    await database.db.execute(sql`update agency set unit_id = ${other.id}::uuid, parent_agency_id = null where id = ${office.id}::uuid`);
    expect(await pathOf('agency', office.id)).toBe(`/${office.id}/`);
    expect(await unitPathOfAgency(office.id)).toBe(`/${root.id}/${other.id}/`);
  });
});
