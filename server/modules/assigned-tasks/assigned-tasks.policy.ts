import { sql, type SQL } from 'drizzle-orm';
import { ownerMoves, type AssignedTaskMove } from '../../../shared/domain/assigned-task-status.js';
import type { GuardedResource } from '../../authz/guard.js';
import { agencyColumns, agencyInReach, inReach, type Place } from '../../authz/scope.js';
import type { Actor } from '../../http/actor.js';
import { findVisibleTask, type TaskRow } from './assigned-tasks.repository.js';

/**
 * Who sees and changes the register of assigned tasks (shared/domain/capabilities.ts):
 *  - a task is placed by the committee that assigned it. `task.read` (the office, leaders,
 *    inspectors, admins) reads the tasks of committees in reach, and the tasks owned by an
 *    agency in reach (a town's offices carrying out a province's task);
 *  - `task.read_owned` (the unit officer) reads the tasks its agencies own or support;
 *  - `task.manage` (the standing office) enters, edits, imports and moves the tasks of
 *    committees in reach;
 *  - `task.report` (the unit officer) reports progress on the tasks its agencies own: notes,
 *    start, complete (ownerMoves). A co-owner reads, never reports.
 */

/** SQL on `assigned_task` joined with its assigner (`assigner`) and owner (`owner_agency`) agencies. */
export function visibleTasks(actor: Actor): SQL {
  return sql`(${agencyInReach(actor, 'task.read', agencyColumns('assigner'))}
    or ${agencyInReach(actor, 'task.read', agencyColumns('owner_agency'))}
    or ${agencyInReach(actor, 'task.read_owned', agencyColumns('owner_agency'))}
    or exists (select 1 from assigned_task_co_owner co join agency ca on ca.id = co.agency_id
                where co.task_id = assigned_task.id and ${agencyInReach(actor, 'task.read_owned', agencyColumns('ca'))}))`;
}

export const assignerPlace = (row: { assignerUnitPath: string; assignerPath: string }): Place => ({ unitPath: row.assignerUnitPath, agencyPath: row.assignerPath });
export const ownerPlace = (row: { ownerUnitPath: string; ownerPath: string }): Place => ({ unitPath: row.ownerUnitPath, agencyPath: row.ownerPath });

/** The office of the assigning committee. */
export const managesTask = (actor: Actor, row: TaskRow): boolean => inReach(actor, 'task.manage', assignerPlace(row));
/** The owner agency's officer, or the office. */
export const reportsOnTask = (actor: Actor, row: TaskRow): boolean => managesTask(actor, row) || inReach(actor, 'task.report', ownerPlace(row));

/** Whether the actor may make this move (before the status machine is asked). */
export const mayMove = (actor: Actor, row: TaskRow, move: AssignedTaskMove): boolean => managesTask(actor, row) || (inReach(actor, 'task.report', ownerPlace(row)) && ownerMoves.includes(move));

export type TaskAction = 'update' | 'report';

/** Tasks for the guard: invisible → 404; not the office (update) or the owner (report) → 403; stale → 409. */
export const taskResource: GuardedResource<TaskRow, TaskAction> = {
  name: 'assigned task',
  findVisible: findVisibleTask,
  allows: (actor, row, action) => (action === 'update' ? managesTask(actor, row) : reportsOnTask(actor, row)),
};
