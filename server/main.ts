import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { loadConfig } from './config.js';
import { buildApp } from './app.js';
import { openDatabase } from './db/client.js';
import { DataDirectoryLockedError } from './db/lock.js';
import { seedDemo } from './db/seed/seed-demo.js';

/** Boot: config → database (lock, open) → migrate → demo data → HTTP. */
async function main() {
  const config = loadConfig();
  const version = (JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

  let database;
  try {
    database = await openDatabase(config.database);
  } catch (err) {
    if (err instanceof DataDirectoryLockedError) {
      console.error(`\n✖ ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const migration = await database.migrate();

  if (config.loadDemoData) {
    const seeded = await seedDemo(database.db, { password: config.demoPassword });
    if (seeded.seeded) {
      console.log('\nDemo data loaded: thị xã Hoài Nhơn (2021) and its 2025 successors.');
      console.log(`Demo accounts: ${seeded.usernames.join(', ')}`);
      if (seeded.generatedPassword) {
        console.log(`Password for every demo account (shown once, write it down): ${seeded.generatedPassword}`);
      } else {
        console.log('Password for every demo account: the value of PAR_DEMO_PASSWORD');
      }
    } else {
      console.log(`Demo accounts: ${seeded.usernames.join(', ')} (password as printed on the first start, or PAR_DEMO_PASSWORD)`);
    }
  }

  const app = await buildApp({
    config,
    database,
    version,
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
  });
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const port = (app.server.address() as AddressInfo).port;
  const where = config.database.kind === 'pglite' ? `PGlite in ${config.database.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  console.log(`\nPAR Inspect is running on http://localhost:${port}  (database: ${where}, migration ${migration})`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
