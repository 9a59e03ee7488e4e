import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * Registry records are never deleted: they carry validity dates, an active flag, a version for
 * optimistic concurrency and timestamps. A function, so each table gets its own column builders.
 */
const lifecycleColumns = () => ({
  validFrom: date({ mode: 'string' }),
  validTo: date({ mode: 'string' }),
  active: boolean().notNull().default(true),
  version: integer().notNull().default(1),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * A materialised path: the ids from the root down to the record, `/<id>/<id>/`. Maintained by
 * triggers (migration 0005_scope_paths): never written by the application, and right after any
 * insert, update or bulk load, whatever the order of its rows. "In the subtree of X" is then
 * `path like X.path || '%'`, an indexed prefix test (server/authz/scope.ts). The default is never
 * stored: the trigger replaces it before the row is written.
 */
const treePath = () => text().notNull().default('');

const validityCheck = (name: string, t: { validFrom: AnyPgColumn; validTo: AnyPgColumn }) =>
  check(name, sql`${t.validTo} is null or ${t.validFrom} is null or ${t.validTo} >= ${t.validFrom}`);

/**
 * A territorial unit (tỉnh, thị xã, phường, xã …) as a generic tree with validity dates, so the
 * 2021 tree and the post-2025 tree coexist (reference.md §7.4).
 * `sortKey` holds the Vietnamese collation key (shared/domain/vietnamese.ts): both engines then
 * sort with ORDER BY sort_key COLLATE "C", which needs no ICU Vietnamese rules.
 */
export const unit = pgTable(
  'unit',
  {
    id: uuid().primaryKey().defaultRandom(),
    code: text(),
    name: text().notNull(),
    sortKey: text().notNull(),
    kind: text().notNull(),
    parentId: uuid().references((): AnyPgColumn => unit.id),
    /** The unit's ancestors and itself (see treePath). */
    path: treePath(),
    ...lifecycleColumns(),
  },
  (t) => [
    uniqueIndex('unit_code_key').on(t.code).where(sql`${t.code} is not null`),
    index('unit_parent_id_idx').on(t.parentId),
    index('unit_path_idx').on(t.path.op('text_pattern_ops')),
    index('unit_sort_key_idx').on(t.sortKey),
    validityCheck('unit_validity_check', t),
    check('unit_not_own_parent_check', sql`${t.parentId} is null or ${t.parentId} <> ${t.id}`),
  ],
);

/** Succession between units: merged into, split into, renamed to (reference.md §7.3). */
export const unitSuccession = pgTable(
  'unit_succession',
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: text().notNull(),
    fromUnitId: uuid().notNull().references(() => unit.id),
    toUnitId: uuid().notNull().references(() => unit.id),
    effectiveDate: date({ mode: 'string' }).notNull(),
    note: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('unit_succession_from_to_kind_key').on(t.fromUnitId, t.toUnitId, t.kind),
    index('unit_succession_to_unit_id_idx').on(t.toUnitId),
    check('unit_succession_distinct_check', sql`${t.fromUnitId} <> ${t.toUnitId}`),
  ],
);

/**
 * An agency (cơ quan, đơn vị) inside a unit: a People's Committee, its offices, and the places
 * that can be inspected (one-stop desk, citizen reception point).
 */
export const agency = pgTable(
  'agency',
  {
    id: uuid().primaryKey().defaultRandom(),
    unitId: uuid()
      .notNull()
      .references(() => unit.id),
    parentAgencyId: uuid().references((): AnyPgColumn => agency.id),
    name: text().notNull(),
    sortKey: text().notNull(),
    shortName: text(),
    kind: text().notNull(),
    code: text(),
    /** The abbreviation used in document symbols: "UBND" in 15/KH-UBND, "NV" in 03/TB-NV. */
    docAbbreviation: text(),
    /** The place name of the date line: "Hoài Nhơn, ngày …". */
    placeName: text(),
    headName: text(),
    headTitle: text(),
    phone: text(),
    email: text(),
    address: text(),
    /** The agency's parent agencies and itself (see treePath). */
    path: treePath(),
    /** A copy of its unit's path, kept by the same triggers: scoped agency lists need no join. */
    unitPath: treePath(),
    ...lifecycleColumns(),
  },
  (t) => [
    uniqueIndex('agency_code_key').on(t.code).where(sql`${t.code} is not null`),
    index('agency_unit_id_idx').on(t.unitId),
    index('agency_path_idx').on(t.path.op('text_pattern_ops')),
    index('agency_unit_path_idx').on(t.unitPath.op('text_pattern_ops')),
    index('agency_parent_agency_id_idx').on(t.parentAgencyId),
    index('agency_sort_key_idx').on(t.sortKey),
    validityCheck('agency_validity_check', t),
  ],
);

/**
 * The standing body for administrative reform of each People's Committee (M23): one per
 * territorial unit that has one set, so a province and each of its communes run their own cycle
 * side by side (Phòng Nội vụ of a town in 2021; Sở Nội vụ, or a commune's office, after 2025).
 */
export const standingBody = pgTable(
  'standing_body',
  {
    unitId: uuid()
      .primaryKey()
      .references(() => unit.id),
    agencyId: uuid()
      .notNull()
      .references(() => agency.id),
    version: integer().notNull().default(1),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('standing_body_agency_id_idx').on(t.agencyId)],
);
