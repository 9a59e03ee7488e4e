import type { AgencyAbilities, UnitAbilities } from '../../../shared/api/registry.schemas.js';
import { capabilityFields, type Capability } from '../../../shared/domain/capabilities.js';
import type { GuardedResource } from '../../authz/guard.js';
import { inReach } from '../../authz/scope.js';
import type { Actor } from '../../http/actor.js';
import { findVisibleAgency, findVisibleUnit, type AgencyRow, type UnitRow } from './registry.repository.js';

/**
 * Who changes the registry (shared/domain/capabilities.ts): admins and the standing office
 * within their scope; a unit officer only the contact fields of the agency they are granted on.
 */

export type UnitAction = 'update' | 'deactivate' | 'record_succession';
export type AgencyAction = 'update' | 'deactivate';

const unitCapability: Record<UnitAction, Capability> = { update: 'unit.update', deactivate: 'unit.deactivate', record_succession: 'unit.record_succession' };

export const unitPlace = (row: Pick<UnitRow, 'path'>) => ({ unitPath: row.path });
export const agencyPlace = (row: AgencyRow) => ({ unitPath: row.unitPath, agencyPath: row.path });

export const unitResource: GuardedResource<UnitRow, UnitAction> = {
  name: 'unit',
  findVisible: findVisibleUnit,
  allows: (actor, row, action) => inReach(actor, unitCapability[action], unitPlace(row)),
};

/** Whether the actor may place a new unit under this one, or move one there. */
export const mayAddUnitUnder = (actor: Actor, parent: Pick<UnitRow, 'path'>) => inReach(actor, 'unit.create', unitPlace(parent));
/** Whether the actor may place an agency in this unit. */
export const mayAddAgencyIn = (actor: Actor, unit: Pick<UnitRow, 'path'>) => inReach(actor, 'agency.create', unitPlace(unit));

/**
 * The fields of the agency the actor may change: null for all of them, a list for a field-level
 * rule (a unit officer's own agency: its contacts), or an empty list for none.
 */
export function editableAgencyFields(actor: Actor, row: AgencyRow): readonly string[] | null {
  if (inReach(actor, 'agency.update', agencyPlace(row))) return null;
  if (inReach(actor, 'agency.update_contacts', agencyPlace(row))) return capabilityFields['agency.update_contacts'] ?? [];
  return [];
}

const mayChangeSome = (fields: readonly string[] | null) => fields === null || fields.length > 0;

export const agencyResource: GuardedResource<AgencyRow, AgencyAction> = {
  name: 'agency',
  findVisible: findVisibleAgency,
  allows: (actor, row, action) => (action === 'update' ? mayChangeSome(editableAgencyFields(actor, row)) : inReach(actor, 'agency.deactivate', agencyPlace(row))),
};

export function unitAbilities(actor: Actor, row: UnitRow): UnitAbilities {
  const place = unitPlace(row);
  return {
    update: inReach(actor, 'unit.update', place),
    deactivate: inReach(actor, 'unit.deactivate', place),
    createChild: inReach(actor, 'unit.create', place),
    recordSuccession: inReach(actor, 'unit.record_succession', place),
  };
}

export function agencyAbilities(actor: Actor, row: AgencyRow): AgencyAbilities {
  const fields = editableAgencyFields(actor, row);
  return { update: mayChangeSome(fields), deactivate: inReach(actor, 'agency.deactivate', agencyPlace(row)), editableFields: fields ? [...fields] : null };
}
