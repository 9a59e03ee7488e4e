import { AppError } from '../../http/app-error.js';
import type { Tx } from '../../db/client.js';
import { isUnder } from '../../authz/grants.js';
import type { RequestContext } from '../../http/actor.js';
import { mayAddAgencyIn, mayAddUnitUnder } from './registry.policy.js';
import { findVisibleAgency, findVisibleUnit, type AgencyRow, type UnitRow } from './registry.repository.js';

/* Checks the registry's use cases share: where a unit or an agency may be placed, validity dates. */

/**
 * Every unit made or moved through the API goes under a parent the caller may edit: nobody
 * writes outside their area, admins included. A unit without a parent (the root of the tree)
 * is made only when the installation is set up (docs/decisions/root-units.md): through the
 * API it would lie outside every scope, its author's too.
 */
export async function checkUnitParent(tx: Tx, ctx: RequestContext, parentId: string | null | undefined, self?: UnitRow) {
  if (!parentId) throw AppError.invalid('body.parentId', 'required', 'choose the parent unit');
  const parent = await findVisibleUnit(tx, ctx.actor, parentId);
  if (!parent) throw AppError.invalid('body.parentId', 'not_found', 'the parent unit does not exist');
  if (!mayAddUnitUnder(ctx.actor, parent)) throw AppError.invalid('body.parentId', 'out_of_scope', 'the parent unit is outside your scope');
  if (self && isUnder(parent.path, self.path)) {
    throw AppError.invalid('body.parentId', 'cycle', 'a unit cannot be placed under itself or its own sub-unit');
  }
}

/** The unit (and parent agency) an agency is placed in: visible, in the caller's reach, no cycle. */
export async function checkAgencyPlacement(tx: Tx, ctx: RequestContext, unitId: string, parentAgencyId: string | null | undefined, self?: AgencyRow) {
  const unit = await findVisibleUnit(tx, ctx.actor, unitId);
  if (!unit) throw AppError.invalid('body.unitId', 'not_found', 'the unit does not exist');
  if (!mayAddAgencyIn(ctx.actor, unit)) throw AppError.invalid('body.unitId', 'out_of_scope', 'the unit is outside your scope');
  if (parentAgencyId) {
    const parent = await findVisibleAgency(tx, ctx.actor, parentAgencyId);
    if (!parent) throw AppError.invalid('body.parentAgencyId', 'not_found', 'the parent agency does not exist');
    if (self && isUnder(parent.path, self.path)) {
      throw AppError.invalid('body.parentAgencyId', 'cycle', 'an agency cannot be placed under itself or its own sub-agency');
    }
  }
}

/** An end of validity before its start is refused. */
export function checkValidity(validFrom: string | null | undefined, validTo: string | null | undefined) {
  if (validFrom && validTo && validTo < validFrom) throw AppError.invalid('body.validTo', 'before_valid_from', 'the end date is before the start date');
}
