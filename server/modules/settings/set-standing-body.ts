import type { z } from 'zod';
import type { putStandingBodyBody } from '../../../shared/api/registry.schemas.js';
import type { Tx } from '../../db/client.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { findVisibleAgency, STANDING_BODY_KEY } from '../registry/registry.repository.js';
import { authorizeSettingsChange } from './settings.policy.js';
import { insertStandingBody, readStandingBody, updateStandingBody, type StandingBodyRow } from './settings.repository.js';

/**
 * Names the standing body for administrative reform (an agency the admin sees). `version` null
 * creates the setting, which must not exist yet; otherwise the stored version must match (409).
 */
export async function setStandingBody(tx: Tx, ctx: RequestContext, input: z.infer<typeof putStandingBodyBody>): Promise<StandingBodyRow> {
  authorizeSettingsChange(ctx.actor);
  const target = await findVisibleAgency(tx, ctx.actor, input.agencyId);
  if (!target) throw AppError.invalid('body.agencyId', 'not_found', 'the agency does not exist');
  const before = await readStandingBody(tx);
  if (input.version === null) {
    if (before.version !== null) throw new AppError('VERSION_CONFLICT', `the setting exists already (version ${before.version})`);
    await insertStandingBody(tx, target.id);
  } else if (!(await updateStandingBody(tx, target.id, input.version))) {
    throw new AppError('VERSION_CONFLICT', 'the setting was changed by someone else');
  }
  const after = await readStandingBody(tx);
  await recordAudit(tx, ctx, { action: 'setting.updated', entityType: 'setting', entityId: STANDING_BODY_KEY, scope: 'author', before, after });
  return after;
}
