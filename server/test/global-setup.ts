import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { loadConfig } from '../config.js';
import { pino } from 'pino';
import { openPostgres, pgliteExtensions, wrapPglite } from '../db/client.js';
import { jobRegistry } from '../jobs/registry.js';
import { createJobRuntime } from '../jobs/runtime.js';
import { assertTestDatabaseName } from './test-database-guard.js';

export const TEMPLATE_PATH = path.resolve('tmp/test-db-template.tar');
/** Test files on the PostgreSQL server each install the job queue in a schema named so. */
export const TEST_JOB_SCHEMA_PREFIX = 'pgboss_t';

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
    // Never drop the schema of a database that is not for tests (the name the server reports,
    // whatever the URL left to defaults).
    const [{ name: databaseName }] = (await client.query<{ name: string }>('select current_database() as name')).rows;
    try {
      assertTestDatabaseName(databaseName);
    } catch (error) {
      await client.end();
      throw error;
    }
    await client.query('drop schema if exists drizzle cascade; drop schema public cascade; create schema public;');
    const { rows } = await client.query<{ name: string }>(`select nspname as name from pg_namespace where nspname = 'pgboss' or nspname like '${TEST_JOB_SCHEMA_PREFIX}%'`);
    for (const { name } of rows) await client.query(`drop schema "${name}" cascade`);
    await client.end();
    const database = openPostgres(url, 2);
    await database.migrate();
    await database.close();
    return;
  }
  const lite = await PGlite.create({ extensions: pgliteExtensions });
  const database = wrapPglite(lite);
  await database.migrate();
  // The job queue's tables and queues belong to the template too: every clone can enqueue.
  const jobs = createJobRuntime({ config: loadConfig({ NODE_ENV: 'test', PAR_DATA_DIR: 'tmp/unused' }), database, version: 'test' }, { definitions: jobRegistry, mode: 'client', log: pino({ level: 'silent' }) });
  await jobs.install();
  await jobs.stop();
  const dump = await lite.dumpDataDir('none');
  fs.mkdirSync(path.dirname(TEMPLATE_PATH), { recursive: true });
  fs.writeFileSync(TEMPLATE_PATH, Buffer.from(await dump.arrayBuffer()));
  await database.close();
}
