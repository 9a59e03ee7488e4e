import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from '@fastify/type-provider-zod';
import { errorStatus, type ErrorCode, type InvalidParam, type Problem } from '../../shared/api/errors.js';
import { AppError } from './app-error.js';

const titles: Record<ErrorCode, string> = {
  VALIDATION_FAILED: 'The request is not valid',
  UNAUTHENTICATED: 'Sign in first',
  INVALID_CREDENTIALS: 'Wrong username or password',
  CSRF_TOKEN_INVALID: 'Missing or wrong CSRF token',
  CROSS_ORIGIN_REQUEST: 'Sent from another site',
  FORBIDDEN: 'Not allowed',
  PASSWORD_CHANGE_REQUIRED: 'Change your password first',
  NOT_FOUND: 'Not found',
  VERSION_CONFLICT: 'Someone else changed this record',
  DUPLICATE: 'Already exists',
  RATE_LIMITED: 'Too many attempts',
  INVALID_STATE: 'Not possible in the current state',
  INVALID_TRANSITION: 'This move is not possible from the current status',
  SCHEDULE_CONFLICT: 'The schedule breaks a rule',
  DRAW_VISITS_PENDING: 'The drawn places have not all been visited',
  UNSUPPORTED_FILE: 'Unsupported file',
  PDF_UNAVAILABLE: 'PDF conversion is not available on this server',
  PDF_LIMIT_REACHED: 'Too many PDF conversions waiting',
  PDF_QUEUE_FULL: 'PDF queue full',
  PDF_NOT_REQUESTED: 'No PDF of this document yet: ask for one first',
  IMPORT_IN_PROGRESS: 'Import in progress',
  DOCUMENT_ISSUED: 'The document has been issued: what it printed cannot change',
  INTERNAL: 'Internal error',
  URI_TOO_LONG: 'The address is too long',
  HEADERS_TOO_LARGE: 'The request line or headers are too large',
  PAYLOAD_TOO_LARGE: 'The request body is too large',
  NOT_READY: 'Not ready',
};

const contextNames: Record<string, string> = { body: 'body', querystring: 'query', params: 'path', headers: 'header' };

/** The RFC 9457 body of an error. */
export function problemOf(code: ErrorCode, requestId: string, detail?: string, invalidParams?: InvalidParam[], extensions?: Record<string, unknown>): Problem {
  return {
    ...extensions,
    type: `https://par-inspect.vn/problems/${code.toLowerCase().replace(/_/g, '-')}`,
    title: titles[code],
    status: errorStatus[code],
    code,
    requestId,
    ...(detail ? { detail } : {}),
    ...(invalidParams?.length ? { invalidParams } : {}),
  };
}

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  detail?: string,
  invalidParams?: InvalidParam[],
  extensions?: Record<string, unknown>,
) {
  return reply.status(errorStatus[code]).type('application/problem+json').send(problemOf(code, request.id, detail, invalidParams, extensions));
}

/** The request field behind each unique constraint a client can run into. */
const uniqueFields: Record<string, string> = {
  app_user_username_key: 'body.username',
  unit_code_key: 'body.code',
  agency_code_key: 'body.code',
  unit_succession_from_to_kind_key: 'body.toUnitId',
  user_role_user_role_agency_key: 'body.roles',
  inspection_team_member_one_head_key: 'body.members',
};

/**
 * Maps a PostgreSQL error a client can provoke (a constraint) to a code, never a 500. The detail
 * names the field when we know it and never the constraint, table or column: those are ours.
 */
