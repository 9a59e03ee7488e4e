import fs from 'node:fs';
import migrateTemplate from '../server/test/global-setup.js';

/** The SPA must be built (npm run test:e2e builds it first) and a migrated PGlite template made. */
export default async function setup() {
  if (!fs.existsSync('dist/web/index.html')) throw new Error('dist/web is missing: run `npm run build:web` first (npm run test:e2e does).');
  // Browser journeys always run on the embedded database, whatever DATABASE_URL says.
  const url = process.env.DATABASE_URL;
  delete process.env.DATABASE_URL;
  try {
    await migrateTemplate();
  } finally {
    if (url) process.env.DATABASE_URL = url;
  }
}
