import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../server/config.js';
import { NotABackupError, restoreInto } from '../server/db/backup.js';
import { acquireDirectoryLock, DataDirectoryLockedError } from '../server/db/lock.js';

/**
 * `npm run restore -- FILE`: puts a backup made by `npm run backup` in place of the embedded
 * database of PAR_DATA_DIR. The server must be stopped (the directory's lock says whether it
 * runs). The database it replaces is kept beside it (pglite.before-restore-…), never deleted.
 */

const config = loadConfig();
if (config.database.kind === 'postgres') {
  console.error('DATABASE_URL is set: restore PostgreSQL with pg_restore, e.g.\n  pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" par-inspect.dump\n(see README, "Backup and restore").');
  process.exit(2);
}
const file = process.argv[2];
if (!file || !fs.existsSync(file)) {
  console.error('Usage: npm run restore -- FILE   (a .tar.gz made by npm run backup)');
  process.exit(2);
}
const dataDir = path.resolve(config.database.dataDir);

async function main() {
  fs.mkdirSync(dataDir, { recursive: true });
  let lock;
  try {
    lock = acquireDirectoryLock(dataDir);
  } catch (err) {
    if (err instanceof DataDirectoryLockedError) {
      console.error(`\n✖ A PAR Inspect server (process ${err.holderPid}) is running on ${dataDir}.\nStop it first: a restore replaces its database. Then run npm run restore again.\n`);
      process.exit(1);
    }
    throw err;
  }
  try {
    const target = path.join(dataDir, 'pglite');
    let kept: string | null = null;
    if (fs.existsSync(target) && fs.readdirSync(target).length > 0) {
      kept = `${target}.before-restore-${new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '')}`;
      fs.renameSync(target, kept);
    }
    const dump = new Blob([fs.readFileSync(file)]);
    let tables: number;
    try {
      ({ tables } = await restoreInto(target, dump));
    } catch (err) {
      // Not a usable backup: put the previous database back as it was.
      fs.rmSync(target, { recursive: true, force: true });
      if (kept) fs.renameSync(kept, target);
      throw err;
    }
    console.log(`Restored ${path.resolve(file)} into ${target} (${tables} tables).`);
    if (kept) console.log(`The database it replaced is kept in ${kept} (delete it when you no longer need it).`);
  } finally {
    lock.release();
  }
}

main().catch((err) => {
  if (err instanceof NotABackupError) {
    // The operator's mistake, not a fault: say what is wrong without a stack trace.
    console.error(`\n✖ ${path.resolve(file)}: ${err.message}.\nNothing was changed: the database in ${dataDir} is as it was. Give a .tar.gz made by npm run backup.\n`);
  } else {
    console.error(err);
  }
  process.exit(1);
});