function fromDatabaseError(err: unknown): { code: ErrorCode; detail: string; invalidParams?: InvalidParam[] } | null {
  const e = (err as { cause?: unknown }).cause ?? err;
  const pgCode = (e as { code?: string }).code;
  const constraint = (e as { constraint?: string }).constraint;
  if (pgCode === '23505') {
    const field = constraint ? uniqueFields[constraint] : undefined;
    return {
      code: 'DUPLICATE',
      detail: field ? `${field} is already used` : 'a record with the same values already exists',
      invalidParams: field ? [{ name: field, code: 'duplicate', reason: 'already used' }] : undefined,
    };
  }
  if (pgCode === '23503') return { code: 'VALIDATION_FAILED', detail: 'a referenced record does not exist' };
  if (pgCode === '23514') return { code: 'VALIDATION_FAILED', detail: 'a rule of the data was broken' };
  if (pgCode === '22P02' || pgCode === '22007' || pgCode === '22008') return { code: 'VALIDATION_FAILED', detail: 'a value has the wrong form' };
  // Out of range for the column (22003): the schema should have bounded it (shared/api/common.ts int4).
  if (pgCode === '22003') return { code: 'VALIDATION_FAILED', detail: 'a number is out of range' };
  // NUL in text (22021) or jsonb (22P05), a too-long value (22001): the schema should have caught it.
  if (pgCode === '22021' || pgCode === '22P05' || pgCode === '22001') return { code: 'VALIDATION_FAILED', detail: 'a text value cannot be stored' };
  return null;
}

/**
 * Fastify's own client errors, in our words: the framework's codes and messages are its
 * internals (and may echo configuration), so they are never passed through.
 */
function fromFrameworkError(err: FastifyError): { code: ErrorCode; detail: string; invalidParams?: InvalidParam[] } | null {
  const body = (issue: string, reason: string) => [{ name: 'body', code: issue, reason }];
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { code: 'VALIDATION_FAILED', detail: 'the body is not valid JSON', invalidParams: body('invalid_json', 'not valid JSON') };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { code: 'VALIDATION_FAILED', detail: 'the body is empty', invalidParams: body('required', 'a JSON body is required') };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { code: 'PAYLOAD_TOO_LARGE', detail: 'the body is over the server’s limit of 2 MB', invalidParams: body('too_large', 'too large') };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { code: 'VALIDATION_FAILED', detail: 'the Content-Length header does not match the body' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_TYPE':
      return { code: 'UNSUPPORTED_FILE', detail: 'unsupported content type' };
    case 'FST_ERR_BAD_URL':
      return { code: 'VALIDATION_FAILED', detail: 'the address is not valid percent-encoded UTF-8', invalidParams: [{ name: 'path', code: 'malformed', reason: 'not valid percent-encoding' }] };
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return { code: 'URI_TOO_LONG', detail: 'a path segment is too long' };
    case 'FST_ERR_ASYNC_CONSTRAINT':
      return null;
  }
  // Prototype poisoning (secure-json-parse) answers 400 with its own message.
  if (err.statusCode === 400 && /prototype|constructor/i.test(err.message)) {
    return { code: 'VALIDATION_FAILED', detail: 'the body is not acceptable JSON', invalidParams: body('forbidden_key', '__proto__ and constructor keys are refused') };
  }
  if (err.statusCode === 413) return { code: 'VALIDATION_FAILED', detail: 'the request is too large', invalidParams: body('too_large', 'too large') };
  if (err.statusCode === 415) return { code: 'UNSUPPORTED_FILE', detail: 'unsupported content type' };
  if (err.statusCode === 429) return { code: 'RATE_LIMITED', detail: 'too many requests' };
  return null;
}

/**
 * Was a query or path value left out (or sent empty)? z.coerce.number() turns a missing value
 * into NaN, and zod then reads "expected number, received NaN" (`/api/self-inspections/overview`
 * without its year): a value the client did not send is `required`, on every route, here.
 */
