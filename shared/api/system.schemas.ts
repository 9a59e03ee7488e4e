import { z } from 'zod';

/** Liveness: the process answers. Never touches the database (a slow query must not get it restarted). */
export const liveResponse = z.object({ status: z.literal('ok') });

/** Readiness: the database answered now, so a load balancer may send traffic. */
export const readyResponse = z.object({
  status: z.literal('ready'),
  database: z.enum(['pglite', 'postgres']),
  /** Milliseconds the database took to answer `select 1`. */
  databaseMs: z.number(),
});
