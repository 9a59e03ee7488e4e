import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Capability } from '../../shared/domain/capabilities.js';
import { idsOfPath } from './grants.js';
import { reachedBy, type Grantee, type Place } from './scope.js';

/**
 * Scope stored with a record at write time, for records that keep the place they were written
 * in (the audit trail: docs/decisions/audit-scope.md). A record's places become a set of keys,
 * one per subtree the place lies in, and an actor's reach becomes a set of keys too; the record is
 * in reach when the two sets overlap (`scope && array[…]`, a GIN index). The keys answer exactly
 * the predicates of scope.ts:
 *
 *   scope.ts (on live paths)                   key held by the record
 *   unit_path like '/…/<u>/%'  (unitPrefixes)  `under-unit:<u>`    every unit on the place's path
 *   agency path like '/…/<a>/%' (agencyPrefixes) `under-agency:<a>` every agency on its agency path
 *   unit_id = <u>             (authority)      `unit:<u>`          the place's own unit
 *   agency id = <a>           (own_agency)     `agency:<a>`        the place's own agency
 *   —                                          `installation`      installation-wide (calendar, system)
 */

/** The key every installation-wide record holds, and every actor with the capability reaches. */
export const INSTALLATION_KEY = 'installation';

/** The keys of records placed at these places (a user's roles: several places). */
export function scopeKeysOf(places: Place[]): string[] {
  const keys = new Set<string>();
  for (const place of places) {
    const units = idsOfPath(place.unitPath);
    for (const id of units) keys.add(`under-unit:${id}`);
    if (units.length) keys.add(`unit:${units.at(-1)}`);
    if (place.agencyPath) {
      const agencies = idsOfPath(place.agencyPath);
      for (const id of agencies) keys.add(`under-agency:${id}`);
      if (agencies.length) keys.add(`agency:${agencies.at(-1)}`);
    }
  }
  return [...keys].sort();
}

/**
 * The keys the actor's grants reach for the capability, or null when they reach everything (no
 * condition needed). Installation-wide records are in reach of anyone holding the capability.
 */
export function scopeKeysInReach(actor: Grantee, capability: Capability): string[] | null {
  const r = reachedBy(actor, capability);
  if (r.everything) return null;
  const last = (path: string) => idsOfPath(path).at(-1);
  return [
    INSTALLATION_KEY,
    ...r.unitPrefixes.map((p) => `under-unit:${last(p)}`),
    ...r.agencyPrefixes.map((p) => `under-agency:${last(p)}`),
    ...r.authorityUnitIds.map((id) => `unit:${id}`),
    ...r.agencyIds.map((id) => `agency:${id}`),
  ];
}

/** SQL on a `text[]` scope column: the record is in the actor's reach for the capability. */
export function storedScopeInReach(actor: Grantee, capability: Capability, scopeColumn: SQLWrapper): SQL {
  const keys = scopeKeysInReach(actor, capability);
  if (keys === null) return sql`true`;
  return sql`${scopeColumn} && array[${sql.join(keys.map((k) => sql`${k}`), sql`, `)}]::text[]`;
}
