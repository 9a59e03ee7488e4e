import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openPostgres, pgliteExtensions, wrapPglite } from '../db/client.js';

export const TEMPLATE_PATH = path.resolve('tmp/test-db-template.tar');

/**
 * Migrates once per test run. On PGlite, the migrated data directory is dumped to a tarball
 * that every test file clones (conventions.md §11). On the PostgreSQL server (DATABASE_URL),
 * the test database is reset and migrated; test files then share it, each creating its own
 * authority and units instead of truncating.
 */
export default async function setup() {
  const url = process.env.DATABASE_URL;
  if (url) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('drop schema if exists drizzle cascade; drop schema public cascade; create schema public;');
    await client.end();
    const database = openPostgres(url, 2);
    await database.migrate();
    await database.close();
    return;
  }
  const lite = await PGlite.create({ extensions: pgliteExtensions });
  const database = wrapPglite(lite);
  await database.migrate();
  const dump = await lite.dumpDataDir('none');
  fs.mkdirSync(path.dirname(TEMPLATE_PATH), { recursive: true });
  fs.writeFileSync(TEMPLATE_PATH, Buffer.from(await dump.arrayBuffer()));
  await database.close();
}
