import type { z } from 'zod';
import type { reportProgressBody } from '../../../shared/api/assigned-tasks.schemas.js';
import { nextAssignedTaskStatus, type AssignedTaskStatus } from '../../../shared/domain/assigned-task-status.js';
import { loadForAction } from '../../authz/guard.js';
import type { Tx } from '../../db/client.js';
import { assignedTask, assignedTaskNote } from '../../db/schema/index.js';
import { updateVersioned } from '../../db/versioned-update.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { mayMove, taskResource } from './assigned-tasks.policy.js';
import type { TaskEnv } from './assigned-tasks.presenter.js';

/**
 * The owner agency (or the office) reports on a task: a progress note, a status move, or both,
 * appended to the task's history. The owner starts and completes; the office also reopens,
 * cancels and restores (mayMove). Completion carries its day: by default today in Việt Nam,
 * never after it, never before the assigning document.
 */
export async function reportTaskProgress(tx: Tx, ctx: RequestContext, env: TaskEnv, id: string, input: z.infer<typeof reportProgressBody>) {
  const row = await loadForAction(tx, ctx, taskResource, id, 'report', input.version);
  if (!input.move && !input.note) throw AppError.invalid('body.note', 'required', 'write a note or choose a move');
  if (input.completedOn && input.move !== 'complete') throw AppError.invalid('body.completedOn', 'invalid', 'a completion day goes with the complete move');
  const status = row.status as AssignedTaskStatus;
  let changes: Record<string, unknown> = {};
  let statusAfter: AssignedTaskStatus | null = null;
  if (input.move) {
    if (!mayMove(ctx.actor, row, input.move)) throw new AppError('FORBIDDEN', `only the standing office may ${input.move} a task`);
    const next = nextAssignedTaskStatus(status, input.move);
    if (!next) {
      const allowedMoves = (['start', 'complete', 'reopen', 'cancel', 'restore'] as const).filter((m) => nextAssignedTaskStatus(status, m) !== null);
      throw new AppError('INVALID_TRANSITION', `a task that is ${status} cannot ${input.move}`, undefined, { allowedMoves });
    }
    statusAfter = next;
    let completedOn: string | null = null;
    if (next === 'completed') {
      completedOn = input.completedOn ?? env.today;
      if (completedOn > env.today) throw AppError.invalid('body.completedOn', 'after_today', 'the task cannot be completed on a day still to come');
      if (completedOn < row.sourceDate) throw AppError.invalid('body.completedOn', 'before_source_date', 'the task was completed before it was assigned');
    }
    changes = { status: next, completedOn };
  }
  // The version moves with every report, so two people reporting at once meet a 409.
  const after = await updateVersioned(tx, assignedTask, id, input.version, changes);
  const [note] = await tx
    .insert(assignedTaskNote)
    .values({ taskId: id, authorId: ctx.actor.userId, authorName: ctx.actor.fullName, body: input.note ?? null, move: input.move ?? null, statusAfter })
    .returning();
  await recordAudit(tx, ctx, {
    action: 'assigned_task.progress_reported',
    entityType: 'assigned_task',
    entityId: id,
    scope: { agencies: [row.assigningAgencyId, row.ownerAgencyId] },
    before: { status, completedOn: row.completedOn, version: row.version },
    after: { status: after.status, completedOn: after.completedOn, version: after.version, note: note.body, move: note.move },
  });
  return after;
}
