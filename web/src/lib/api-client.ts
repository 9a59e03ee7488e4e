import type { ErrorCode, InvalidParam, Problem } from '../../../shared/api/errors.js';
import { errorMessageKeys, type ClientErrorCode } from '../i18n/errors.js';

/** An API failure, parsed from RFC 9457 problem+json. Components branch on `code`, never on prose. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | ClientErrorCode;
  readonly requestId: string | null;
  readonly invalidParams: InvalidParam[];
  /** The whole problem body: its extension members (conflicts, allowedMoves) included. */
  readonly problem: Partial<Problem>;

  constructor(init: {
    status: number;
    code: ErrorCode | ClientErrorCode;
    title?: string;
    requestId?: string | null;
    invalidParams?: InvalidParam[];
    problem?: Partial<Problem>;
  }) {
    super(init.title ?? init.code);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId ?? null;
    this.invalidParams = init.invalidParams ?? [];
    this.problem = init.problem ?? {};
  }
}

export function isApiError(error: unknown, code?: ApiError['code']): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

// The CSRF token lives only in memory: it comes with the session response and is lost on reload,
// when GET /api/session hands out the current one again.
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}
/** The session's CSRF token, for requests sent outside `request` (uploads with progress). */
export function currentCsrfToken(): string | null {
  return csrfToken;
}

type UnauthenticatedListener = () => void;
let onUnauthenticated: UnauthenticatedListener | null = null;
/** Registers what to do when any call answers 401 UNAUTHENTICATED (the app shows the login page). */
export function setUnauthenticatedHandler(listener: UnauthenticatedListener | null): void {
  onUnauthenticated = listener;
}

export type QueryValue = string | number | boolean | null | undefined;

/** Builds `path?query`, dropping empty values so the server's defaults apply. */
export function withQuery(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  /** A plain object is sent as JSON; FormData as multipart (the browser sets the boundary). */
  body?: unknown;
  signal?: AbortSignal;
}

// Derived from the translation table, which the typecheck keeps complete over ErrorCode.
const knownCodes = new Set<string>(Object.keys(errorMessageKeys).filter((code) => code !== 'NETWORK'));

function codeFromStatus(status: number): ErrorCode {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'VERSION_CONFLICT';
  if (status === 415) return 'UNSUPPORTED_FILE';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 400 || status === 422) return 'VALIDATION_FAILED';
  return 'INTERNAL';
}

async function toApiError(response: Response): Promise<ApiError> {
  let problem: Partial<Problem> = {};
  try {
    problem = (await response.json()) as Partial<Problem>;
  } catch {
    // Not JSON (a proxy's HTML error page): fall back to the status.
  }
  const invalidParams = Array.isArray(problem.invalidParams) ? problem.invalidParams : [];
  const code = problem.code && knownCodes.has(problem.code) ? problem.code : codeFromStatus(response.status);
  // A malformed id in the address (/inspections/6835d702-0000) names no record, like an unknown
  // one: a 400 on path parameters only reads as not found, never as a form's invalid fields.
  if (response.status === 400 && invalidParams.length > 0 && invalidParams.every((p) => p.name.startsWith('path.'))) {
    return new ApiError({ status: 404, code: 'NOT_FOUND', title: problem.title, requestId: problem.requestId ?? response.headers.get('x-request-id'), invalidParams, problem });
  }
  return new ApiError({
    status: response.status,
    code,
    title: problem.title,
    requestId: problem.requestId ?? response.headers.get('x-request-id'),
    invalidParams,
    problem,
  });
}

/** Sends one request to the API; resolves with the parsed JSON body (undefined for 204). */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ status: 0, code: 'NETWORK' });
  }

  if (!response.ok) {
    const error = await toApiError(response);
    if (error.code === 'UNAUTHENTICATED') onUnauthenticated?.();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal) =>
    request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body }),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
};

/**
 * Field errors from a VALIDATION_FAILED answer, keyed by field name without the "body."/"query."
 * prefix ("body.name" -> "name"; "body.roles.0.agencyId" -> "roles.0.agencyId").
 */
export function invalidParamsByField(error: unknown): Record<string, InvalidParam> {
  const out: Record<string, InvalidParam> = {};
  if (!(error instanceof ApiError)) return out;
  for (const param of error.invalidParams) {
    // `items[3].code` (a use case's) and `items.3.code` (zod's) name the same field.
    const name = param.name.replace(/^(body|query|params)\./, '').replace(/\[(\d+)\]/g, '.$1');
    if (!(name in out)) out[name] = param;
  }
  return out;
}
