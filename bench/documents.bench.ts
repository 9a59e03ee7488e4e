/**
 * How long building the seed plan's .docx takes: one document (averaged over runs, after
 * warm-up) and a batch of 1,000 built one after another.
 *
 *   npx tsx bench/documents.bench.ts
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { seedPlan2021 } from '../server/db/seed/plan-2021.js';
import { renderDocx } from '../server/documents/decree30-docx.js';
import type { PlanDocumentModel } from '../server/documents/model.js';

export interface DocumentBenchFigures {
  /** Mean time to build one plan .docx, ms. */
  singleMeanMs: number;
  singleMinMs: number;
  singleRuns: number;
  /** Wall time to build the batch, ms. */
  batchMs: number;
  batchSize: number;
  /** Documents per second over the batch. */
  batchPerSecond: number;
  /** Size of one plan .docx, bytes. */
  docxBytes: number;
}

export interface DocumentBenchOptions {
  singleRuns?: number;
  batchSize?: number;
}

function issued(n: number): PlanDocumentModel {
  return { ...seedPlan2021, number: n, date: { year: 2021, month: 5, day: 5 } };
}

/** Measures and returns the figures; prints nothing. */
export async function run(options: DocumentBenchOptions = {}): Promise<DocumentBenchFigures> {
  const singleRuns = options.singleRuns ?? 50;
  const batchSize = options.batchSize ?? 1000;

  // Warm-up: module initialisation and JIT would otherwise land on the first measured run.
  let docxBytes = 0;
  for (let i = 0; i < 5; i++) docxBytes = (await renderDocx(issued(1))).length;

  const times: number[] = [];
  for (let i = 0; i < singleRuns; i++) {
    const start = performance.now();
    await renderDocx(issued(i + 1));
    times.push(performance.now() - start);
  }

  const batchStart = performance.now();
  for (let i = 0; i < batchSize; i++) await renderDocx(issued((i % 999) + 1));
  const batchMs = performance.now() - batchStart;

  return {
    singleMeanMs: times.reduce((a, b) => a + b, 0) / times.length,
    singleMinMs: Math.min(...times),
    singleRuns,
    batchMs,
    batchSize,
    batchPerSecond: (batchSize * 1000) / batchMs,
    docxBytes,
  };
}

function print(f: DocumentBenchFigures): void {
  console.log(`plan .docx (${(f.docxBytes / 1024).toFixed(1)} kB)`);
  console.log(`  single: mean ${f.singleMeanMs.toFixed(2)} ms, min ${f.singleMinMs.toFixed(2)} ms over ${f.singleRuns} runs`);
  console.log(
    `  batch:  ${f.batchSize} documents in ${(f.batchMs / 1000).toFixed(2)} s ` +
      `(${f.batchPerSecond.toFixed(0)} docs/s, ${(f.batchMs / f.batchSize).toFixed(2)} ms each)`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  run().then(print, (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
