import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../client.js';

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Inserts many rows with one statement per batch: the rows travel as one JSON parameter and
 * `json_to_recordset` turns them into a set — no per-row statements, no 65,535-parameter
 * limit, the same SQL on PGlite and on the PostgreSQL server. Columns left out of the rows
 * (ids of bigserial, timestamps with defaults) get their defaults.
 *
 * Rows use the drizzle (camelCase) keys; dates as 'YYYY-MM-DD', timestamps as ISO strings.
 */
export async function bulkInsert<T extends PgTable>(db: DbOrTx, table: T, rows: Partial<T['$inferInsert']>[], batchSize = 5000): Promise<void> {
  if (!rows.length) return;
  const columns = getTableColumns(table) as Record<string, { getSQLType(): string }>;
  // The columns present in any row, so a default applies to the columns no row gives.
  const keys = Object.keys(columns).filter((k) => rows.some((r) => (r as Record<string, unknown>)[k] !== undefined));
  const { name } = getTableConfig(table);
  const definition = keys.map((k) => `${snake(k)} ${recordsetType(columns[k].getSQLType())}`).join(', ');
  const names = keys.map(snake).join(', ');
  for (let i = 0; i < rows.length; i += batchSize) {
    const batch = rows.slice(i, i + batchSize).map((r) => Object.fromEntries(keys.map((k) => [snake(k), (r as Record<string, unknown>)[k] ?? null])));
    const query: SQL = sql.raw(`insert into "${name}" (${names}) select ${names} from json_to_recordset(`);
    query.append(sql`${JSON.stringify(batch)}::json`);
    query.append(sql.raw(`) as x(${definition})`));
    await db.execute(query);
  }
}

/** Serial types are integers in a recordset. */
function recordsetType(type: string): string {
  if (type === 'bigserial') return 'bigint';
  if (type === 'serial') return 'integer';
  return type;
}
