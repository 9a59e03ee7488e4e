import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { reachOf, type Capability } from '../../shared/domain/capabilities.js';
import type { Actor } from '../http/actor.js';
import { idsOfPath, isAgencyScoped, isAtRoot, isUnder } from './grants.js';

/**
 * Scope as predicates on materialised paths (migration 0006, docs/decisions/registry-scope.md).
 * The actor's grants come with the session; what they reach for a capability is a handful of
 * path prefixes and ids, computed in memory. A query then joins "in reach" as an indexed prefix
 * test on its own rows (`agency.unit_path like '/…/town/%'`), so a unit officer and a national
 * admin pay the same small cost, and a search keeps its trigram index.
 *
 * How a module writes a scoped list (see README of this folder):
 *   where(and(agencyInReach(actor, 'plan.read', issuer), …))   -- issuer: the issuing agency's columns
 */

/** Whoever holds grants: a signed-in actor (only their grants matter here). */
export type Grantee = Pick<Actor, 'roles'>;

/** What the actor's grants reach for one capability. */
export interface Reached {
  /** A grant at the root with the `installation` reach: everything. */
  everything: boolean;
  /** Unit subtrees (paths): units there, and every agency of those units. */
  unitPrefixes: string[];
  /** Agency subtrees (paths): a unit officer granted on an office, say. */
  agencyPrefixes: string[];
  /** `authority` reach: records owned by an agency of these units. */
  authorityUnitIds: string[];
  /** `own_agency` reach: these agencies themselves. */
  agencyIds: string[];
}

const cache = new WeakMap<Grantee, Map<Capability, Reached>>();

/** Keeps the prefixes no other prefix contains (a province's makes its towns' redundant). */
function outermost(prefixes: string[]): string[] {
  const sorted = [...new Set(prefixes)].sort((a, b) => a.length - b.length);
  return sorted.filter((p, i) => !sorted.slice(0, i).some((q) => isUnder(p, q)));
}

/** What the actor's grants reach for the capability (remembered for the request's actor). */
export function reachedBy(actor: Grantee, capability: Capability): Reached {
  let byCapability = cache.get(actor);
  if (!byCapability) cache.set(actor, (byCapability = new Map()));
  const known = byCapability.get(capability);
  if (known) return known;
  const r: Reached = { everything: false, unitPrefixes: [], agencyPrefixes: [], authorityUnitIds: [], agencyIds: [] };
  for (const grant of actor.roles) {
    const reach = reachOf(capability, grant.role);
    if (reach === 'installation') r.everything ||= isAtRoot(grant);
    else if (reach === 'authority') r.authorityUnitIds.push(grant.unitId);
    else if (reach === 'own_agency') r.agencyIds.push(grant.agencyId);
    else if (reach === 'scope') {
      if (isAgencyScoped(grant)) r.agencyPrefixes.push(grant.agencyPath);
      else r.unitPrefixes.push(grant.unitPath);
    }
  }
  r.unitPrefixes = outermost(r.unitPrefixes);
  r.agencyPrefixes = outermost(r.agencyPrefixes);
  byCapability.set(capability, r);
  return r;
}

/** Whether the actor holds the capability anywhere (what the web app may offer at all). */
export function holdsAnywhere(actor: Grantee, capability: Capability): boolean {
  const r = reachedBy(actor, capability);
  return r.everything || r.unitPrefixes.length + r.agencyPrefixes.length + r.authorityUnitIds.length + r.agencyIds.length > 0;
}

/** Where a record sits: its unit's path and, for a record of an agency, that agency's path. */
export interface Place {
  unitPath: string;
  agencyPath?: string | null;
}

/** In memory, for a record loaded with its paths: does the capability reach it? */
export function inReach(actor: Grantee, capability: Capability, place: Place): boolean {
  const r = reachedBy(actor, capability);
  if (r.everything) return true;
  if (r.unitPrefixes.some((p) => isUnder(place.unitPath, p))) return true;
  const unitId = idsOfPath(place.unitPath).at(-1);
  if (unitId && r.authorityUnitIds.includes(unitId)) return true;
  if (!place.agencyPath) return false;
  if (r.agencyPrefixes.some((p) => isUnder(place.agencyPath!, p))) return true;
  const agencyId = idsOfPath(place.agencyPath).at(-1);
  return !!agencyId && r.agencyIds.includes(agencyId);
}

/** The columns that place an agency: a drizzle table or alias, or `agencyColumns('a')` in raw SQL. */
export interface AgencyColumns {
  id: SQLWrapper;
  path: SQLWrapper;
  unitPath: SQLWrapper;
  unitId: SQLWrapper;
}
/** The columns that place a unit. */
export interface UnitColumns {
  id: SQLWrapper;
  path: SQLWrapper;
}

/** Columns of an `agency` alias in hand-written SQL (`from agency a`). */
export const agencyColumns = (alias: string): AgencyColumns => ({
  id: sql.raw(`${alias}.id`),
  path: sql.raw(`${alias}.path`),
  unitPath: sql.raw(`${alias}.unit_path`),
  unitId: sql.raw(`${alias}.unit_id`),
});
/** Columns of a `unit` alias in hand-written SQL (`from unit u`). */
export const unitColumns = (alias: string): UnitColumns => ({ id: sql.raw(`${alias}.id`), path: sql.raw(`${alias}.path`) });

const prefixed = (column: SQLWrapper, prefixes: string[]) => prefixes.map((p) => sql`${column} like ${`${p}%`}`);
const among = (column: SQLWrapper, ids: string[]) => (ids.length ? [sql`${column} in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`] : []);
const anyOf = (conditions: SQL[]): SQL => (conditions.length ? sql`(${sql.join(conditions, sql` or `)})` : sql`false`);

/** SQL: the agency (by its columns) lies in the actor's reach for the capability. */
export function agencyInReach(actor: Grantee, capability: Capability, a: AgencyColumns): SQL {
  const r = reachedBy(actor, capability);
  if (r.everything) return sql`true`;
  return anyOf([
    ...prefixed(a.unitPath, r.unitPrefixes),
    ...prefixed(a.path, r.agencyPrefixes),
    ...among(a.unitId, r.authorityUnitIds),
    ...among(a.id, r.agencyIds),
  ]);
}

/** SQL: the unit lies in the actor's reach for the capability (grants narrowed to agencies reach no unit). */
export function unitInReach(actor: Grantee, capability: Capability, u: UnitColumns): SQL {
  const r = reachedBy(actor, capability);
  if (r.everything) return sql`true`;
  return anyOf([...prefixed(u.path, r.unitPrefixes), ...among(u.id, r.authorityUnitIds)]);
}

/**
 * SQL: the actor may see the unit: it is in reach of `registry.read`, or it is the unit of a
 * granted agency or one of its ancestors (a ward's officer sees the ward inside its town and
 * province, and the officer of a ward's one-stop desk sees the ward).
 */
export function unitVisible(actor: Grantee, u: UnitColumns): SQL {
  const ancestors = [...new Set(actor.roles.flatMap((g) => idsOfPath(g.unitPath)))];
  return anyOf([unitInReach(actor, 'registry.read', u), ...among(u.id, ancestors)]);
}

/** In memory: unitVisible for a unit loaded with its path. */
export function isUnitVisible(actor: Grantee, unitPath: string): boolean {
  const id = idsOfPath(unitPath).at(-1);
  return inReach(actor, 'registry.read', { unitPath }) || actor.roles.some((g) => !!id && idsOfPath(g.unitPath).includes(id));
}
