import type { z } from 'zod';
import type { createAgencyBody, deactivateBody, updateAgencyBody } from '../../../shared/api/registry.schemas.js';
import { vietnameseSortKey } from '../../../shared/domain/vietnamese.js';
import { agency } from '../../db/schema/index.js';
import type { Tx } from '../../db/client.js';
import { assertVersion, updateVersioned } from '../../db/versioned-update.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { isUnder } from '../../authz/grants.js';
import { loadForAction } from '../../authz/guard.js';
import { agencyResource, editableAgencyFields, mayAddAgencyIn } from './registry.policy.js';
import { findVisibleAgency, findVisibleUnit, type AgencyRow } from './registry.repository.js';

/** Use cases of agencies: policy check, write, audit, in the request's transaction. */

async function checkPlacement(tx: Tx, ctx: RequestContext, unitId: string, parentAgencyId: string | null | undefined, self?: AgencyRow) {
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

function checkValidity(validFrom: string | null | undefined, validTo: string | null | undefined) {
  if (validFrom && validTo && validTo < validFrom) throw AppError.invalid('body.validTo', 'before_valid_from', 'the end date is before the start date');
}

export async function createAgency(tx: Tx, ctx: RequestContext, input: z.infer<typeof createAgencyBody>) {
  await checkPlacement(tx, ctx, input.unitId, input.parentAgencyId);
  checkValidity(input.validFrom, input.validTo);
  const [row] = await tx
    .insert(agency)
    .values({ ...input, parentAgencyId: input.parentAgencyId ?? null, email: input.email ?? null, sortKey: vietnameseSortKey(input.name) })
    .returning();
  await recordAudit(tx, ctx, { action: 'agency.created', entityType: 'agency', entityId: row.id, scope: { agencies: [row.id] }, after: row });
  return row;
}

export async function updateAgency(tx: Tx, ctx: RequestContext, id: string, input: z.infer<typeof updateAgencyBody>) {
  const { version, ...changes } = input;
  const before = await loadForAction(tx, ctx, agencyResource, id, 'update');
  const editable = editableAgencyFields(ctx.actor, before);
  const outside = editable === null ? [] : Object.keys(changes).filter((k) => !editable.includes(k));
  if (outside.length) {
    throw new AppError(
      'FORBIDDEN',
      'you may change only the contact details of this agency',
      outside.map((k) => ({ name: `body.${k}`, code: 'not_allowed', reason: 'only the standing office or an admin may change this' })),
    );
  }
  assertVersion(before, version);
  const unitId = changes.unitId ?? before.unitId;
  if (changes.unitId !== undefined || changes.parentAgencyId !== undefined) {
    await checkPlacement(tx, ctx, unitId, changes.parentAgencyId === undefined ? before.parentAgencyId : changes.parentAgencyId, before);
  }
  checkValidity(changes.validFrom === undefined ? before.validFrom : changes.validFrom, changes.validTo === undefined ? before.validTo : changes.validTo);
  const after = await updateVersioned(tx, agency, id, version, {
    ...changes,
    ...(changes.name ? { sortKey: vietnameseSortKey(changes.name) } : {}),
  });
  const { unitName: _unitName, parentAgencyName: _parentName, ...beforeRow } = before;
  await recordAudit(tx, ctx, { action: 'agency.updated', entityType: 'agency', entityId: id, scope: { places: [{ unitPath: before.unitPath, agencyPath: before.path }], agencies: [id] }, before: beforeRow, after });
  return after;
}

/** Agencies are deactivated, never deleted: documents and inspections refer to them. */
export async function deactivateAgency(tx: Tx, ctx: RequestContext, id: string, input: z.infer<typeof deactivateBody>) {
  const before = await loadForAction(tx, ctx, { ...agencyResource, refusal: (row) => (row.active ? null : 'the agency is already inactive') }, id, 'deactivate', input.version);
  checkValidity(before.validFrom, input.validTo);
  const after = await updateVersioned(tx, agency, id, input.version, { active: false, validTo: input.validTo ?? before.validTo });
  const { unitName: _unitName, parentAgencyName: _parentName, ...beforeRow } = before;
  await recordAudit(tx, ctx, { action: 'agency.deactivated', entityType: 'agency', entityId: id, scope: { agencies: [id] }, before: beforeRow, after });
  return after;
}
