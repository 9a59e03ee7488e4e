import type { AssignedTask, AssignedTaskDetail, TaskNote } from '../../../shared/api/assigned-tasks.schemas.js';
import { allowedAssignedTaskMoves, timelinessOf, type AssignedTaskMove, type AssignedTaskStatus } from '../../../shared/domain/assigned-task-status.js';
import type { WorkingCalendar } from '../../../shared/domain/calendar/index.js';
import type { DbOrTx } from '../../db/client.js';
import type { assignedTaskNote } from '../../db/schema/index.js';
import type { Actor } from '../../http/actor.js';
import { managesTask, mayMove, reportsOnTask } from './assigned-tasks.policy.js';
import { coOwnersOf, lastNotesOf, notesOf, type TaskRow } from './assigned-tasks.repository.js';

/** What presenting needs besides the rows: today in Việt Nam and the working calendar. */
export interface TaskEnv {
  today: string;
  calendar: WorkingCalendar;
}

type NoteRow = typeof assignedTaskNote.$inferSelect;
const presentNote = (n: NoteRow): TaskNote => ({
  id: n.id,
  at: n.createdAt.toISOString(),
  authorName: n.authorName,
  body: n.body,
  move: (n.move as AssignedTaskMove | null) ?? null,
  statusAfter: (n.statusAfter as AssignedTaskStatus | null) ?? null,
});

/** Tasks as the API shows them (co-owners and latest notes: one query each for the page). */
export async function presentTasks(tx: DbOrTx, actor: Actor, env: TaskEnv, rows: TaskRow[]): Promise<AssignedTask[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [coOwners, lastNotes] = await Promise.all([coOwnersOf(tx, ids), lastNotesOf(tx, ids)]);
  const lastOf = new Map(lastNotes.map((n) => [n.taskId, n]));
  return rows.map((row) => {
    const status = row.status as AssignedTaskStatus;
    const timeliness = timelinessOf({ status, deadline: row.deadline, completedOn: row.completedOn }, env.today);
    const allowedMoves = allowedAssignedTaskMoves(status);
    const last = lastOf.get(row.id);
    return {
      id: row.id,
      assigningAgencyId: row.assigningAgencyId,
      assigningAgencyName: row.assigningAgencyName,
      sourceNumber: row.sourceNumber,
      sourceDate: row.sourceDate,
      sourceTitle: row.sourceTitle,
      content: row.content,
      ownerAgencyId: row.ownerAgencyId,
      ownerAgencyName: row.ownerAgencyName,
      coOwners: coOwners.filter((c) => c.taskId === row.id).map(({ agencyId, name }) => ({ agencyId, name })),
      deadline: row.deadline,
      deadlineExplanation: row.deadlineExplanation,
      status,
      completedOn: row.completedOn,
      timeliness,
      overdueWorkingDays: timeliness === 'overdue' && row.deadline ? env.calendar.workingDaysBetween(row.deadline, env.today) : null,
      lastNote: last ? presentNote(last) : null,
      allowedMoves,
      abilities: {
        update: managesTask(actor, row),
        report: reportsOnTask(actor, row),
        moves: allowedMoves.filter((m) => mayMove(actor, row, m)),
      },
      version: row.version,
    };
  });
}

export async function presentTaskDetail(tx: DbOrTx, actor: Actor, env: TaskEnv, row: TaskRow): Promise<AssignedTaskDetail> {
  const [task] = await presentTasks(tx, actor, env, [row]);
  return { ...task, notes: (await notesOf(tx, row.id)).map(presentNote) };
}
