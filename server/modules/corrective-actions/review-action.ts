import type { z } from 'zod';
import type { actionReviewBody } from '../../../shared/api/corrective-actions.schemas.js';
import { loadForAction } from '../../authz/guard.js';
import type { Tx } from '../../db/client.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { notify } from '../../notifications/notify.js';
import { usersReaching } from '../../notifications/recipients.js';
import { applyActionMove } from './apply-action-move.js';
import { actionLink } from './corrective-actions.files.js';
import { actionResource, responsiblePlace } from './corrective-actions.policy.js';

/**
 * The standing office accepts a unit's report (the action closes) or returns it with a reason
 * (back in progress); the responsible unit is told. The unit itself never reviews (403).
 */
export async function reviewAction(tx: Tx, ctx: RequestContext, id: string, input: z.infer<typeof actionReviewBody>) {
  const row = await loadForAction(tx, ctx, actionResource, id, input.decision, input.version);
  if (input.decision === 'return' && !input.note) throw AppError.invalid('body.note', 'required', 'say why the report is returned');
  const after = await applyActionMove(tx, ctx, row, input.decision, input, 'action.reviewed');
  await notify(tx, ctx, {
    kind: 'action.reviewed',
    recipients: await usersReaching(tx, 'action.report', responsiblePlace(row)),
    params: { agencyName: row.responsibleAgencyName, action: row.content.slice(0, 200), accepted: input.decision === 'accept', note: input.note ?? null },
    link: actionLink(id),
  });
  return after;
}
