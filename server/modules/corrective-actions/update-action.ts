import { and, count, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { actionUpdateBody } from '../../../shared/api/corrective-actions.schemas.js';
import { loadForAction } from '../../authz/guard.js';
import type { Tx } from '../../db/client.js';
import { fileAttachment } from '../../db/schema/index.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { notify } from '../../notifications/notify.js';
import { officeRecipients } from '../inspections/inspection-notifications.js';
import { applyActionMove } from './apply-action-move.js';
import { actionLink, EVIDENCE_PURPOSE } from './corrective-actions.files.js';
import { actionResource, assertActionMove } from './corrective-actions.policy.js';

/**
 * The responsible unit's moves: its remediation plan, a progress note, or the report that the
 * action is done — which needs at least one evidence file attached first (POST /api/files with
 * ownerType=corrective_action, purpose=evidence) and tells the standing office.
 */
export async function updateAction(tx: Tx, ctx: RequestContext, id: string, input: z.infer<typeof actionUpdateBody>) {
  const row = await loadForAction(tx, ctx, actionResource, id, input.move, input.version);
  assertActionMove(row, input.move);
  if (input.move === 'report') {
    const [{ n }] = await tx
      .select({ n: count() })
      .from(fileAttachment)
      .where(and(eq(fileAttachment.ownerType, 'corrective_action'), eq(fileAttachment.ownerId, id), eq(fileAttachment.purpose, EVIDENCE_PURPOSE)));
    if (n === 0) throw AppError.invalid('body.move', 'evidence_required', 'attach the evidence before reporting the action done');
  }
  const after = await applyActionMove(tx, ctx, row, input.move, input, 'action.updated');
  if (input.move === 'report') {
    await notify(tx, ctx, {
      kind: 'action.reported',
      recipients: await officeRecipients(tx, row),
      params: { agencyName: row.responsibleAgencyName, action: row.content.slice(0, 200), actorName: ctx.actor.fullName },
      link: actionLink(id),
    });
  }
  return after;
}
