import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { overdueStatuses } from '../../../shared/domain/follow-up.js';
import { alias } from 'drizzle-orm/pg-core';
import { agency, correctiveAction, correctiveActionUpdate, documentRegisterEntry, inspection, inspectionConclusion, inspectionPlan } from '../../db/schema/index.js';
import { queryRows, type DbOrTx } from '../../db/client.js';
import { hasRole, type Actor } from '../../http/actor.js';
import { findFilterUnit } from '../../authz/guard.js';
import { visibleConclusions } from '../conclusions/conclusions.repository.js';

/**
 * SQL: ids of the corrective actions the actor may see: those of issued conclusions the actor may
 * see (the office and leaders, the inspected unit, the team, the officers of a responsible
 * agency). A draft's requirements are seen only through the draft conclusion.
 */
export const visibleActions = (actor: Actor): SQL => sql`(
  select ca.id from corrective_action ca where ca.status <> 'draft' and ca.conclusion_id in ${visibleConclusions(actor)})`;

const inspected = alias(agency, 'inspected');
const responsible = alias(agency, 'responsible');
const planIssuer = alias(agency, 'plan_issuer');
const reinspection = alias(inspection, 'reinspection');

export type ActionRow = typeof correctiveAction.$inferSelect & {
  inspectionId: string;
  planId: string;
  planYear: number;
  agencyId: string;
  agencyName: string;
  responsibleAgencyName: string;
  responsibleUnitPath: string;
  responsiblePath: string;
  issuerUnitPath: string;
  issuerPath: string;
  conclusionNumber: number | null;
  conclusionSymbol: string | null;
  conclusionIssuedOn: string | null;
  reinspectionStatus: string | null;
  /** The caller is on the re-inspection's team with their account. */
  actorOnReinspectionTeam: boolean;
};

function select(tx: DbOrTx, actor: Actor | null) {
  const onTeam =
    actor && hasRole(actor, 'inspector')
      ? sql<boolean>`exists (select 1 from inspection_team_member m where m.team_id = ${reinspection.teamId} and m.user_id = ${actor.userId}::uuid)`
      : sql<boolean>`false`;
  return tx
    .select({
      action: correctiveAction,
      inspectionId: inspectionConclusion.inspectionId,
      planId: inspection.planId,
      planYear: inspectionPlan.year,
      agencyId: inspection.agencyId,
      agencyName: inspected.name,
      responsibleAgencyName: responsible.name,
      responsibleUnitPath: responsible.unitPath,
      responsiblePath: responsible.path,
      issuerUnitPath: planIssuer.unitPath,
      issuerPath: planIssuer.path,
      conclusionNumber: documentRegisterEntry.number,
      conclusionSymbol: documentRegisterEntry.symbol,
      conclusionIssuedOn: inspectionConclusion.issuedOn,
      reinspectionStatus: reinspection.status,
      actorOnReinspectionTeam: onTeam.as('actor_on_reinspection_team'),
    })
    .from(correctiveAction)
    .innerJoin(inspectionConclusion, eq(inspectionConclusion.id, correctiveAction.conclusionId))
    .innerJoin(inspection, eq(inspection.id, inspectionConclusion.inspectionId))
    .innerJoin(inspectionPlan, eq(inspectionPlan.id, inspection.planId))
    .innerJoin(planIssuer, eq(planIssuer.id, inspectionPlan.issuingAgencyId))
    .innerJoin(inspected, eq(inspected.id, inspection.agencyId))
    .innerJoin(responsible, eq(responsible.id, correctiveAction.responsibleAgencyId))
    .leftJoin(documentRegisterEntry, eq(documentRegisterEntry.id, inspectionConclusion.registerEntryId))
    .leftJoin(reinspection, eq(reinspection.id, correctiveAction.reinspectionId));
}
type Selected = Awaited<ReturnType<ReturnType<typeof select>['where']>>[number];
const flatten = ({ action, ...rest }: Selected): ActionRow => ({ ...action, ...rest, actorOnReinspectionTeam: !!rest.actorOnReinspectionTeam });

export async function findVisibleAction(tx: DbOrTx, actor: Actor, id: string): Promise<ActionRow | null> {
  const [row] = await select(tx, actor).where(and(eq(correctiveAction.id, id), sql`${correctiveAction.id} in ${visibleActions(actor)}`));
  return row ? flatten(row) : null;
}

export async function findAction(tx: DbOrTx, id: string): Promise<ActionRow | null> {
  const [row] = await select(tx, null).where(eq(correctiveAction.id, id));
  return row ? flatten(row) : null;
}

