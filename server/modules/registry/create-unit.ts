import type { z } from 'zod';
import { vietnameseSortKey } from '../../../shared/domain/vietnamese.js';
import { unit } from '../../db/schema/index.js';
import type { Tx } from '../../db/client.js';
import type { RequestContext } from '../../http/actor.js';
import { authorize } from '../../authz/guard.js';
import { recordAudit } from '../audit/audit-log.js';
import { checkUnitParent, checkValidity } from './registry.rules.js';
import type { createUnitBody } from '../../../shared/api/registry.schemas.js';

/** A new unit under a parent the caller may edit (no root units through the API: docs/decisions/root-units.md). */
export async function createUnit(tx: Tx, ctx: RequestContext, input: z.infer<typeof createUnitBody>) {
  // A role that may create no unit anywhere is refused before the parent is looked at (403, not 400).
  authorize(ctx.actor, 'unit.create', 'you may not add administrative units to the registry');
  await checkUnitParent(tx, ctx, input.parentId);
  checkValidity(input.validFrom, input.validTo);
  const [row] = await tx
    .insert(unit)
    .values({ ...input, parentId: input.parentId ?? null, sortKey: vietnameseSortKey(input.name) })
    .returning();
  await recordAudit(tx, ctx, { action: 'unit.created', entityType: 'unit', entityId: row.id, scope: { units: [row.id] }, after: row });
  return row;
}
