import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { agency, correctiveAction, correctiveActionUpdate, documentRegisterEntry, inspection, inspectionConclusion, inspectionPlan } from '../../db/schema/index.js';
import type { DbOrTx } from '../../db/client.js';
import { hasRole, type Actor } from '../../http/actor.js';
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
    f.overdue === undefined ? undefined : f.overdue ? sql`(${correctiveAction.status} <> 'closed' and ${correctiveAction.dueOn} < ${f.today}::date)` : sql`not (${correctiveAction.status} <> 'closed' and ${correctiveAction.dueOn} < ${f.today}::date)`,
  );
}

/** A page of the actions the actor may see, by due date. */
export async function listActions(tx: DbOrTx, actor: Actor, f: ActionFilter): Promise<{ rows: ActionRow[]; total: number }> {
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

export async function actionHistory(tx: DbOrTx, actionId: string) {
  return tx.select().from(correctiveActionUpdate).where(eq(correctiveActionUpdate.actionId, actionId)).orderBy(asc(correctiveActionUpdate.createdAt), asc(correctiveActionUpdate.id));
}

/**
 * The board: open, overdue and closed actions by inspected agency and by content group, counted in
 * SQL over the actions the actor may see (one scan, two groupings).
 */
export async function actionBoard(tx: DbOrTx, actor: Actor, f: { planId?: string; year?: number; today: string }) {
  const where = conditions(actor, { ...f });
  const state = sql`case when ${correctiveAction.status} = 'closed' then 'closed' when ${correctiveAction.dueOn} < ${f.today}::date then 'overdue' else 'open' end`;
  const base = () =>
    tx
      .select({
        agencyId: inspection.agencyId,
        agencyName: inspected.name,
        sortKey: inspected.sortKey,
        contentGroup: correctiveAction.contentGroup,
        state: sql<string>`${state}`.as('state'),
        n: sql<number>`count(*)::int`.as('n'),
      })
      .from(correctiveAction)
      .innerJoin(inspectionConclusion, eq(inspectionConclusion.id, correctiveAction.conclusionId))
      .innerJoin(inspection, eq(inspection.id, inspectionConclusion.inspectionId))
      .innerJoin(inspectionPlan, eq(inspectionPlan.id, inspection.planId))
      .innerJoin(inspected, eq(inspected.id, inspection.agencyId))
      .where(where)
      // By position: the state's expression carries a parameter, which PostgreSQL would not match by text.
      .groupBy(sql`1, 2, 3, 4, 5`)
      .orderBy(asc(inspected.sortKey), asc(inspection.agencyId));
  return base();
}
