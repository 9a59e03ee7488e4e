/**
 * Working-day deadline throughput, beside plain Date arithmetic measured in the same run.
 *
 *   npx tsx bench/calendar.bench.ts
 *
 * Both sides take the same random ISO dates (2000–2100) and counts (1–20) and return an ISO
 * string, so the ratio shows what the holiday-aware count costs over "date + N days".
 * Year caches are warmed first: the figure is the steady state a server sees; the cold cost
 * (building the per-day table for 101 years) is reported separately.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { OFFICIAL_SCHEDULES, createWorkingCalendar } from '../shared/domain/calendar/index.js';

export interface CalendarBenchResult {
  name: string;
  /** dueBefore / dueAfter calls per second (each with its Vietnamese explanation). */
  deadlinesPerSecond: number;
  /** `new Date(Date.UTC(y, m - 1, d + n))` → ISO string, per second. */
  baselinePerSecond: number;
  /** baseline / deadlines: how many times slower the working-day count is. */
  slowdown: number;
  /** Milliseconds to build a calendar and load every year 2000–2100 once. */
  coldStartMs: number;
}

interface Case {
  date: string;
  n: number;
}

function makeCases(count: number, seed = 20210909): Case[] {
  let state = seed;
  const random = (): number => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const cases: Case[] = [];
  const startMs = Date.UTC(2000, 0, 1);
  const spanDays = Math.floor((Date.UTC(2100, 11, 31) - startMs) / 86_400_000);
  for (let i = 0; i < count; i++) {
    const ms = startMs + Math.floor(random() * spanDays) * 86_400_000;
    cases.push({ date: new Date(ms).toISOString().slice(0, 10), n: 1 + Math.floor(random() * 20) });
  }
  return cases;
}

/** Runs `body` over the cases until `durationMs` has passed; returns operations per second. */
function measure(cases: Case[], durationMs: number, body: (c: Case, i: number) => string): number {
  let operations = 0;
  let sink = 0; // keeps the JIT from dropping the work
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < durationMs) {
    for (let i = 0; i < cases.length; i++) sink += body(cases[i], i).length;
    operations += cases.length;
    elapsed = performance.now() - start;
  }
  if (sink === -1) console.log(sink);
  return (operations / elapsed) * 1000;
}

/** Measures and returns the figures; prints nothing (the runner decides how to show them). */
export function run(options: { durationMs?: number; cases?: number } = {}): CalendarBenchResult {
  const durationMs = options.durationMs ?? 1000;
  const cases = makeCases(options.cases ?? 10_000);

  const coldStart = performance.now();
  const calendar = createWorkingCalendar(OFFICIAL_SCHEDULES);
  for (let year = 2000; year <= 2100; year++) calendar.isWorkingDay(`${year}-06-15`);
  const coldStartMs = performance.now() - coldStart;

  const deadline = (c: Case, i: number): string =>
    i % 2 === 0 ? calendar.dueBefore(c.date, c.n).date : calendar.dueAfter(c.date, c.n).date;
  const baseline = (c: Case): string => {
    const y = Number(c.date.slice(0, 4));
    const m = Number(c.date.slice(5, 7));
    const d = Number(c.date.slice(8, 10));
    return new Date(Date.UTC(y, m - 1, d + c.n)).toISOString().slice(0, 10);
  };

  // Warm both paths so neither pays for JIT compilation in its timed window.
  measure(cases, durationMs / 4, deadline);
  measure(cases, durationMs / 4, baseline);
  const deadlinesPerSecond = measure(cases, durationMs, deadline);
  const baselinePerSecond = measure(cases, durationMs, baseline);

  return {
    name: 'calendar: working-day deadlines vs Date + N days',
    deadlinesPerSecond,
    baselinePerSecond,
    slowdown: baselinePerSecond / deadlinesPerSecond,
    coldStartMs,
  };
}

function print(result: CalendarBenchResult): void {
  const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
  console.log(result.name);
  console.log(`  deadlines (dueBefore/dueAfter, 1–20 working days): ${fmt(result.deadlinesPerSecond)} ops/s`);
  console.log(`  baseline  (Date.UTC + N days → ISO):               ${fmt(result.baselinePerSecond)} ops/s`);
  console.log(`  ratio baseline / deadlines:                        ${result.slowdown.toFixed(2)}×`);
  console.log(`  cold start (build + load 2000–2100):               ${result.coldStartMs.toFixed(1)} ms`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  print(run());
}
