import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { pgliteExtensions, wrapPglite } from '../server/db/client.js';
import { seedDemo } from '../server/db/seed/seed-demo.js';
import { DirectoryBackend } from '../server/files/backends.js';
import { FileStorage } from '../server/files/file-storage.js';
import { samplePdf } from '../server/files/sample-files.js';

/**
 * Memory and speed of an upload: a 25 MB PDF and, as the baseline of the same run, a 100 kB one,
 * sent by curl (another process, so the client's buffers are not counted) to the real server on
 * loopback, stored in the database and in a directory. The server's peak memory above its level
 * before the upload shows whether the file is streamed (a few MB) or held whole (25 MB or more).
 *
 *   npx tsx bench/files.bench.ts
 */
const run = promisify(execFile);
const MB = 1024 * 1024;

interface Sample {
  ms: number;
  peakRssMb: number;
  peakHeapMb: number;
  peakBuffersMb: number;
}

async function upload(base: string, cookie: string, csrf: string, planId: string, file: string): Promise<Sample> {
  global.gc?.();
  const start = process.memoryUsage();
  let peak = { rss: 0, heap: 0, buffers: 0 };
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peak = { rss: Math.max(peak.rss, m.rss - start.rss), heap: Math.max(peak.heap, m.heapUsed - start.heapUsed), buffers: Math.max(peak.buffers, m.arrayBuffers - start.arrayBuffers) };
  }, 2);
  const t0 = performance.now();
  const { stdout } = await run('curl', ['-s', '-o', '/dev/null', '-w', '%{http_code}', '-H', `cookie: ${cookie}`, '-H', `x-csrf-token: ${csrf}`, '-F', `file=@${file}`, `${base}/api/files?ownerType=plan&ownerId=${planId}&purpose=supporting`]);
  const ms = performance.now() - t0;
  clearInterval(timer);
  if (stdout !== '201') throw new Error(`upload answered ${stdout}`);
  return { ms, peakRssMb: peak.rss / MB, peakHeapMb: peak.heap / MB, peakBuffersMb: peak.buffers / MB };
}

export async function runBench() {
  const work = mkdtempSync(path.join(tmpdir(), 'par-files-bench-'));
  const big = path.join(work, 'big.pdf');
  const small = path.join(work, 'small.pdf');
  writeFileSync(big, Buffer.concat([samplePdf('bench'), Buffer.alloc(25 * MB - 2048, 0x20)]));
  writeFileSync(small, Buffer.concat([samplePdf('small'), Buffer.alloc(100 * 1024, 0x20)]));
  const password = 'bench-password-1';
  const results: Record<string, { small: Sample; big: Sample }> = {};
  for (const backend of ['database', 'directory'] as const) {
    const database = wrapPglite(await PGlite.create({ extensions: pgliteExtensions }));
    await database.migrate();
    await seedDemo(database.db, { password });
    const config = { ...loadConfig({ NODE_ENV: 'production' }), webDistDir: '/nonexistent' };
    const files = backend === 'directory' ? new FileStorage(new DirectoryBackend(path.join(work, 'store')), 25 * MB + 4096) : new FileStorage(FileStorage.fromConfig(config).backend, 25 * MB + 4096);
    const app = await buildApp({ config, database, version: 'bench', files });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const login = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'secretariat', password }) });
    // The session cookie among those set (a trusted-device cookie comes with a sign-in too).
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('par_session=')) ?? '';
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const listed = await fetch(`${base}/api/plans`, { headers: { cookie } });
    const plans = (await listed.json()) as { items?: { id: string }[] };
    if (!plans.items?.length) throw new Error(`no demo plan to attach files to (${login.status} sign-in, ${listed.status} plans: ${JSON.stringify(plans).slice(0, 300)})`);
    const planId = plans.items[0].id;
    results[backend] = { small: await upload(base, cookie, csrfToken, planId, small), big: await upload(base, cookie, csrfToken, planId, big) };
    await app.close();
    await database.close();
  }
  rmSync(work, { recursive: true, force: true });
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await runBench();
  const f = (n: number) => n.toFixed(1).padStart(7);
  console.log('Upload through POST /api/files (curl on loopback), server memory above its level before the upload');
  for (const [backend, { small, big }] of Object.entries(r)) {
    console.log(`  ${backend.padEnd(9)} baseline 100 kB: ${f(small.ms)} ms, peak RSS +${f(small.peakRssMb)} MB, heap +${f(small.peakHeapMb)} MB, buffers +${f(small.peakBuffersMb)} MB`);
    console.log(`  ${backend.padEnd(9)} 25 MB:          ${f(big.ms)} ms, peak RSS +${f(big.peakRssMb)} MB, heap +${f(big.peakHeapMb)} MB, buffers +${f(big.peakBuffersMb)} MB`);
    console.log(`  ${backend.padEnd(9)} 25 MB peak RSS is ${(big.peakRssMb / 25).toFixed(2)}× the file size; ${(25 / (big.ms / 1000)).toFixed(1)} MB/s`);
  }
}
