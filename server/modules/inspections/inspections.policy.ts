import { sql, type SQL } from 'drizzle-orm';
import type { InspectionAbilities } from '../../../shared/api/inspections.schemas.js';
import { nextInspectionStatus, type InspectionKind, type InspectionMove, type InspectionStatus } from '../../../shared/domain/inspection-status.js';
import type { GuardedResource } from '../../authz/guard.js';
import { agencyColumns, agencyInReach, inReach } from '../../authz/scope.js';
import { hasRole, type Actor } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { issuerPlace } from '../plans/plans.policy.js';
import { findVisibleInspection, type InspectionRow } from './inspections.repository.js';

/**
 * SQL: the actor is listed, with their account, on the inspection's team (alias `i`). Only an
 * account holding the inspector role counts, as for teams (plans.policy.ts `actorIsMemberOf`).
 */
export const actorOnTeamOf = (actor: Actor, inspectionAlias: string): SQL =>
  hasRole(actor, 'inspector')
    ? sql`exists (select 1 from inspection_team_member m where m.team_id = ${sql.raw(inspectionAlias)}.team_id and m.user_id = ${actor.userId}::uuid)`
    : sql`false`;

/**
 * SQL: ids of the inspections the actor may see — the one visibility rule for lists, counts,
 * records, the season board, exports, the audit browser and every later feed.
 *
 * The secrecy rule (issue 8 §4, docs/decisions/unannounced-visits.md): before an unannounced
 * inspection starts (`started_at is null`), it exists only for
 *   - the standing office and the leaders in scope of the issuing agency (`inspection.read_all`),
 *   - the members of its team (their account on the team);
 * everyone else — the inspected unit first of all, other inspectors of the scope too — sees it
 * from its start on. Other kinds are seen by inspectors in scope (`inspection.read_issued`) and
 * by the officers of the inspected agency or of a visited place (`inspection.read_targeted`).
 */
export const visibleInspections = (actor: Actor): SQL => sql`(
  select i.id from inspection i
    join inspection_plan p on p.id = i.plan_id
    join agency ia on ia.id = p.issuing_agency_id
    join agency ta on ta.id = i.agency_id
   where ${inspectionVisibleAs(actor, { inspection: 'i', issuer: 'ia', target: 'ta' })})`;

/**
 * The same rule as a predicate on a row already joined to its plan's issuing agency and its target
 * agency (by these aliases): a list filters its own rows with it instead of a second pass over
 * every inspection (`visibleInspections` is this predicate over a join of its own).
 */
export const inspectionVisibleAs = (actor: Actor, as: { inspection: string; issuer: string; target: string }): SQL => sql`(
  ${agencyInReach(actor, 'inspection.read_all', agencyColumns(as.issuer))}
      or ${actorOnTeamOf(actor, as.inspection)}
      or ((${sql.raw(as.inspection)}.kind <> 'unannounced' or ${sql.raw(as.inspection)}.started_at is not null)
          and (${agencyInReach(actor, 'inspection.read_issued', agencyColumns(as.issuer))}
               or ${agencyInReach(actor, 'inspection.read_targeted', agencyColumns(as.target))}
               or exists (select 1 from inspection_place ip join agency pa on pa.id = ip.agency_id
                           where ip.inspection_id = ${sql.raw(as.inspection)}.id and ${agencyInReach(actor, 'inspection.read_targeted', agencyColumns('pa'))}))))`;

/**
 * The caller reads the inspection from the inspecting side — the office and leaders of the issuing
 * agency, inspectors in scope, the team — rather than only as the inspected unit or a visited
 * place. What is internal to the inspecting side (the office's note) and what the unit has not yet
 * been told (a report deadline before the notice) is shown to this side only.
 */
export function readsAsInspector(actor: Actor, row: InspectionRow): boolean {
  const place = issuerPlace(row);
  return row.actorOnTeam || inReach(actor, 'inspection.read_all', place) || inReach(actor, 'inspection.read_issued', place);
}

/** Who may take a move, before the status machine is asked. */
function mayTake(actor: Actor, row: InspectionRow, move: InspectionMove): boolean {
  const place = issuerPlace(row);
  switch (move) {
    case 'edit':
    case 'reschedule':
    case 'cancel':
    case 'notify':
      return inReach(actor, 'inspection.schedule', place);
    case 'start':
    case 'close':
      // The office records an earlier season; an inspector acts only on their own team's visits.
      return inReach(actor, 'inspection.conduct', place) && (inReach(actor, 'inspection.schedule', place) || row.actorOnTeam);
  }
}

/**
 * Inspections for the guard: invisible → 404 (identical to an unknown id); not the caller's
 * move → 403; stale → 409 VERSION_CONFLICT. The status machine is asked next by `assertMove`.
 */
export const inspectionResource: GuardedResource<InspectionRow, InspectionMove> = {
  name: 'inspection',
  findVisible: findVisibleInspection,
  allows: mayTake,
};

/**
 * The moves a visit allows on `today` (the calendar date in Việt Nam): its status's, without
 * `start` before its first day (startInspection refuses it). The record and every refusal list
 * the same moves.
 */
export function movesToday(row: Pick<InspectionRow, 'allowedMoves' | 'startsOn'>, today: string): InspectionMove[] {
  return today < row.startsOn ? row.allowedMoves.filter((m) => m !== 'start') : row.allowedMoves;
}

/** 409 INVALID_TRANSITION, with the moves the record allows today, when the status machine refuses. */
export function assertMove(row: InspectionRow, move: InspectionMove, today: string): InspectionStatus {
  const next = nextInspectionStatus(row.status as InspectionStatus, row.kind as InspectionKind, move);
  if (next === null) {
    throw new AppError('INVALID_TRANSITION', `an inspection that is ${row.status} cannot ${move}`, undefined, { allowedMoves: movesToday(row, today) });
  }
  return next;
}

export function inspectionAbilities(actor: Actor, row: InspectionRow): InspectionAbilities {
  const can = (move: InspectionMove) => row.allowedMoves.includes(move) && mayTake(actor, row, move);
  return { update: can('edit'), start: can('start'), close: can('close'), cancel: can('cancel'), reschedule: can('reschedule') };
}
