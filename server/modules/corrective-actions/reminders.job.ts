import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { correctiveAction, correctiveActionReminder } from '../../db/schema/index.js';
import { dailyPayload } from '../../jobs/daily.js';
import { defineJob } from '../../jobs/define.js';
import { notify } from '../../notifications/notify.js';
import { usersReaching } from '../../notifications/recipients.js';
import type { SystemContext } from '../audit/audit-log.js';
import { loadWorkingCalendar } from '../calendar/calendar.service.js';
import { officeRecipients } from '../inspections/inspection-notifications.js';
import { actionLink } from './corrective-actions.files.js';
import { responsiblePlace } from './corrective-actions.policy.js';
import { findAction } from './corrective-actions.repository.js';

const system: SystemContext = { actor: null, ip: null, requestId: null };

/** Days before the due date the unit is reminded (working days). */
export const ACTION_REMINDER_WORKING_DAYS = 3;

async function claim(tx: Tx, actionId: string, kind: string, day: string): Promise<boolean> {
  const rows = await tx.insert(correctiveActionReminder).values({ actionId, kind, day }).onConflictDoNothing().returning({ id: correctiveActionReminder.actionId });
  return rows.length > 0;
}

/**
 * Every day at the office's run time: actions due in three working days (on a working day) and
 * actions that have become overdue (once per action and due date — a new due date would warn
 * again) are told to the responsible unit and the standing office. Closed actions never.
 */
export const actionRemindersJob = defineJob({
  name: 'corrective-actions.send-reminders',
  title: { vi: 'Nhắc hạn và cảnh báo quá hạn khắc phục', en: 'Corrective action reminders and overdue alerts' },
  payload: dailyPayload,
  daily: true,
  retry: { limit: 3, delaySeconds: 60, backoff: true },
  async handler({ day }, ctx) {
    const { calendar } = await loadWorkingCalendar(ctx.db);
    const soon = calendar.isWorkingDay(day) ? calendar.addWorkingDays(day, ACTION_REMINDER_WORKING_DAYS) : null;
    return ctx.db.transaction(async (tx) => {
      let sent = 0;
      const open = inArray(correctiveAction.status, ['open', 'in_progress', 'reported']);
      const due = soon ? await tx.select({ id: correctiveAction.id }).from(correctiveAction).where(and(open, eq(correctiveAction.dueOn, soon))) : [];
      const overdue = await tx.select({ id: correctiveAction.id }).from(correctiveAction).where(and(open, lt(correctiveAction.dueOn, day), sql`${correctiveAction.status} <> 'reported'`));
      for (const [when, rows] of [['soon', due], ['overdue', overdue]] as const) {
        for (const r of rows) {
          const row = (await findAction(tx, r.id))!;
          if (!(await claim(tx, r.id, when, when === 'soon' ? day : row.dueOn!))) continue;
          await notify(tx, system, {
            kind: 'action.due',
            recipients: [...(await usersReaching(tx, 'action.report', responsiblePlace(row))), ...(await officeRecipients(tx, row))],
            params: { agencyName: row.responsibleAgencyName, action: row.content.slice(0, 200), dueOn: row.dueOn!, when },
            link: actionLink(row.id),
          });
          sent++;
        }
      }
      return { day, sent };
    });
  },
});
