import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';

/** One round trip to the database (readiness): resolves when it answers. */
export async function pingDatabase(database: Database): Promise<void> {
  await database.db.execute(sql`select 1`);
}
