import { setImmediate } from 'node:timers/promises';

/**
 * Lets the event loop turn: requests whose bytes have arrived, timers, and (on the embedded
 * database, which runs in this thread and answers through promises alone) the queries other
 * requests have queued. A long job that only awaits the embedded database never gives the loop
 * a turn otherwise, so /api/health/live and every status poll wait for its end (issue 12: "never
 * blocked for more than a few milliseconds by one request"). Call it between stretches of work
 * of about 100 ms at most.
 */
export function yieldToRequests(): Promise<void> {
  return setImmediate();
}

/**
 * A pacer for a loop of short steps: `await pace()` after each step yields to requests once
 * `everyMs` have passed since the last turn it gave, and costs nothing otherwise.
 */
export function pacer(everyMs = 50): () => Promise<void> {
  let last = performance.now();
  return async () => {
    if (performance.now() - last < everyMs) return;
    await yieldToRequests();
    last = performance.now();
  };
}
