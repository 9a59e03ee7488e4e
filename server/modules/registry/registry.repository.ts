import { aliasedTable, and, asc, eq, getTableColumns, inArray, or, sql, type SQL } from 'drizzle-orm';
import { agency, standingBody, unit, unitSuccession } from '../../db/schema/index.js';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../http/actor.js';
import { agencyInReach, unitVisible } from '../../authz/scope.js';
import { decodeCursor, encodeCursor } from '../../db/keyset.js';

export type UnitRow = typeof unit.$inferSelect;
export type AgencyRow = typeof agency.$inferSelect & { unitName: string; parentAgencyName: string | null; isStandingBody: boolean };

/** `lower(f_unaccent(col)) like %q%`: the same fold the trigram index is built on. */
export function matchesText(column: SQL | typeof unit.name, q: string): SQL {
  const escaped = q.normalize('NFC').trim().replace(/[\\%_]/g, (c) => `\\${c}`);
  return sql`lower(f_unaccent(${column})) like '%' || lower(f_unaccent(${escaped})) || '%'`;
}

const validOn = (from: typeof unit.validFrom, to: typeof unit.validTo, day: string) =>
  and(or(sql`${from} is null`, sql`${from} <= ${day}::date`), or(sql`${to} is null`, sql`${to} >= ${day}::date`));

export interface UnitFilter {
  q?: string;
  asOf?: string;
  parentId?: string;
  includeInactive?: boolean;
}

function unitConditions(actor: Actor, f: UnitFilter): (SQL | undefined)[] {
  const conditions: (SQL | undefined)[] = [unitVisible(actor, unit)];
  if (!f.includeInactive) conditions.push(eq(unit.active, true));
  if (f.asOf) conditions.push(validOn(unit.validFrom, unit.validTo, f.asOf));
  if (f.parentId) conditions.push(eq(unit.parentId, f.parentId));
  // One expression over name and code, the one the trigram index unit_search_idx is built on.
  if (f.q?.trim()) conditions.push(matchesText(sql`${unit.name} || ' ' || coalesce(${unit.code}, '')`, f.q));
  return conditions;
}

/** Every unit in scope matching the filters, in Vietnamese order (the registry export). */
export async function listUnits(tx: DbOrTx, actor: Actor, f: UnitFilter): Promise<UnitRow[]> {
  return tx.select().from(unit).where(and(...unitConditions(actor, f))).orderBy(sql`${unit.sortKey} collate "C"`, unit.id);
}

/**
 * One page of units in Vietnamese order, by keyset (sort key, id), with the count of all pages:
 * a national admin's 3,400 units come a page at a time, the cost of a page not growing with depth.
 */
export async function pageUnits(tx: DbOrTx, actor: Actor, f: UnitFilter & { after?: string; limit: number }): Promise<{ rows: UnitRow[]; nextCursor: string | null; total: number }> {
  const conditions = unitConditions(actor, f);
  const where = [...conditions];
  if (f.after) {
    const [sortKey, id] = decodeCursor(f.after, 2);
    where.push(sql`(${unit.sortKey} collate "C", ${unit.id}) > (${sortKey} collate "C", ${id}::uuid)`);
  }
  const [rows, [count]] = await Promise.all([
    tx.select().from(unit).where(and(...where)).orderBy(sql`${unit.sortKey} collate "C"`, unit.id).limit(f.limit + 1),
    tx.select({ n: sql<number>`count(*)::int` }).from(unit).where(and(...conditions)),
  ]);
  const more = rows.length > f.limit;
  const page = more ? rows.slice(0, f.limit) : rows;
  const last = page[page.length - 1];
  return { rows: page, nextCursor: more && last ? encodeCursor([last.sortKey, last.id]) : null, total: count?.n ?? 0 };
}


/** Of these units, those the actor may see (one query, whatever their number). */
export async function findVisibleUnits(tx: DbOrTx, actor: Actor, ids: string[]): Promise<UnitRow[]> {
  if (!ids.length) return [];
  return tx.select().from(unit).where(and(inArray(unit.id, ids), unitVisible(actor, unit)));
}

/** One unit the actor may see, or null (the caller answers 404). */
export async function findVisibleUnit(tx: DbOrTx, actor: Actor, id: string): Promise<UnitRow | null> {
  const [row] = await tx.select().from(unit).where(and(eq(unit.id, id), unitVisible(actor, unit)));
  return row ?? null;
}

/**
 * The successions of a unit that the actor may follow: both ends visible to them. A ward's
 * officer does not learn the name and id of the ward it merged into when that one is outside
 * their scope (they could not open it anyway).
 */
export async function findSuccessions(tx: DbOrTx, actor: Actor, unitId: string) {
  const fromUnit = aliasedTable(unit, 'from_unit');
  const toUnit = aliasedTable(unit, 'to_unit');
  return tx
    .select({
      id: unitSuccession.id,
      kind: unitSuccession.kind,
      fromUnitId: unitSuccession.fromUnitId,
      fromUnitName: fromUnit.name,
      toUnitId: unitSuccession.toUnitId,
      toUnitName: toUnit.name,
      effectiveDate: unitSuccession.effectiveDate,
      note: unitSuccession.note,
    })
    .from(unitSuccession)
    .innerJoin(fromUnit, eq(fromUnit.id, unitSuccession.fromUnitId))
    .innerJoin(toUnit, eq(toUnit.id, unitSuccession.toUnitId))
    .where(and(or(eq(unitSuccession.fromUnitId, unitId), eq(unitSuccession.toUnitId, unitId)), unitVisible(actor, fromUnit), unitVisible(actor, toUnit)))
    .orderBy(asc(unitSuccession.effectiveDate));
}

