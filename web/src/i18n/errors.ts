import type { ErrorCode } from '../../../shared/api/errors.js';
import type { MessageKey } from './messages.vi.js';

/** Client-side codes for failures that never reached the API's error handler. */
export type ClientErrorCode = 'NETWORK';

/**
 * Error code -> message key. Typed as a Record over every server code, so a code added to
 * shared/api/errors.ts without a translation fails the typecheck.
 */
export const errorMessageKeys: Record<ErrorCode | ClientErrorCode, MessageKey> = {
  VALIDATION_FAILED: 'error.VALIDATION_FAILED',
  UNAUTHENTICATED: 'error.UNAUTHENTICATED',
  INVALID_CREDENTIALS: 'error.INVALID_CREDENTIALS',
  CSRF_TOKEN_INVALID: 'error.CSRF_TOKEN_INVALID',
  FORBIDDEN: 'error.FORBIDDEN',
  PASSWORD_CHANGE_REQUIRED: 'error.PASSWORD_CHANGE_REQUIRED',
  NOT_FOUND: 'error.NOT_FOUND',
  VERSION_CONFLICT: 'error.VERSION_CONFLICT',
  DUPLICATE: 'error.DUPLICATE',
  RATE_LIMITED: 'error.RATE_LIMITED',
  INVALID_STATE: 'error.INVALID_STATE',
  INVALID_TRANSITION: 'error.INVALID_TRANSITION',
  SCHEDULE_CONFLICT: 'error.SCHEDULE_CONFLICT',
  UNSUPPORTED_FILE: 'error.UNSUPPORTED_FILE',
  PDF_UNAVAILABLE: 'error.PDF_UNAVAILABLE',
  PDF_LIMIT_REACHED: 'error.PDF_LIMIT_REACHED',
  PDF_QUEUE_FULL: 'error.PDF_QUEUE_FULL',
  INTERNAL: 'error.INTERNAL',
  URI_TOO_LONG: 'error.URI_TOO_LONG',
  HEADERS_TOO_LARGE: 'error.HEADERS_TOO_LARGE',
  NOT_READY: 'error.NOT_READY',
  NETWORK: 'error.NETWORK',
};

/** Field-level issue codes (zod's) that have a translation; others fall back to the server's reason. */
export const fieldIssueKeys: Record<string, MessageKey> = {
  required: 'field.required',
  too_small: 'field.too_small',
  too_big: 'field.too_big',
  invalid_format: 'field.invalid_format',
  invalid_type: 'field.invalid_type',
  invalid_value: 'field.invalid_value',
};
