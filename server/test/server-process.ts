import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { TEMPLATE_PATH } from './global-setup.js';
import { dropDatabase, uniq } from './harness.js';

/**
 * The real server as a separate process (`node --import tsx server/main.ts`, or the compiled
 * dist/server/main.js that `npm start` runs), for tests that
 * must kill it (crash tests) or reach it from outside (backup, load). Start-up is awaited on
 * events — the "running on" line it prints once listening, or its exit — never on a timer; the
 * deadline below only bounds a server that hangs.
 */

export interface ServerProcess {
  child: ChildProcess;
  /** http://127.0.0.1:<port> */
  url: string;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const STARTUP_DEADLINE_MS = 180_000;

/**
 * The node flags `npm start` gives the server (package.json's start script, the one place they
 * are written): `--max-old-space-size=1024`, see docs/decisions/heap-limit.md. Every server
 * process started here runs with them, so a load run measures what ships.
 */
export function startNodeArgs(): string[] {
  const scripts = (JSON.parse(fs.readFileSync(path.resolve('package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const m = /(?:^|&& )node((?: --[\w-]+(?:=\S+)?)*) dist\/server\/main\.js$/.exec(scripts.start);
  if (!m) throw new Error(`package.json's start script no longer ends in "node [flags] dist/server/main.js": ${scripts.start}`);
  return m[1].split(' ').filter(Boolean);
}

export function startServer(env: Record<string, string>, options: { compiled?: string } = {}): Promise<ServerProcess> {
  // SERVER_NODE_ARGS: extra node flags for the server (--cpu-prof when profiling a load run);
  // after npm start's own, so one of them (another heap size) can override it.
  const nodeArgs = [...startNodeArgs(), ...(process.env.SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean)];
  // Tests run the TypeScript source; the load run the compiled bundle `npm start` runs (compiled).
  const entry = options.compiled ? [options.compiled] : ['--import', 'tsx', 'server/main.ts'];
  const child = spawn(process.execPath, [...nodeArgs, ...entry], {
    cwd: path.resolve('.'),
    env: { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so a test can signal it and nothing else.
    detached: true,
  });
  let out = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    const deadline = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start within ${STARTUP_DEADLINE_MS / 1000} s:\n${out}`));
    }, STARTUP_DEADLINE_MS);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /running on http:\/\/localhost:(\d+)/.exec(out);
      if (m) {
        clearTimeout(deadline);
        resolve({ child, url: `http://127.0.0.1:${m[1]}`, output: () => out, exited });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    void exited.then(({ code, signal }) => {
      clearTimeout(deadline);
      reject(new Error(`the server exited (${code ?? signal}) before it was ready:\n${out}`));
    });
  });
}

/** Stops a server politely (SIGTERM) and waits for it to exit. */
export async function stopServer(server: ServerProcess) {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGTERM');
  return server.exited;
}

/** Kills a server at once (kill -9: no shutdown, no flush) and waits for it to be gone. */
export async function killServer(server: ServerProcess) {
  if (server.child.exitCode === null && server.child.signalCode === null) process.kill(server.child.pid!, 'SIGKILL');
  return server.exited;
}

/**
 * Where a server process keeps its data: a PGlite data directory made from the migrated test
 * template (no initdb, no migrations at start), or, when DATABASE_URL is set, a database of its
 * own on that server (the server migrates it). `dispose` removes either.
 */
export async function serverDatabase(): Promise<{ env: Record<string, string>; kind: 'pglite' | 'postgres'; dataDir?: string; url?: string; dispose(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    fs.mkdirSync(path.resolve('tmp'), { recursive: true });
    const dataDir = fs.mkdtempSync(path.resolve('tmp', 'server-'));
    // The migrated test template when there is one (tests): no initdb, no migrations at start.
    if (fs.existsSync(TEMPLATE_PATH)) {
      fs.mkdirSync(path.join(dataDir, 'pglite'));
      await extractTar(TEMPLATE_PATH, path.join(dataDir, 'pglite'));
    }
    return { env: { PAR_DATA_DIR: dataDir }, kind: 'pglite', dataDir, dispose: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  }
  const target = new URL(url);
  const name = `${target.pathname.slice(1)}_proc_${uniq()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  target.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: target.toString() },
    kind: 'postgres',
    url: target.toString(),
    async dispose() {
      await dropDatabase(admin, name);
      await admin.end();
    },
  };
}

function extractTar(file: string, dir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const tar = spawn('tar', ['-xf', file, '-C', dir], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    tar.stderr.on('data', (c: Buffer) => (err += c.toString()));
    tar.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`tar -xf ${file}: ${err}`))));
  });
}

/** A signed-in HTTP client of a server process (fetch, the session cookie, the CSRF token). */
export async function httpSignIn(baseUrl: string, username: string, password: string) {
  const res = await fetch(`${baseUrl}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`sign-in of ${username}: ${res.status} ${await res.text()}`);
  const cookie = /par_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')![1];
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const headers = { cookie: `par_session=${cookie}`, 'x-csrf-token': csrfToken };
  return {
    get: (p: string) => fetch(`${baseUrl}${p}`, { headers }),
    send: (method: string, p: string, body?: unknown) => fetch(`${baseUrl}${p}`, { method, headers: { ...headers, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) }),
  };
}
