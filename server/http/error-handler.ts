import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from '@fastify/type-provider-zod';
import { errorStatus, type ErrorCode, type InvalidParam, type Problem } from '../../shared/api/errors.js';
import { AppError } from './app-error.js';

const titles: Record<ErrorCode, string> = {
  VALIDATION_FAILED: 'The request is not valid',
  UNAUTHENTICATED: 'Sign in first',
  INVALID_CREDENTIALS: 'Wrong username or password',
  CSRF_TOKEN_INVALID: 'Missing or wrong CSRF token',
  FORBIDDEN: 'Not allowed',
  PASSWORD_CHANGE_REQUIRED: 'Change your password first',
  NOT_FOUND: 'Not found',
  VERSION_CONFLICT: 'Someone else changed this record',
  DUPLICATE: 'Already exists',
  RATE_LIMITED: 'Too many attempts',
  INVALID_STATE: 'Not possible in the current state',
  UNSUPPORTED_FILE: 'Unsupported file',
  PDF_UNAVAILABLE: 'PDF conversion is not available on this server',
  INTERNAL: 'Internal error',
};

const contextNames: Record<string, string> = { body: 'body', querystring: 'query', params: 'path', headers: 'header' };

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  detail?: string,
  invalidParams?: InvalidParam[],
) {
  const status = errorStatus[code];
  const problem: Problem = {
    type: `https://par-inspect.vn/problems/${code.toLowerCase().replace(/_/g, '-')}`,
    title: titles[code],
    status,
    code,
    requestId: request.id,
    ...(detail ? { detail } : {}),
    ...(invalidParams?.length ? { invalidParams } : {}),
  };
  return reply.status(status).type('application/problem+json').send(problem);
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

/** Maps a PostgreSQL error a client can provoke (a constraint) to a code, never a 500. */
function fromDatabaseError(err: unknown): { code: ErrorCode; detail: string; invalidParams?: InvalidParam[] } | null {
  const e = (err as { cause?: unknown }).cause ?? err;
  const pgCode = (e as { code?: string }).code;
  const constraint = (e as { constraint?: string }).constraint;
  if (pgCode === '23505') {
    const field = constraint ? uniqueFields[constraint] : undefined;
    return {
      code: 'DUPLICATE',
      detail: `duplicate value (${constraint ?? 'unique'})`,
      invalidParams: field ? [{ name: field, code: 'duplicate', reason: 'already used' }] : undefined,
    };
  }
  if (pgCode === '23503') return { code: 'VALIDATION_FAILED', detail: `a referenced record does not exist (${constraint})` };
  if (pgCode === '23514') return { code: 'VALIDATION_FAILED', detail: `a rule of the data was broken (${constraint})` };
  if (pgCode === '22P02' || pgCode === '22007' || pgCode === '22008') return { code: 'VALIDATION_FAILED', detail: 'a value has the wrong form' };
  // NUL in text (22021) or jsonb (22P05), a too-long value (22001): the schema should have caught it.
  if (pgCode === '22021' || pgCode === '22P05' || pgCode === '22001') return { code: 'VALIDATION_FAILED', detail: 'a text value cannot be stored' };
  return null;
}


/**
 * Every error leaves as application/problem+json with a stable code. What a client can send
 * becomes 4xx; anything else is a generic 500, logged with the request id, never shown raw.
 */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) return sendProblem(request, reply, err.code, err.detail, err.invalidParams);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = contextNames[(err as { validationContext?: string }).validationContext ?? 'body'] ?? 'body';
      const invalidParams = err.validation.map((v) => ({
        name: [where, ...v.instancePath.split('/').filter(Boolean)].join('.'),
        // A refinement names its own stable code (control_characters …); zod's are kept as they are.
        code: String((v.params as { params?: { code?: string } } | undefined)?.params?.code ?? v.keyword),
        reason: v.message ?? 'invalid',
      }));
      return sendProblem(request, reply, 'VALIDATION_FAILED', 'some fields are not valid', invalidParams);
    }
    if (isResponseSerializationError(err)) {
      request.log.error({ err, issues: err.cause.issues }, 'response does not match its schema');
      return sendProblem(request, reply, 'INTERNAL');
    }
    const db = fromDatabaseError(err);
    if (db) return sendProblem(request, reply, db.code, db.detail, db.invalidParams);
    if (err.statusCode === 429) return sendProblem(request, reply, 'RATE_LIMITED', 'too many requests');
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || err.statusCode === 415) {
      return sendProblem(request, reply, 'UNSUPPORTED_FILE', 'unsupported content type');
    }
    if (err.statusCode === 413) return sendProblem(request, reply, 'VALIDATION_FAILED', 'the request is too large', [{ name: 'body', code: 'too_large', reason: 'too large' }]);
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      // Malformed JSON, empty body with a JSON content type, bad multipart, …
      return sendProblem(request, reply, 'VALIDATION_FAILED', err.message, [{ name: 'body', code: err.code ?? 'invalid', reason: err.message }]);
    }
    request.log.error({ err, requestId: request.id }, 'unhandled error');
    return sendProblem(request, reply, 'INTERNAL');
  });

  app.setNotFoundHandler((request, reply) => sendProblem(request, reply, 'NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]}`));
}
