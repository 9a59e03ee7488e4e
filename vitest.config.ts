import { defineConfig } from 'vitest/config';
import SlowFirstSequencer from './server/test/slow-first-sequencer.js';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'web/src/**/*.test.{ts,tsx}'],
    globalSetup: ['server/test/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // PGlite instances are heavy (WASM); two cores here.
    maxWorkers: 2,
    // The files that take minutes start first, so neither worker ends the run alone.
    sequence: { sequencer: SlowFirstSequencer },
  },
});
