import { and, eq, inArray, sql } from 'drizzle-orm';
import type { RoleName } from '../../../shared/api/session.schemas.js';
import { agency, appUser, session, userRole } from '../../db/schema/index.js';
import type { DbOrTx, Tx } from '../../db/client.js';
import { agencyInReach } from '../../authz/scope.js';
import type { Actor } from '../../http/actor.js';
import { manageableUsers } from './users.policy.js';
import { matchesText } from '../registry/registry.repository.js';
import { decodeCursor, encodeCursor } from '../../db/keyset.js';

export type UserRow = typeof appUser.$inferSelect;
export interface UserRoleRow {
  userId: string;
  role: string;
  agencyId: string;
  agencyName: string;
}

/**
 * One page of the users the admin may manage, by username (keyset: username, id), with the count
 * of all pages; `q` matches the username or the full name, diacritics and case ignored.
 */
export async function pageManageableUserIds(db: DbOrTx, actor: Actor, f: { q?: string; after?: string; limit: number }): Promise<{ ids: string[]; nextCursor: string | null; total: number }> {
  const conditions = [sql`${appUser.id} in ${manageableUsers(actor)}`];
  if (f.q?.trim()) conditions.push(matchesText(sql`${appUser.username} || ' ' || ${appUser.fullName}`, f.q));
  const where = [...conditions];
  if (f.after) {
    const [username, id] = decodeCursor(f.after, 2);
    where.push(sql`(${appUser.username}, ${appUser.id}) > (${username}, ${id}::uuid)`);
  }
  const [rows, [count]] = await Promise.all([
    db.select({ id: appUser.id, username: appUser.username }).from(appUser).where(and(...where)).orderBy(appUser.username, appUser.id).limit(f.limit + 1),
    db.select({ n: sql<number>`count(*)::int` }).from(appUser).where(and(...conditions)),
  ]);
  const more = rows.length > f.limit;
  const page = more ? rows.slice(0, f.limit) : rows;
  const last = page[page.length - 1];
  return { ids: page.map((r) => r.id), nextCursor: more && last ? encodeCursor([last.username, last.id]) : null, total: count?.n ?? 0 };
}

/** The user if the admin may manage them, else null (404). */
export async function findManageableUserId(db: DbOrTx, actor: Actor, id: string): Promise<string | null> {
  const [row] = await db.select({ id: appUser.id }).from(appUser).where(sql`${appUser.id} = ${id} and ${appUser.id} in ${manageableUsers(actor)}`);
  return row?.id ?? null;
}

/** The users and their roles (with agency names), ordered by username. */
export async function usersWithRoles(db: DbOrTx, ids: string[]): Promise<{ users: UserRow[]; roles: UserRoleRow[] }> {
  if (!ids.length) return { users: [], roles: [] };
  const users = await db.select().from(appUser).where(inArray(appUser.id, ids)).orderBy(appUser.username);
  const roles = await db
    .select({ userId: userRole.userId, role: userRole.role, agencyId: userRole.agencyId, agencyName: agency.name })
    .from(userRole)
    .innerJoin(agency, eq(agency.id, userRole.agencyId))
    .where(inArray(userRole.userId, ids));
  return { users, roles };
}

/** Of these agencies, those in the admin's reach for managing users. */
export async function agenciesInUserReach(tx: Tx, actor: Actor, agencyIds: string[]): Promise<Set<string>> {
  if (!agencyIds.length) return new Set();
  const rows = await tx.select({ id: agency.id }).from(agency).where(and(inArray(agency.id, agencyIds), agencyInReach(actor, 'user.manage', agency)));
  return new Set(rows.map((a) => a.id));
}

export async function insertUser(tx: Tx, values: typeof appUser.$inferInsert): Promise<UserRow> {
  const [row] = await tx.insert(appUser).values(values).returning();
  return row;
}

export async function replaceRoles(tx: Tx, userId: string, roles: { role: RoleName; agencyId: string }[]): Promise<void> {
  await tx.delete(userRole).where(eq(userRole.userId, userId));
  if (roles.length) await tx.insert(userRole).values(roles.map((r) => ({ userId, ...r })));
}

/** Ends every session of the user (deactivated, or a password reset). */
export async function endSessionsOf(tx: Tx, userId: string): Promise<void> {
  await tx.delete(session).where(eq(session.userId, userId));
}
