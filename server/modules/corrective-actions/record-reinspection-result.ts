import type { z } from 'zod';
import type { actionReinspectionResultBody } from '../../../shared/api/corrective-actions.schemas.js';
import { loadForAction } from '../../authz/guard.js';
import type { Tx } from '../../db/client.js';
import type { RequestContext } from '../../http/actor.js';
import { applyActionMove } from './apply-action-move.js';
import { actionResource } from './corrective-actions.policy.js';

/**
 * The re-inspection's result for one of its actions (its checklist): fixed closes it, kept leaves
 * it in progress for the unit. Once the re-inspection has started, by its team or the office.
 */
export async function recordReinspectionResult(tx: Tx, ctx: RequestContext, id: string, input: z.infer<typeof actionReinspectionResultBody>) {
  const row = await loadForAction(tx, ctx, actionResource, id, input.result, input.version);
  return applyActionMove(tx, ctx, row, input.result, input, 'action.reinspected');
}
