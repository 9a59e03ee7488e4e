import type { FastifyRequest } from 'fastify';

/** The origin (scheme://host[:port]) of a URL, lower-cased and without a default port; null when it is not one. */
export function originOf(url: string): string | null {
  try {
    const origin = new URL(url).origin;
    // Opaque origins ("null": file:, data:, sandboxed frames) name no site we could allow.
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/**
 * Whether a state-changing request comes from a page of this application
 * (docs/decisions/origin-check.md). The browser names the page that sends a request in `Origin`
 * (every POST/PUT/PATCH/DELETE of a current browser), or failing that in `Referer`; a page of
 * another site cannot forge either. Allowed: the origin the request itself was addressed to
 * (Host, and the scheme — behind a trusted proxy, its X-Forwarded-Host/-Proto), and the
 * configured ones (PAR_PUBLIC_URL, PAR_ALLOWED_ORIGINS) for a proxy that rewrites Host or
 * terminates TLS. A request naming neither header (curl, scripts, old clients) passes here and
 * still needs its session's CSRF token.
 */
export function sameOriginRequest(request: FastifyRequest, allowed: ReadonlySet<string>): boolean {
  const origin = request.headers.origin;
  const referer = request.headers.referer;
  if (origin === undefined && referer === undefined) return true;
  const claimed = origin !== undefined ? originOf(origin) : originOf(referer!);
  if (!claimed) return false;
  if (allowed.has(claimed)) return true;
  const host = request.host;
  return !!host && originOf(`${request.protocol}://${host}`) === claimed;
}
