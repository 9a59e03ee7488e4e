import type { z } from 'zod';
import type { createAssignedTaskBody } from '../../../shared/api/assigned-tasks.schemas.js';
import { authorize } from '../../authz/guard.js';
import { inReach } from '../../authz/scope.js';
import type { Tx } from '../../db/client.js';
import { assignedTask } from '../../db/schema/index.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { recordAudit } from '../audit/audit-log.js';
import type { TaskEnv } from './assigned-tasks.presenter.js';
import { replaceCoOwners } from './assigned-tasks.repository.js';
import { agencyById, checkTaskAgencies, resolveDeadline, tellAssigned } from './task-inputs.js';

export interface NewTask {
  assigningAgencyId: string;
  sourceNumber: string;
  sourceDate: string;
  sourceTitle: string | null;
  content: string;
  ownerAgencyId: string;
  coOwnerAgencyIds: string[];
  deadline: string | null;
  deadlineExplanation: string | null;
}

/**
 * Writes one checked task with its co-owners, audits it and tells the agencies: what entering a
 * task and importing a file both end with (origin says which).
 */
export async function insertTask(tx: Tx, ctx: RequestContext, task: NewTask, places: { owner: { unitPath: string; path: string }; coOwners: { unitPath: string; path: string }[] }, origin: 'manual' | 'import' | 'demo', importId?: string) {
  const { coOwnerAgencyIds, ...values } = task;
  const [row] = await tx.insert(assignedTask).values({ ...values, origin, createdBy: ctx.actor.userId }).returning();
  await replaceCoOwners(tx, row.id, coOwnerAgencyIds);
  await recordAudit(tx, ctx, {
    action: origin === 'import' ? 'assigned_task.imported' : 'assigned_task.created',
    entityType: 'assigned_task',
    entityId: row.id,
    scope: { agencies: [row.assigningAgencyId, row.ownerAgencyId, ...coOwnerAgencyIds] },
    after: { ...row, coOwnerAgencyIds, ...(importId ? { importId } : {}) },
  });
  await tellAssigned(tx, ctx, row, places);
  return row;
}

/** The standing office enters a task of a committee in reach, owned by an agency under it. */
export async function createAssignedTask(tx: Tx, ctx: RequestContext, env: TaskEnv, input: z.infer<typeof createAssignedTaskBody>) {
  authorize(ctx.actor, 'task.manage', 'you may not enter assigned tasks');
  const assigner = await agencyById(tx, input.assigningAgencyId);
  if (!assigner || !inReach(ctx.actor, 'task.manage', { unitPath: assigner.unitPath, agencyPath: assigner.path })) {
    throw AppError.invalid('body.assigningAgencyId', 'out_of_scope', 'no committee whose tasks you keep has this id');
  }
  const agencies = await checkTaskAgencies(tx, assigner, input.ownerAgencyId, input.coOwnerAgencyIds);
  const deadline = resolveDeadline(env.calendar, input.sourceDate, input);
  return insertTask(
    tx,
    ctx,
    {
      assigningAgencyId: assigner.id,
      sourceNumber: input.sourceNumber,
      sourceDate: input.sourceDate,
      sourceTitle: input.sourceTitle ?? null,
      content: input.content,
      ownerAgencyId: input.ownerAgencyId,
      coOwnerAgencyIds: input.coOwnerAgencyIds,
      ...deadline,
    },
    { owner: agencies.get(input.ownerAgencyId)!, coOwners: input.coOwnerAgencyIds.map((id) => agencies.get(id)!) },
    'manual',
  );
}
