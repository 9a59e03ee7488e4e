import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { chromium, type Page } from 'playwright-core';
import { loadConfig } from '../server/config.js';
import { buildApp } from '../server/app.js';
import { pgliteExtensions, wrapPglite } from '../server/db/client.js';
import { seedDemo } from '../server/db/seed/seed-demo.js';

/**
 * What a browser downloads on a first visit (the sign-in page, then the home page after signing
 * in) and on a second visit, as Chromium reports it: bytes on the wire by kind. The built
 * assets are served precompressed and cached for a year, so the second visit should fetch
 * none of them. Needs `npm run build:web` first (npm run bench does it) and Debian's chromium.
 */
const dist = path.resolve('dist/web');
if (!fs.existsSync(path.join(dist, 'index.html'))) {
  console.log('first visit: skipped — build the web app first (npm run build:web)');
  process.exit(0);
}
const password = 'bench-password-1';
const database = wrapPglite(await PGlite.create({ extensions: pgliteExtensions }));
await database.migrate();
await seedDemo(database.db, { password });
const app = await buildApp({ config: { ...loadConfig({ NODE_ENV: 'production' }), webDistDir: dist }, database, version: 'bench' });
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-dev-shm-usage'],
});
const context = await browser.newContext({ baseURL: base, locale: 'vi-VN' });
const page = await context.newPage();

type Tally = Record<string, { files: number; wire: number; cached: number }>;

/**
 * Counts what Chromium's network layer reports (CDP): encoded bytes per finished request, and
 * requests answered from the browser's cache (no bytes, no request to the server).
 */
async function tracker(p: Page) {
  const cdp = await p.context().newCDPSession(p);
  await cdp.send('Network.enable');
  let tally: Tally = {};
  const kinds = new Map<string, { kind: string; cached: boolean }>();
  cdp.on('Network.responseReceived', (e) => {
    kinds.set(e.requestId, { kind: e.type.toLowerCase(), cached: e.response.fromDiskCache || e.response.fromPrefetchCache === true });
  });
  cdp.on('Network.requestServedFromCache', (e) => {
    const k = kinds.get(e.requestId);
    if (k) k.cached = true;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const k = kinds.get(e.requestId) ?? { kind: 'other', cached: false };
    const t = (tally[k.kind] ??= { files: 0, wire: 0, cached: 0 });
    t.files++;
    if (k.cached) t.cached++;
    else t.wire += e.encodedDataLength;
  });
  return {
    /** The counts since the last call. */
    take() {
      const t = tally;
      tally = {};
      return t;
    },
  };
}

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
function print(label: string, tally: Tally) {
  const rows = Object.entries(tally).sort(([a], [b]) => a.localeCompare(b));
  console.log(`  ${label}`);
  for (const [kind, t] of rows) console.log(`    ${kind.padEnd(11)} ${String(t.files).padStart(3)} files  ${kib(t.wire).padStart(10)} on the wire${t.cached ? `  (${t.cached} from the browser's cache)` : ''}`);
}

console.log('First visit (Chromium, demo data, assets precompressed; bytes on the wire incl. headers)');
const net = await tracker(page);
await page.goto('/login');
await page.getByLabel('Tên đăng nhập').waitFor();
await page.waitForLoadState('networkidle');
print('sign-in page', net.take());

await page.getByLabel('Tên đăng nhập').fill('secretariat');
await page.getByLabel('Mật khẩu').fill(password);
await page.getByRole('button', { name: 'Đăng nhập' }).click();
await page.waitForURL((url) => !url.pathname.startsWith('/login'));
await page.waitForLoadState('networkidle');
print('after signing in (home page)', net.take());

await page.goto('/units');
await page.waitForLoadState('networkidle');
print('opening the registry', net.take());

await page.reload();
await page.waitForLoadState('networkidle');
print('second visit (reload of the same page)', net.take());

await browser.close();
await app.close();
await database.close();
