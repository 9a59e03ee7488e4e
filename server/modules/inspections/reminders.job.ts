import { and, eq, gt, inArray, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import { dayNumberToIso, toDayNumber } from '../../../shared/domain/calendar/dates.js';
import type { Tx } from '../../db/client.js';
import { inspectionReminder } from '../../db/schema/index.js';
import { authorityDailyPayload, type AuthorityDailyPayload } from '../../jobs/daily.js';
import { defineJob } from '../../jobs/define.js';
import { notify } from '../../notifications/notify.js';
import type { SystemContext } from '../audit/audit-log.js';
import { loadWorkingCalendar } from '../calendar/calendar.service.js';
import { inspectionLink, officeRecipients, teamRecipients, unitOfficers } from './inspection-notifications.js';
import { findInspection, reportPending } from './inspections.repository.js';
import { agency, inspection, inspectionPlan } from '../../db/schema/index.js';

const system: SystemContext = { actor: null, ip: null, requestId: null };

/** Claims a reminder for the day; false when it was already sent (a job runs at least once). */
async function claim(tx: Tx, inspectionId: string, kind: string, day: string): Promise<boolean> {
  const rows = await tx.insert(inspectionReminder).values({ inspectionId, kind, day }).onConflictDoNothing().returning({ id: inspectionReminder.inspectionId });
  return rows.length > 0;
}

/** The inspections of the payload's authorities: those of plans issued by a committee of that unit (or not of those units). */
function ofAuthorities(p: AuthorityDailyPayload): SQL | undefined {
  const plansOf = (units: string[]) =>
    sql`${inspection.planId} in (select ${inspectionPlan.id} from ${inspectionPlan} join ${agency} on ${agency.id} = ${inspectionPlan.issuingAgencyId} where ${inArray(agency.unitId, units)})`;
  if (p.unitId) return plansOf([p.unitId]);
  if (p.exceptUnitIds?.length) return sql`not (${plansOf(p.exceptUnitIds)})`;
  return undefined;
}

/**
 * Every day at the time each authority's standing office set (its own, else the installation's;
 * server/jobs/daily.ts `perAuthority`) (server/jobs/daily.ts, Asia/Ho_Chi_Minh, by the injected
 * clock): the unit's report is due in two working days, today, or was due on the last working day
 * (to the unit and the office; counted on the working calendar, on working days only), and, on
 * the last working day before it, each visit (to the team, unannounced ones included — the unit is
 * never told of those; desk reviews visit nowhere and are left out).
 * A report reminder goes out for announced visits once notified and for desk reviews, while the
 * unit's report is still awaited (none sent or accepted).
 */
export const inspectionRemindersJob = defineJob({
  name: 'inspections.send-reminders',
  title: { vi: 'Nhắc hạn báo cáo và lịch kiểm tra', en: 'Report deadline and visit reminders' },
  payload: authorityDailyPayload,
  daily: true,
  perAuthority: true,
  retry: { limit: 3, delaySeconds: 60, backoff: true },
  async handler(payload, ctx) {
    const { day } = payload;
    const authorities = ofAuthorities(payload);
    const { calendar } = await loadWorkingCalendar(ctx.db);
    // The team is reminded on the last working day before its visit (Friday for a Monday, the eve
    // of a holiday for the day after it): the visits from tomorrow to the next working day.
    const nextWorking = calendar.isWorkingDay(day) ? calendar.nextWorkingDay(day) : null;
    const due = calendar.isWorkingDay(day) ? { soon: calendar.addWorkingDays(day, 2), today: day, overdue: calendar.previousWorkingDay(day) } : null;
    return ctx.db.transaction(async (tx) => {
      let sent = 0;
      if (due) {
        const rows = await tx
          .select({ id: inspection.id, reportDueOn: inspection.reportDueOn })
          .from(inspection)
          .where(
            and(
              inArray(inspection.reportDueOn, [due.soon, due.today, due.overdue]),
              or(and(eq(inspection.kind, 'announced'), eq(inspection.status, 'notified')), and(eq(inspection.kind, 'report'), eq(inspection.status, 'planned'))),
              // A unit whose report is sent or accepted is not reminded of it.
              reportPending,
              authorities,
            ),
          );
        for (const r of rows) {
          const when = r.reportDueOn === due.today ? 'today' : r.reportDueOn === due.soon ? 'soon' : 'overdue';
          if (!(await claim(tx, r.id, `report_${when}`, day))) continue;
          const row = (await findInspection(tx, r.id))!;
          await notify(tx, system, {
            kind: 'inspection.report_due',
            recipients: [...(await unitOfficers(tx, row)), ...(await officeRecipients(tx, row))],
            params: { agencyName: row.agencyName, reportDueOn: row.reportDueOn!, startsOn: row.startsOn, when },
            link: inspectionLink(row.id),
          });
          sent++;
        }
      }
      // A desk review (kind 'report') is no visit: nobody goes anywhere, nothing to remind.
      const visits = nextWorking
        ? await tx
            .select({ id: inspection.id })
            .from(inspection)
            .where(and(gt(inspection.startsOn, day), lte(inspection.startsOn, nextWorking), ne(inspection.kind, 'report'), sql`${inspection.status} in ('planned','notified')`, authorities))
        : [];
      for (const v of visits) {
        if (!(await claim(tx, v.id, 'visit_tomorrow', day))) continue;
        const row = (await findInspection(tx, v.id))!;
        await notify(tx, system, {
          kind: 'inspection.visit_tomorrow',
          recipients: await teamRecipients(tx, row.teamId),
          params: { agencyName: row.agencyName, startsOn: row.startsOn, startTime: row.startTime, teamName: row.teamName, unannounced: row.kind === 'unannounced', tomorrow: row.startsOn === dayNumberToIso(toDayNumber(day) + 1) },
          link: inspectionLink(row.id),
        });
        sent++;
      }
      return { day, sent };
    });
  },
});
