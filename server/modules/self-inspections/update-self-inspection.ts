import type { z } from 'zod';
import type { updateSelfInspectionBody } from '../../../shared/api/self-inspections.schemas.js';
import { loadForAction } from '../../authz/guard.js';
import type { Tx } from '../../db/client.js';
import { selfInspection } from '../../db/schema/index.js';
import { updateVersioned } from '../../db/versioned-update.js';
import type { RequestContext } from '../../http/actor.js';
import { recordAudit } from '../audit/audit-log.js';
import { selfInspectionResource } from './self-inspections.policy.js';
import { checkPlanDates } from './self-inspection-rules.js';

/** The unit's officer corrects its plan (versioned: a stale version is 409). */
export async function updateSelfInspection(tx: Tx, ctx: RequestContext, id: string, input: z.infer<typeof updateSelfInspectionBody>) {
  const row = await loadForAction(tx, ctx, selfInspectionResource, id, 'update', input.version);
  const { version: _v, ...fields } = input;
  const changes = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  checkPlanDates({ year: row.year, startsOn: input.startsOn ?? row.startsOn, endsOn: input.endsOn ?? row.endsOn, issuedOn: input.issuedOn === undefined ? row.issuedOn : input.issuedOn });
  const after = await updateVersioned(tx, selfInspection, id, input.version, changes);
  const { agencyName: _n, agencyUnitPath: _u, agencyPath: _p, ...before } = row;
  await recordAudit(tx, ctx, { action: 'self_inspection.updated', entityType: 'self_inspection', entityId: id, scope: { agencies: [row.agencyId] }, before, after });
  return after;
}
