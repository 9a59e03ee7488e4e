import type { z } from 'zod';
import { unit } from '../../db/schema/index.js';
import type { Tx } from '../../db/client.js';
import { updateVersioned } from '../../db/versioned-update.js';
import { loadForAction } from '../../authz/guard.js';
import type { RequestContext } from '../../http/actor.js';
import { recordAudit } from '../audit/audit-log.js';
import { unitResource } from './registry.policy.js';
import { checkValidity } from './registry.rules.js';
import type { deactivateBody } from '../../../shared/api/registry.schemas.js';

/** Units are never deleted: history (plans, inspections) refers to them. */
export async function deactivateUnit(tx: Tx, ctx: RequestContext, id: string, input: z.infer<typeof deactivateBody>) {
  const before = await loadForAction(tx, ctx, { ...unitResource, refusal: (row) => (row.active ? null : 'the unit is already inactive') }, id, 'deactivate', input.version);
  checkValidity(before.validFrom, input.validTo);
  const after = await updateVersioned(tx, unit, id, input.version, { active: false, validTo: input.validTo ?? before.validTo });
  await recordAudit(tx, ctx, { action: 'unit.deactivated', entityType: 'unit', entityId: id, scope: { units: [id] }, before, after });
  return after;
}
