import fs from 'node:fs';
import path from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';
import SlowFirstSequencer from './server/test/slow-first-sequencer.js';

/**
 * Server and domain test files that replace a module (vi.mock, vi.doMock): a mock is registered in
 * the worker and must not outlive its file, so these run isolated. Found by reading the files, so
 * a new one cannot land in the shared workers by mistake.
 */
const MOCKING_MODULES = ['server', 'shared'].flatMap((root) =>
  fs
    .readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => path.join(root, f).split(path.sep).join('/'))
    .filter((f) => /\bvi\.(mock|doMock)\(/.test(fs.readFileSync(f, 'utf8'))),
);

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
        // Server and domain files share a worker process, one file after another: a fresh process
        // per file cost ~2 s of CPU each (Node, vitest, fastify, PGlite loaded again), about a
        // third of the unit phase. Each file still evaluates this project's modules afresh
        // (server/test/fresh-modules.ts), so no module state passes from one file to the next.
        test: {
          ...timeouts,
          name: 'server',
          include: ['shared/**/*.test.ts', 'server/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...MOCKING_MODULES],
          isolate: false,
          setupFiles: ['server/test/fresh-modules.ts'],
        },
      },
      {
        // A fresh process per file: the browser environment (happy-dom's document, storage,
        // globals) would otherwise carry over, and module mocks must not outlive their file.
        test: { ...timeouts, name: 'isolated', include: ['web/src/**/*.test.{ts,tsx}', ...MOCKING_MODULES] },
      },
    ],
  },
});
