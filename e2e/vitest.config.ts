import { defineConfig } from 'vitest/config';

/** Browser journeys: the built SPA served by the real server, driven in Debian's Chromium. */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    // One browser at a time: two cores, and each journey starts its own server.
    fileParallelism: false,
    // One process for all the journeys, each file evaluating the app's modules afresh
    // (server/test/fresh-modules.ts): a process per file loaded Node, vitest and the packages again.
    isolate: false,
    setupFiles: ['server/test/fresh-modules.ts'],
  },
});
