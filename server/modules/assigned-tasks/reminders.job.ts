import { and, inArray, isNotNull, lte } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { assignedTask, assignedTaskReminder } from '../../db/schema/index.js';
import { dailyPayload } from '../../jobs/daily.js';
import { defineJob } from '../../jobs/define.js';
import { notify } from '../../notifications/notify.js';
import { usersReaching } from '../../notifications/recipients.js';
import type { SystemContext } from '../audit/audit-log.js';
import { loadWorkingCalendar } from '../calendar/calendar.service.js';
import { assignerPlace, ownerPlace } from './assigned-tasks.policy.js';
import { findTask } from './assigned-tasks.repository.js';
import { taskLink } from './task-inputs.js';

const system: SystemContext = { actor: null, ip: null, requestId: null };

/** Working days before the deadline when the owner is reminded. */
export const TASK_REMINDER_WORKING_DAYS = 3;

/** Claims a reminder for a task's deadline; false when it was already sent (a job runs at least once). */
async function claim(tx: Tx, taskId: string, kind: 'soon' | 'overdue', deadline: string): Promise<boolean> {
  const rows = await tx.insert(assignedTaskReminder).values({ taskId, kind, deadline }).onConflictDoNothing().returning({ id: assignedTaskReminder.taskId });
  return rows.length > 0;
}

/**
 * Every working day at the office's run time (server/jobs/daily.ts): each open task whose
 * deadline is within TASK_REMINDER_WORKING_DAYS working days reminds its owner agency's
 * officers, once per deadline; each open task past its deadline is flagged overdue to the owner
 * and to the standing office of the assigning committee, once per deadline (a task whose deadline
 * is moved is reminded again). A day the server was down is caught up the next working day.
 */
export const taskRemindersJob = defineJob({
  name: 'assigned-tasks.send-reminders',
  title: { vi: 'Nhắc hạn và cảnh báo quá hạn nhiệm vụ được giao', en: 'Assigned task deadline reminders and overdue alerts' },
  payload: dailyPayload,
  daily: true,
  retry: { limit: 3, delaySeconds: 60, backoff: true },
  async handler({ day }, ctx) {
    const { calendar } = await loadWorkingCalendar(ctx.db);
    if (!calendar.isWorkingDay(day)) return { day, sent: 0, workingDay: false };
    const horizon = calendar.addWorkingDays(day, TASK_REMINDER_WORKING_DAYS);
    return ctx.db.transaction(async (tx) => {
      const due = await tx
        .select({ id: assignedTask.id, deadline: assignedTask.deadline })
        .from(assignedTask)
        .where(and(inArray(assignedTask.status, ['not_started', 'in_progress']), isNotNull(assignedTask.deadline), lte(assignedTask.deadline, horizon)));
      let sent = 0;
      for (const d of due) {
        const deadline = d.deadline!;
        const when = deadline < day ? 'overdue' : 'soon';
        if (!(await claim(tx, d.id, when, deadline))) continue;
        const task = (await findTask(tx, d.id))!;
        const owners = await usersReaching(tx, 'task.report', ownerPlace(task));
        const office = when === 'overdue' ? await usersReaching(tx, 'task.manage', assignerPlace(task)) : [];
        await notify(tx, system, {
          kind: 'assigned_task.deadline',
          recipients: [...owners, ...office],
          params: {
            content: task.content,
            sourceNumber: task.sourceNumber,
            ownerName: task.ownerAgencyName,
            deadline,
            when,
            workingDays: when === 'overdue' ? calendar.workingDaysBetween(deadline, day) : calendar.workingDaysBetween(day, deadline),
          },
          link: taskLink(task.id),
        });
        sent++;
      }
      return { day, sent };
    });
  },
});
