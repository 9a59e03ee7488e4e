
import type { z } from 'zod';
import type { createSuccessionBody, createUnitBody, deactivateBody, updateUnitBody } from '../../../shared/api/registry.schemas.js';
import { vietnameseSortKey } from '../../../shared/domain/vietnamese.js';
import { unit, unitSuccession } from '../../db/schema/index.js';
import type { Tx } from '../../db/client.js';
import { updateVersioned } from '../../db/versioned-update.js';
import { loadForAction } from '../../authz/guard.js';
import { isUnder } from '../../authz/grants.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { mayAddUnitUnder, unitResource } from './registry.policy.js';
import { findVisibleUnit, type UnitRow } from './registry.repository.js';

/**
 * Use cases of territorial units. Each takes the transaction of its request, checks the policy,
 * writes, and audits in that same transaction.
 */

/**
 * Every unit made or moved through the API goes under a parent the caller may edit: nobody
 * writes outside their area, admins included. A unit without a parent (the root of the tree)
 * is made only when the installation is set up (docs/decisions/root-units.md): through the
 * API it would lie outside every scope, its author's too.
 */
async function checkParent(tx: Tx, ctx: RequestContext, parentId: string | null | undefined, self?: UnitRow) {
  if (!parentId) throw AppError.invalid('body.parentId', 'required', 'choose the parent unit');
  const parent = await findVisibleUnit(tx, ctx.actor, parentId);
  if (!parent) throw AppError.invalid('body.parentId', 'not_found', 'the parent unit does not exist');
  if (!mayAddUnitUnder(ctx.actor, parent)) throw AppError.invalid('body.parentId', 'out_of_scope', 'the parent unit is outside your scope');
  if (self && isUnder(parent.path, self.path)) {
    throw AppError.invalid('body.parentId', 'cycle', 'a unit cannot be placed under itself or its own sub-unit');
  }
}

function checkValidity(validFrom: string | null | undefined, validTo: string | null | undefined) {
  if (validFrom && validTo && validTo < validFrom) throw AppError.invalid('body.validTo', 'before_valid_from', 'the end date is before the start date');
}

export async function createUnit(tx: Tx, ctx: RequestContext, input: z.infer<typeof createUnitBody>) {
  await checkParent(tx, ctx, input.parentId);
  checkValidity(input.validFrom, input.validTo);
  const [row] = await tx
    .insert(unit)
    .values({ ...input, parentId: input.parentId ?? null, sortKey: vietnameseSortKey(input.name) })
    .returning();
  await recordAudit(tx, ctx, { action: 'unit.created', entityType: 'unit', entityId: row.id, scope: { units: [row.id] }, after: row });
  return row;
}

export async function updateUnit(tx: Tx, ctx: RequestContext, id: string, input: z.infer<typeof updateUnitBody>) {
  const before = await loadForAction(tx, ctx, unitResource, id, 'update', input.version);
  const { version, ...changes } = input;
  if (changes.parentId !== undefined && changes.parentId !== before.parentId) await checkParent(tx, ctx, changes.parentId, before);
  checkValidity(changes.validFrom === undefined ? before.validFrom : changes.validFrom, changes.validTo === undefined ? before.validTo : changes.validTo);
  const after = await updateVersioned(tx, unit, id, version, {
    ...changes,
    ...(changes.name ? { sortKey: vietnameseSortKey(changes.name) } : {}),
  });
  await recordAudit(tx, ctx, { action: 'unit.updated', entityType: 'unit', entityId: id, scope: { places: [{ unitPath: before.path }], units: [id] }, before, after });
  return after;
}

/** Units are never deleted: history (plans, inspections) refers to them. */
export async function deactivateUnit(tx: Tx, ctx: RequestContext, id: string, input: z.infer<typeof deactivateBody>) {
  const before = await loadForAction(tx, ctx, { ...unitResource, refusal: (row) => (row.active ? null : 'the unit is already inactive') }, id, 'deactivate', input.version);
  checkValidity(before.validFrom, input.validTo);
  const after = await updateVersioned(tx, unit, id, input.version, { active: false, validTo: input.validTo ?? before.validTo });
  await recordAudit(tx, ctx, { action: 'unit.deactivated', entityType: 'unit', entityId: id, scope: { units: [id] }, before, after });
  return after;
}

export async function addSuccession(tx: Tx, ctx: RequestContext, fromUnitId: string, input: z.infer<typeof createSuccessionBody>) {
  await loadForAction(tx, ctx, unitResource, fromUnitId, 'record_succession');
  if (input.toUnitId === fromUnitId) throw AppError.invalid('body.toUnitId', 'same_unit', 'a unit cannot succeed itself');
  if (!(await findVisibleUnit(tx, ctx.actor, input.toUnitId))) throw AppError.invalid('body.toUnitId', 'not_found', 'the successor unit does not exist');
  const [row] = await tx.insert(unitSuccession).values({ ...input, fromUnitId }).returning();
  await recordAudit(tx, ctx, { action: 'unit.succession_added', entityType: 'unit', entityId: fromUnitId, scope: { units: [fromUnitId] }, after: row });
  return row;
}

export async function getUnitOrThrow(tx: Tx, ctx: RequestContext, id: string) {
  const row = await findVisibleUnit(tx, ctx.actor, id);
  if (!row) throw AppError.notFound('unit');
  return row;
}

