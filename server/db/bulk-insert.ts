import { getTableColumns, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { CasingCache } from 'drizzle-orm/casing';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './client.js';

const casing = new CasingCache('snake_case');

/**
 * Inserts many rows in one statement with one parameter: a JSON array the database turns into
 * rows of the table's own type (json_populate_recordset). A multi-row insert through drizzle
 * binds a parameter per value, and building and sending tens of thousands of them costs more
 * than the insert itself on the embedded database (bench/registry-import.bench.ts). Keys are the
 * table's keys; a column no row names takes its default. Triggers and constraints run as for
 * any insert.
 */
export async function insertRowsAsJson<T extends PgTable>(tx: DbOrTx, table: T, rows: T['$inferInsert'][]): Promise<void> {
  if (!rows.length) return;
  const columns = getTableColumns(table);
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r as object)))].filter((k) => k in columns && rows.some((r) => (r as Record<string, unknown>)[k] !== undefined));
  const names = keys.map((k) => casing.getColumnCasing(columns[k]));
  const json = rows.map((r) => Object.fromEntries(keys.map((k, i) => [names[i], (r as Record<string, unknown>)[k] ?? null])));
  const list = sql.join(
    names.map((n) => sql.identifier(n)),
    sql`, `,
  );
  await tx.execute(sql`insert into ${table} (${list}) select ${list} from json_populate_recordset(null::${table}, ${JSON.stringify(json)}::json)`);
}

/**
 * `column in (…ids)` with the ids as one JSON parameter, for the sets a bulk write reads back or
 * replaces (thousands of ids: drizzle's inArray binds one parameter each).
 */
export function inIdList(column: SQLWrapper, ids: readonly string[]): SQL {
  return sql`${column} in (select value::uuid from json_array_elements_text(${JSON.stringify(ids)}::json))`;
}
