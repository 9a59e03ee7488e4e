import { errorStatus, type ErrorCode, type InvalidParam } from '../../shared/api/errors.js';

/**
 * The one application error. Use cases throw it with a code from the closed catalogue; the error
 * handler turns it into problem+json with the status from the code table.
 */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
    readonly invalidParams?: InvalidParam[],
    /** Members added to the problem body (allowedMoves, conflicts). */
    readonly extensions?: Record<string, unknown>,
  ) {
    super(detail ?? code);
    this.name = 'AppError';
    this.status = errorStatus[code];
  }

  static notFound(what = 'resource'): AppError {
    return new AppError('NOT_FOUND', `${what} not found`);
  }

  static invalid(name: string, code: string, reason: string): AppError {
    return new AppError('VALIDATION_FAILED', reason, [{ name, code, reason }]);
  }
}
