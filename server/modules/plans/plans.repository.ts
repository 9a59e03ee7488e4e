import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { agency, documentRegisterEntry, inspectionPlan, inspectionPlanTarget, unit } from '../../db/schema/index.js';
import { queryRows, type DbOrTx, type Tx } from '../../db/client.js';
import type { Actor } from '../../http/actor.js';
import { visiblePlans } from './plans.policy.js';

export type PlanRow = typeof inspectionPlan.$inferSelect & {
  issuingAgencyName: string;
  number: number | null;
  symbol: string | null;
};

const planColumns = {
  plan: inspectionPlan,
  issuingAgencyName: agency.name,
  number: documentRegisterEntry.number,
  symbol: documentRegisterEntry.symbol,
};

function flatten(r: { plan: typeof inspectionPlan.$inferSelect; issuingAgencyName: string; number: number | null; symbol: string | null }): PlanRow {
  return { ...r.plan, issuingAgencyName: r.issuingAgencyName, number: r.number, symbol: r.symbol };
}

export interface PlanFilter {
  year?: number;
  status?: string;
  issuingAgencyId?: string;
}

export async function listPlans(tx: DbOrTx, actor: Actor, f: PlanFilter): Promise<PlanRow[]> {
  const conditions: (SQL | undefined)[] = [sql`${inspectionPlan.id} in ${visiblePlans(actor)}`];
  if (f.year) conditions.push(eq(inspectionPlan.year, f.year));
  if (f.status) conditions.push(eq(inspectionPlan.status, f.status));
  if (f.issuingAgencyId) conditions.push(eq(inspectionPlan.issuingAgencyId, f.issuingAgencyId));
  const rows = await tx
    .select(planColumns)
    .from(inspectionPlan)
    .innerJoin(agency, eq(agency.id, inspectionPlan.issuingAgencyId))
    .leftJoin(documentRegisterEntry, eq(documentRegisterEntry.id, inspectionPlan.registerEntryId))
    .where(and(...conditions))
    .orderBy(desc(inspectionPlan.year), asc(inspectionPlan.seriesId), desc(inspectionPlan.revision));
  return rows.map(flatten);
}

/** One plan the actor may see, or null (the caller answers 404). */
export async function findVisiblePlan(tx: DbOrTx, actor: Actor, id: string): Promise<PlanRow | null> {
  const [row] = await tx
    .select(planColumns)
    .from(inspectionPlan)
    .innerJoin(agency, eq(agency.id, inspectionPlan.issuingAgencyId))
    .leftJoin(documentRegisterEntry, eq(documentRegisterEntry.id, inspectionPlan.registerEntryId))
    .where(and(eq(inspectionPlan.id, id), sql`${inspectionPlan.id} in ${visiblePlans(actor)}`));
  return row ? flatten(row) : null;
}

/** A plan by id without scope (inside use cases, after the visibility check). */
export async function findPlan(tx: DbOrTx, id: string): Promise<PlanRow | null> {
  const [row] = await tx
    .select(planColumns)
    .from(inspectionPlan)
    .innerJoin(agency, eq(agency.id, inspectionPlan.issuingAgencyId))
    .leftJoin(documentRegisterEntry, eq(documentRegisterEntry.id, inspectionPlan.registerEntryId))
    .where(eq(inspectionPlan.id, id));
  return row ? flatten(row) : null;
}

export async function planTargets(tx: DbOrTx, planId: string) {
  return tx
    .select({ agencyId: agency.id, name: agency.name, unitName: unit.name })
    .from(inspectionPlanTarget)
    .innerJoin(agency, eq(agency.id, inspectionPlanTarget.agencyId))
    .innerJoin(unit, eq(unit.id, agency.unitId))
    .where(eq(inspectionPlanTarget.planId, planId))
    .orderBy(asc(inspectionPlanTarget.position));
}

export async function replaceTargets(tx: Tx, planId: string, agencyIds: string[]) {
  await tx.delete(inspectionPlanTarget).where(eq(inspectionPlanTarget.planId, planId));
  const unique = [...new Set(agencyIds)];
  if (unique.length) await tx.insert(inspectionPlanTarget).values(unique.map((agencyId, position) => ({ planId, agencyId, position })));
}

/** Every version of a series, oldest first. */
export async function seriesHistory(tx: DbOrTx, seriesId: string): Promise<PlanRow[]> {
  const rows = await tx
    .select(planColumns)
    .from(inspectionPlan)
    .innerJoin(agency, eq(agency.id, inspectionPlan.issuingAgencyId))
    .leftJoin(documentRegisterEntry, eq(documentRegisterEntry.id, inspectionPlan.registerEntryId))
    .where(eq(inspectionPlan.seriesId, seriesId))
    .orderBy(asc(inspectionPlan.revision));
  return rows.map(flatten);
}

/**
 * Checks the chosen target agencies: each must exist, be visible to the actor and sit in the
 * issuing agency's territorial unit or below it. Returns the index of the first bad one.
 */
export async function invalidTargetIndex(tx: DbOrTx, actor: Actor, issuingAgencyId: string, agencyIds: string[]): Promise<number> {
  if (!agencyIds.length) return -1;
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`with recursive sub(id) as (
          select a.unit_id from agency a where a.id = ${issuingAgencyId}::uuid
          union select u.id from unit u join sub on u.parent_id = sub.id)
        select a.id from agency a
         where a.id in (${sql.join(agencyIds.map((id) => sql`${id}::uuid`), sql`, `)})
           and a.unit_id in (select id from sub)
           and a.id in (select actor_scope_agencies(${actor.userId}::uuid, ARRAY['admin','leader','secretariat','inspector','unit_officer']::text[]))`,
  );
  const ok = new Set(rows.map((r) => r.id));
  return agencyIds.findIndex((id) => !ok.has(id));
}

export async function findAgencies(tx: DbOrTx, ids: string[]) {
  if (!ids.length) return [];
  return tx.select().from(agency).where(inArray(agency.id, ids));
}