export interface ActionFilter {
  planId?: string;
  year?: number;
  agencyId?: string;
  status?: string;
  overdue?: boolean;
  reinspectionId?: string;
  /** A content group ('a', 'b', 'c', a place group); '-' for actions without one. */
  contentGroup?: string;
  /** Actions of the visits starting in the year (the dashboard's count). */
  visitYear?: number;
  /** Actions of visits to agencies in the unit's subtree. */
  unitId?: string;
  /** open (not closed nor overdue), overdue or closed, as the board counts them. */
  state?: 'open' | 'overdue' | 'closed';
  /** With unitId: the unit's own plans only. */
  issuer?: 'own';
  today: string;
  page: number;
  pageSize: number;
}

function conditions(actor: Actor, f: Omit<ActionFilter, 'page' | 'pageSize'>): SQL | undefined {
  return and(
    sql`${correctiveAction.id} in ${visibleActions(actor)}`,
    f.planId ? eq(inspection.planId, f.planId) : undefined,
    f.year ? eq(inspectionPlan.year, f.year) : undefined,
    f.agencyId ? sql`(${inspection.agencyId} = ${f.agencyId}::uuid or ${correctiveAction.responsibleAgencyId} = ${f.agencyId}::uuid)` : undefined,
    f.status ? eq(correctiveAction.status, f.status) : undefined,
    f.reinspectionId ? eq(correctiveAction.reinspectionId, f.reinspectionId) : undefined,
    f.contentGroup === undefined ? undefined : f.contentGroup === '-' ? sql`${correctiveAction.contentGroup} is null` : eq(correctiveAction.contentGroup, f.contentGroup),
    f.overdue === undefined ? undefined : f.overdue ? actionOverdueSql(sql`${correctiveAction.status}`, sql`${correctiveAction.dueOn}`, f.today) : sql`not ${actionOverdueSql(sql`${correctiveAction.status}`, sql`${correctiveAction.dueOn}`, f.today)}`,
    f.visitYear ? sql`${inspection.startsOn} between ${`${f.visitYear}-01-01`}::date and ${`${f.visitYear}-12-31`}::date` : undefined,
    f.unitId ? sql`${inspection.agencyId} in (select ua.id from agency ua where ua.unit_path like (select u.path from unit u where u.id = ${f.unitId}::uuid) || '%')` : undefined,
    f.issuer === 'own' && f.unitId ? sql`${inspection.planId} in (select op.id from inspection_plan op join agency oa on oa.id = op.issuing_agency_id where oa.unit_id = ${f.unitId}::uuid)` : undefined,
    f.state ? actionStateSql(f.state, f.today) : undefined,
  );
}

