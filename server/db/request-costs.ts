import { AsyncLocalStorage } from 'node:async_hooks';

/** What one HTTP request cost the database: its round trips (BEGIN and COMMIT included). */
export interface RequestCost {
  queries: number;
}

/**
 * The request being served, when costs are counted (PAR_REQUEST_COSTS, load runs): app.ts runs
 * each request inside it and the PostgreSQL client counts every statement it sends into it.
 * Never entered otherwise, so `getStore()` on the hot path is a field read.
 */
export const requestCosts = new AsyncLocalStorage<RequestCost>();

/** One statement sent to the database (server/db/client.ts). */
export function countQuery(): void {
  const cost = requestCosts.getStore();
  if (cost) cost.queries++;
}
