import type { z } from 'zod';
import type { MinutesContent, updateMinutesBody } from '../../../shared/api/minutes.schemas.js';
import { loadForAction } from '../../authz/guard.js';
import type { Tx } from '../../db/client.js';
import { inspectionMinutes } from '../../db/schema/index.js';
import { updateVersioned } from '../../db/versioned-update.js';
import type { RequestContext } from '../../http/actor.js';
import { recordAudit } from '../audit/audit-log.js';
import { issuerPlace } from '../plans/plans.policy.js';
import { assertHeldDuringVisit } from './draft-minutes.js';
import { minutesResource } from './minutes.policy.js';

/** Edits a draft (versioned, field by field); final minutes are frozen (409 INVALID_STATE). */
export async function updateMinutes(tx: Tx, ctx: RequestContext, id: string, input: z.infer<typeof updateMinutesBody>) {
  const row = await loadForAction(tx, ctx, minutesResource, id, 'edit', input.version);
  const content: MinutesContent = { ...(row.content as MinutesContent), ...input.content };
  if (input.content.heldOn) assertHeldDuringVisit(content.heldOn, row.inspection);
  const after = await updateVersioned(tx, inspectionMinutes, id, input.version, { content });
  await recordAudit(tx, ctx, {
    action: 'minutes.updated',
    entityType: 'inspection_minutes',
    entityId: id,
    scope: { places: [issuerPlace(row.inspection)] },
    before: { version: row.version, content: row.content },
    after: { version: after.version, content },
  });
  return after;
}
