import { errorStatus, type ErrorCode, type FieldErrorCode, type InvalidParam } from '../../shared/api/errors.js';

/** An invalid field as the server builds it: its code from the closed catalogue. */
export type FieldIssue = InvalidParam & { code: FieldErrorCode };

/**
 * The one application error. Use cases throw it with a code from the closed catalogue; the error
 * handler turns it into problem+json with the status from the code table.
 */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
    readonly invalidParams?: FieldIssue[],
    /** Members added to the problem body (allowedMoves, conflicts). */
    readonly extensions?: Record<string, unknown>,
  ) {
    super(detail ?? code);
    this.name = 'AppError';
    this.status = errorStatus[code];
  }

  /** Seconds after which the refused request may succeed (429, 503): sent as Retry-After. */
  retryAfterSeconds?: number;

  /** A refusal that lifts with time (a limit, a full queue): the answer carries Retry-After. */
  static retryLater(code: ErrorCode, detail: string, seconds: number): AppError {
    const err = new AppError(code, detail);
    err.retryAfterSeconds = seconds;
    return err;
  }

  static notFound(what = 'resource'): AppError {
    return new AppError('NOT_FOUND', `${what} not found`);
  }

  static invalid(name: string, code: FieldErrorCode, reason: string): AppError {
    return new AppError('VALIDATION_FAILED', reason, [{ name, code, reason }]);
  }
}
