import { spawnSync } from 'node:child_process';

/**
 * `npm run bench`: every benchmark in turn, each in its own process so one's warm-up and
 * garbage do not colour the next. Each prints its figures beside a baseline measured in the
 * same run. Never part of `npm test`.
 */
const benches = ['bench/calendar.bench.ts', 'bench/documents.bench.ts', 'bench/files.bench.ts', 'bench/api.bench.ts'];
let failed = 0;
for (const file of benches) {
  console.log(`\n=== ${file} ===`);
  const r = spawnSync('npx', ['tsx', file], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