export interface AgencyFilter {
  q?: string;
  unitId?: string;
  kind?: string;
  includeInactive?: boolean;
  ids?: string[];
  /** The agency and its one-stop desks and reception points at any depth (an inspection's places). */
  placesOf?: string;
}

const parentAgency = aliasedTable(agency, 'parent_agency');
const agencyColumns = {
  ...getTableColumns(agency),
  unitName: unit.name,
  parentAgencyName: parentAgency.name,
  isStandingBody: sql<boolean>`exists (select 1 from ${standingBody} where ${standingBody.agencyId} = ${agency.id})`.mapWith(Boolean),
};

function agencyConditions(actor: Actor, f: AgencyFilter): (SQL | undefined)[] {
  const conditions: (SQL | undefined)[] = [agencyInReach(actor, 'registry.read', agency)];
  if (!f.includeInactive) conditions.push(eq(agency.active, true));
  if (f.unitId) conditions.push(eq(agency.unitId, f.unitId));
  if (f.kind) conditions.push(eq(agency.kind, f.kind));
  if (f.ids) conditions.push(inArray(agency.id, f.ids));
  if (f.placesOf) {
    // The same subtree the schedule's place check accepts (inspection-inputs.ts assertPlaces).
    conditions.push(sql`${agency.path} like (select h.path from agency h where h.id = ${f.placesOf}::uuid) || '%'`);
    conditions.push(or(eq(agency.id, f.placesOf), inArray(agency.kind, ['one_stop_desk', 'reception_point'])));
  }
  if (f.q?.trim()) {
    conditions.push(matchesText(sql`${agency.name} || ' ' || coalesce(${agency.shortName}, '') || ' ' || coalesce(${agency.code}, '')`, f.q));
  }
  return conditions;
}

const agencyOrder = [sql`${unit.sortKey} collate "C"`, sql`${agency.sortKey} collate "C"`, sql`${agency.id}`];

/** Every agency in reach matching the filters, in registry order (exports, lookups by id). */
export async function listAgencies(tx: DbOrTx, actor: Actor, f: AgencyFilter): Promise<AgencyRow[]> {
  return tx
    .select(agencyColumns)
    .from(agency)
    .innerJoin(unit, eq(unit.id, agency.unitId))
    .leftJoin(parentAgency, eq(parentAgency.id, agency.parentAgencyId))
    .where(and(...agencyConditions(actor, f)))
    .orderBy(...agencyOrder);
}

export function encodeAgencyCursor(row: AgencyRow & { unitSortKey: string }): string {
  return encodeCursor([row.unitSortKey, row.sortKey, row.id]);
}

/**
 * One page of agencies in registry order, by keyset (unit sort key, agency sort key, id): the
 * cost of a page does not grow with how far the reader has paged.
 */
export async function pageAgencies(
  tx: DbOrTx,
  actor: Actor,
  f: AgencyFilter & { after?: string; limit: number },
): Promise<{ rows: AgencyRow[]; nextCursor: string | null; total: number }> {
  const conditions = agencyConditions(actor, f);
  const where = [...conditions];
  if (f.after) {
    const [unitKey, agencyKey, id] = decodeCursor(f.after, 3);
    where.push(sql`(${unit.sortKey} collate "C", ${agency.sortKey} collate "C", ${agency.id}) > (${unitKey} collate "C", ${agencyKey} collate "C", ${id}::uuid)`);
  }
  const [rows, [count]] = await Promise.all([
    tx
      .select({ ...agencyColumns, unitSortKey: unit.sortKey })
      .from(agency)
      .innerJoin(unit, eq(unit.id, agency.unitId))
      .leftJoin(parentAgency, eq(parentAgency.id, agency.parentAgencyId))
      .where(and(...where))
      .orderBy(...agencyOrder)
      .limit(f.limit + 1),
    tx
      .select({ n: sql<number>`count(*)::int` })
      .from(agency)
      .innerJoin(unit, eq(unit.id, agency.unitId))
      .where(and(...conditions)),
  ]);
  const more = rows.length > f.limit;
  const page = more ? rows.slice(0, f.limit) : rows;
  return { rows: page, nextCursor: more ? encodeAgencyCursor(page[page.length - 1]!) : null, total: count?.n ?? 0 };
}

export async function findVisibleAgency(tx: DbOrTx, actor: Actor, id: string): Promise<AgencyRow | null> {
  const [row] = await listAgencies(tx, actor, { ids: [id], includeInactive: true });
  return row ?? null;
}

/**
 * The standing body for administrative reform of a unit's People's Committee (a setting per
 * authority, M23), or null while none is set.
 */
export async function standingBodyOf(tx: DbOrTx, unitId: string): Promise<string | null> {
  const [row] = await tx.select({ agencyId: standingBody.agencyId }).from(standingBody).where(eq(standingBody.unitId, unitId));
  return row?.agencyId ?? null;
}

/** The standing body of the People's Committee of the unit an agency belongs to (its authority's). */
export async function standingBodyForAgency(tx: DbOrTx, agencyId: string): Promise<string | null> {
  const [row] = await tx
    .select({ agencyId: standingBody.agencyId })
    .from(standingBody)
    .innerJoin(agency, eq(agency.unitId, standingBody.unitId))
    .where(eq(agency.id, agencyId));
  return row?.agencyId ?? null;
}
