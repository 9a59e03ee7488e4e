import { eq, sql } from 'drizzle-orm';
import { appUser, setting, standingBody } from '../../schema/index.js';
import type { Database } from '../../client.js';
import { auditGenerator } from './audit.js';
import type { ScaleContext, ScaleGenerator, ScaleOptions } from './context.js';
import { seededRandom } from './names.js';
import { peopleGenerator } from './people.js';
import { plansGenerator } from './plans.js';
import { registryGenerator } from './registry.js';
import { seasonGenerator } from './season.js';
import { followUpGenerator } from './follow-up.js';

export { defaultScaleOptions, type ScaleOptions } from './context.js';

/**
 * The generators, in order: one per module. Later modules (inspections, reports, findings,
 * corrective actions, scores) append theirs here; each reads the ids earlier ones left in the
 * context and bulk-inserts its own rows.
 */
export const scaleGenerators: ScaleGenerator[] = [registryGenerator, peopleGenerator, plansGenerator, seasonGenerator, auditGenerator, followUpGenerator];

/** The setting that marks a database as loaded by seed:scale, with the options and sample accounts. */
export const SCALE_MARKER_KEY = 'scale_seed';

/** Accounts the benchmarks sign in as (every role, at every level). */
export interface ScaleAccounts {
  password: string;
  nationalAdmin: string;
  provinceAdmin: string;
  provinceLeader: string;
  provinceSecretariat: string;
  provinceInspector: string;
  communeOfficer: string;
  communeLeader: string;
  /** A unit id and an agency id a national admin can open. */
  sampleUnitId: string;
  sampleAgencyId: string;
}

export interface ScaleMarker {
  options: ScaleOptions;
  accounts: ScaleAccounts;
  counts: Record<string, number>;
  seconds: number;
}

export async function readScaleMarker(database: Database): Promise<ScaleMarker | null> {
  const [row] = await database.db.select({ value: setting.value }).from(setting).where(eq(setting.key, SCALE_MARKER_KEY));
  return (row?.value as ScaleMarker | undefined) ?? null;
}

/**
 * Loads national-scale data into an empty, migrated database (refuses one that has users).
 * Runs each generator in turn, then ANALYZE so the planner knows the tables' sizes.
 */
export async function seedScale(database: Database, options: ScaleOptions, log: (message: string) => void = console.log): Promise<ScaleMarker> {
  const [{ n }] = await database.db.select({ n: sql<number>`count(*)::int` }).from(appUser);
  if (Number(n) > 0) throw new Error('The database already has users: seed:scale loads only an empty database (use --reset, or a new database).');
  const started = performance.now();
  const ctx = { db: database.db, engine: database.kind, options, rnd: seededRandom(options.seed), log } as ScaleContext;
  const counts: Record<string, number> = {};
  for (const generator of scaleGenerators) {
    const t0 = performance.now();
    const wrote = await generator.run(ctx);
    Object.assign(counts, wrote);
    log(`${generator.name.padEnd(10)} ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s  ${Object.entries(wrote).map(([k, v]) => `${k} ${v.toLocaleString('en')}`).join(', ')}`);
  }
  await database.db.execute(sql`analyze`);

  const province = ctx.registry.provinces[Math.min(22, ctx.registry.provinces.length - 1)];
  const commune = province.communes.find((c) => c.name.startsWith('Hoài Thanh')) ?? province.communes[0];
  const marker: ScaleMarker = {
    options,
    accounts: {
      password: options.password,
      nationalAdmin: ctx.users.nationalAdmin.username,
      provinceAdmin: ctx.users.provinceAdmin.get(province.code)!.username,
      provinceLeader: ctx.users.provinceLeader.get(province.code)!.username,
      provinceSecretariat: ctx.users.provinceSecretariat.get(province.code)![0].username,
      provinceInspector: ctx.users.provinceInspectors.get(province.code)![0].username,
      communeOfficer: ctx.users.communeOfficer.get(commune.code)!.username,
      communeLeader: ctx.users.communeLeader.get(commune.code)!.username,
      sampleUnitId: commune.unitId,
      sampleAgencyId: commune.committeeId,
    },
    counts,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
  await database.db.insert(setting).values([{ key: SCALE_MARKER_KEY, value: marker }]);
  // A standing body per People's Committee (M23): the ministry nationally, each province's Sở Nội vụ.
  await database.db.insert(standingBody).values([
    { unitId: ctx.registry.rootUnitId, agencyId: ctx.registry.ministryId },
    ...ctx.registry.provinces.map((p) => ({ unitId: p.unitId, agencyId: p.homeAffairsId })),
  ]);
  return marker;
}
