import { pino } from 'pino';
import { loadConfig } from '../server/config.js';
import { buildApp, type AppDeps } from '../server/app.js';
import { jobRegistry } from '../server/jobs/registry.js';
import { createJobRuntime } from '../server/jobs/runtime.js';
import { openPglite, openPostgres } from '../server/db/client.js';
import { readScaleMarker } from '../server/db/seed/scale/index.js';
import { ms } from './lib/stats.js';

/**
 * How big every list is at national scale (issue 12 §2: "every list paginated … no response over
 * a few hundred KB"): each GET operation of the OpenAPI document that needs no path parameter,
 * asked with its defaults by the national admin and by a commune officer, with the bytes and the
 * time of the answer (in-process, median of 3). Responses over 300 KB are flagged. Figures only.
 *
 *   BENCH_SCALE_DATABASE_URL  PostgreSQL loaded by `npm run seed:scale` (else BENCH_SCALE_PGLITE_DIR,
 *                             default tmp/bench/scale-pglite)
 */
const url = process.env.BENCH_SCALE_DATABASE_URL;
const database = url ? openPostgres(url, 4) : await openPglite(process.env.BENCH_SCALE_PGLITE_DIR ?? 'tmp/bench/scale-pglite');
const marker = await readScaleMarker(database);
if (!marker) {
  console.log(`No national-scale data in ${url ?? 'the PGlite directory'}: run npm run seed:scale first.`);
  process.exit(0);
}
const config = { ...loadConfig({ NODE_ENV: 'production', PAR_DATA_DIR: 'tmp/unused' }), webDistDir: '/nonexistent' };
const deps: AppDeps = { config, database, version: 'bench', logger: false };
// The queue's tables, as the server installs them at start (seed:scale does not).
deps.jobs = createJobRuntime(deps, { definitions: jobRegistry, mode: 'client', log: pino({ level: 'silent' }) });
await deps.jobs.install();
const app = await buildApp(deps);
const LARGE = 300 * 1024;

async function cookieOf(username: string) {
  const res = await app.inject({ method: 'POST', url: '/api/session', payload: { username, password: marker!.accounts.password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username}: ${res.statusCode}`);
  return res.cookies.find((c) => c.name === 'par_session')!.value;
}

try {
  const spec = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json() as { paths: Record<string, Record<string, unknown>> };
  const paths = Object.entries(spec.paths)
    .filter(([p, ops]) => 'get' in ops && !p.includes('{') && !/\/(health|metrics|docs|session)\b/.test(p) && !p.endsWith('.xlsx') && !p.endsWith('.ics'))
    .map(([p]) => p)
    .sort();
  const who = { 'national admin': await cookieOf(marker.accounts.nationalAdmin), 'commune officer': await cookieOf(marker.accounts.communeOfficer) };
  console.log(`Every list at national scale (${database.kind}), defaults only; bytes uncompressed; time in-process, median of 3\n`);
  console.log(`${'GET'.padEnd(44)} ${Object.keys(who).map((w) => `${w.padStart(16)} (KB / ms)`).join('  ')}`);
  const large: string[] = [];
  for (const p of paths) {
    const cells: string[] = [];
    for (const [name, cookie] of Object.entries(who)) {
      const times: number[] = [];
      let bytes = 0;
      let status = 0;
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        const res = await app.inject({ method: 'GET', url: p, cookies: { par_session: cookie } });
        times.push(performance.now() - t0);
        bytes = res.rawPayload.length;
        status = res.statusCode;
      }
      times.sort((a, b) => a - b);
      if (status !== 200) cells.push(`${String(status).padStart(16)}          `);
      else cells.push(`${(bytes / 1024).toFixed(1).padStart(16)} / ${ms(times[1]).padStart(6)}  `);
      if (status === 200 && bytes > LARGE) large.push(`${p} as ${name}: ${(bytes / 1024).toFixed(0)} KB`);
    }
    console.log(`${p.padEnd(44)} ${cells.join('  ')}`);
  }
  console.log('(400: the list needs a parameter, e.g. a year; 403: not for this role.)');
  console.log(large.length ? `\nOver ${LARGE / 1024} KB:\n  ${large.join('\n  ')}` : `\nNo answer over ${LARGE / 1024} KB.`);
} finally {
  await app.close();
  await deps.jobs.stop();
  await database.close();
}
