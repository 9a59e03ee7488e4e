import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openPglite, openPostgres, type Database } from '../server/db/client.js';
import { defaultScaleOptions, seedScale } from '../server/db/seed/scale/index.js';

/**
 * `npm run seed:scale`: national-scale data for benchmarks and load tests.
 *
 *   DATABASE_URL=postgres://…/scale_x npm run seed:scale -- [--reset] [options]
 *   npm run seed:scale -- --pglite tmp/scale-pglite [--reset] [options]
 *
 * Options: --provinces 34 --communes 3321 --years 10 --last-year <this year>
 *          --audit-events 1000000 (200000 on PGlite) --password scale-password-1 --seed 2025
 */
const { values } = parseArgs({
  options: {
    pglite: { type: 'string' },
    reset: { type: 'boolean', default: false },
    provinces: { type: 'string' },
    communes: { type: 'string' },
    years: { type: 'string' },
    'last-year': { type: 'string' },
    'audit-events': { type: 'string' },
    password: { type: 'string' },
    seed: { type: 'string' },
  },
});

const url = process.env.DATABASE_URL;
if (!url && !values.pglite) {
  console.error('Say where: DATABASE_URL=postgres://… npm run seed:scale, or npm run seed:scale -- --pglite <directory>');
  process.exit(2);
}

let database: Database;
if (values.pglite) {
  const dir = path.resolve(values.pglite);
  if (values.reset) fs.rmSync(dir, { recursive: true, force: true });
  database = await openPglite(dir);
} else {
  if (values.reset) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('drop schema if exists drizzle cascade; drop schema if exists public cascade; create schema public;');
    await client.end();
  }
  database = openPostgres(url!);
}

const defaults = defaultScaleOptions(database.kind);
const num = (v: string | undefined, d: number) => (v === undefined ? d : Number(v));
const options = {
  provinces: num(values.provinces, defaults.provinces),
  communes: num(values.communes, defaults.communes),
  years: num(values.years, defaults.years),
  lastYear: num(values['last-year'], defaults.lastYear),
  auditEvents: num(values['audit-events'], defaults.auditEvents),
  password: values.password ?? defaults.password,
  seed: num(values.seed, defaults.seed),
};
for (const [k, v] of Object.entries(options)) {
  if (typeof v === 'number' && !(Number.isInteger(v) && v >= 0)) {
    console.error(`--${k} must be a whole number`);
    process.exit(2);
  }
}

try {
  console.log(`Migrating ${database.kind === 'postgres' ? 'the PostgreSQL database' : `PGlite in ${values.pglite}`} …`);
  await database.migrate();
  console.log(`Loading: ${JSON.stringify({ ...options, password: '…' })}`);
  const marker = await seedScale(database, options);
  console.log(`\nDone in ${marker.seconds} s. Every account's password: ${options.password}`);
  console.log(`Accounts: ${Object.entries(marker.accounts).filter(([k]) => !['password', 'sampleUnitId', 'sampleAgencyId'].includes(k)).map(([k, v]) => `${k} ${v}`).join(', ')}`);
} finally {
  await database.close();
}
