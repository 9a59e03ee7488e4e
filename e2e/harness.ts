import fs from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { pino } from 'pino';
import { loadConfig } from '../server/config.js';
import { buildApp, type AppInstance } from '../server/app.js';
import { wrapPglite, type Database } from '../server/db/client.js';
import { drainJobs, type DrainedJob } from '../server/jobs/drain.js';
import { jobRegistry } from '../server/jobs/registry.js';
import { createJobRuntime } from '../server/jobs/runtime.js';
import { startPgliteFromTemplate } from '../server/test/harness.js';

export const DEMO_PASSWORD = 'e2e-demo-password';
/** The migrated template with the demo seeded (password DEMO_PASSWORD), made once per run by global-setup.ts. */
export const DEMO_TEMPLATE_PATH = path.resolve('tmp/e2e-demo-template.tar');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Journey {
  baseUrl: string;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  app: AppInstance;
  database: Database;
  signIn(username: string, password?: string): Promise<void>;
  /**
   * Runs the queued jobs of these queues now, as the worker would (the journey's server has none:
   * a job runs when the test says, so the browser's "queued" state can be seen before it).
   */
  runJobs(queues: string[]): Promise<DrainedJob[]>;
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Starts the real server (built SPA + API) on a fresh demo database on a free port, and a
 * headless Chromium with the flags this closed network needs. The database is a clone of the
 * demo seeded once for the run (seeding takes ~5 s of CPU; each journey file used to seed its own).
 */
export async function startJourney(opts: { locale?: string; viewport?: { width: number; height: number } } = {}): Promise<Journey> {
  const lite = await startPgliteFromTemplate(DEMO_TEMPLATE_PATH);
  const database = wrapPglite(lite);
  const config = { ...loadConfig({ NODE_ENV: 'test' }), webDistDir: path.resolve('dist/web') };
  const jobs = createJobRuntime({ config, database, version: 'e2e' }, { definitions: jobRegistry, mode: 'client', log: pino({ level: 'silent' }) });
  await jobs.install();
  const app = await buildApp({ config, database, version: 'e2e', jobs });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: opts.locale ?? 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: opts.viewport ?? { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  return {
    baseUrl,
    browser,
    context,
    page,
    app,
    database,
    async signIn(username, password = DEMO_PASSWORD) {
      await page.goto('/login');
      await page.getByLabel('Tên đăng nhập').fill(username);
      await page.getByLabel('Mật khẩu').fill(password);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    },
    runJobs: (queues) => drainJobs(jobs, { queues }),
    async screenshot(name) {
      const file = path.resolve('tmp/e2e', `${name}.png`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    async close() {
      await browser.close();
      await app.close();
      await jobs.stop();
      await database.close();
    },
  };
}

/**
 * The page's WCAG 2 A/AA violations once it has settled. A transient `aria-prohibited-attr` on
 * :root has been reported now and then right after a navigation (gone on the next analysis of the
 * same page): the page is analysed again, up to three times, while it reports violations; a
 * lasting violation still fails the test.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  let found: string[] = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    found = axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    if (!found.length) break;
    await page.waitForLoadState('networkidle');
  }
  return found;
}
