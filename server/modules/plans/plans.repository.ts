import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { agency, documentRegisterEntry, inspectionPlan, inspectionPlanTarget, unit } from '../../db/schema/index.js';
import { queryRows, type DbOrTx, type Tx } from '../../db/client.js';
import type { Actor } from '../../http/actor.js';
import { agencyColumns, agencyInReach } from '../../authz/scope.js';
import { planVisible } from './plans.policy.js';

export type PlanRow = typeof inspectionPlan.$inferSelect & {
  issuingAgencyName: string;
  /** Where the issuing agency sits (its unit's path and its own): what the policies check. */
  issuerUnitPath: string;
  issuerPath: string;
  number: number | null;
  symbol: string | null;
};

const planColumns = {
  plan: inspectionPlan,
  issuingAgencyName: agency.name,
  issuerUnitPath: agency.unitPath,
  issuerPath: agency.path,
  number: documentRegisterEntry.number,
  symbol: documentRegisterEntry.symbol,
};

function flatten({ plan, ...joined }: { plan: typeof inspectionPlan.$inferSelect } & Omit<PlanRow, keyof typeof inspectionPlan.$inferSelect>): PlanRow {
  return { ...plan, ...joined };
}

export interface PlanFilter {
  year?: number;
  status?: string;
  issuingAgencyId?: string;
  page: number;
  pageSize: number;
}

/**
 * A page of the plans the actor may see, newest year first, and whether more follow. The page
 * walks inspection_plan_list_order_idx and stops after its rows; no total is counted, which for
 * a national admin would read every plan of ten years.
 */
export async function listPlans(tx: DbOrTx, actor: Actor, f: PlanFilter): Promise<{ rows: PlanRow[]; hasMore: boolean }> {
  const conditions: (SQL | undefined)[] = [planVisible(actor, 'inspection_plan', 'agency')];
  if (f.year) conditions.push(eq(inspectionPlan.year, f.year));
  if (f.status) conditions.push(eq(inspectionPlan.status, f.status));
  if (f.issuingAgencyId) conditions.push(eq(inspectionPlan.issuingAgencyId, f.issuingAgencyId));
  const order = [desc(inspectionPlan.year), asc(inspectionPlan.seriesId), desc(inspectionPlan.revision)];
  const rows = await tx
    .select(planColumns)
    .from(inspectionPlan)
    .innerJoin(agency, eq(agency.id, inspectionPlan.issuingAgencyId))
    .leftJoin(documentRegisterEntry, eq(documentRegisterEntry.id, inspectionPlan.registerEntryId))
    .where(and(...conditions))
    .orderBy(...order)
    // One row past the page says whether another page follows.
    .limit(f.pageSize + 1)
    .offset((f.page - 1) * f.pageSize);
  return { rows: rows.slice(0, f.pageSize).map(flatten), hasMore: rows.length > f.pageSize };
}

