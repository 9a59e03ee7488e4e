import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vitest/config';
import SlowFirstSequencer from './server/test/slow-first-sequencer.js';

const testFiles = ['shared', 'server', 'web/src'].flatMap((root) =>
  fs
    .readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.test\.tsx?$/.test(f))
    .map((f) => path.join(root, f).split(path.sep).join('/')),
);
/**
 * The test files that need a process of their own: a browser environment (`@vitest-environment`:
 * vitest sets happy-dom up once per worker, so its document, storage and globals would carry
 * over), a replaced module (vi.mock, vi.doMock: registered in the worker, it would outlive its
 * file) or a replaced global or variable of the environment (vi.stubGlobal, vi.stubEnv). Found by
 * reading the files, so a new one cannot land in a shared worker by mistake.
 */
const needsOwnProcess = (file: string) => /@vitest-environment|\bvi\.(mock|doMock|stubGlobal|stubEnv)\(/.test(fs.readFileSync(file, 'utf8'));
const ISOLATED = testFiles.filter(needsOwnProcess);
const SHARED = testFiles.filter((f) => !needsOwnProcess(f));

/** What both projects take from here (not `extends: true`: the global setup, which migrates the template, runs once, for the root). */
const timeouts = { testTimeout: 120_000, hookTimeout: 300_000 };

export default defineConfig({
  test: {
    globalSetup: ['server/test/global-setup.ts'],
    ...timeouts,
    // PGlite instances are heavy (WASM); two cores here.
    maxWorkers: 2,
    // The files that take minutes start first, so neither worker ends the run alone.
    sequence: { sequencer: SlowFirstSequencer },
    projects: [
      {
        // Server, domain and plain web-logic files share a worker process, one file after another:
        // a fresh process per file cost ~2 s of CPU each (Node, vitest, fastify, PGlite loaded
        // again), about a third of the unit phase. Each file still evaluates the repository's
        // modules afresh (server/test/fresh-modules.ts), so no module state passes from one file
        // to the next. (docs/decisions/test-speed.md)
        test: { ...timeouts, name: 'shared-worker', include: SHARED, isolate: false, setupFiles: ['server/test/fresh-modules.ts'] },
      },
      {
        // A fresh process per file (the default).
        test: { ...timeouts, name: 'isolated', include: ISOLATED },
      },
    ],
  },
});
