import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { reinspectFromConclusionBody } from '../../../shared/api/conclusions.schemas.js';
import { formatDocumentNumber } from '../../../shared/domain/document-types.js';
import { isActionOpen, type ActionStatus } from '../../../shared/domain/follow-up.js';
import { loadForAction } from '../../authz/guard.js';
import type { Tx } from '../../db/client.js';
import { correctiveAction } from '../../db/schema/index.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { createInspection } from '../inspections/create-inspection.js';
import type { ScheduleEnv } from '../inspections/schedule-checks.js';
import { issuerPlace } from '../plans/plans.policy.js';
import { conclusionResource } from './conclusions.policy.js';
import { conclusionActions } from './conclusions.repository.js';

/**
 * Turns the actions still open of an issued conclusion into a re-inspection (the inspections
 * issue's `reinspection` kind, of the same agency, following the concluded inspection) whose
 * checklist is exactly those actions: each is linked to it, and its result closes or keeps it
 * (corrective-actions `record-reinspection-result`). The schedule rules apply as for any visit.
 */
export async function reinspectFromConclusion(tx: Tx, ctx: RequestContext, env: ScheduleEnv, id: string, input: z.infer<typeof reinspectFromConclusionBody>) {
  const row = await loadForAction(tx, ctx, conclusionResource, id, 'reinspect');
  const open = (await conclusionActions(tx, [id])).filter((a) => isActionOpen(a.action.status as ActionStatus) && a.action.reinspectionId === null);
  const openIds = new Set(open.map((a) => a.action.id));
  input.actionIds?.forEach((actionId, i) => {
    if (!openIds.has(actionId)) throw AppError.invalid(`body.actionIds.${i}`, 'not_open', 'not an open action of this conclusion without a re-inspection');
  });
  const chosen = input.actionIds ?? [...openIds];
  if (!chosen.length) throw new AppError('INVALID_STATE', 'the conclusion has no open action left to re-inspect');
  const number = row.number !== null && row.symbol ? formatDocumentNumber(row.number, row.symbol) : '';
  const created = await createInspection(tx, ctx, env, {
    planId: row.planId,
    agencyId: row.agencyId,
    teamId: input.teamId,
    kind: 'reinspection',
    reinspectionOfId: row.inspectionId,
    startsOn: input.startsOn,
    ...(input.endsOn ? { endsOn: input.endsOn } : {}),
    ...(input.startTime ? { startTime: input.startTime } : {}),
    note: `Tái kiểm tra việc khắc phục theo Thông báo kết luận số ${number}`.trim(),
    ...(input.overrideReason ? { overrideReason: input.overrideReason } : {}),
  });
  const linked = await tx
    .update(correctiveAction)
    .set({ reinspectionId: created.id, version: sql`${correctiveAction.version} + 1`, updatedAt: sql`now()` })
    .where(and(inArray(correctiveAction.id, chosen), eq(correctiveAction.conclusionId, id), isNull(correctiveAction.reinspectionId)))
    .returning({ id: correctiveAction.id, version: correctiveAction.version });
  for (const a of linked) {
    await recordAudit(tx, ctx, { action: 'action.updated', entityType: 'corrective_action', entityId: a.id, scope: { places: [issuerPlace(row)] }, after: { reinspectionId: created.id, version: a.version } });
  }
  return { inspectionId: created.id, actionIds: linked.map((a) => a.id) };
}