/** One plan the actor may see, or null (the caller answers 404). */
export async function findVisiblePlan(tx: DbOrTx, actor: Actor, id: string): Promise<PlanRow | null> {
  const [row] = await tx
    .select(planColumns)
    .from(inspectionPlan)
    .innerJoin(agency, eq(agency.id, inspectionPlan.issuingAgencyId))
    .leftJoin(documentRegisterEntry, eq(documentRegisterEntry.id, inspectionPlan.registerEntryId))
    .where(and(eq(inspectionPlan.id, id), planVisible(actor, 'inspection_plan', 'agency')));
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

/** The versions of a series the actor may see (never a draft amendment to a unit officer), oldest first. */
export async function seriesHistory(tx: DbOrTx, actor: Actor, seriesId: string): Promise<PlanRow[]> {
  const rows = await tx
    .select(planColumns)
    .from(inspectionPlan)
    .innerJoin(agency, eq(agency.id, inspectionPlan.issuingAgencyId))
    .leftJoin(documentRegisterEntry, eq(documentRegisterEntry.id, inspectionPlan.registerEntryId))
    .where(and(eq(inspectionPlan.seriesId, seriesId), planVisible(actor, 'inspection_plan', 'agency')))
    .orderBy(asc(inspectionPlan.revision));
  return rows.map(flatten);
}

/**
 * SQL on an agency alias: it lies in the issuing agency's territorial unit or below it (where
 * its plans reach), an indexed prefix test on the unit paths.
 */
export const isUnderIssuer = (agencyAlias: string, issuingAgencyId: string): SQL =>
  sql`${sql.raw(agencyAlias)}.unit_path like (select ia.unit_path || '%' from agency ia where ia.id = ${issuingAgencyId}::uuid)`;

/** SQL on `agency a join unit u`: the agency and its unit exist at some point of the window. */
const existsDuring = (window: { from: string; to: string }): SQL => sql`(
  (a.valid_from is null or a.valid_from <= ${window.to}::date) and (a.valid_to is null or a.valid_to >= ${window.from}::date)
  and (u.valid_from is null or u.valid_from <= ${window.to}::date) and (u.valid_to is null or u.valid_to >= ${window.from}::date))`;

/** Why a target agency cannot be chosen; the order is the order of the checks. */
export type TargetProblem = 'out_of_scope' | 'inactive' | 'not_valid_in_period';

/** The inspection window as dates: the first day of its first month to the last day of its last. */
export function windowDates(periodFrom: string, periodTo: string): { from: string; to: string } {
  const [y, m] = periodTo.split('-').map(Number);
  return { from: `${periodFrom}-01`, to: new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10) };
}

/**
 * Checks chosen target agencies and returns the problem of each bad one:
 *  - out_of_scope: unknown, not visible to the actor, or not in the issuing agency's unit or
 *    below it (one answer for all three, so the check reveals nothing about other authorities);
 *  - inactive: the agency or its unit has been deactivated;
 *  - not_valid_in_period: the agency or its unit does not exist during the inspection window
 *    (a ward merged away in the 2025 reorganisation).
 * Only `out_of_scope` is checked for ids in `grandfathered` (targets a draft already had: a
 * plan does not become uneditable because a target was deactivated after it was chosen).
 */
export async function targetProblems(
  tx: DbOrTx,
  actor: Actor,
  issuingAgencyId: string,
  agencyIds: string[],
  window: { from: string; to: string },
  grandfathered: ReadonlySet<string> = new Set(),
): Promise<Map<string, TargetProblem>> {
  const problems = new Map<string, TargetProblem>();
  if (!agencyIds.length) return problems;
  const rows = await queryRows<{ id: string; in_scope: boolean; active: boolean; valid: boolean }>(
    tx,
    sql`select a.id,
               (${isUnderIssuer('a', issuingAgencyId)} and ${agencyInReach(actor, 'registry.read', agencyColumns('a'))}) as in_scope,
               (a.active and u.active) as active,
               ${existsDuring(window)} as valid
          from agency a join unit u on u.id = a.unit_id
         where a.id in (${sql.join(agencyIds.map((id) => sql`${id}::uuid`), sql`, `)})`,
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const id of agencyIds) {
    const row = byId.get(id);
    if (!row?.in_scope) problems.set(id, 'out_of_scope');
    else if (grandfathered.has(id)) continue;
    else if (!row.active) problems.set(id, 'inactive');
    else if (!row.valid) problems.set(id, 'not_valid_in_period');
  }
  return problems;
}

/** Whether the agency and its unit are active and exist during the window (null: no such agency). */
export async function agencyLifecycle(tx: DbOrTx, agencyId: string, window: { from: string; to: string }): Promise<{ active: boolean; valid: boolean } | null> {
  const [row] = await queryRows<{ active: boolean; valid: boolean }>(
    tx,
    sql`select (a.active and u.active) as active,
               ${existsDuring(window)} as valid
          from agency a join unit u on u.id = a.unit_id where a.id = ${agencyId}::uuid`,
  );
  return row ? { active: row.active === true, valid: row.valid === true } : null;
}

export async function findAgencies(tx: DbOrTx, ids: string[]) {
  if (!ids.length) return [];
  return tx.select().from(agency).where(inArray(agency.id, ids));
}
