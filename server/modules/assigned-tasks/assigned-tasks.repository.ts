import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Timeliness } from '../../../shared/domain/assigned-task-status.js';
import { agency, assignedTask, assignedTaskCoOwner, assignedTaskNote } from '../../db/schema/index.js';
import type { DbOrTx, Tx } from '../../db/client.js';
import type { Actor } from '../../http/actor.js';
import { matchesText } from '../registry/registry.repository.js';
import { visibleTasks } from './assigned-tasks.policy.js';

/** A task with the names and paths its policy and presenter need. */
export type TaskRow = typeof assignedTask.$inferSelect & {
  assigningAgencyName: string;
  assignerUnitPath: string;
  assignerPath: string;
  ownerAgencyName: string;
  ownerUnitPath: string;
  ownerPath: string;
};

const assigner = alias(agency, 'assigner');
const owner = alias(agency, 'owner_agency');

function select(tx: DbOrTx) {
  return tx
    .select({
      task: assignedTask,
      assigningAgencyName: assigner.name,
      assignerUnitPath: assigner.unitPath,
      assignerPath: assigner.path,
      ownerAgencyName: owner.name,
      ownerUnitPath: owner.unitPath,
      ownerPath: owner.path,
    })
    .from(assignedTask)
    .innerJoin(assigner, eq(assigner.id, assignedTask.assigningAgencyId))
    .innerJoin(owner, eq(owner.id, assignedTask.ownerAgencyId));
}
type Selected = Awaited<ReturnType<ReturnType<typeof select>['execute']>>[number];
const flatten = ({ task, ...joined }: Selected): TaskRow => ({ ...task, ...joined });

export async function findVisibleTask(tx: DbOrTx, actor: Actor, id: string): Promise<TaskRow | null> {
  const [row] = await select(tx).where(and(eq(assignedTask.id, id), visibleTasks(actor)));
  return row ? flatten(row) : null;
}

/** By id without scope: inside use cases and jobs, after their own checks. */
export async function findTask(tx: DbOrTx, id: string): Promise<TaskRow | null> {
  const [row] = await select(tx).where(eq(assignedTask.id, id));
  return row ? flatten(row) : null;
}

export interface TaskFilter {
  q?: string;
  status?: string;
  timeliness?: Timeliness;
  agencyId?: string;
  assigningAgencyId?: string;
  year?: number;
}

const open = sql`${assignedTask.status} in ('not_started','in_progress')`;

/** SQL for a standing against the deadline on `today` (mirrors timelinessOf). */
export function timelinessCondition(timeliness: Timeliness, today: string): SQL {
  switch (timeliness) {
    case 'no_deadline':
      return sql`(${open} and ${assignedTask.deadline} is null)`;
    case 'on_track':
      return sql`(${open} and ${assignedTask.deadline} >= ${today}::date)`;
    case 'overdue':
      return sql`(${open} and ${assignedTask.deadline} < ${today}::date)`;
    case 'done_on_time':
      return sql`(${assignedTask.status} = 'completed' and (${assignedTask.deadline} is null or ${assignedTask.completedOn} <= ${assignedTask.deadline}))`;
    case 'done_late':
      return sql`(${assignedTask.status} = 'completed' and ${assignedTask.completedOn} > ${assignedTask.deadline})`;
    case 'cancelled':
      return sql`${assignedTask.status} = 'cancelled'`;
  }
}

/** The agency owns the task or supports it. */
export const ownedOrSupportedBy = (agencyId: string): SQL =>
  sql`(${assignedTask.ownerAgencyId} = ${agencyId}::uuid or exists (select 1 from assigned_task_co_owner co where co.task_id = ${assignedTask.id} and co.agency_id = ${agencyId}::uuid))`;

function baseConditions(actor: Actor, f: TaskFilter): SQL | undefined {
  return and(
    visibleTasks(actor),
    f.q?.trim() ? matchesText(sql`${assignedTask.content} || ' ' || ${assignedTask.sourceNumber} || ' ' || coalesce(${assignedTask.sourceTitle}, '')`, f.q) : undefined,
    f.agencyId ? ownedOrSupportedBy(f.agencyId) : undefined,
    f.assigningAgencyId ? eq(assignedTask.assigningAgencyId, f.assigningAgencyId) : undefined,
    f.year ? sql`extract(year from ${assignedTask.sourceDate}) = ${f.year}` : undefined,
  );
}

/** A page of the tasks the actor may see, by deadline (none last), and counts under the same filters. */
export async function listTasks(tx: DbOrTx, actor: Actor, f: TaskFilter, today: string, page: { page: number; pageSize: number } | null) {
  const base = baseConditions(actor, f);
  const where = and(base, f.status ? eq(assignedTask.status, f.status) : undefined, f.timeliness ? timelinessCondition(f.timeliness, today) : undefined);
  const query = select(tx).where(where).orderBy(sql`${assignedTask.deadline} asc nulls last`, desc(assignedTask.sourceDate), asc(assignedTask.id));
  const rows = page ? await query.limit(page.pageSize).offset((page.page - 1) * page.pageSize) : await query.limit(10000);
  const [counts] = await tx
    .select({
      total: sql<number>`count(*) filter (where ${where ?? sql`true`})::int`,
      open: sql<number>`count(*) filter (where ${open})::int`,
      overdue: sql<number>`count(*) filter (where ${timelinessCondition('overdue', today)})::int`,
      completed: sql<number>`count(*) filter (where ${assignedTask.status} = 'completed')::int`,
    })
    .from(assignedTask)
    .innerJoin(assigner, eq(assigner.id, assignedTask.assigningAgencyId))
    .innerJoin(owner, eq(owner.id, assignedTask.ownerAgencyId))
    .where(base);
  return { rows: rows.map(flatten), total: Number(counts.total), counts: { open: Number(counts.open), overdue: Number(counts.overdue), completed: Number(counts.completed) } };
}

/** The co-owners of each task, in order, with their names. */
export async function coOwnersOf(tx: DbOrTx, taskIds: string[]) {
  if (!taskIds.length) return [];
  return tx
    .select({ taskId: assignedTaskCoOwner.taskId, agencyId: agency.id, name: agency.name })
    .from(assignedTaskCoOwner)
    .innerJoin(agency, eq(agency.id, assignedTaskCoOwner.agencyId))
    .where(inArray(assignedTaskCoOwner.taskId, taskIds))
    .orderBy(asc(assignedTaskCoOwner.taskId), asc(assignedTaskCoOwner.position));
}

export async function replaceCoOwners(tx: Tx, taskId: string, agencyIds: string[]) {
  await tx.delete(assignedTaskCoOwner).where(eq(assignedTaskCoOwner.taskId, taskId));
  if (agencyIds.length) await tx.insert(assignedTaskCoOwner).values(agencyIds.map((agencyId, position) => ({ taskId, agencyId, position })));
}

/** Every note of a task, newest first. */
export async function notesOf(tx: DbOrTx, taskId: string) {
  return tx.select().from(assignedTaskNote).where(eq(assignedTaskNote.taskId, taskId)).orderBy(desc(assignedTaskNote.createdAt), desc(assignedTaskNote.id));
}

/** The latest note of each task. */
export async function lastNotesOf(tx: DbOrTx, taskIds: string[]) {
  if (!taskIds.length) return [];
  return tx
    .selectDistinctOn([assignedTaskNote.taskId])
    .from(assignedTaskNote)
    .where(inArray(assignedTaskNote.taskId, taskIds))
    .orderBy(assignedTaskNote.taskId, desc(assignedTaskNote.createdAt), desc(assignedTaskNote.id));
}