function missingValue(where: string, raw: unknown, path: string[]): boolean {
  if (where !== 'query' && where !== 'path') return false;
  let value: unknown = raw;
  for (const key of path) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** zod's issues as our invalidParams: an unknown key is named by itself, not by its parent. */
function invalidParamsOf(where: string, validation: { instancePath: string; keyword: string; message?: string; params?: Record<string, unknown> }[], raw: unknown): InvalidParam[] {
  return validation.flatMap((v) => {
    const keys = v.instancePath.split('/').filter(Boolean);
    const path = [where, ...keys];
    if (v.keyword === 'unrecognized_keys' && Array.isArray(v.params?.keys)) {
      return (v.params.keys as string[]).map((key) => ({ name: [...path, key].join('.'), code: 'unknown', reason: where === 'query' ? 'unknown parameter' : 'unknown field' }));
    }
    if ((v.keyword === 'invalid_type' || v.keyword === 'too_small') && missingValue(where, raw, keys)) return [{ name: path.join('.'), code: 'required', reason: 'required' }];
    // A refinement names its own stable code (control_characters …); zod's are kept as they are.
    const code = (v.params as { params?: { code?: string } } | undefined)?.params?.code ?? v.keyword;
    return [{ name: path.join('.'), code: String(code), reason: v.message ?? 'invalid' }];
  });
}

/**
 * Every error leaves as application/problem+json with a stable code. What a client can send
 * becomes 4xx; anything else is a generic 500, logged with the request id, never shown raw.
 */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) {
      // RFC 9110 §10.2.3: whole seconds, so a client (or a proxy) knows when to try again.
      if (err.retryAfterSeconds !== undefined) reply.header('retry-after', String(Math.max(1, Math.ceil(err.retryAfterSeconds))));
      return sendProblem(request, reply, err.code, err.detail, err.invalidParams, err.extensions);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const context = (err as { validationContext?: string }).validationContext ?? 'body';
      const where = contextNames[context] ?? 'body';
      const raw = context === 'querystring' ? request.query : context === 'params' ? request.params : undefined;
      return sendProblem(request, reply, 'VALIDATION_FAILED', 'some fields are not valid', invalidParamsOf(where, err.validation, raw));
    }
    if (isResponseSerializationError(err)) {
      request.log.error({ err, issues: err.cause.issues }, 'response does not match its schema');
      return sendProblem(request, reply, 'INTERNAL');
    }
    const db = fromDatabaseError(err);
    if (db) {
      request.log.info({ err }, 'database refused a client value');
      return sendProblem(request, reply, db.code, db.detail, db.invalidParams);
    }
    const framework = fromFrameworkError(err);
    if (framework) return sendProblem(request, reply, framework.code, framework.detail, framework.invalidParams);
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      // Another client error raised by a plugin (multipart, …): the status is right, the message is theirs.
      request.log.info({ err }, 'client error');
      return sendProblem(request, reply, 'VALIDATION_FAILED', 'the request is not valid', [{ name: 'body', code: 'invalid', reason: 'not acceptable' }]);
    }
    request.log.error({ err, requestId: request.id }, 'unhandled error');
    return sendProblem(request, reply, 'INTERNAL');
  });

  app.setNotFoundHandler((request, reply) => sendProblem(request, reply, 'NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]}`));
}

/** Fastify's `frameworkErrors` option: errors raised while routing (bad percent-encoding, long params). */
export function frameworkErrorHandler(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const mapped = fromFrameworkError(err);
  if (mapped) return sendProblem(request, reply, mapped.code, mapped.detail, mapped.invalidParams);
  request.log.error({ err }, 'routing error');
  return sendProblem(request, reply, 'INTERNAL');
}

/**
 * Fastify's `clientErrorHandler`: Node's HTTP parser refused the request before any route ran
 * (headers over the limit — a 1 MB query string —, garbage instead of a request line, a
 * timeout). There is no request object, so the id is made here and logged.
 */
export function clientErrorHandler(this: FastifyInstance, err: NodeJS.ErrnoException, socket: Duplex) {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const code: ErrorCode | null =
    err.code === 'HPE_HEADER_OVERFLOW' ? 'HEADERS_TOO_LARGE' : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? null : 'VALIDATION_FAILED';
  const requestId = randomUUID();
  this.log.debug({ err: { code: err.code, message: err.message }, requestId }, 'client error before routing');
  if (socket.writable) {
    if (code === null) {
      socket.write('HTTP/1.1 408 Request Timeout\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    } else {
      const body = JSON.stringify(problemOf(code, requestId, code === 'HEADERS_TOO_LARGE' ? 'the request line and headers must stay under 16 KB' : 'the request is not valid HTTP/1.1'));
      const status = errorStatus[code];
      socket.write(
        `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    }
  }
  socket.destroy(err);
}
