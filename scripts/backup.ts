import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../server/config.js';
import { dumpConsistent, requestBackup } from '../server/db/backup.js';
import { openPglite } from '../server/db/client.js';
import { DataDirectoryLockedError } from '../server/db/lock.js';

/**
 * `npm run backup [-- --out FILE]`: a consistent copy of the embedded database as a .tar.gz.
 * A running server makes it itself (over the socket in its data directory) and keeps serving;
 * with the server stopped, the directory is opened here (and locked meanwhile). For PostgreSQL
 * (DATABASE_URL) use pg_dump (README).
 */

const config = loadConfig();
if (config.database.kind === 'postgres') {
  console.error('DATABASE_URL is set: back up PostgreSQL with pg_dump, e.g.\n  pg_dump --format=custom --file=par-inspect.dump "$DATABASE_URL"\n(see README, "Backup and restore").');
  process.exit(2);
}
const dataDir = config.database.dataDir;
const args = process.argv.slice(2);
const outArg = args.indexOf('--out');
const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
const out = path.resolve(outArg >= 0 ? args[outArg + 1] : path.join('backups', `par-inspect-${stamp}.tar.gz`));
if (!fs.existsSync(path.join(dataDir, 'pglite'))) {
  console.error(`No embedded database in ${path.resolve(dataDir)} (PAR_DATA_DIR): nothing to back up.`);
  process.exit(1);
}
fs.mkdirSync(path.dirname(out), { recursive: true });
const partial = `${out}.partial`;

async function main() {
  const started = Date.now();
  let how: string;
  let size: number;
  try {
    // The server is stopped: open the directory here (taking its lock, so none starts meanwhile).
    const database = await openPglite(dataDir);
    try {
      const bytes = Buffer.from(await (await dumpConsistent(database.lite!)).arrayBuffer());
      fs.writeFileSync(partial, bytes);
      size = bytes.length;
      how = 'server stopped: read from the directory';
    } finally {
      await database.close();
    }
  } catch (err) {
    if (!(err instanceof DataDirectoryLockedError)) throw err;
    // A server runs: ask it for the copy.
    const got = await requestBackup(dataDir, fs.createWriteStream(partial));
    if (got === null) {
      fs.rmSync(partial, { force: true });
      console.error(`The server (process ${err.holderPid}) holds ${path.resolve(dataDir)} but offers no online backup (an older version?).\nStop it, then run npm run backup again.`);
      process.exit(1);
    }
    size = got;
    how = `made by the running server (process ${err.holderPid}), which kept serving`;
  }
  fs.renameSync(partial, out);
  console.log(`Backup written: ${out} (${(size / 1024 / 1024).toFixed(1)} MB, ${Date.now() - started} ms; ${how}).`);
  console.log(`Restore with: npm run restore -- ${path.relative(process.cwd(), out)}  (with the server stopped)`);
  if (config.files.backend === 'directory') console.log(`Uploaded files live in ${config.files.dir} (PAR_FILES_DIR): copy that directory too.`);
}

main().catch((err) => {
  fs.rmSync(partial, { force: true });
  console.error(err);
  process.exit(1);
});
