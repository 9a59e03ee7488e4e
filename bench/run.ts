import { spawnSync } from 'node:child_process';

/**
 * `npm run bench`: every benchmark in turn, each in its own process so one's warm-up and
 * garbage do not colour the next. Each prints its figures beside a baseline measured in the
 * same run. Never part of `npm test`. `npm run bench -- http` runs only the benches whose file
 * name contains "http" (the HTTP floors of issue 12; see bench/http.bench.ts for its settings).
 */
const all = ['bench/calendar.bench.ts', 'bench/season.bench.ts', 'bench/dashboard.bench.ts', 'bench/documents.bench.ts', 'bench/files.bench.ts', 'bench/reports.bench.ts', 'bench/api.bench.ts', 'bench/first-visit.bench.ts', 'bench/http.bench.ts', 'bench/registry-import.bench.ts', 'bench/imports.bench.ts', 'bench/followup.bench.ts'];
const filters = process.argv.slice(2);
const benches = filters.length ? all.filter((f) => filters.some((x) => f.includes(x))) : all;
let failed = 0;
for (const file of benches) {
  console.log(`\n=== ${file} ===`);
  const r = spawnSync('npx', ['tsx', file], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
