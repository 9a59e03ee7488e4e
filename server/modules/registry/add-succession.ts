import type { z } from 'zod';
import { unitSuccession } from '../../db/schema/index.js';
import type { Tx } from '../../db/client.js';
import { loadForAction } from '../../authz/guard.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { unitResource } from './registry.policy.js';
import { findVisibleUnit } from './registry.repository.js';
import type { createSuccessionBody } from '../../../shared/api/registry.schemas.js';

/** Records that a unit was merged into, split into or renamed to another. */
export async function addSuccession(tx: Tx, ctx: RequestContext, fromUnitId: string, input: z.infer<typeof createSuccessionBody>) {
  await loadForAction(tx, ctx, unitResource, fromUnitId, 'record_succession');
  if (input.toUnitId === fromUnitId) throw AppError.invalid('body.toUnitId', 'same_unit', 'a unit cannot succeed itself');
  if (!(await findVisibleUnit(tx, ctx.actor, input.toUnitId))) throw AppError.invalid('body.toUnitId', 'not_found', 'the successor unit does not exist');
  const [row] = await tx.insert(unitSuccession).values({ ...input, fromUnitId }).returning();
  await recordAudit(tx, ctx, { action: 'unit.succession_added', entityType: 'unit', entityId: fromUnitId, scope: { units: [fromUnitId] }, after: row });
  return row;
}
