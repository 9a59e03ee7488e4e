import fs from 'node:fs';
import path from 'node:path';

export interface DirectoryLock {
  path: string;
  release(): void;
}

export class DataDirectoryLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
  ) {
    super(
      `The data directory ${dataDir} is already in use by another PAR Inspect server (process ${holderPid}).\n` +
        `The embedded database allows only one server per directory: two would lose data.\n` +
        `Stop the other server, or start this one with a different PAR_DATA_DIR, or use PostgreSQL (DATABASE_URL) to run several servers.`,
    );
    this.name = 'DataDirectoryLockedError';
  }
}

/** Lock files this process holds: its own pid in a lock file it does not hold is a previous life's. */
const heldHere = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function sleepSync(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** The lock file's text, or null when it is gone. */
function readLockFile(lockPath: string): string | null {
  try {
    return fs.readFileSync(lockPath, 'utf8').trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/**
 * The pid in the lock file; null when the file is gone (released meanwhile). A holder writes its
 * pid right after creating the file, so an empty file is re-read for a moment before it counts
 * as left by a crash (NaN).
 */
function readHolder(lockPath: string): number | null {
  for (let i = 0; i < 20; i++) {
    const text = readLockFile(lockPath);
    if (text === null) return null;
    if (/^\d+$/.test(text)) return Number(text);
    sleepSync(50);
  }
  return Number.NaN;
}

/**
 * Takes an exclusive lock on a directory with a lock file created with O_EXCL. A lock left by a
 * process that no longer exists (a crash) is taken over, as is one naming this very pid that this
 * process does not hold (a restarted container often gets the same pid); a live holder makes
 * this throw DataDirectoryLockedError.
 */
export function acquireDirectoryLock(dir: string): DirectoryLock {
  const lockPath = path.join(path.resolve(dir), 'server.lock');
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readHolder(lockPath);
      if (holder === null) continue;
      const live = holder === process.pid ? heldHere.has(lockPath) : holder > 0 && isAlive(holder);
      if (live) throw new DataDirectoryLockedError(dir, holder);
      // Stale: the holder died without releasing. Remove it only if it still names that holder
      // (another starter may have taken it over meanwhile), then retry.
      const now = readLockFile(lockPath);
      if (now !== null && (now === String(holder) || (Number.isNaN(holder) && !/^\d+$/.test(now)))) fs.rmSync(lockPath, { force: true });
      continue;
    }
    heldHere.add(lockPath);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      process.off('exit', release);
      heldHere.delete(lockPath);
      try {
        if (fs.readFileSync(lockPath, 'utf8').trim() === String(process.pid)) fs.unlinkSync(lockPath);
      } catch {
        /* already gone */
      }
    };
    process.once('exit', release);
    return { path: lockPath, release };
  }
  throw new Error(`Could not lock ${dir}`);
}
