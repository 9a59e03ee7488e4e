import { and, between, eq, inArray } from 'drizzle-orm';
import { periodDates } from '../../../shared/domain/report-periods.js';
import type { Tx } from '../../db/client.js';
import { agency, reportRequest, reportReminder, reportSubmission } from '../../db/schema/index.js';
import { dailyPayload } from '../../jobs/daily.js';
import { defineJob } from '../../jobs/define.js';
import { notify } from '../../notifications/notify.js';
import type { SystemContext } from '../audit/audit-log.js';
import { loadWorkingCalendar } from '../calendar/calendar.service.js';
import { createPeriodicRequest } from './request-use-cases.js';
import { periodRuleProblems } from '../../../shared/domain/report-periods.js';
import { officeOf, submissionLink, unitLeaders, unitReporters } from './report-notifications.js';
import { latestPublished, listActiveRules } from './reports.repository.js';

const system: SystemContext = { actor: null, ip: null, requestId: null };

/** After the escalation day, how many more working days a missed escalation is still sent (a server down for a while). */
const ESCALATION_CATCH_UP_WORKING_DAYS = 10;

/** Claims one reminder of a submission for its due day; false when it went out already (a job runs at least once). */
async function claim(tx: Tx, submissionId: string, kind: string, dueOn: string): Promise<boolean> {
  const rows = await tx.insert(reportReminder).values({ submissionId, kind, day: dueOn }).onConflictDoNothing().returning({ id: reportReminder.submissionId });
  return rows.length > 0;
}

/**
 * This day's periodic requests: each active rule whose request opens on or before `day` and is
 * not yet past due gets its request of the year (once: the rule and year are unique). A rule whose
 * template has no published revision is skipped and reported in the job's result.
 */
export async function openDuePeriodicRequests(tx: Tx, day: string): Promise<{ created: string[]; skipped: string[] }> {
  const created: string[] = [];
  const skipped: string[] = [];
  const year = Number(day.slice(0, 4));
  for (const rule of await listActiveRules(tx)) {
    for (const y of [year, year + 1]) {
      const dates = periodDates(rule, y);
      if (dates.opensOn > day || dates.due < day) continue;
      // A rule without its template, or with impossible dates (stored before they were checked), is skipped.
      if (periodRuleProblems(rule).length || !(await latestPublished(tx, rule.ownerAgencyId, rule.templateCode))) {
        skipped.push(`${rule.code}/${y}`);
        continue;
      }
      const id = await createPeriodicRequest(tx, system, rule, y);
      if (id) created.push(id);
    }
  }
  return { created, skipped };
}

/**
 * The reminders of a day, counted in working days on the working calendar, each sent once per
 * submission and due day (a moved due day reminds again): `remindWorkingDays` before the due day
 * and on it (to the unit's officers), the first working days after it (overdue, to the unit and
 * the office that asked), and once `escalateAfterWorkingDays` have passed, to the unit's leader
 * (the request's setting, taken from its periodic rule or set by the office). Pre-visit requests
 * get their due and overdue reminders from the inspection (inspections.send-reminders) and only
 * the escalation here. Only reports still with the unit (not started, draft, returned) count.
 */
export async function sendReportReminders(tx: Tx, day: string, calendar: Awaited<ReturnType<typeof loadWorkingCalendar>>['calendar']): Promise<number> {
  const from = calendar.addWorkingDays(day, -(60 + ESCALATION_CATCH_UP_WORKING_DAYS));
  const to = calendar.addWorkingDays(day, 30);
  const rows = await tx
    .select({
      id: reportSubmission.id,
      agencyId: reportSubmission.agencyId,
      agencyName: agency.name,
      requestKind: reportRequest.kind,
      title: reportRequest.title,
      dueOn: reportRequest.dueOn,
      ownerAgencyId: reportRequest.ownerAgencyId,
      remind: reportRequest.remindWorkingDays,
      escalate: reportRequest.escalateAfterWorkingDays,
    })
    .from(reportSubmission)
    .innerJoin(reportRequest, eq(reportRequest.id, reportSubmission.requestId))
    .innerJoin(agency, eq(agency.id, reportSubmission.agencyId))
    .where(and(eq(reportRequest.status, 'open'), inArray(reportSubmission.status, ['not_started', 'draft', 'returned']), between(reportRequest.dueOn, from, to)))
    .orderBy(reportRequest.dueOn, agency.sortKey);
  let sent = 0;
  for (const r of rows) {
    const before = calendar.workingDaysBetween(day, r.dueOn);
    const late = -before;
    const preVisit = r.requestKind === 'pre_visit';
    const base = { title: r.title, agencyName: r.agencyName, dueOn: r.dueOn };
    if (!preVisit && r.dueOn === day) {
      if (await claim(tx, r.id, 'today', r.dueOn)) {
        await notify(tx, system, { kind: 'report.due', recipients: await unitReporters(tx, r.agencyId), params: { ...base, when: 'today', workingDays: 0 }, link: submissionLink(r.id) });
        sent++;
      }
    } else if (!preVisit && r.dueOn > day && before <= r.remind) {
      if (await claim(tx, r.id, 'soon', r.dueOn)) {
        await notify(tx, system, { kind: 'report.due', recipients: await unitReporters(tx, r.agencyId), params: { ...base, when: 'soon', workingDays: before }, link: submissionLink(r.id) });
        sent++;
      }
    } else if (r.dueOn < day && late >= 1) {
      if (!preVisit && late < r.escalate && (await claim(tx, r.id, 'overdue', r.dueOn))) {
        await notify(tx, system, { kind: 'report.due', recipients: [...(await unitReporters(tx, r.agencyId)), ...(await officeOf(tx, r.ownerAgencyId))], params: { ...base, when: 'overdue', workingDays: late }, link: submissionLink(r.id) });
        sent++;
      }
      if (late >= r.escalate && late <= r.escalate + ESCALATION_CATCH_UP_WORKING_DAYS && (await claim(tx, r.id, 'escalated', r.dueOn))) {
        await notify(tx, system, { kind: 'report.escalated', recipients: [...(await unitLeaders(tx, r.agencyId)), ...(await officeOf(tx, r.ownerAgencyId))], params: { ...base, workingDaysLate: late }, link: submissionLink(r.id) });
        sent++;
      }
    }
  }
  return sent;
}

/**
 * Every day at the office's run time (server/jobs/daily.ts): the periodic requests of the
 * reporting regime open on their own, then the reminders go out (on working days only).
 */
export const reportsDailyJob = defineJob({
  name: 'reports.daily',
  title: { vi: 'Mở yêu cầu báo cáo định kỳ, nhắc hạn và cảnh báo báo cáo quá hạn', en: 'Open periodic report requests, remind and escalate overdue reports' },
  payload: dailyPayload,
  daily: true,
  retry: { limit: 3, delaySeconds: 60, backoff: true },
  async handler({ day }, ctx) {
    const { calendar } = await loadWorkingCalendar(ctx.db);
    return ctx.db.transaction(async (tx) => {
      const opened = await openDuePeriodicRequests(tx, day);
      const sent = calendar.isWorkingDay(day) ? await sendReportReminders(tx, day, calendar) : 0;
      return { day, opened: opened.created.length, skipped: opened.skipped, sent };
    });
  },
});
