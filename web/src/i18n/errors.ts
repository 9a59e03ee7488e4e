import { asFieldErrorCode, type ErrorCode, type FieldErrorCode } from '../../../shared/api/errors.js';
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

/**
 * Field-level code -> message key, for every code of shared/api/errors.ts (`fieldErrorCodes`):
 * typed as a Record over all of them, and fieldMessages.test.ts checks both languages. The
 * server's `reason` is never shown: a code the catalogue does not know reads as `invalid`.
 */
export const fieldIssueKeys: Record<FieldErrorCode, MessageKey> = {
  invalid_type: 'field.invalid_type',
  too_small: 'field.too_small',
  too_big: 'field.too_big',
  invalid_format: 'field.invalid_format',
  invalid_value: 'field.invalid_value',
  invalid_union: 'field.invalid_union',
  invalid_key: 'field.invalid_key',
  invalid_element: 'field.invalid_element',
  not_multiple_of: 'field.not_multiple_of',
  unrecognized_keys: 'field.unrecognized_keys',
  custom: 'field.custom',
  required: 'field.required',
  unknown: 'field.unknown',
  invalid: 'field.invalid',
  invalid_json: 'field.invalid_json',
  too_large: 'field.too_large',
  forbidden_key: 'field.forbidden_key',
  malformed: 'field.malformed',
  control_characters: 'field.control_characters',
  not_multipart: 'field.not_multipart',
  not_found: 'field.not_found',
  duplicate: 'field.duplicate',
  out_of_scope: 'field.out_of_scope',
  inactive: 'field.inactive',
  not_valid_in_period: 'field.not_valid_in_period',
  cycle: 'field.cycle',
  same_unit: 'field.same_unit',
  same_as_current: 'field.same_as_current',
  before_valid_from: 'field.before_valid_from',
  before_from: 'field.before_from',
  before_start: 'field.before_start',
  before_period_from: 'field.before_period_from',
  wrong_year: 'field.wrong_year',
  wrong_password: 'field.wrong_password',
  self: 'field.self',
  not_allowed: 'field.not_allowed',
  forbidden: 'field.forbidden',
  invalid_state: 'field.invalid_state',
  not_peoples_committee: 'field.not_peoples_committee',
  other_agency: 'field.other_agency',
  second_head: 'field.second_head',
  head_count: 'field.head_count',
  not_inspector: 'field.not_inspector',
  member_inspects_own_agency: 'field.member_inspects_own_agency',
  team_not_founded: 'field.team_not_founded',
  not_a_team_of_plan: 'field.not_a_team_of_plan',
  not_a_target: 'field.not_a_target',
  not_a_reinspection: 'field.not_a_reinspection',
  not_a_place_of_agency: 'field.not_a_place_of_agency',
  not_taken_place: 'field.not_taken_place',
  too_long: 'field.too_long',
  invalid_date: 'field.invalid_date',
  invalid_count: 'field.invalid_count',
  out_of_range: 'field.out_of_range',
  invalid_schedule: 'field.invalid_schedule',
  unknown_purpose: 'field.unknown_purpose',
  too_many_files: 'field.too_many_files',
  file_empty: 'field.file_empty',
  file_too_large: 'field.file_too_large',
  file_type_not_allowed: 'field.file_type_not_allowed',
  extension_mismatch: 'field.extension_mismatch',
  ooxml_incomplete: 'field.ooxml_incomplete',
  no_rows: 'field.no_rows',
  duplicate_in_file: 'field.duplicate_in_file',
  parent_rejected: 'field.parent_rejected',
  parent_not_found: 'field.parent_not_found',
  invalid_kind: 'field.invalid_kind',
  unit_rejected: 'field.unit_rejected',
  unit_not_found: 'field.unit_not_found',
  code_taken: 'field.code_taken',
  database_error: 'field.database_error',
};

/** The message key of a field-level code from the server (a rejected import row's too). */
export const fieldMessageKey = (code: string): MessageKey => fieldIssueKeys[asFieldErrorCode(code)];
