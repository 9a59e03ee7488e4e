import type { z } from 'zod';
import { vietnameseSortKey } from '../../../shared/domain/vietnamese.js';
import { agency } from '../../db/schema/index.js';
import type { Tx } from '../../db/client.js';
import { assertVersion, updateVersioned } from '../../db/versioned-update.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { loadForAction } from '../../authz/guard.js';
import { agencyResource, editableAgencyFields } from './registry.policy.js';
import { checkAgencyPlacement, checkValidity } from './registry.rules.js';
import type { updateAgencyBody } from '../../../shared/api/registry.schemas.js';

/** Changes an agency; a unit officer only its contact fields (editableAgencyFields). */
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
    await checkAgencyPlacement(tx, ctx, unitId, changes.parentAgencyId === undefined ? before.parentAgencyId : changes.parentAgencyId, before);
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
