import { expect } from 'vitest';
import type { DashboardDto } from '../../../shared/api/dashboard.schemas.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import type { Database } from '../../db/client.js';
import { seedDemo } from '../../db/seed/seed-demo.js';
import { openPrivateDatabase, signIn, type Client } from '../../test/harness.js';

/** The demo's "today" for what is overdue: the clock is fixed so the counts do not move with the calendar. */
export const DEMO_DASHBOARD_NOW = new Date('2021-12-20T03:00:00Z');

export interface DemoDashboard {
  database: Database;
  leader: Client;
  /** The leader's dashboard of 2021 (the town's subtree). */
  d: DashboardDto;
  /** A demo user signed in to another app on the same database whose clock reads `now` (closed with the rest). */
  signInAt: (now: Date, username: string) => Promise<Client>;
  close: () => Promise<void>;
}

/**
 * The demo season (Hoài Nhơn 2021) on a database of its own, the app at DEMO_DASHBOARD_NOW, the
 * leader signed in and the 2021 dashboard read: what dashboard-demo and dashboard-links start from.
 */
export async function openDemoDashboard(): Promise<DemoDashboard> {
  const { database, dispose } = await openPrivateDatabase();
  const seeded = await seedDemo(database.db, {});
  const config = { ...loadConfig({ NODE_ENV: 'test', PAR_DATA_DIR: 'tmp/unused' }), webDistDir: '/nonexistent' };
  const app = await buildApp({ config, database, version: 'test', logger: false, clock: { now: () => DEMO_DASHBOARD_NOW } });
  const leader = await signIn(app, 'leader', seeded.generatedPassword!);
  const res = await leader.get('/api/dashboard?year=2021');
  expect(res.statusCode, res.body).toBe(200);
  const apps = [app];
  return {
    database,
    leader,
    d: res.json(),
    signInAt: async (now, username) => {
      const other = await buildApp({ config, database, version: 'test', logger: false, clock: { now: () => now } });
      apps.push(other);
      return signIn(other, username, seeded.generatedPassword!);
    },
    close: async () => {
      for (const a of apps) await a.close();
      await dispose();
    },
  };
}
