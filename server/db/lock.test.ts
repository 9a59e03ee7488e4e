import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDirectoryLock, DataDirectoryLockedError, processStartTime, selfHolder } from './lock.js';
import { TEMPLATE_PATH } from '../test/global-setup.js';

/** The lock that keeps a second server off a PGlite data directory (stack.md gotcha 2). */

const dirs: string[] = [];
const children: ChildProcess[] = [];
function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'par-lock-'));
  dirs.push(dir);
  return dir;
}
/**
 * A data directory holding the migrated test template, when there is one: the server starts
 * without initdb and migrations (the cold start is the first test's). Tests about signals, not
 * about the first start.
 */
function migratedDir() {
  const dir = tempDir();
  if (fs.existsSync(TEMPLATE_PATH)) {
    fs.mkdirSync(path.join(dir, 'pglite'));
    execFileSync('tar', ['-xf', TEMPLATE_PATH, '-C', path.join(dir, 'pglite')]);
  }
  return dir;
}
afterEach(() => {
  for (const c of children.splice(0)) {
    if (c.exitCode !== null || c.signalCode !== null) continue;
    try {
      process.kill(-c.pid!, 'SIGKILL'); // its process group (the tsx CLI's child too)
    } catch {
      c.kill('SIGKILL');
    }
  }
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const holderIn = (lockPath: string) => JSON.parse(fs.readFileSync(lockPath, 'utf8')) as { pid: number; startTime?: string; bootId?: string };

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });

function lockError(fn: () => unknown): DataDirectoryLockedError {
  try {
    fn();
  } catch (err) {
    if (err instanceof DataDirectoryLockedError) return err;
    throw err;
  }
  throw new Error('expected DataDirectoryLockedError');
}

describe('acquireDirectoryLock', () => {
  it('refuses a directory another live process holds, naming the directory and the pid', async () => {
    const dir = tempDir();
    const other = spawn('sleep', ['30'], { stdio: 'ignore' });
    children.push(other);
    fs.writeFileSync(path.join(dir, 'server.lock'), String(other.pid));

    const err = lockError(() => acquireDirectoryLock(dir));
    expect(err).toMatchObject({ name: 'DataDirectoryLockedError', dataDir: dir, holderPid: other.pid });
    expect(err.message).toContain(dir);
    expect(err.message).toContain(String(other.pid));
    expect(err.message).toContain('already in use');
    expect(fs.readFileSync(path.join(dir, 'server.lock'), 'utf8')).toBe(String(other.pid));

    // Once that process is gone its lock is stale and is taken over.
    other.kill('SIGKILL');
    await exited(other);
    const lock = acquireDirectoryLock(dir);
    expect(holderIn(lock.path).pid).toBe(process.pid);
    lock.release();
    expect(fs.existsSync(lock.path)).toBe(false);
  });

  it('names the holder by pid, start time and boot, and takes over a lock whose pid another process now has', async () => {
    const dir = tempDir();
    const lockPath = path.join(dir, 'server.lock');
    const lock = acquireDirectoryLock(dir);
    expect(holderIn(lockPath)).toEqual(selfHolder());
    expect(selfHolder().startTime).toMatch(/^\d+$/);
    lock.release();

    // A live process with the recorded pid but another start time: the pid was reused.
    const other = spawn('sleep', ['30'], { stdio: 'ignore' });
    children.push(other);
    const pid = other.pid!;
    const started = processStartTime(pid)!;
    fs.writeFileSync(lockPath, JSON.stringify({ pid, startTime: String(Number(started) + 1), bootId: selfHolder().bootId }));
    acquireDirectoryLock(dir).release();

    // A pid from a previous boot.
    fs.writeFileSync(lockPath, JSON.stringify({ pid, startTime: started, bootId: 'a-previous-boot' }));
    acquireDirectoryLock(dir).release();

    // The very process that wrote it: refused.
    fs.writeFileSync(lockPath, JSON.stringify({ pid, startTime: started, bootId: selfHolder().bootId }));
    expect(lockError(() => acquireDirectoryLock(dir)).holderPid).toBe(pid);
  });

  it('refuses a second lock in the same process, and allows one after release', () => {
    const dir = tempDir();
    const first = acquireDirectoryLock(dir);
    expect(first.path).toBe(path.join(dir, 'server.lock'));
    const err = lockError(() => acquireDirectoryLock(dir));
    expect(err.holderPid).toBe(process.pid);
    first.release();
    first.release(); // idempotent
    expect(fs.existsSync(first.path)).toBe(false);
    const second = acquireDirectoryLock(dir);
    second.release();
  });

  it('takes over a lock left by a dead process, by this pid in a previous life, or left empty', () => {
    const dir = tempDir();
    const lockPath = path.join(dir, 'server.lock');
    // 2^22 + 1 is above Linux's largest pid_max: no process has it.
    for (const stale of [String(2 ** 22 + 1), String(process.pid), JSON.stringify({ pid: process.pid }), '', 'garbage']) {
      fs.writeFileSync(lockPath, stale);
      const lock = acquireDirectoryLock(dir);
      expect(holderIn(lockPath).pid, `stale lock "${stale}"`).toBe(process.pid);
      lock.release();
    }
  });

  it('does not remove a lock file another process has taken meanwhile', () => {
    const dir = tempDir();
    const lock = acquireDirectoryLock(dir);
    // Someone else's lock file now (e.g. after a manual cleanup): release leaves it alone.
    fs.writeFileSync(lock.path, '1');
    lock.release();
    expect(fs.readFileSync(lock.path, 'utf8')).toBe('1');
  });
});

