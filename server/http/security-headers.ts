import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * The security headers of every response (CSP, HSTS behind TLS, nosniff, frame and referrer
 * policies …), computed once with helmet and then set as a fixed map.
 *
 * @fastify/helmet builds a new helmet middleware on every request, re-parsing the CSP
 * directives each time: about a sixth of the CPU time of a small API answer (issue 12 §2:
 * /api/health ran at 3–6% of a bare Fastify). Our headers use no per-request nonce, so they
 * are the same for every response and can be computed at start.
 */
export function securityHeaders(options: { secureCookies: boolean }): Record<string, string> {
  const config: HelmetOptions = {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        frameSrc: ["'self'", 'blob:'],
        objectSrc: ["'self'", 'blob:'],
        upgradeInsecureRequests: options.secureCookies ? [] : null,
      },
    },
    strictTransportSecurity: options.secureCookies,
  };
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
    getHeader(name: string) {
      return headers[name.toLowerCase()];
    },
  };
  helmet(config)({} as IncomingMessage, recorder as unknown as ServerResponse, () => undefined);
  return headers;
}