/** A page of the actions the actor may see, by due date. */
export async function listActions(tx: DbOrTx, actor: Actor, f: ActionFilter): Promise<{ rows: ActionRow[]; total: number }> {
  // A unit the caller does not see, as a filter: not found (issue 12 review), never an empty page.
  if (f.unitId) await findFilterUnit(tx, actor, f.unitId);
  const where = conditions(actor, f);
  const rows = await select(tx, actor)
    .where(where)
    .orderBy(asc(correctiveAction.dueOn), asc(inspected.sortKey), asc(correctiveAction.position), asc(correctiveAction.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [count] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(correctiveAction)
    .innerJoin(inspectionConclusion, eq(inspectionConclusion.id, correctiveAction.conclusionId))
    .innerJoin(inspection, eq(inspection.id, inspectionConclusion.inspectionId))
    .innerJoin(inspectionPlan, eq(inspectionPlan.id, inspection.planId))
    .where(where);
  return { rows: rows.map(flatten), total: Number(count?.n ?? 0) };
}

/**
 * The title of each action's content group as its visit's checklists name it (what the findings
 * list and the dashboard show: "Công tác chỉ đạo, điều hành" for "a"), keyed `inspectionId|code`;
 * a group no checklist of the visit names is left out (the caller shows its code).
 */
export async function contentGroupTitles(tx: DbOrTx, actions: readonly { inspectionId: string; contentGroup: string | null }[]): Promise<Map<string, string>> {
  const pairs = [...new Map(actions.filter((a) => a.contentGroup).map((a) => [`${a.inspectionId}|${a.contentGroup}`, { i: a.inspectionId, g: a.contentGroup! }])).values()];
  if (!pairs.length) return new Map();
  const rows = await queryRows<{ inspectionId: string; code: string; title: string }>(
    tx,
    sql`select p.i as "inspectionId", p.g as code, min(ci.group_title) as title
          from json_to_recordset(${JSON.stringify(pairs)}::json) as p(i uuid, g text)
          join inspection_checklist c on c.inspection_id = p.i
          join inspection_checklist_item ci on ci.checklist_id = c.id and ci.group_code = p.g
         group by p.i, p.g`,
  );
  return new Map(rows.map((r) => [`${r.inspectionId}|${r.code}`, r.title]));
}

export async function actionHistory(tx: DbOrTx, actionId: string) {
  return tx.select().from(correctiveActionUpdate).where(eq(correctiveActionUpdate.actionId, actionId)).orderBy(asc(correctiveActionUpdate.createdAt), asc(correctiveActionUpdate.id));
}

export interface BoardRow {
  /** 'agency': one page of the inspected agencies; 'group': a content group; 'total': every action. */
  kind: 'agency' | 'group' | 'total';
  agencyId: string | null;
  agencyName: string | null;
  contentGroup: string | null;
  open: number;
  overdue: number;
  closed: number;
}

/**
 * The board in one scan of the actions the actor may see: open, overdue and closed counts by
 * inspected agency, by content group and in total (grouping sets), of which only one page of
 * agencies (in the register's order) is returned, with how many agencies there are — a country has
 * thousands, so the answer stays small.
 */
export async function actionBoard(tx: DbOrTx, actor: Actor, f: { planId?: string; year?: number; unitId?: string; issuer?: 'own'; visitYear?: number; today: string; agencyPage: number; agencyPageSize: number }) {
  // As on the list: a unit out of reach is not found, never a board of zeros.
  if (f.unitId) await findFilterUnit(tx, actor, f.unitId);
  const closed = sql`${correctiveAction.status} = 'closed'`;
  const overdue = actionOverdueSql(sql`${correctiveAction.status}`, sql`${correctiveAction.dueOn}`, f.today);
  const grouped = tx
    .select({
      agencyId: sql`${inspection.agencyId}`.as('agency_id'),
      agencyName: sql`max(${inspected.name})`.as('agency_name'),
      sortKey: sql`min(${inspected.sortKey})`.as('sort_key'),
      contentGroup: sql`${correctiveAction.contentGroup}`.as('content_group'),
      open: sql`(count(*) filter (where not ${closed} and not ${overdue}))::int`.as('open'),
      overdue: sql`(count(*) filter (where ${overdue}))::int`.as('overdue'),
      closed: sql`(count(*) filter (where ${closed}))::int`.as('closed'),
      byAgency: sql`grouping(${inspection.agencyId}) = 0`.as('by_agency'),
      byGroup: sql`grouping(${correctiveAction.contentGroup}) = 0`.as('by_group'),
    })
    .from(correctiveAction)
    .innerJoin(inspectionConclusion, eq(inspectionConclusion.id, correctiveAction.conclusionId))
    .innerJoin(inspection, eq(inspection.id, inspectionConclusion.inspectionId))
    .innerJoin(inspectionPlan, eq(inspectionPlan.id, inspection.planId))
    .innerJoin(inspected, eq(inspected.id, inspection.agencyId))
    .where(conditions(actor, f))
    .groupBy(sql`grouping sets ((${inspection.agencyId}), (${correctiveAction.contentGroup}), ())`);
  const first = (f.agencyPage - 1) * f.agencyPageSize;
  const rows = await queryRows<BoardRow & { agencyCount: number }>(
    tx,
    sql`select case when by_agency then 'agency' when by_group then 'group' else 'total' end as "kind", agency_id as "agencyId", agency_name as "agencyName",
          content_group as "contentGroup", open, overdue, closed, agency_count as "agencyCount"
        from (select g.*, count(*) filter (where g.by_agency) over () as agency_count,
                     row_number() over (partition by g.by_agency order by g.sort_key, g.agency_id) as rn
              from (${grouped}) g) r
        where not by_agency or rn between ${first + 1} and ${first + f.agencyPageSize}
        order by by_agency, rn`,
  );
  return { rows, agencyCount: Number(rows[0]?.agencyCount ?? 0) };
}

/** SQL twin of isActionOverdue (shared/domain/follow-up.ts): open or in progress, past its due date; never null. */
/** The board's bucket of an action (open: neither closed nor overdue). */
function actionStateSql(state: 'open' | 'overdue' | 'closed', today: string): SQL {
  const overdue = actionOverdueSql(sql`${correctiveAction.status}`, sql`${correctiveAction.dueOn}`, today);
  if (state === 'closed') return sql`${correctiveAction.status} = 'closed'`;
  return state === 'overdue' ? overdue : sql`(${correctiveAction.status} <> 'closed' and not ${overdue})`;
}

export function actionOverdueSql(status: SQL, dueOn: SQL, today: string): SQL {
  return sql`coalesce(${status} in (${sql.join(overdueStatuses.map((st) => sql`${st}`), sql`, `)}) and ${dueOn} < ${today}::date, false)`;
}
