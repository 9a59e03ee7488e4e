import crypto from 'node:crypto';
import { and, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import type { Grant } from '../../authz/grants.js';
import { agency, appUser, session } from '../../db/schema/index.js';
import { queryRows, type DbOrTx } from '../../db/client.js';
import type { Actor } from '../../http/actor.js';

export const SESSION_COOKIE = 'par_session';

export function newToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** Sessions are stored by the hash of their token; the token itself lives only in the cookie. */
export function sessionIdOf(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export interface SessionPolicy {
  idleMinutes: number;
  maxHours: number;
}

export async function createSession(
  tx: DbOrTx,
  input: { userId: string; ip: string | null; userAgent: string | null; policy: SessionPolicy },
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(Date.now() + input.policy.idleMinutes * 60_000);
  await tx.insert(session).values({
    id: sessionIdOf(token),
    userId: input.userId,
    csrfToken,
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
    expiresAt,
  });
  return { token, csrfToken, expiresAt };
}

/**
 * SQL: the role grants of a user with where each agency sits (server/authz/grants.ts), as a JSON
 * array, so the session lookup brings them in the same round trip.
 */
const grantsOf = (userId: SQL | string) => sql<Grant[]>`coalesce((
  select json_agg(json_build_object('role', r.role, 'agencyId', r.agency_id, 'agencyKind', a.kind,
                                    'unitId', a.unit_id, 'unitPath', a.unit_path, 'agencyPath', a.path))
    from user_role r join agency a on a.id = r.agency_id where r.user_id = ${userId}), '[]'::json)`;

/** PGlite hands json back as text, node-postgres as objects. */
const parsed = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

export async function loadRoles(tx: DbOrTx, userId: string): Promise<Grant[]> {
  const [row] = await queryRows<{ grants: Grant[] | string }>(tx, sql`select ${grantsOf(sql`${userId}::uuid`)} as grants`);
  return parsed(row.grants);
}

/**
 * Finds the live session of a token and slides its expiry (idle timeout), never past the
 * absolute maximum from its creation.
 */
export async function loadActor(db: DbOrTx, token: string, policy: SessionPolicy): Promise<(Actor & { expiresAt: Date }) | null> {
  const id = sessionIdOf(token);
  // One round trip: the session, its user and the user's role grants together.
  const [row] = await db
    .select({
      sessionId: session.id,
      csrfToken: session.csrfToken,
      expiresAt: session.expiresAt,
      lastSeenAt: session.lastSeenAt,
      userId: appUser.id,
      username: appUser.username,
      fullName: appUser.fullName,
      mustChangePassword: appUser.mustChangePassword,
      roles: grantsOf(sql`${appUser.id}`),
    })
    .from(session)
    .innerJoin(appUser, eq(appUser.id, session.userId))
    .where(and(eq(session.id, id), gt(session.expiresAt, sql`now()`), eq(appUser.active, true)));
  if (!row) return null;
  let expiresAt = row.expiresAt;
  // Touch at most once a minute: a busy page does not write on every request.
  if (Date.now() - row.lastSeenAt.getTime() > 60_000) {
    const [touched] = await db
      .update(session)
      .set({
        lastSeenAt: sql`now()`,
        expiresAt: sql`least(${session.createdAt} + make_interval(hours => ${policy.maxHours}), now() + make_interval(mins => ${policy.idleMinutes}))`,
      })
      .where(eq(session.id, id))
      .returning({ expiresAt: session.expiresAt });
    if (touched) expiresAt = touched.expiresAt;
  }
  const roles = parsed(row.roles);
  return {
    userId: row.userId,
    username: row.username,
    fullName: row.fullName,
    mustChangePassword: row.mustChangePassword,
    roles,
    sessionId: row.sessionId,
    csrfToken: row.csrfToken,
    expiresAt,
  };
}

/** The signed-in user's account and the names of the agencies of their roles (for who-am-I). */
export async function sessionUser(db: DbOrTx, userId: string, agencyIds: string[]) {
  const [user] = await db.select().from(appUser).where(eq(appUser.id, userId));
  const names = agencyIds.length ? await db.select({ id: agency.id, name: agency.name }).from(agency).where(inArray(agency.id, agencyIds)) : [];
  return { user, agencyNames: new Map(names.map((n) => [n.id, n.name])) };
}

/** Ends one session (sign-out). */
export async function deleteSession(tx: DbOrTx, sessionId: string): Promise<void> {
  await tx.delete(session).where(eq(session.id, sessionId));
}
