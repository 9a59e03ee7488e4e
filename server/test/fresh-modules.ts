import { vi } from 'vitest';

/**
 * Setup file of the shared-worker project and of the browser journeys, whose test files run one
 * after another in the same worker process (`isolate: false` in vitest.config.ts, e2e/vitest.config.ts)
 * instead of a fresh process each. Setup files run again before every test file; this one drops
 * every module of the repository (server/, shared/, the test helpers) from the module runner's
 * cache, so each test file evaluates them afresh — its own harness, registries, caches and job
 * schema, exactly as in a new process. What a file shares with the previous one is what Node
 * itself loaded: the packages in node_modules (fastify, PGlite's compiled WebAssembly,
 * drizzle…), which keep no state of ours.
 */
vi.resetModules();
