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
 * Number parameters are read with `z.coerce.number`, which takes whatever `Number()` takes:
 * `0x7E5`, `0b11111100101`, ` 2021`, `2021.0` all became 2021. Only plain decimal numerals are
 * numbers here; anything else is 400 `invalid_type` naming the parameter. (An empty value is left
 * to the schema, which answers `required` or applies its default.)
 */
const DECIMAL = /^-?\d+(\.\d+)?$/;
/** The number parameters of each route, by `METHOD url` as registered. */
const numberParams = new Map<string, string[]>();
const routeKey = (method: string | string[], url: string) => `${[method].flat().join(',')} ${url}`;
function isCoercedNumber(schema: unknown): boolean {
  let s = schema as { def?: { innerType?: unknown; coerce?: boolean } } | undefined;
  while (s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodNullable) s = (s as { def: { innerType: unknown } }).def.innerType as typeof s;
  return s instanceof z.ZodNumber && s.def?.coerce === true;
}

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
    const shape = (schema.querystring as z.ZodObject).shape as Record<string, unknown>;
    const numbers = Object.keys(shape).filter((key) => isCoercedNumber(shape[key]));
    if (numbers.length) numberParams.set(routeKey(route.method, route.url), numbers);
  });
  app.addHook('preValidation', async (request) => {
    if (!isApiUrl(request.routeOptions.url ?? '')) return;
    if (malformed.has(request.query as object)) {
      throw AppError.invalid('query', 'malformed', 'the query string is not valid percent-encoded UTF-8');
    }
    const numbers = numberParams.get(routeKey(request.routeOptions.method ?? request.method, request.routeOptions.url ?? '')) ?? [];
    const query = request.query as Record<string, unknown>;
    for (const key of numbers) {
      const value = query[key];
      if (typeof value === 'string' && value !== '' && !DECIMAL.test(value)) throw AppError.invalid(`query.${key}`, 'invalid_type', 'write the number in decimal digits');
    }
  });
}
