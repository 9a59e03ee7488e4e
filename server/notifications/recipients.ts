import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { rolesWith, type Capability, type RoleName } from '../../shared/domain/capabilities.js';
import type { Grant } from '../authz/grants.js';
import { inReach, type Place } from '../authz/scope.js';
import { agency, appUser, inspectionTeamMember, userRole } from '../db/schema/index.js';
import type { DbOrTx } from '../db/client.js';

/**
 * The active users whose grants reach `place` for `capability` — "who may act on this record",
 * asked the other way round. Candidates are the grants of the roles having the capability on an
 * agency whose unit contains the place (every reach — scope, authority, own agency,
 * installation — lies on that line of ancestors); the exact rule is then server/authz's own
 * `inReach`, so the answer is the same as the one the guard gives each of them.
 */
export async function usersReaching(tx: DbOrTx, capability: Capability, place: Place): Promise<string[]> {
  return (await usersReachingEach(tx, capability, [place]))[0];
}

/**
 * usersReaching for many places in one query (a bulk import tells each record's agencies): the
 * candidates are the grants on the line of ancestors of any of the places; each place then keeps
 * those `inReach` says reach it. Answers in the order of `places`.
 */
export async function usersReachingEach(tx: DbOrTx, capability: Capability, places: readonly Place[]): Promise<string[][]> {
  const roles = rolesWith(capability);
  if (!roles.length || !places.length) return places.map(() => []);
  const unitPaths = [...new Set(places.map((p) => p.unitPath))];
  const rows = await tx
    .select({
      userId: userRole.userId,
      role: userRole.role,
      agencyId: userRole.agencyId,
      agencyKind: agency.kind,
      unitId: agency.unitId,
      unitPath: agency.unitPath,
      agencyPath: agency.path,
    })
    .from(userRole)
    .innerJoin(agency, eq(agency.id, userRole.agencyId))
    .innerJoin(appUser, eq(appUser.id, userRole.userId))
    .where(
      and(
        eq(appUser.active, true),
        inArray(userRole.role, roles),
        sql`exists (select 1 from json_array_elements_text(${JSON.stringify(unitPaths)}::json) as p(path) where starts_with(p.path, ${agency.unitPath}))`,
      ),
    );
  const grantsByUser = new Map<string, Grant[]>();
  for (const r of rows) {
    const grant: Grant = { role: r.role as RoleName, agencyId: r.agencyId, agencyKind: r.agencyKind, unitId: r.unitId, unitPath: r.unitPath, agencyPath: r.agencyPath };
    grantsByUser.set(r.userId, [...(grantsByUser.get(r.userId) ?? []), grant]);
  }
  const users = [...grantsByUser];
  return places.map((place) => users.filter(([, roles]) => inReach({ roles }, capability, place)).map(([userId]) => userId));
}

/** Members of a team who have an account, with their role on the team. */
export async function teamMembersWithAccounts(tx: DbOrTx, teamId: string): Promise<{ userId: string; role: string }[]> {
  const rows = await tx
    .select({ userId: inspectionTeamMember.userId, role: inspectionTeamMember.role })
    .from(inspectionTeamMember)
    .where(and(eq(inspectionTeamMember.teamId, teamId), isNotNull(inspectionTeamMember.userId)));
  return rows.map((r) => ({ userId: r.userId!, role: r.role }));
}
