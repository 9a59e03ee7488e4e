import type { RoleName } from '../../shared/domain/capabilities.js';

/**
 * A role granted on an agency, with where that agency sits in the trees: loaded with the session
 * in the same query (session-store.ts), so checking a record costs no query of its own.
 */
export interface Grant {
  role: RoleName;
  agencyId: string;
  /** A unit officer granted on a People's Committee works for its whole unit. */
  agencyKind: string;
  unitId: string;
  /** Materialised paths (migration 0006): `/<root>/…/<unit>/` and `/<top agency>/…/<agency>/`. */
  unitPath: string;
  agencyPath: string;
}

/** The ids along a materialised path, from the root down. */
export const idsOfPath = (path: string): string[] => path.split('/').filter(Boolean);

/** True when the path lies in the subtree whose path is `prefix` (itself included). */
export const isUnder = (path: string, prefix: string): boolean => path.startsWith(prefix);

/** A grant on an agency of a root unit reaches the whole installation. */
export const isAtRoot = (grant: Grant): boolean => idsOfPath(grant.unitPath).length === 1;

/**
 * The grant's scope is its agency's subtree (not the unit's) for a unit officer granted on
 * anything but a People's Committee (registry-scope.md).
 */
export const isAgencyScoped = (grant: Grant): boolean => grant.role === 'unit_officer' && grant.agencyKind !== 'peoples_committee';
