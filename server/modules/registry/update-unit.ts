import type { z } from 'zod';
import { vietnameseSortKey } from '../../../shared/domain/vietnamese.js';
import { unit } from '../../db/schema/index.js';
import type { Tx } from '../../db/client.js';
import { updateVersioned } from '../../db/versioned-update.js';
import { loadForAction } from '../../authz/guard.js';
import type { RequestContext } from '../../http/actor.js';
import { recordAudit } from '../audit/audit-log.js';
import { unitResource } from './registry.policy.js';
import { checkUnitParent, checkValidity } from './registry.rules.js';
import type { updateUnitBody } from '../../../shared/api/registry.schemas.js';

/** Renames, moves (scope and cycles checked) or re-dates a unit; the triggers keep the paths right. */
export async function updateUnit(tx: Tx, ctx: RequestContext, id: string, input: z.infer<typeof updateUnitBody>) {
  const before = await loadForAction(tx, ctx, unitResource, id, 'update', input.version);
  const { version, ...changes } = input;
  if (changes.parentId !== undefined && changes.parentId !== before.parentId) await checkUnitParent(tx, ctx, changes.parentId, before);
  checkValidity(changes.validFrom === undefined ? before.validFrom : changes.validFrom, changes.validTo === undefined ? before.validTo : changes.validTo);
  const after = await updateVersioned(tx, unit, id, version, {
    ...changes,
    ...(changes.name ? { sortKey: vietnameseSortKey(changes.name) } : {}),
  });
  await recordAudit(tx, ctx, { action: 'unit.updated', entityType: 'unit', entityId: id, scope: { places: [{ unitPath: before.path }], units: [id] }, before, after });
  return after;
}
