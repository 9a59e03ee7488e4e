import { sql, type SQL } from 'drizzle-orm';
import { indexFramework } from '../../db/schema/index.js';
import type { GuardedResource } from '../../authz/guard.js';
import { idsOfPath } from '../../authz/grants.js';
import { agencyColumns, agencyInReach, inReach, unitColumns, unitInReach, type Place } from '../../authz/scope.js';
import type { Actor } from '../../http/actor.js';
import { findVisibleFramework, type FrameworkRow } from './frameworks.repository.js';

/**
 * Who sees and changes index frameworks and scores (shared/domain/capabilities.ts):
 *  - a framework is placed by its owner agency. Once published it is visible to those whose
 *    `index.read` reaches that agency, and to everyone below it: the ministry's national framework
 *    and a province's framework for its communes are read by the towns and wards they score. A
 *    draft is the owner's work in progress: only those who may manage the owner's frameworks
 *    (`index.manage` over it) see it; for anyone else it does not exist (404; issue 12 review);
 *  - `index.manage` (admins, the standing office) edits the drafts, publishes and versions the
 *    frameworks of agencies in reach;
 *  - scores belong to a unit: read where `index.read` reaches the unit; entered, corrected and
 *    imported where `index.score` reaches it (the standing office appraising its communes).
 */

/** SQL on an owner agency alias: the actor may see frameworks it owns. */
export function ownerVisible(actor: Actor, ownerAlias: string): SQL {
  const ancestors = [...new Set(actor.roles.flatMap((g) => idsOfPath(g.unitPath)))];
  const above = ancestors.length ? sql`${sql.raw(ownerAlias)}.unit_id in (${sql.join(ancestors.map((id) => sql`${id}::uuid`), sql`, `)})` : sql`false`;
  return sql`(${agencyInReach(actor, 'index.read', agencyColumns(ownerAlias))} or ${above})`;
}

/**
 * SQL on `index_framework` joined with its owner agency alias: the actor may see the framework —
 * a draft only where `index.manage` reaches the owner, a published one as `ownerVisible`.
 */
export function frameworkVisible(actor: Actor, ownerAlias: string): SQL {
  const manages = agencyInReach(actor, 'index.manage', agencyColumns(ownerAlias));
  return sql`((${indexFramework.status} = 'draft' and ${manages}) or (${indexFramework.status} <> 'draft' and ${ownerVisible(actor, ownerAlias)}))`;
}

/** SQL on a unit alias: the actor reads its scores. */
export const scoresVisible = (actor: Actor, unitAlias: string): SQL => unitInReach(actor, 'index.read', unitColumns(unitAlias));

/** In memory: the actor reads this unit's scores (a unit officer reads their ward's). */
export const readsScoresOf = (actor: Actor, unitPath: string): boolean => inReach(actor, 'index.read', { unitPath });

/** In memory: the actor enters this unit's scores. */
export const scoresUnit = (actor: Actor, unitPath: string): boolean => inReach(actor, 'index.score', { unitPath });

export const ownerPlace = (row: { ownerUnitPath: string; ownerPath: string }): Place => ({ unitPath: row.ownerUnitPath, agencyPath: row.ownerPath });

export type FrameworkAction = 'update' | 'publish' | 'new_version';

/** The guard's view of a framework: invisible 404; not the manager 403; published drafts only 409. */
export const frameworkResource: GuardedResource<FrameworkRow, FrameworkAction> = {
  name: 'index framework',
  findVisible: findVisibleFramework,
  allows: (actor, row) => inReach(actor, 'index.manage', ownerPlace(row)),
  refusal(row, action) {
    if ((action === 'update' || action === 'publish') && row.status !== 'draft') return 'a published framework is frozen: make a new version to change it';
    if (action === 'new_version' && row.status !== 'published') return 'publish the draft first; a draft may be edited as it is';
    return null;
  },
};

/** What the caller may do with a framework (scoring: somewhere below, per unit on its sheet). */
export function frameworkAbilities(actor: Actor, row: FrameworkRow) {
  const manages = inReach(actor, 'index.manage', ownerPlace(row));
  const scores = row.status === 'published' && [...actor.roles].some((g) => inReach(actor, 'index.score', { unitPath: g.unitPath }));
  return {
    update: manages && row.status === 'draft',
    publish: manages && row.status === 'draft',
    newVersion: manages && row.status === 'published',
    score: scores,
    import: scores,
  };
}
