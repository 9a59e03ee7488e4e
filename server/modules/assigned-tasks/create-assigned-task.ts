import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { createAssignedTaskBody } from '../../../shared/api/assigned-tasks.schemas.js';
import { authorize } from '../../authz/guard.js';
import { inReach } from '../../authz/scope.js';
import type { Tx } from '../../db/client.js';
import { assignedTask, assignedTaskCoOwner } from '../../db/schema/index.js';
import { inIdList, insertRowsAsJson } from '../../db/bulk-insert.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { recordAudits } from '../audit/audit-log.js';
import type { TaskEnv } from './assigned-tasks.presenter.js';
import { agencyById, checkTaskAgencies, resolveDeadline, tellAssignedEach } from './task-inputs.js';

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

type AgencyPlace = { unitPath: string; path: string };
/** Where a task's agencies are: they scope its audit event and say whom to tell. */
export interface TaskPlaces {
  assigner: AgencyPlace;
  owner: AgencyPlace;
  coOwners: AgencyPlace[];
}

/**
 * Writes one checked task with its co-owners, audits it and tells the agencies: what entering a
 * task and importing a file both end with (origin says which).
 */
export async function insertTask(tx: Tx, ctx: RequestContext, task: NewTask, places: TaskPlaces, origin: 'manual' | 'import' | 'demo', importId?: string) {
  return (await insertTasks(tx, ctx, [{ task, places }], origin, importId))[0];
}

/**
 * insertTask for many checked tasks in a few statements whatever their number (an import,
 * docs/decisions/registry-import-in-sets.md): the tasks in one insert (ids chosen here, read back
 * as stored), their co-owners in another, an audit event each in one statement, the notices as
 * one set. Answers the stored tasks in the order given.
 */
export async function insertTasks(tx: Tx, ctx: RequestContext, tasks: readonly { task: NewTask; places: TaskPlaces }[], origin: 'manual' | 'import' | 'demo', importId?: string) {
  if (!tasks.length) return [];
  const planned = tasks.map(({ task, places }) => ({ id: randomUUID(), task, places }));
  await insertRowsAsJson(
    tx,
    assignedTask,
    planned.map(({ id, task: { coOwnerAgencyIds: _coOwners, ...values } }) => ({ ...values, id, origin, createdBy: ctx.actor.userId })),
  );
  await insertRowsAsJson(
    tx,
    assignedTaskCoOwner,
    planned.flatMap(({ id, task }) => task.coOwnerAgencyIds.map((agencyId, position) => ({ taskId: id, agencyId, position }))),
  );
  const stored = new Map((await tx.select().from(assignedTask).where(inIdList(assignedTask.id, planned.map((p) => p.id)))).map((row) => [row.id, row]));
  const rows = planned.map((p) => ({ ...p, row: stored.get(p.id)! }));
  const placeOf = (a: AgencyPlace) => ({ unitPath: a.unitPath, agencyPath: a.path });
  await recordAudits(
    tx,
    ctx,
    rows.map(({ row, task, places }) => ({
      action: origin === 'import' ? 'assigned_task.imported' : 'assigned_task.created',
      entityType: 'assigned_task',
      entityId: row.id,
      places: [places.assigner, places.owner, ...places.coOwners].map(placeOf),
      after: { ...row, coOwnerAgencyIds: task.coOwnerAgencyIds, ...(importId ? { importId } : {}) },
    })),
  );
  await tellAssignedEach(tx, ctx, rows.map(({ row, places }) => ({ task: row, agencies: places })));
  return rows.map((r) => r.row);
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
    { assigner, owner: agencies.get(input.ownerAgencyId)!, coOwners: input.coOwnerAgencyIds.map((id) => agencies.get(id)!) },
    'manual',
  );
}
