import type { z } from 'zod';
import type { putStandingBodyBody } from '../../../shared/api/registry.schemas.js';
import type { Tx } from '../../db/client.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { inReach } from '../../authz/scope.js';
import { authorize } from '../../authz/guard.js';
import { recordAudit } from '../audit/audit-log.js';
import { installStandardTemplates } from '../reports/standard-templates.js';
import { findVisibleAgency } from '../registry/registry.repository.js';
import { committeeOfUnit, insertStandingBody, readStandingBody, updateStandingBody, type StandingBodyRow } from './settings.repository.js';

/**
 * Names the standing body for administrative reform of the People's Committee of the agency's
 * unit (M23: one per authority). The admin must configure that authority (`authority.configure`
 * in reach). `version` null creates the setting, which must not exist yet; otherwise the stored
 * version must match (409).
 */
export async function setStandingBody(tx: Tx, ctx: RequestContext, input: z.infer<typeof putStandingBodyBody>): Promise<StandingBodyRow> {
  // Before the input is looked at: a role that configures no authority learns nothing.
  authorize(ctx.actor, 'authority.configure', 'only admins change an authority\'s settings');
  const target = await findVisibleAgency(tx, ctx.actor, input.agencyId);
  if (!target) throw AppError.invalid('body.agencyId', 'not_found', 'the agency does not exist');
  if (!target.active) throw AppError.invalid('body.agencyId', 'inactive', 'the agency is no longer active');
  if (!inReach(ctx.actor, 'authority.configure', { unitPath: target.unitPath, agencyPath: target.path })) {
    throw new AppError('FORBIDDEN', "you may not configure this authority's settings");
  }
  const before = await readStandingBody(tx, target.unitId);
  if (input.version === null) {
    if (before.version !== null || !(await insertStandingBody(tx, target.unitId, target.id))) {
      throw new AppError('VERSION_CONFLICT', `the setting exists already (version ${before.version})`);
    }
    // An authority configured for the first time starts with the standard report templates (issue 9 §1).
    const committee = await committeeOfUnit(tx, target.unitId);
    if (committee) await installStandardTemplates(tx, ctx, { agencyId: committee.id, place: { unitPath: committee.unitPath, agencyPath: committee.path } });
  } else if (!(await updateStandingBody(tx, target.unitId, target.id, input.version))) {
    throw new AppError('VERSION_CONFLICT', 'the setting was changed by someone else');
  }
  const after = await readStandingBody(tx, target.unitId);
  await recordAudit(tx, ctx, {
    action: 'setting.updated',
    entityType: 'setting',
    entityId: `standing_body:${target.unitId}`,
    scope: { units: [target.unitId] },
    before,
    after,
  });
  return after;
}
