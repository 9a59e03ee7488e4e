import type { AssignedTask } from '../../../shared/api/assigned-tasks.schemas.js';
import type { AssignedTaskStatus } from '../../../shared/domain/assigned-task-status.js';
import type { DbOrTx } from '../../db/client.js';
import { loadWorkingCalendar } from '../calendar/calendar.service.js';
import { registerAssignedTaskSource, type AssignedTaskForChecklist, type AssignedTaskQuery } from '../checklists/assigned-task-source.js';
import { listAgencyTasks } from './agency-tasks.js';

const statusVi: Record<AssignedTaskStatus, string> = {
  not_started: 'Chưa thực hiện',
  in_progress: 'Đang thực hiện',
  completed: 'Đã hoàn thành',
  cancelled: 'Đã hủy',
};

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** One item of group b): the document that assigned the task and what it asks; its deadline and state as guidance. */
export function checklistItemOfTask(t: AssignedTask): AssignedTaskForChecklist {
  const text = `${t.sourceNumber} ngày ${dmy(t.sourceDate)} — ${t.content}`.slice(0, 1000);
  const deadline = t.deadline ? `Thời hạn ${dmy(t.deadline)}` : 'Nhiệm vụ thường xuyên';
  const state = t.status === 'completed' && t.completedOn ? `${statusVi.completed} ngày ${dmy(t.completedOn)}` : statusVi[t.status];
  const overdue = t.timeliness === 'overdue' && t.overdueWorkingDays ? ` (quá hạn ${t.overdueWorkingDays} ngày làm việc)` : t.timeliness === 'done_late' ? ' (hoàn thành trễ hạn)' : '';
  return { id: t.id, text, guidance: `${deadline}; ${state}${overdue}. Chủ trì: ${t.ownerAgencyName}.` };
}

/**
 * Group b) of an inspection's content checklist (issue 10 §1): the inspected agency's tasks from
 * the register, as the person adding the checklist may see them — those assigned in the plan's
 * year, and those of earlier years still open on the day — cancelled tasks left out.
 */
export async function agencyTasksForChecklist(tx: DbOrTx, q: AssignedTaskQuery): Promise<AssignedTaskForChecklist[]> {
  const env = { calendar: (await loadWorkingCalendar(tx)).calendar, today: q.asOf };
  const tasks = await listAgencyTasks(tx, q.actor, env, q.agencyId);
  const year = String(q.year);
  const open = (t: AssignedTask) => t.status === 'not_started' || t.status === 'in_progress';
  return tasks
    .filter((t) => t.status !== 'cancelled' && t.sourceDate <= q.asOf && (t.sourceDate.startsWith(year) || (t.sourceDate < year && open(t))))
    .map(checklistItemOfTask);
}

registerAssignedTaskSource(agencyTasksForChecklist);
