import type { z } from 'zod';
import type { updateAssignedTaskBody } from '../../../shared/api/assigned-tasks.schemas.js';
import { loadForAction } from '../../authz/guard.js';
import type { Tx } from '../../db/client.js';
import { assignedTask } from '../../db/schema/index.js';
import { updateVersioned } from '../../db/versioned-update.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { taskResource } from './assigned-tasks.policy.js';
import type { TaskEnv } from './assigned-tasks.presenter.js';
import { coOwnersOf, replaceCoOwners } from './assigned-tasks.repository.js';
import { checkTaskAgencies, resolveDeadline, tellAssigned } from './task-inputs.js';

/**
 * The office corrects a task: its document, content, owner, co-owners or deadline (versioned).
 * Agencies newly named on it are told.
 */
export async function updateAssignedTask(tx: Tx, ctx: RequestContext, env: TaskEnv, id: string, input: z.infer<typeof updateAssignedTaskBody>) {
  const row = await loadForAction(tx, ctx, taskResource, id, 'update', input.version);
  const beforeCoOwners = (await coOwnersOf(tx, [id])).map((c) => c.agencyId);
  const ownerAgencyId = input.ownerAgencyId ?? row.ownerAgencyId;
  const coOwnerAgencyIds = input.coOwnerAgencyIds ?? beforeCoOwners.filter((a) => a !== ownerAgencyId);
  const agencies = await checkTaskAgencies(tx, { unitPath: row.assignerUnitPath }, ownerAgencyId, coOwnerAgencyIds);
  const sourceDate = input.sourceDate ?? row.sourceDate;
  const deadlineGiven = input.deadline !== undefined || input.deadlineWorkingDays !== undefined;
  const deadline = deadlineGiven ? resolveDeadline(env.calendar, sourceDate, input) : { deadline: row.deadline, deadlineExplanation: row.deadlineExplanation };
  if (!deadlineGiven && deadline.deadline && deadline.deadline < sourceDate) throw AppError.invalid('body.sourceDate', 'before_source_date', 'the task’s deadline would be before its document');
  const changes = {
    ...(input.sourceNumber !== undefined ? { sourceNumber: input.sourceNumber } : {}),
    sourceDate,
    ...(input.sourceTitle !== undefined ? { sourceTitle: input.sourceTitle } : {}),
    ...(input.content !== undefined ? { content: input.content } : {}),
    ownerAgencyId,
    ...deadline,
  };
  const after = await updateVersioned(tx, assignedTask, id, input.version, changes);
  await replaceCoOwners(tx, id, coOwnerAgencyIds);
  const { assigningAgencyName: _a, assignerUnitPath: _b, assignerPath: _c, ownerAgencyName: _d, ownerUnitPath: _e, ownerPath: _f, ...before } = row;
  await recordAudit(tx, ctx, {
    action: 'assigned_task.updated',
    entityType: 'assigned_task',
    entityId: id,
    scope: { agencies: [row.assigningAgencyId, row.ownerAgencyId, ownerAgencyId, ...beforeCoOwners, ...coOwnerAgencyIds] },
    before: { ...before, coOwnerAgencyIds: beforeCoOwners },
    after: { ...after, coOwnerAgencyIds },
  });
  const newOwner = ownerAgencyId !== row.ownerAgencyId;
  const newCoOwners = coOwnerAgencyIds.filter((a) => !beforeCoOwners.includes(a));
  if (newOwner || newCoOwners.length) {
    await tellAssigned(tx, ctx, after, {
      owner: newOwner ? agencies.get(ownerAgencyId)! : null,
      coOwners: newCoOwners.map((a) => agencies.get(a)!),
    });
  }
  return after;
}