/** A free TCP port (main.ts prints the configured port, so PORT=0 would print :0). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts the server as `npm start` does (node --import tsx: one pid, the lock's), or through the
 * tsx CLI (a parent that relays signals to a child), in its own process group like a terminal's
 * foreground job.
 */
function startServer(dataDir: string, port: number, how: 'node' | 'tsx-cli' = 'node') {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PAR_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    PAR_DEMO_PASSWORD: 'boot-test-password',
    LOG_LEVEL: 'silent',
  };
  delete env.DATABASE_URL; // this is about the embedded database, whatever the test run uses
  const args = how === 'node' ? ['--import', 'tsx', 'server/main.ts'] : ['node_modules/tsx/dist/cli.mjs', 'server/main.ts'];
  const child = spawn(process.execPath, args, { cwd: process.cwd(), env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const output = () => out;
  // 'close' comes after the exit and once every stream has ended: no more output can arrive.
  let closed = false;
  child.once('close', () => (closed = true));
  // Waits for the line itself (each chunk of output is checked as it arrives), or for the
  // process's output to end without it — also when it ended before the wait began (a stop line
  // awaited after the exit); no deadline of its own: a cold start on a loaded machine (initdb,
  // migrations, demo data) can take a minute, and only the test's timeout says when to give up.
  const waitFor = (text: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!out.includes(text)) return;
        done();
        resolve();
      };
      const onClose = () => {
        if (out.includes(text)) return check();
        done();
        reject(new Error(`no "${text}" (exit ${child.exitCode}, signal ${child.signalCode}):\n${out}`));
      };
      const done = () => {
        child.stdout!.off('data', check);
        child.stderr!.off('data', check);
        child.off('close', onClose);
      };
      child.stdout!.on('data', check);
      child.stderr!.on('data', check);
      child.once('close', onClose);
      check();
      if (closed) onClose();
    });
  return { child, output, waitFor };
}

describe('two servers on one PGlite data directory', () => {
  it('the second refuses to start with a clear message; the first keeps serving and releases on SIGTERM', async () => {
    const dataDir = tempDir();
    const port = await freePort();
    const first = startServer(dataDir, port);
    await first.waitFor('PAR Inspect is running');
    expect(holderIn(path.join(dataDir, 'server.lock')).pid).toBe(first.child.pid);

    const second = startServer(dataDir, await freePort());
    const code = await exited(second.child);
    expect(code, second.output()).not.toBe(0);
    expect(second.output()).toContain('already in use');
    expect(second.output()).toContain(dataDir);
    expect(second.output()).toContain(`process ${first.child.pid}`);
    expect(second.output()).not.toContain('PAR Inspect is running');

    // The first is unharmed: it answers, and the demo password from PAR_DEMO_PASSWORD works.
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', database: 'pglite' });
    const signIn = await fetch(`http://127.0.0.1:${port}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'boot-test-password' }),
    });
    expect(signIn.status).toBe(200);

    first.child.kill('SIGTERM');
    expect(await exited(first.child)).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'server.lock'))).toBe(false);
  }, 600_000);
});

describe('stopping the server', () => {
  it('a second signal during the shutdown does not cut it short; a restart finds the directory free', async () => {
    const dataDir = migratedDir();
    const port = await freePort();
    const server = startServer(dataDir, port);
    await server.waitFor('PAR Inspect is running');
    // As Ctrl-C in a terminal: the group gets SIGINT, and a wrapper relays it once more.
    process.kill(-server.child.pid!, 'SIGINT');
    server.child.kill('SIGINT');
    expect(await exited(server.child), server.output()).toBe(0);
    expect(server.output()).toContain('PAR Inspect stopped');
    expect(fs.existsSync(path.join(dataDir, 'server.lock'))).toBe(false);

    // Started through the tsx CLI (which relays signals to its child), stopped by its group.
    const again = startServer(dataDir, port, 'tsx-cli');
    await again.waitFor('PAR Inspect is running');
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
    process.kill(-again.child.pid!, 'SIGTERM');
    await exited(again.child);
    await again.waitFor('PAR Inspect stopped');
    expect(fs.existsSync(path.join(dataDir, 'server.lock'))).toBe(false);
  }, 600_000);
});
