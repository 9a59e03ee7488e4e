import type { FastifyInstance, RouteOptions } from 'fastify';
import { z } from 'zod';
import { AppError } from './app-error.js';

/**
 * Query strings are part of the contract like bodies are: an unknown or malformed parameter is
 * refused with 400, on every API route, by one rule here — never dropped silently
 * (`?dryRun[]=true` once ran a real import because the misspelled flag was ignored).
 *
 * - Each API route's querystring schema is made strict (a route without one gets the empty
 *   strict object), so an unknown key answers 400 `unknown` naming the key.
 * - A repeated key becomes an array, which no scalar schema accepts.
 * - Broken percent-encoding is noted by the parser (which must not throw: it runs inside the
 *   router) and refused before validation.
 */

/** Query objects whose text could not be decoded. */
const malformed = new WeakSet<object>();

function decode(part: string): string {
  return decodeURIComponent(part.replace(/\+/g, ' '));
}

/** Fastify's `querystringParser`: strict percent-decoding; repeated keys become arrays. */
export function parseQueryString(text: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  if (!text) return out;
  for (const pair of text.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    let key: string;
    let value: string;
    try {
      key = decode(eq < 0 ? pair : pair.slice(0, eq));
      value = eq < 0 ? '' : decode(pair.slice(eq + 1));
    } catch {
      malformed.add(out);
      continue;
    }
    const seen = out[key];
    out[key] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return out;
}

/** Routes the rule covers: the API, not the SPA or the Swagger UI's own assets. */
const isApiUrl = (url: string) => url.startsWith('/api/') && !url.startsWith('/api/docs');

/**
 * Installs the rule. Call before any route is registered (an onRoute hook sees only routes added
 * after it).
 */
export function enforceStrictQueries(app: FastifyInstance) {
  app.addHook('onRoute', (route: RouteOptions) => {
    if (!isApiUrl(route.url)) return;
    const schema = (route.schema ??= {});
    const query = schema.querystring as unknown;
    if (query === undefined) schema.querystring = z.strictObject({});
    else if (query instanceof z.ZodObject) schema.querystring = query.strict();
    else throw new Error(`${route.method} ${route.url}: the querystring schema must be a z.object so unknown parameters can be refused`);
  });
  app.addHook('preValidation', async (request) => {
    if (malformed.has(request.query as object) && isApiUrl(request.routeOptions.url ?? '')) {
      throw AppError.invalid('query', 'malformed', 'the query string is not valid percent-encoded UTF-8');
    }
  });
}
