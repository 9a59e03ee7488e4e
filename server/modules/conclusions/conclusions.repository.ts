import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { agency, correctiveAction, documentRegisterEntry, inspection, inspectionConclusion, inspectionPlan } from '../../db/schema/index.js';
import type { DbOrTx, Tx } from '../../db/client.js';
import { agencyColumns, agencyInReach } from '../../authz/scope.js';
import type { Actor } from '../../http/actor.js';
import { inspectionVisibleAs } from '../inspections/inspections.policy.js';

/**
 * SQL: ids of the conclusions the actor may see. Drafts: the office and the leaders of the plan's
 * issuing agency (`inspection.read_all`). Issued: also whoever may see its inspection (the
 * inspected unit, the team, inspectors in scope; an unannounced visit is never secret by then, a
 * conclusion follows the visit) and the officers of an agency named responsible for an action.
 */
export const visibleConclusions = (actor: Actor): SQL => sql`(
  select c.id from inspection_conclusion c join inspection i on i.id = c.inspection_id join inspection_plan p on p.id = i.plan_id
    join agency ia on ia.id = p.issuing_agency_id join agency ta on ta.id = i.agency_id
   where ${conclusionVisibleAs(actor, { conclusion: 'c', inspection: 'i', issuer: 'ia', target: 'ta' })})`;

/**
 * The same rule as a predicate on a conclusion row already joined to its inspection, the plan's
 * issuing agency and the inspected agency (by these aliases): a count over a year's conclusions
 * tests its own rows instead of building the set of every conclusion the actor sees
 * (the dashboard's corrective actions, docs/decisions/dashboard-figures.md).
 */
export const conclusionVisibleAs = (actor: Actor, as: { conclusion: string; inspection: string; issuer: string; target: string }): SQL => sql`(
  ${agencyInReach(actor, 'inspection.read_all', agencyColumns(as.issuer))}
      or (${sql.raw(as.conclusion)}.status = 'issued' and (${inspectionVisibleAs(actor, as)}
          or exists (select 1 from corrective_action ca join agency ra on ra.id = ca.responsible_agency_id
                      where ca.conclusion_id = ${sql.raw(as.conclusion)}.id and ${agencyInReach(actor, 'action.report', agencyColumns('ra'))}))))`;

const issuer = alias(agency, 'conclusion_issuer');
const planIssuer = alias(agency, 'plan_issuer');
const inspected = alias(agency, 'inspected');

export type ConclusionRow = typeof inspectionConclusion.$inferSelect & {
  issuingAgencyName: string;
  agencyId: string;
  agencyName: string;
  inspectionKind: string;
  inspectionStatus: string;
  inspectionStartsOn: string;
  inspectionEndsOn: string;
  teamId: string;
  planId: string;
  planYear: number;
  planIssuingAgencyId: string;
  /** Where the plan's People's Committee sits: what the policy checks. */
  issuerUnitPath: string;
  issuerPath: string;
  number: number | null;
  symbol: string | null;
};

function select(tx: DbOrTx) {
  return tx
    .select({
      conclusion: inspectionConclusion,
      issuingAgencyName: issuer.name,
      agencyId: inspection.agencyId,
      agencyName: inspected.name,
      inspectionKind: inspection.kind,
      inspectionStatus: inspection.status,
      inspectionStartsOn: inspection.startsOn,
      inspectionEndsOn: inspection.endsOn,
      teamId: inspection.teamId,
      planId: inspection.planId,
      planYear: inspectionPlan.year,
      planIssuingAgencyId: inspectionPlan.issuingAgencyId,
      issuerUnitPath: planIssuer.unitPath,
      issuerPath: planIssuer.path,
      number: documentRegisterEntry.number,
      symbol: documentRegisterEntry.symbol,
    })
    .from(inspectionConclusion)
    .innerJoin(issuer, eq(issuer.id, inspectionConclusion.issuingAgencyId))
    .innerJoin(inspection, eq(inspection.id, inspectionConclusion.inspectionId))
    .innerJoin(inspected, eq(inspected.id, inspection.agencyId))
    .innerJoin(inspectionPlan, eq(inspectionPlan.id, inspection.planId))
    .innerJoin(planIssuer, eq(planIssuer.id, inspectionPlan.issuingAgencyId))
    .leftJoin(documentRegisterEntry, eq(documentRegisterEntry.id, inspectionConclusion.registerEntryId));
}
type Selected = Awaited<ReturnType<ReturnType<typeof select>['where']>>[number];
const flatten = ({ conclusion, ...rest }: Selected): ConclusionRow => ({ ...conclusion, ...rest });

export async function findVisibleConclusion(tx: DbOrTx, actor: Actor, id: string): Promise<ConclusionRow | null> {
  const [row] = await select(tx).where(and(eq(inspectionConclusion.id, id), sql`${inspectionConclusion.id} in ${visibleConclusions(actor)}`));
  return row ? flatten(row) : null;
}

export async function findConclusion(tx: DbOrTx, id: string): Promise<ConclusionRow | null> {
  const [row] = await select(tx).where(eq(inspectionConclusion.id, id));
  return row ? flatten(row) : null;
}

/** One page of the conclusions the actor may see, by visit date. */
export async function listVisibleConclusions(tx: DbOrTx, actor: Actor, filter: { inspectionId?: string; planId?: string; page: number; pageSize: number }): Promise<{ rows: ConclusionRow[]; hasMore: boolean }> {
  const rows = await select(tx)
    .where(
      and(
        sql`${inspectionConclusion.id} in ${visibleConclusions(actor)}`,
        filter.inspectionId ? eq(inspectionConclusion.inspectionId, filter.inspectionId) : undefined,
        filter.planId ? eq(inspection.planId, filter.planId) : undefined,
      ),
    )
    .orderBy(asc(inspection.startsOn), asc(inspectionConclusion.createdAt), asc(inspectionConclusion.id))
    .limit(filter.pageSize + 1)
    .offset((filter.page - 1) * filter.pageSize);
  return { rows: rows.slice(0, filter.pageSize).map(flatten), hasMore: rows.length > filter.pageSize };
}

/** The actions of conclusions, in order, with the responsible agency's name. */
export async function conclusionActions(tx: DbOrTx, conclusionIds: string[]) {
  if (!conclusionIds.length) return [];
  return tx
    .select({ action: correctiveAction, responsibleAgencyName: agency.name })
    .from(correctiveAction)
    .innerJoin(agency, eq(agency.id, correctiveAction.responsibleAgencyId))
    .where(inArray(correctiveAction.conclusionId, conclusionIds))
    .orderBy(asc(correctiveAction.conclusionId), asc(correctiveAction.position));
}
export type ConclusionActionRow = Awaited<ReturnType<typeof conclusionActions>>[number];

export interface CheckedAction {
  content: string;
  contentGroup: string | null;
  responsibleAgencyId: string;
  dueOn: string | null;
  dueWorkingDays: number | null;
  reportDueOn: string | null;
  reportDueWorkingDays: number | null;
}

/** Replaces a draft's actions (they have no history yet). */
export async function replaceActions(tx: Tx, conclusionId: string, actions: CheckedAction[]) {
  await tx.delete(correctiveAction).where(eq(correctiveAction.conclusionId, conclusionId));
  if (actions.length) await tx.insert(correctiveAction).values(actions.map((a, position) => ({ conclusionId, position, ...a })));
}
