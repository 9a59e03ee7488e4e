import { and, asc, eq, gte, inArray, lte, ne, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { dayNumberToIso, toDayNumber } from '../../../shared/domain/calendar/dates.js';
import { allowedInspectionMoves, isSecretFromUnit, type InspectionKind, type InspectionMove, type InspectionStatus } from '../../../shared/domain/inspection-status.js';
import { agency, inspection, inspectionPlace, inspectionPlan, inspectionTeam, inspectionTeamMember, unit } from '../../db/schema/index.js';
import type { DbOrTx, Tx } from '../../db/client.js';
import type { Actor } from '../../http/actor.js';
import { findFilterUnit } from '../../authz/guard.js';
import { agencyColumns, agencyInReach } from '../../authz/scope.js';
import { actorOnTeamOf, inspectionVisibleAs, visibleInspections } from './inspections.policy.js';

/** The longest visit, in days: longer work is several inspections. */
export const MAX_VISIT_DAYS = 31;

/** An inspection with what its policy, use cases and presenter need (one query for a whole page). */
export type InspectionRow = typeof inspection.$inferSelect & {
  agencyName: string;
  agencyPath: string;
  unitName: string;
  teamName: string;
  planYear: number;
  planSeriesId: string;
  periodFrom: string;
  periodTo: string;
  issuingAgencyId: string;
  /** Where the plan's issuing agency sits: what the policies check. */
  issuerUnitPath: string;
  issuerPath: string;
  /** The caller is on the inspection's team with their account. */
  actorOnTeam: boolean;
  /**
   * The unit has been asked for its report (an open pre-visit request: a notice was issued, or a
   * desk review): it knows the visit and its deadline even after a reschedule sends the visit back
   * to planned (docs/decisions/schedule-notices.md).
   */
  unitAsked: boolean;
  allowedMoves: InspectionMove[];
};

const issuer = alias(agency, 'issuer');

/** SQL: the unit was asked for its report on this inspection (an open pre-visit request). */
const unitAsked: SQL = sql`exists (select 1 from report_request rr where rr.inspection_id = ${inspection.id} and rr.status = 'open')`;

/**
 * SQL: the row's report deadline is shown to the actor (inspections.presenter.ts `dueShown`): the
 * inspecting side always; the unit once it was told — a notice issued (not an announced visit
 * still planned), or asked for its report before a reschedule sent the visit back to planned.
 */
const dueShownTo = (actor: Actor): SQL => sql`(${inspection.kind} <> 'announced' or ${inspection.status} <> 'planned' or ${unitAsked}
  or ${actorOnTeamOf(actor, 'inspection')}
  or ${agencyInReach(actor, 'inspection.read_all', agencyColumns('issuer'))}
  or ${agencyInReach(actor, 'inspection.read_issued', agencyColumns('issuer'))})`;

function columns(actor: Actor | null) {
  return {
    inspection,
    agencyName: agency.name,
    agencyPath: agency.path,
    unitName: unit.name,
    teamName: inspectionTeam.name,
    planYear: inspectionPlan.year,
    planSeriesId: inspectionPlan.seriesId,
    periodFrom: inspectionPlan.periodFrom,
    periodTo: inspectionPlan.periodTo,
    issuingAgencyId: inspectionPlan.issuingAgencyId,
    issuerUnitPath: issuer.unitPath,
    issuerPath: issuer.path,
    actorOnTeam: actor ? sql<boolean>`${actorOnTeamOf(actor, 'inspection')}`.as('actor_on_team') : sql<boolean>`false`.as('actor_on_team'),
    unitAsked: sql<boolean>`${unitAsked}`.as('unit_asked'),
  };
}

type Selected = { inspection: typeof inspection.$inferSelect } & Omit<InspectionRow, keyof typeof inspection.$inferSelect | 'allowedMoves'>;
const flatten = ({ inspection: row, ...joined }: Selected): InspectionRow => ({
  ...row,
  ...joined,
  actorOnTeam: !!joined.actorOnTeam,
  unitAsked: !!joined.unitAsked,
  allowedMoves: allowedInspectionMoves(row.status as InspectionStatus, row.kind as InspectionKind),
});

function select(tx: DbOrTx, actor: Actor | null) {
  return tx
    .select(columns(actor))
    .from(inspection)
    .innerJoin(agency, eq(agency.id, inspection.agencyId))
    .innerJoin(unit, eq(unit.id, agency.unitId))
    .innerJoin(inspectionTeam, eq(inspectionTeam.id, inspection.teamId))
    .innerJoin(inspectionPlan, eq(inspectionPlan.id, inspection.planId))
    .innerJoin(issuer, eq(issuer.id, inspectionPlan.issuingAgencyId));
}

export const isVisibleTo = (actor: Actor): SQL => sql`${inspection.id} in ${visibleInspections(actor)}`;

/** Of these inspections, the ids the actor may open (GET /api/inspections/:id answers 200). */
export async function visibleInspectionIds(tx: DbOrTx, actor: Actor, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await tx.select({ id: inspection.id }).from(inspection).where(and(inArray(inspection.id, ids), isVisibleTo(actor)));
  return new Set(rows.map((r) => r.id));
}

/** One inspection the actor may see, or null: the caller answers 404, as for an unknown id. */
export async function findVisibleInspection(tx: DbOrTx, actor: Actor, id: string): Promise<InspectionRow | null> {
  const [row] = await select(tx, actor).where(and(eq(inspection.id, id), isVisibleTo(actor)));
  return row ? flatten(row) : null;
}

export interface InspectionFilter {
  planId?: string;
  teamId?: string;
  agencyId?: string;
  kind?: string;
  status?: string[];
  from?: string;
  to?: string;
  /** Visits starting in the year (in its month when given): the dashboard's count. */
  year?: number;
  month?: number;
  /** Visits to agencies in the unit's subtree. */
  unitId?: string;
  /** With unitId: the unit's own plans only (docs/decisions/results-report-scope.md). */
  issuer?: 'own';
  /** Cancelled visits left out. */
  live?: boolean;
  reportPending?: boolean;
  /** A report due day set / due on or before the day (the dashboard's reports due). */
  reportDue?: boolean;
  reportDueBy?: string;
  sort?: 'startsOn' | 'reportDueOn';
  page: number;
  pageSize: number;
}

/** The first and last days of a year, or of one of its months. */
function startBounds(year: number, month?: number): { from: string; to: string } {
  if (!month) return { from: `${year}-01-01`, to: `${year}-12-31` };
  const mm = String(month).padStart(2, '0');
  return { from: `${year}-${mm}-01`, to: `${year}-${mm}-${new Date(Date.UTC(year, month, 0)).getUTCDate()}` };
}

/**
 * The inspection's report is still awaited: it has a due day and no submission to its request was
 * sent or accepted. The list's reportPending filter and the report reminders (reminders.job.ts)
 * both ask this.
 */
export const reportPending: SQL = sql`${inspection.reportDueOn} is not null and not exists (select 1 from report_request rr join report_submission rs on rs.request_id = rr.id
  where rr.inspection_id = ${inspection.id} and rs.status in ('submitted', 'accepted'))`;

/** The filters and the visibility rule on the rows of `select` (joined to their target agency and issuer). */
function filterConditions(actor: Actor, f: Omit<InspectionFilter, 'page' | 'pageSize'>): SQL | undefined {
  return and(
    inspectionVisibleAs(actor, { inspection: 'inspection', issuer: 'issuer', target: 'agency' }),
    f.planId ? eq(inspection.planId, f.planId) : undefined,
    f.teamId ? eq(inspection.teamId, f.teamId) : undefined,
    f.agencyId ? eq(inspection.agencyId, f.agencyId) : undefined,
    f.kind ? eq(inspection.kind, f.kind) : undefined,
    f.status?.length ? inArray(inspection.status, f.status) : undefined,
    f.to ? lte(inspection.startsOn, f.to) : undefined,
    f.from ? gte(inspection.endsOn, f.from) : undefined,
    f.year ? sql`${inspection.startsOn} between ${startBounds(f.year, f.month).from}::date and ${startBounds(f.year, f.month).to}::date` : undefined,
    f.unitId ? sql`${agency.unitPath} like (select u.path from unit u where u.id = ${f.unitId}::uuid) || '%'` : undefined,
    f.issuer === 'own' && f.unitId ? sql`${issuer.unitId} = ${f.unitId}::uuid` : undefined,
    f.live ? sql`${inspection.status} <> 'cancelled'` : undefined,
    f.reportDue ? sql`${inspection.reportDueOn} is not null` : undefined,
    f.reportDueBy ? lte(inspection.reportDueOn, f.reportDueBy) : undefined,
    f.reportPending ? and(reportPending, dueShownTo(actor)) : undefined,
  );
}

/** A page of the inspections the actor may see, by date, and the total under the same rule. */
export async function listInspections(tx: DbOrTx, actor: Actor, f: InspectionFilter): Promise<{ rows: InspectionRow[]; total: number }> {
  // A unit the caller does not see, as a filter: not found (issue 12 review), never an empty page.
  if (f.unitId) await findFilterUnit(tx, actor, f.unitId);
  const where = filterConditions(actor, f);
  const rows = await select(tx, actor)
    .where(where)
    .orderBy(...(f.sort === 'reportDueOn' ? [sql`${inspection.reportDueOn} asc nulls last`] : []), asc(inspection.startsOn), asc(inspection.startTime), asc(agency.sortKey), asc(inspection.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [count] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(inspection)
    .innerJoin(agency, eq(agency.id, inspection.agencyId))
    .innerJoin(inspectionPlan, eq(inspectionPlan.id, inspection.planId))
    .innerJoin(issuer, eq(issuer.id, inspectionPlan.issuingAgencyId))
    .where(where);
  return { rows: rows.map(flatten), total: Number(count?.n ?? 0) };
}

/** Inspections by id without scope (inside use cases, after the visibility check). */
export async function findInspection(tx: DbOrTx, id: string): Promise<InspectionRow | null> {
  const [row] = await select(tx, null).where(eq(inspection.id, id));
  return row ? flatten(row) : null;
}

/** The places of each inspection, in order, with their names and kinds. */
export async function placesOf(tx: DbOrTx, ids: string[]) {
  if (!ids.length) return [];
  return tx
    .select({ inspectionId: inspectionPlace.inspectionId, agencyId: agency.id, name: agency.name, kind: agency.kind })
    .from(inspectionPlace)
    .innerJoin(agency, eq(agency.id, inspectionPlace.agencyId))
    .where(inArray(inspectionPlace.inspectionId, ids))
    .orderBy(asc(inspectionPlace.inspectionId), asc(inspectionPlace.position));
}

export async function replacePlaces(tx: Tx, inspectionId: string, agencyIds: string[]) {
  await tx.delete(inspectionPlace).where(eq(inspectionPlace.inspectionId, inspectionId));
  if (agencyIds.length) await tx.insert(inspectionPlace).values(agencyIds.map((agencyId, position) => ({ inspectionId, agencyId, position })));
}

/**
 * Every inspection not cancelled (of any authority: one person may sit on a town's and a
 * province's team) that meets the days [from, to] (widened by the caller for the revisit
 * window): what the schedule rules check a visit against (shared/domain/schedule-rules.ts), as the
 * actor may know of it. One the actor may not see is `hidden` (it books its people and its agency,
 * but no issue names it); an unannounced one not yet started that the actor may not see is left
 * out altogether, for it does not exist for them (the secrecy rule, issue 8 §4).
 */
export async function bookedBetween(tx: DbOrTx, actor: Actor, from: string, to: string) {
  const rows = await tx
    .select({
      id: inspection.id,
      agencyId: inspection.agencyId,
      agencyName: agency.name,
      teamId: inspection.teamId,
      teamName: inspectionTeam.name,
      kind: inspection.kind,
      startsOn: inspection.startsOn,
      endsOn: inspection.endsOn,
      reinspectionOfId: inspection.reinspectionOfId,
      startedAt: inspection.startedAt,
      visible: sql<boolean>`${isVisibleTo(actor)}`,
    })
    .from(inspection)
    .innerJoin(agency, eq(agency.id, inspection.agencyId))
    .innerJoin(inspectionTeam, eq(inspectionTeam.id, inspection.teamId))
    // A visit lasts at most MAX_VISIT_DAYS, so the index on starts_on bounds the scan.
    .where(and(ne(inspection.status, 'cancelled'), lte(inspection.startsOn, to), gte(inspection.startsOn, dayNumberToIso(toDayNumber(from) - MAX_VISIT_DAYS)), gte(inspection.endsOn, from)));
  return rows
    .filter((r) => r.visible || !isSecretFromUnit(r.kind as InspectionKind, r.startedAt))
    .map(({ visible, startedAt: _startedAt, ...r }) => ({ ...r, hidden: !visible }));
}

/** The members of the given teams (for the people a visit books). */
export async function membersOfTeams(tx: DbOrTx, teamIds: string[]) {
  if (!teamIds.length) return [];
  return tx
    .select({ teamId: inspectionTeamMember.teamId, userId: inspectionTeamMember.userId, fullName: inspectionTeamMember.fullName, agencyId: inspectionTeamMember.agencyId, honorific: inspectionTeamMember.honorific })
    .from(inspectionTeamMember)
    .where(inArray(inspectionTeamMember.teamId, [...new Set(teamIds)]));
}

/**
 * The other live visits (planned or notified) the actor may see of the same team, the same first
 * day and the same start time as one of these rows: what `team_same_start_time` names on read.
 */
export async function sameStartTimeVisits(tx: DbOrTx, actor: Actor, rows: InspectionRow[]) {
  const keyed = rows.filter((r) => r.startTime && (r.status === 'planned' || r.status === 'notified'));
  if (!keyed.length) return [];
  const keys = sql.join(
    keyed.map((r) => sql`(${r.teamId}::uuid, ${r.startsOn}::date, ${r.startTime}::text)`),
    sql`, `,
  );
  return tx
    .select({ id: inspection.id, teamId: inspection.teamId, startsOn: inspection.startsOn, startTime: inspection.startTime, agencyName: agency.name })
    .from(inspection)
    .innerJoin(agency, eq(agency.id, inspection.agencyId))
    .where(and(sql`(${inspection.teamId}, ${inspection.startsOn}, ${inspection.startTime}) in (${keys})`, inArray(inspection.status, ['planned', 'notified']), isVisibleTo(actor)));
}
