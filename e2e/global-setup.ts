import fs from 'node:fs';
import migrateTemplate from '../server/test/global-setup.js';
import { wrapPglite } from '../server/db/client.js';
import { seedDemo } from '../server/db/seed/seed-demo.js';
import { startPgliteFromTemplate } from '../server/test/harness.js';
import { DEMO_PASSWORD, DEMO_TEMPLATE_PATH } from './harness.js';

/**
 * The SPA must be built (npm run test:e2e builds it first) and a migrated PGlite template made;
 * the demo is then seeded once into a clone of it, which every journey file clones in turn.
 */
export default async function setup() {
  if (!fs.existsSync('dist/web/index.html')) throw new Error('dist/web is missing: run `npm run build:web` first (npm run test:e2e does).');
  // Browser journeys always run on the embedded database, whatever DATABASE_URL says.
  const url = process.env.DATABASE_URL;
  delete process.env.DATABASE_URL;
  try {
    await migrateTemplate();
    const lite = await startPgliteFromTemplate();
    const database = wrapPglite(lite);
    await seedDemo(database.db, { password: DEMO_PASSWORD });
    const dump = await lite.dumpDataDir('none');
    fs.writeFileSync(DEMO_TEMPLATE_PATH, Buffer.from(await dump.arrayBuffer()));
    await database.close();
  } finally {
    if (url) process.env.DATABASE_URL = url;
  }
}
