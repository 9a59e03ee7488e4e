import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { loadConfig } from './config.js';
import { buildApp, type AppDeps, type AppInstance } from './app.js';
import { jobRegistry } from './jobs/registry.js';
import { createJobRuntime, type JobRuntime } from './jobs/runtime.js';
import { openDatabase, type Database } from './db/client.js';
import { DataDirectoryLockedError } from './db/lock.js';
import { serveBackups } from './db/backup.js';
import { seedDemo } from './db/seed/seed-demo.js';
import { summarizeUnsummarizedSheets } from './modules/indices/sheet-summaries.js';

/**
 * The whole shutdown gets this long: in-flight requests, then the job workers, which pg-boss gives
 * up to 10 s to finish a running job (server/jobs/runtime.ts), then the database. It must exceed
 * that 10 s with room to spare, or a job still running at stop turns an orderly shutdown into
 * "took too long" (seen on a loaded machine in the backup test).
 */
const SHUTDOWN_DEADLINE_MS = 20_000;

let database: Database | undefined;
let app: AppInstance | undefined;
let jobs: JobRuntime | undefined;
let stopBackups: (() => Promise<void>) | undefined;
let stopping = false;

/**
 * Stops in order: no new requests, in-flight ones finish, the job workers stop, the database
 * closes (PGlite flushes), the data-directory lock is released (on exit). Ctrl-C and systemd
 * signal the whole process group, and wrappers (npm, tsx) relay the signal again: the second must
 * not cut the shutdown short (Node's default would exit at once, leaving the lock and an unclosed
 * database), so every signal after the first is ignored while the shutdown runs, which has its
 * own deadline.
 */
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  app?.log.info({ signal }, 'shutting down');
  const deadline = setTimeout(() => {
    console.error('Shutdown took too long: closing the database with requests still running.');
    void (database?.close() ?? Promise.resolve()).finally(() => process.exit(1));
  }, SHUTDOWN_DEADLINE_MS);
  deadline.unref();
  try {
    await app?.close();
    await jobs?.stop();
  } finally {
    await stopBackups?.();
    await database?.close();
    clearTimeout(deadline);
  }
  console.log('PAR Inspect stopped: requests finished, database closed.');
  process.exit(0);
}

/** Boot: config → database (lock, open) → migrate → job queue → demo data → HTTP and/or workers (PAR_ROLE). */
async function main() {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown(signal));
  const config = loadConfig();
  const version = (JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

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
  // The embedded database is copied by this process on request (npm run backup): db/backup.ts.
  if (config.database.kind === 'pglite' && database.lite) {
    // Never fatal: without the socket (a path too long for one, say) backups need the server stopped.
    stopBackups = await serveBackups(database.lite, config.database.dataDir, (msg) => console.log(msg)).catch((err: Error) => {
      console.warn(`Online backup unavailable (${err.message}): npm run backup will ask you to stop the server.`);
      return undefined;
    });
  }
  const deps: AppDeps = {
    config,
    database,
    version,
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
  };
  const jobLog = pino({ level: config.logLevel, base: { role: config.role } });
  jobs = createJobRuntime(deps, { definitions: jobRegistry, mode: config.role === 'web' ? 'client' : 'worker', log: jobLog });
  deps.jobs = jobs;
  await jobs.install();

  if (config.loadDemoData && !stopping) {
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
  // Index sheets written before their summaries existed (an older database) get them once.
  const summarized = stopping ? 0 : await summarizeUnsummarizedSheets(database.db);
  if (summarized) console.log(`Index score summaries computed for ${summarized} sheets.`);
  if (stopping) return;

  app = config.role === 'worker' ? undefined : await buildApp(deps);
  const where = config.database.kind === 'pglite' ? `PGlite in ${config.database.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  if (config.role !== 'web') await jobs.startWorkers();
  const mail = config.mail ? `e-mail via ${new URL(config.mail.smtpUrl).host}` : 'e-mail off (SMTP_URL, MAIL_FROM unset)';
  if (app) {
    await app.listen({ port: config.port, host: config.host });
    const port = (app.server.address() as AddressInfo).port;
    console.log(`\nPAR Inspect is running on http://localhost:${port}  (database: ${where}, migration ${migration}, role ${config.role}, ${mail})`);
  } else {
    console.log(`\nPAR Inspect job worker is running  (database: ${where}, migration ${migration}, ${mail})`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
