import type { FastifyInstance, RouteOptions } from 'fastify';
import { z } from 'zod';

/**
 * A request body is part of the contract like the query string is (query-params.ts): a field the
 * endpoint does not know is refused with 400 `unknown` naming it (`body.<key>`), by one rule here
 * for every route of the API (app.ts installs it before the first route) — never
 * stripped silently, so a misspelled field (`startOn` for
 * `startsOn`) or a field the client thinks it may set (`status`, `id`) is a visible mistake
 * instead of a request that "worked" without doing what was asked.
 *
 * The top level of each JSON body is made strict: a z.object directly, each branch of a union,
 * the input of a pipe (a transformed object). Nested objects keep their own declaration.
 * See docs/decisions/strict-request-bodies.md.
 */
export function strictBody(schema: unknown): unknown {
  if (schema instanceof z.ZodObject) return schema.strict();
  if (schema instanceof z.ZodDiscriminatedUnion) {
    const def = schema.def;
    return z.discriminatedUnion(def.discriminator, def.options.map((o) => strictBody(o)) as never);
  }
  if (schema instanceof z.ZodUnion) return z.union(schema.def.options.map((o) => strictBody(o)) as never);
  if (schema instanceof z.ZodPipe) return z.pipe(strictBody(schema.def.in) as z.ZodType, schema.def.out as never);
  return schema;
}

/** Routes the rule covers: the API, not the SPA or the Swagger UI's own assets. */
const isApiUrl = (url: string) => url.startsWith('/api/') && !url.startsWith('/api/docs');

/**
 * Installs the rule in this Fastify context (and the contexts it registers). Call before its
 * routes are registered (an onRoute hook sees only routes added after it).
 */
export function enforceStrictBodies(app: FastifyInstance) {
  app.addHook('onRoute', (route: RouteOptions) => {
    if (!isApiUrl(route.url) || !route.schema?.body) return;
    route.schema.body = strictBody(route.schema.body);
  });
}
