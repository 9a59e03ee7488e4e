import type { z } from 'zod';
import { vietnameseSortKey } from '../../../shared/domain/vietnamese.js';
import { agency } from '../../db/schema/index.js';
import type { Tx } from '../../db/client.js';
import type { RequestContext } from '../../http/actor.js';
import { authorize } from '../../authz/guard.js';
import { recordAudit } from '../audit/audit-log.js';
import { checkAgencyPlacement, checkValidity } from './registry.rules.js';
import type { createAgencyBody } from '../../../shared/api/registry.schemas.js';

/** A new agency in a unit the caller may edit. */
export async function createAgency(tx: Tx, ctx: RequestContext, input: z.infer<typeof createAgencyBody>) {
  // A role that may create no agency anywhere is refused before the unit is looked at (403, not 400).
  authorize(ctx.actor, 'agency.create', 'you may not add agencies to the registry');
  await checkAgencyPlacement(tx, ctx, input.unitId, input.parentAgencyId);
  checkValidity(input.validFrom, input.validTo);
  const [row] = await tx
    .insert(agency)
    .values({ ...input, parentAgencyId: input.parentAgencyId ?? null, email: input.email ?? null, sortKey: vietnameseSortKey(input.name) })
    .returning();
  await recordAudit(tx, ctx, { action: 'agency.created', entityType: 'agency', entityId: row.id, scope: { agencies: [row.id] }, after: row });
  return row;
}
