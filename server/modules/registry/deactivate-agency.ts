import type { z } from 'zod';
import { agency } from '../../db/schema/index.js';
import type { Tx } from '../../db/client.js';
import { updateVersioned } from '../../db/versioned-update.js';
import type { RequestContext } from '../../http/actor.js';
import { recordAudit } from '../audit/audit-log.js';
import { loadForAction } from '../../authz/guard.js';
import { agencyResource } from './registry.policy.js';
import { checkValidity } from './registry.rules.js';
import type { deactivateBody } from '../../../shared/api/registry.schemas.js';

/** Agencies are deactivated, never deleted: documents and inspections refer to them. */
export async function deactivateAgency(tx: Tx, ctx: RequestContext, id: string, input: z.infer<typeof deactivateBody>) {
  const before = await loadForAction(tx, ctx, { ...agencyResource, refusal: (row) => (row.active ? null : 'the agency is already inactive') }, id, 'deactivate', input.version);
  checkValidity(before.validFrom, input.validTo);
  const after = await updateVersioned(tx, agency, id, input.version, { active: false, validTo: input.validTo ?? before.validTo });
  const { unitName: _unitName, parentAgencyName: _parentName, ...beforeRow } = before;
  await recordAudit(tx, ctx, { action: 'agency.deactivated', entityType: 'agency', entityId: id, scope: { agencies: [id] }, before: beforeRow, after });
  return after;
}
