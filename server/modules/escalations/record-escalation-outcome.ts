import type { z } from 'zod';
import type { decideEscalationBody, escalationResultBody } from '../../../shared/api/escalations.schemas.js';
import { loadForAction } from '../../authz/guard.js';
import type { Tx } from '../../db/client.js';
import { escalation } from '../../db/schema/index.js';
import { updateVersioned } from '../../db/versioned-update.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { issuerPlace } from '../plans/plans.policy.js';
import { assertEscalationMove, escalationResource } from './escalations.policy.js';

/** The public-service team's answer to an issued proposal: accepted (it will inspect) or declined, on a day not before the proposal. */
export async function decideEscalation(tx: Tx, ctx: RequestContext, id: string, input: z.infer<typeof decideEscalationBody>) {
  const row = await loadForAction(tx, ctx, escalationResource, id, input.decision, input.version);
  const to = assertEscalationMove(row, input.decision);
  if (row.issuedOn && input.decidedOn < row.issuedOn) throw AppError.invalid('body.decidedOn', 'before_start', 'the answer comes after the proposal');
  const after = await updateVersioned(tx, escalation, id, input.version, { status: to, decidedOn: input.decidedOn, decisionNote: input.note ?? null });
  await recordAudit(tx, ctx, { action: 'escalation.decided', entityType: 'escalation', entityId: id, scope: { places: [issuerPlace(row)] }, before: { status: row.status, version: row.version }, after: { status: to, version: after.version, decidedOn: input.decidedOn, note: input.note ?? null } });
  return after;
}

/** What the public-service inspection concluded (responsibility established, measures taken). */
export async function recordEscalationResult(tx: Tx, ctx: RequestContext, id: string, input: z.infer<typeof escalationResultBody>) {
  const row = await loadForAction(tx, ctx, escalationResource, id, 'record_result', input.version);
  const to = assertEscalationMove(row, 'record_result');
  if (row.decidedOn && input.resultOn < row.decidedOn) throw AppError.invalid('body.resultOn', 'before_start', 'the result comes after the answer');
  const after = await updateVersioned(tx, escalation, id, input.version, { status: to, resultOn: input.resultOn, result: input.result });
  await recordAudit(tx, ctx, { action: 'escalation.result_recorded', entityType: 'escalation', entityId: id, scope: { places: [issuerPlace(row)] }, before: { status: row.status, version: row.version }, after: { status: to, version: after.version, resultOn: input.resultOn, result: input.result } });
  return after;
}
