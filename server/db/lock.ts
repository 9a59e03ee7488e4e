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

/**
 * Who holds a lock: the pid, and where the system tells them, the process's start time and the
 * boot it belongs to. A pid alone is not an identity: after a crash (or in a restarted
 * container) another process may have the same pid, and the lock would block every restart.
 */
export interface LockHolder {
  pid: number;
  /** Field 22 of /proc/<pid>/stat: clock ticks after boot when the process started. */
  startTime?: string;
  /** /proc/sys/kernel/random/boot_id: changes on every boot. */
  bootId?: string;
}

function readProcText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** The start time of a live process, on Linux; undefined elsewhere or when it is gone. */
export function processStartTime(pid: number): string | undefined {
  const stat = readProcText(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields[19];
}

const currentBootId = () => readProcText('/proc/sys/kernel/random/boot_id');

/** This process, as a lock holder. */
export function selfHolder(): LockHolder {
  return { pid: process.pid, startTime: processStartTime(process.pid), bootId: currentBootId() };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True when the process that wrote the lock still runs (not merely some process with its pid). */
function holderIsAlive(holder: LockHolder): boolean {
  if (!(holder.pid > 0) || !isAlive(holder.pid)) return false;
  const boot = currentBootId();
  if (holder.bootId && boot && holder.bootId !== boot) return false;
  if (holder.startTime) {
    const now = processStartTime(holder.pid);
    if (now !== undefined && now !== holder.startTime) return false;
  }
  return true;
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

/** A holder from the lock file's text: JSON, or a bare pid (locks written by older versions). */
function parseHolder(text: string): LockHolder | undefined {
  if (/^\d+$/.test(text)) return { pid: Number(text) };
  try {
    const v = JSON.parse(text) as Partial<LockHolder>;
    if (typeof v.pid === 'number' && Number.isInteger(v.pid)) {
      return { pid: v.pid, startTime: typeof v.startTime === 'string' ? v.startTime : undefined, bootId: typeof v.bootId === 'string' ? v.bootId : undefined };
    }
  } catch {
    /* not (yet) JSON */
  }
  return undefined;
}

/**
 * The holder named in the lock file; null when the file is gone (released meanwhile). A holder
 * writes right after creating the file, so an unreadable file is re-read for a moment before it
 * counts as left by a crash (pid NaN).
 */
function readHolder(lockPath: string): { holder: LockHolder; text: string } | null {
  let text = '';
  for (let i = 0; i < 20; i++) {
    const read = readLockFile(lockPath);
    if (read === null) return null;
    text = read;
    const holder = parseHolder(read);
    if (holder) return { holder, text };
    sleepSync(50);
  }
  return { holder: { pid: Number.NaN }, text };
}

/**
 * Takes an exclusive lock on a directory with a lock file created with O_EXCL, naming this
 * process (pid, start time, boot). A lock whose holder is gone — dead, a pid reused by another
 * process, a previous boot, or this very pid in a previous life — is taken over; a live holder
 * makes this throw DataDirectoryLockedError.
 */
export function acquireDirectoryLock(dir: string): DirectoryLock {
  const lockPath = path.join(path.resolve(dir), 'server.lock');
  const self = JSON.stringify(selfHolder());
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      fs.writeSync(fd, self);
      fs.closeSync(fd);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const found = readHolder(lockPath);
      if (found === null) continue;
      const { holder, text } = found;
      const live = holder.pid === process.pid ? heldHere.has(lockPath) : holderIsAlive(holder);
      if (live) throw new DataDirectoryLockedError(dir, holder.pid);
      // Stale: the holder died without releasing. Remove it only if it is still the same file
      // (another starter may have taken it over meanwhile), then retry.
      if (readLockFile(lockPath) === text) fs.rmSync(lockPath, { force: true });
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
        if (fs.readFileSync(lockPath, 'utf8').trim() === self) fs.unlinkSync(lockPath);
      } catch {
        /* already gone */
      }
    };
    process.once('exit', release);
    return { path: lockPath, release };
  }
  throw new Error(`Could not lock ${dir}`);
}
