import { sql } from 'drizzle-orm';
import type { InspectionKind } from '../../../shared/domain/inspection-status.js';
import { dayNumberToIso, toDayNumber } from '../../../shared/domain/calendar/dates.js';
import { queryRows, type DbOrTx } from '../../db/client.js';
import { AppError } from '../../http/app-error.js';
import { MAX_VISIT_DAYS } from './inspections.repository.js';

/**
 * Checks of what a scheduling request names, each refused with a 400 naming the field (the ids
 * come in the body: a missing record is a bad value, not a missing resource).
 */

/** The agency is a target of the plan or of a later version of its series still in force or being prepared (an amendment). */
export async function assertTarget(tx: DbOrTx, plan: { id: string; seriesId: string; revision: number }, agencyId: string) {
  const rows = await queryRows<{ name: string }>(
    tx,
    sql`select a.name from inspection_plan_target t join inspection_plan p on p.id = t.plan_id join agency a on a.id = t.agency_id
         where t.agency_id = ${agencyId}::uuid and p.series_id = ${plan.seriesId}::uuid
           and (p.id = ${plan.id}::uuid or (p.revision > ${plan.revision} and p.status <> 'superseded'))
         limit 1`,
  );
  if (!rows.length) throw AppError.invalid('body.agencyId', 'not_a_target', 'the agency is not a target of the plan');
  return rows[0].name;
}

/** A founded team of the plan's series. */
export async function assertTeam(tx: DbOrTx, seriesId: string, teamId: string, field = 'body.teamId') {
  const rows = await queryRows<{ name: string; status: string }>(
    tx,
    sql`select tm.name, tm.status from inspection_team tm join inspection_plan p on p.id = tm.plan_id where tm.id = ${teamId}::uuid and p.series_id = ${seriesId}::uuid`,
  );
  if (!rows.length) throw AppError.invalid(field, 'not_a_team_of_plan', 'no such team under this plan');
  if (rows[0].status !== 'founded') throw AppError.invalid(field, 'team_not_founded', 'the team has not been founded by decision yet');
  return rows[0].name;
}

/**
 * Places: the agency itself (its head office) or an active agency under it (its one-stop desk, its
 * reception point). A visit has at least one; a desk review (kind `report`) has none to have.
 */
export async function assertPlaces(tx: DbOrTx, agencyId: string, places: string[], kind: InspectionKind) {
  if (!places.length) {
    if (kind === 'report') return;
    throw AppError.invalid('body.places', 'too_small', 'a visit has at least one place');
  }
  const unique = [...new Set(places)];
  if (unique.length !== places.length) throw AppError.invalid('body.places', 'duplicate', 'a place is listed twice');
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`select p.id from agency p join agency a on a.id = ${agencyId}::uuid
         where p.active and p.path like a.path || '%' and p.id in (${sql.join(unique.map((id) => sql`${id}::uuid`), sql`, `)})`,
  );
  const found = new Set(rows.map((r) => r.id));
  const bad = unique.findIndex((id) => !found.has(id));
  if (bad >= 0) throw AppError.invalid(`body.places.${bad}`, 'not_a_place_of_agency', "a place must be the agency's head office or one of its own desks or reception points");
}

/** The days of a visit: ends on or after its start, and lasts at most MAX_VISIT_DAYS. */
export function visitDays(startsOn: string, endsOn: string | undefined): { startsOn: string; endsOn: string } {
  const end = endsOn ?? startsOn;
  if (end < startsOn) throw AppError.invalid('body.endsOn', 'before_start', 'the visit ends before it starts');
  if (toDayNumber(end) - toDayNumber(startsOn) >= MAX_VISIT_DAYS) {
    throw AppError.invalid('body.endsOn', 'too_long', `a visit lasts at most ${MAX_VISIT_DAYS} days (until ${dayNumberToIso(toDayNumber(startsOn) + MAX_VISIT_DAYS - 1)})`);
  }
  return { startsOn, endsOn: end };
}

/** A re-inspection names an earlier inspection of the same agency that has taken place; no other kind names one. */
export async function assertReinspection(kind: InspectionKind, agencyId: string, reinspectionOfId: string | null | undefined, visible: (id: string) => Promise<{ agencyId: string; status: string } | null>) {
  if (kind !== 'reinspection') {
    if (reinspectionOfId) throw AppError.invalid('body.reinspectionOfId', 'not_a_reinspection', 'only a re-inspection names an earlier inspection');
    return null;
  }
  if (!reinspectionOfId) throw AppError.invalid('body.reinspectionOfId', 'required', 'a re-inspection names the earlier inspection it follows');
  const earlier = await visible(reinspectionOfId);
  if (!earlier) throw AppError.invalid('body.reinspectionOfId', 'unknown', 'no such inspection');
  if (earlier.agencyId !== agencyId) throw AppError.invalid('body.reinspectionOfId', 'other_agency', 'the earlier inspection is of another agency');
  if (earlier.status !== 'under_way' && earlier.status !== 'closed') throw AppError.invalid('body.reinspectionOfId', 'not_taken_place', 'the earlier inspection has not taken place');
  return reinspectionOfId;
}
