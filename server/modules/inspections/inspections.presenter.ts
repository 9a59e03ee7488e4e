import type { Inspection } from '../../../shared/api/inspections.schemas.js';
import type { InspectionKind, InspectionStatus } from '../../../shared/domain/inspection-status.js';
import { checkSchedule, sameStartTimeIssues, type ScheduleIssue } from '../../../shared/domain/schedule-rules.js';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../http/actor.js';
import { inspectionAbilities, movesToday, readsAsInspector } from './inspections.policy.js';
import { placesOf, sameStartTimeVisits, type InspectionRow } from './inspections.repository.js';
import type { ScheduleEnv } from './schedule-checks.js';
import { vietnamLocalTime } from '../../../shared/domain/vietnam-time.js';
import { scheduleRulesFor } from '../settings/schedule-rules-setting.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Inspections as the API shows them, with their places (one query for the whole page), the
 * caller's abilities, and the warnings computed on read: the calendar's (a visit on a day off) and,
 * for the inspecting side, an announced visit whose notice can no longer reach the unit in time.
 */
export async function presentInspections(tx: DbOrTx, actor: Actor, env: ScheduleEnv, rows: InspectionRow[]): Promise<Inspection[]> {
  if (!rows.length) return [];
  const places = await placesOf(tx, rows.map((r) => r.id));
  // The team's other visits at the same hour: an internal matter of the inspecting side.
  const sameHour = await sameStartTimeVisits(tx, actor, rows.filter((r) => readsAsInspector(actor, r)));
  const today = vietnamLocalTime(env.clock.now()).date;
  // An announced visit still ahead and not yet notified: the office is told when its notice can no
  // longer reach the unit in time (short_lead_time, by its authority's lead time; issue 8 review).
  const awaitingNotice = (row: InspectionRow) => row.kind === 'announced' && row.status === 'planned' && row.startsOn >= today && readsAsInspector(actor, row);
  const leadOf = new Map<string, number>();
  for (const row of rows) {
    if (awaitingNotice(row) && !leadOf.has(row.issuerUnitPath)) leadOf.set(row.issuerUnitPath, (await scheduleRulesFor(tx, env, row.issuerUnitPath)).noticeLeadWorkingDays);
  }
  return rows.map((row) => {
    const kind = row.kind as InspectionKind;
    const inspecting = readsAsInspector(actor, row);
    // The unit is asked for its report by the notice (docs/decisions/schedule-notices.md): before it, no deadline runs for the unit.
    // Once asked, it keeps seeing the visit's deadline when a reschedule sends it back to planned
    // (it was told the new one): the visit awaits a new notice. Kept in step with `dueShownTo` (repository).
    const awaitingNewNotice = kind === 'announced' && row.status === 'planned' && row.unitAsked;
    const dueShown = inspecting || !(kind === 'announced' && row.status === 'planned') || awaitingNewNotice;
    const live = row.status === 'planned' || row.status === 'notified';
    const late = awaitingNotice(row);
    // No visit starts before its first day in Việt Nam (move-inspection.ts `startInspection`): not offered before it.
    const allowedMoves = movesToday(row, today);
    const warnings = live
      ? checkSchedule(
          { id: row.id, agencyId: row.agencyId, agencyName: row.agencyName, teamId: row.teamId, teamName: row.teamName, kind, startsOn: row.startsOn, endsOn: row.endsOn, people: [] },
          [],
          { calendar: env.calendar, periodFrom: row.periodFrom, periodTo: row.periodTo, today: late ? today : '0000-01-01', noticeLeadWorkingDays: late ? leadOf.get(row.issuerUnitPath)! : 0, revisitMinDays: 1 },
        )
          .filter((i) => i.code === 'non_working_day' || i.code === 'short_lead_time')
          // Read, nothing is refused: a warning.
          .map((i): ScheduleIssue => ({ ...i, severity: 'warning' }))
          .concat(inspecting ? sameStartTimeIssues(row, sameHour.filter((o) => o.teamId === row.teamId && o.id !== row.id)) : [])
      : [];
    return {
      id: row.id,
      planId: row.planId,
      planYear: row.planYear,
      agencyId: row.agencyId,
      agencyName: row.agencyName,
      unitName: row.unitName,
      teamId: row.teamId,
      teamName: row.teamName,
      kind,
      status: row.status as InspectionStatus,
      startsOn: row.startsOn,
      endsOn: row.endsOn,
      startTime: row.startTime,
      reportDueOn: dueShown ? row.reportDueOn : null,
      reportDueExplanation: dueShown ? row.reportDueExplanation : null,
      awaitingNewNotice,
      places: places.filter((p) => p.inspectionId === row.id).map(({ agencyId, name, kind: placeKind }) => ({ agencyId, name, kind: placeKind })),
      // The office's note is internal to the inspecting side (docs/decisions/unannounced-visits.md).
      note: inspecting ? row.note : null,
      reinspectionOfId: row.reinspectionOfId,
      startedAt: iso(row.startedAt),
      closedAt: iso(row.closedAt),
      cancelledAt: iso(row.cancelledAt),
      cancelReason: row.cancelReason,
      allowedMoves,
      abilities: inspectionAbilities(actor, { ...row, allowedMoves }),
      warnings,
      version: row.version,
    };
  });
}
