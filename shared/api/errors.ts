import { z } from 'zod';

/**
 * The closed set of error codes the API answers with. The UI translates by code and tests assert
 * on codes, never on prose (conventions.md §5).
 */
export const errorCodes = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'CSRF_TOKEN_INVALID',
  'FORBIDDEN',
  'PASSWORD_CHANGE_REQUIRED',
  'NOT_FOUND',
  'VERSION_CONFLICT',
  'DUPLICATE',
  'RATE_LIMITED',
  'INVALID_STATE',
  'INVALID_TRANSITION',
  'SCHEDULE_CONFLICT',
  'UNSUPPORTED_FILE',
  'PDF_UNAVAILABLE',
  'PDF_LIMIT_REACHED',
  'PDF_QUEUE_FULL',
  'INTERNAL',
  'URI_TOO_LONG',
  'HEADERS_TOO_LARGE',
  'NOT_READY',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** HTTP status for each code: the one table the error handler reads. */
export const errorStatus: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  CSRF_TOKEN_INVALID: 403,
  FORBIDDEN: 403,
  /** The account must change its password first (a new account, a reset password). */
  PASSWORD_CHANGE_REQUIRED: 403,
  NOT_FOUND: 404,
  VERSION_CONFLICT: 409,
  DUPLICATE: 409,
  INVALID_STATE: 409,
  /** A status move not possible from the record's status; `allowedMoves` lists those that are. */
  INVALID_TRANSITION: 409,
  /** A schedule change that breaks a rule (double booking, lead time…); `conflicts` names each. */
  SCHEDULE_CONFLICT: 409,
  UNSUPPORTED_FILE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  /** LibreOffice is not installed: the .docx still works. */
  PDF_UNAVAILABLE: 503,
  /** A path segment longer than the router accepts. */
  URI_TOO_LONG: 414,
  /** The request line or headers (a huge query string) exceed the server's limit. */
  HEADERS_TOO_LARGE: 431,
  /** Readiness: the database cannot be reached, or the server is shutting down. */
  NOT_READY: 503,
  /** The caller already waits for as many PDF conversions as one person may (PAR_PDF_PENDING_PER_USER). */
  PDF_LIMIT_REACHED: 429,
  /** The server's PDF queue is full (PAR_PDF_QUEUE_MAX): try again in a few minutes. */
  PDF_QUEUE_FULL: 503,
};

/** One invalid field: `name` is the dotted path of the field ("body.username"). */
export const invalidParamSchema = z.object({
  name: z.string(),
  code: z.string(),
  reason: z.string(),
});
export type InvalidParam = z.infer<typeof invalidParamSchema>;

/** RFC 9457 problem details, as every error response carries it. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.enum(errorCodes),
  detail: z.string().optional(),
  requestId: z.string(),
  invalidParams: z.array(invalidParamSchema).optional(),
  /** INVALID_TRANSITION: the moves the record allows now. */
  allowedMoves: z.array(z.string()).optional(),
  /** SCHEDULE_CONFLICT: each rule broken, with the other record named (shared/api/inspections.schemas.ts). */
  conflicts: z.array(z.record(z.string(), z.unknown())).optional(),
});
export type Problem = z.infer<typeof problemSchema>;
