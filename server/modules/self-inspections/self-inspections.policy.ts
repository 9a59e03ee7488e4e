import { sql, type SQL } from 'drizzle-orm';
import type { GuardedResource } from '../../authz/guard.js';
import { agencyInReach, inReach, type Place } from '../../authz/scope.js';
import { agency } from '../../db/schema/index.js';
import type { Actor } from '../../http/actor.js';
import { findVisibleSelfInspection, type SelfInspectionRow } from './self-inspections.repository.js';

/**
 * Who sees and keeps the units' self-inspections (shared/domain/capabilities.ts):
 *  - `self_inspection.record` (the unit officer) records, edits and reports on the
 *    self-inspection of its own agency (and sub-agencies), and reads only those;
 *  - `self_inspection.read` (the office, leaders, inspectors, admins) reads those of agencies
 *    in reach, and the year's overview. Nobody but the unit writes them.
 * A self-inspection is placed by its agency.
 */

/** SQL on `self_inspection` joined with its `agency`. */
export function visibleSelfInspections(actor: Actor): SQL {
  return sql`(${agencyInReach(actor, 'self_inspection.read', agency)} or ${agencyInReach(actor, 'self_inspection.record', agency)})`;
}

export const selfInspectionPlace = (row: { agencyUnitPath: string; agencyPath: string }): Place => ({ unitPath: row.agencyUnitPath, agencyPath: row.agencyPath });

/** The unit's own officer. */
export const recordsSelfInspection = (actor: Actor, row: SelfInspectionRow): boolean => inReach(actor, 'self_inspection.record', selfInspectionPlace(row));

export type SelfInspectionAction = 'update' | 'record_results';

/** Invisible → 404; not the unit's officer → 403; stale → 409. */
export const selfInspectionResource: GuardedResource<SelfInspectionRow, SelfInspectionAction> = {
  name: 'self-inspection',
  findVisible: findVisibleSelfInspection,
  allows: (actor, row) => recordsSelfInspection(actor, row),
};
