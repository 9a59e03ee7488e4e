import { sql, type SQL } from 'drizzle-orm';
import type { RoleName } from '../../shared/api/session.schemas.js';
import { vietnameseSortKey } from '../../shared/domain/vietnamese.js';
import { agency, appUser, unit, userRole } from '../db/schema/index.js';
import type { Db } from '../db/client.js';
import { hash } from '@node-rs/argon2';
import { loadRoles } from '../modules/session/session-store.js';
import type { Actor } from '../http/actor.js';
import type { AppInstance } from '../app.js';
import { signIn, uniq } from './harness.js';

export const TEST_PASSWORD = 'test-password-123';
let hashed: Promise<string> | null = null;
/**
 * The test users' password hash: argon2id, as hashPassword makes, at the lowest cost (64 KiB, one
 * pass) instead of the library's defaults. Sign-in verifies with the parameters written in the
 * hash, so it takes well under a millisecond instead of ~50-70 ms; the suite signs in thousands
 * of times (docs/decisions/test-speed.md). Users the app creates (POST /api/users, the demo
 * seed, a password change) still get the full cost.
 */
const testHash = () => (hashed ??= hash(TEST_PASSWORD, { algorithm: 2 /* Argon2id */, memoryCost: 64, timeCost: 1 }));

export async function makeUnit(db: Db, input: { name: string; kind: string; parentId?: string | null; code?: string | null; validFrom?: string; validTo?: string }) {
  const [row] = await db
    .insert(unit)
    .values({ ...input, code: input.code ?? null, parentId: input.parentId ?? null, sortKey: vietnameseSortKey(input.name) })
    .returning();
  return row;
}

export async function makeAgency(db: Db, input: { unitId: string; name: string; kind: string; parentAgencyId?: string; code?: string | null; docAbbreviation?: string }) {
  const [row] = await db.insert(agency).values({ ...input, code: input.code ?? null, sortKey: vietnameseSortKey(input.name) }).returning();
  return row;
}

export async function makeUser(db: Db, roles: { role: RoleName; agencyId: string }[], name = 'Người dùng thử') {
  const username = `u${uniq()}`;
  const [row] = await db.insert(appUser).values({ username, fullName: name, passwordHash: await testHash() }).returning();
  if (roles.length) await db.insert(userRole).values(roles.map((r) => ({ userId: row.id, ...r })));
  return row;
}

/**
 * A fresh authority for one test: a province, a town with two wards, their committees and
 * offices, and one user per role — unique names, so tests never see each other's data.
 */
export async function makeAuthority(db: Db) {
  const tag = uniq();
  const province = await makeUnit(db, { name: `Tỉnh thử ${tag}`, kind: 'province', code: `P-${tag}` });
  const town = await makeUnit(db, { name: `Thị xã thử ${tag}`, kind: 'town', parentId: province.id, code: `T-${tag}` });
  const wardA = await makeUnit(db, { name: `Hoài Thanh Tây ${tag}`, kind: 'ward', parentId: town.id, code: `WA-${tag}` });
  const wardB = await makeUnit(db, { name: `Tam Quan Bắc ${tag}`, kind: 'ward', parentId: town.id, code: `WB-${tag}` });
  const provinceCommittee = await makeAgency(db, { unitId: province.id, name: `UBND tỉnh thử ${tag}`, kind: 'peoples_committee', code: `AP-${tag}` });
  const townCommittee = await makeAgency(db, { unitId: town.id, name: `UBND thị xã thử ${tag}`, kind: 'peoples_committee', code: `AT-${tag}`, docAbbreviation: 'UBND' });
  const homeAffairs = await makeAgency(db, { unitId: town.id, parentAgencyId: townCommittee.id, name: `Phòng Nội vụ ${tag}`, kind: 'office', code: `ANV-${tag}`, docAbbreviation: 'NV' });
  const wardACommittee = await makeAgency(db, { unitId: wardA.id, name: `UBND phường Hoài Thanh Tây ${tag}`, kind: 'peoples_committee', code: `AWA-${tag}` });
  const wardBCommittee = await makeAgency(db, { unitId: wardB.id, name: `UBND phường Tam Quan Bắc ${tag}`, kind: 'peoples_committee', code: `AWB-${tag}` });
  const wardBDesk = await makeAgency(db, { unitId: wardB.id, parentAgencyId: wardBCommittee.id, name: `Bộ phận Một cửa Tam Quan Bắc ${tag}`, kind: 'one_stop_desk', code: `AWBD-${tag}` });
  const users = {
    admin: await makeUser(db, [{ role: 'admin', agencyId: provinceCommittee.id }], 'Quản trị'),
    leader: await makeUser(db, [{ role: 'leader', agencyId: townCommittee.id }], 'Lãnh đạo'),
    secretariat: await makeUser(db, [{ role: 'secretariat', agencyId: homeAffairs.id }], 'Thường trực'),
    inspector: await makeUser(db, [{ role: 'inspector', agencyId: homeAffairs.id }], 'Thành viên đoàn'),
    unitOfficerA: await makeUser(db, [{ role: 'unit_officer', agencyId: wardACommittee.id }], 'Đầu mối phường A'),
  };
  return { tag, province, town, wardA, wardB, provinceCommittee, townCommittee, homeAffairs, wardACommittee, wardBCommittee, wardBDesk, users };
}

/**
 * Rows of a table, optionally only those matching `where`. On the shared PostgreSQL test
 * database other test files write at the same time: scope the count to this test's own records.
 */
export async function countRows(db: Db, table: string, where?: SQL): Promise<number> {
  const query = where ? sql`select count(*)::int as n from ${sql.identifier(table)} where ${where}` : sql`select count(*)::int as n from ${sql.identifier(table)}`;
  const res = (await db.execute(query)) as unknown as { rows: { n: number }[] };
  return Number(res.rows[0].n);
}

/** A signed-in client for each demo role of an authority made by makeAuthority. */
export async function signInAuthority(app: AppInstance, a: Awaited<ReturnType<typeof makeAuthority>>) {
  const [admin, leader, secretariat, inspector, unitOfficerA] = await Promise.all(
    [a.users.admin, a.users.leader, a.users.secretariat, a.users.inspector, a.users.unitOfficerA].map((u) => signIn(app, u.username, TEST_PASSWORD)),
  );
  return { admin, leader, secretariat, inspector, unitOfficerA };
}

/** The actor a user would be after signing in (their grants loaded as the session does), for use-case tests. */
export async function actorOf(db: Db, user: { id: string; username: string; fullName: string }): Promise<Actor> {
  return { userId: user.id, username: user.username, fullName: user.fullName, roles: await loadRoles(db, user.id), sessionId: '', csrfToken: '', mustChangePassword: false };
}
