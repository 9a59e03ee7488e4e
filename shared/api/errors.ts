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
  'CROSS_ORIGIN_REQUEST',
  'FORBIDDEN',
  'PASSWORD_CHANGE_REQUIRED',
  'NOT_FOUND',
  'VERSION_CONFLICT',
  'DUPLICATE',
  'RATE_LIMITED',
  'INVALID_STATE',
  'INVALID_TRANSITION',
  'SCHEDULE_CONFLICT',
  'DRAW_VISITS_PENDING',
  'UNSUPPORTED_FILE',
  'PDF_UNAVAILABLE',
  'PDF_LIMIT_REACHED',
  'PDF_QUEUE_FULL',
  'PDF_NOT_REQUESTED',
  'INTERNAL',
  'URI_TOO_LONG',
  'HEADERS_TOO_LARGE',
  'PAYLOAD_TOO_LARGE',
  'NOT_READY',
  'DOCUMENT_ISSUED',
  'IMPORT_IN_PROGRESS',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** HTTP status for each code: the one table the error handler reads. */
export const errorStatus: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  CSRF_TOKEN_INVALID: 403,
  /** A write (or sign-in) sent by a page of another site: its Origin, or Referer, names an origin not allowed (docs/decisions/origin-check.md). */
  CROSS_ORIGIN_REQUEST: 403,
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
  /** A draw's seed asked for before every drawn place was visited; `pendingVisits` and `unvisitedPlaces` say what is missing. */
  DRAW_VISITS_PENDING: 409,
  /** The caller's previous import of the same kind is still queued or running: one at a time (docs/decisions/import-limits.md). */
  IMPORT_IN_PROGRESS: 409,
  UNSUPPORTED_FILE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  /** LibreOffice is not installed: the .docx still works. */
  PDF_UNAVAILABLE: 503,
  /** A path segment longer than the router accepts. */
  URI_TOO_LONG: 414,
  /** The request line or headers (a huge query string) exceed the server's limit. */
  HEADERS_TOO_LARGE: 431,
  /** A request body over the server's limit (2 MB of JSON); files go up as multipart, with their own limits. */
  PAYLOAD_TOO_LARGE: 413,
  /** Readiness: the database cannot be reached, or the server is shutting down. */
  NOT_READY: 503,
  /** The caller already waits for as many PDF conversions as one person may (PAR_PDF_PENDING_PER_USER). */
  PDF_LIMIT_REACHED: 429,
  /** The server's PDF queue is full (PAR_PDF_QUEUE_MAX): try again in a few minutes. */
  PDF_QUEUE_FULL: 503,
  /** A PDF download of a document nobody asked to convert: POST /api/documents/{kind}/{id}/conversions first (a GET starts nothing). */
  PDF_NOT_REQUESTED: 409,
  /** What an issued document printed (a công văn's title, due day, texts) cannot change; a report request's due day moves only by an extension (POST …/extend). */
  DOCUMENT_ISSUED: 409,
};

/**
 * The closed set of field-level codes (`invalidParams[].code`, and the code of an .xlsx import's
 * rejected row). The web app has a Vietnamese and an English message for each
 * (web/src/i18n/errors.ts; a test fails when one is missing); the server's `reason` is English
 * prose for logs and API users, never shown on a Vietnamese screen.
 */
export const fieldErrorCodes = [
  // zod's own issue codes (validation of every request)
  'invalid_type',
  'too_small',
  'too_big',
  'invalid_format',
  'invalid_value',
  'invalid_union',
  'invalid_key',
  'invalid_element',
  'not_multiple_of',
  'unrecognized_keys',
  'custom',
  // the request itself
  'required',
  'unknown',
  'invalid',
  'invalid_json',
  'too_large',
  'forbidden_key',
  'malformed',
  'control_characters',
  'not_multipart',
  // records and references
  'not_found',
  'duplicate',
  'out_of_scope',
  'inactive',
  'not_valid_in_period',
  'cycle',
  'same_unit',
  'same_as_current',
  'before_valid_from',
  'before_from',
  'before_start',
  'before_period_from',
  'before_period_end',
  'wrong_year',
  'wrong_password',
  'self',
  'not_allowed',
  'forbidden',
  'invalid_state',
  'not_peoples_committee',
  'other_agency',
  'second_head',
  'head_count',
  'not_inspector',
  'member_inspects_own_agency',
  'team_not_founded',
  'not_a_team_of_plan',
  'not_a_target',
  'not_a_reinspection',
  'not_a_place_of_agency',
  'signature_prefix_unknown',
  'signature_forms_conflict',
  'tm_needs_collective',
  'kt_needs_deputy',
  'deputy_needs_kt',
  'needs_tl_or_tuq',
  'signer_not_of_issuer',
  'empty_pool',
  'more_than_pool',
  'supersede_required',
  'not_taken_place',
  'too_long',
  // the calendar (shared/domain/calendar/errors.ts, lower-cased)
  'invalid_date',
  'invalid_count',
  'out_of_range',
  'invalid_schedule',
  // files
  'unknown_purpose',
  'too_many_files',
  'file_empty',
  'file_too_large',
  'file_type_not_allowed',
  'extension_mismatch',
  'ooxml_incomplete',
  'one_file_per_request',
  'unexpected_field',
  // index frameworks and score sheets
  'too_deep',
  'duplicate_code',
  'code_not_nested',
  'above_maximum',
  'max_points_mismatch',
  'before_from_year',
  'unit_kind_not_scored',
  'year_outside_framework',
  'not_a_leaf',
  'duplicate_criterion',
  'missing_criterion',
  // inspection notices
  'not_under_plan_issuer',
  'not_an_inspection_of_plan',
  'not_announced',
  'not_planned',
  'in_other_draft',
  'in_future',
  'after_visit',
  'before_basis',
  'before_last_in_register',
  'too_many_decimals',
  // conclusions, corrective actions, escalations
  'before_visit',
  'before_scheduled',
  'evidence_required',
  'not_open',
  // the complaints register
  'not_in_unit',
  'before_received',
  'not_closed',
  'date_in_future',
  // risk weights
  'all_weights_zero',
  // checklists and findings
  'not_in_inspection',
  'severity_required',
  'severity_not_allowed',
  'unknown_group',
  'not_published',
  'not_current',
  'wrong_answer_type',
  // the assigned-tasks register
  'before_source_date',
  'deadline_twice',
  'after_today',
  // .xlsx imports
  'no_rows',
  'too_many_rows',
  'unreadable_workbook',
  'workbook_too_large',
  'duplicate_in_file',
  'parent_rejected',
  'parent_not_found',
  'invalid_kind',
  'unit_rejected',
  'unit_not_found',
  'code_taken',
  'database_error',
  // reports
  'wrong_row_count',
  'invalid_cell',
  // one cell of a data table (shared/domain/report-tables.ts: `cell_` + its CellProblem)
  'cell_not_a_whole_number',
  'cell_not_a_number',
  'cell_out_of_range',
  'cell_invalid_date',
  'cell_not_yes_no',
  'cell_too_long',
  'cell_excel_error',
  'cell_date_in_other_column',
  // a cross-field rule of a template column (shared/domain/report-checks.ts)
  'cell_above_limit',
  'cell_below_limit',
  'unanswered',
  'missing_attachment',
  // a report form filled offline (.xlsx)
  'wrong_template',
  'wrong_template_version',
  'unknown_row',
  'formula',
  'header_changed',
  'sheet_missing',
  // self-inspections and difficulties
  'outside_year',
  'more_than_found',
  'not_a_leader',
  // a conclusion issued after one of its requirements falls due
  'after_requirement_due',
  'due_before_notice',
  // report requests: an extension moves the due day later only; a periodic request's year is bounded
  'not_later',
  'year_out_of_range',
  // a template's column total on a column that is not a number
  'total_not_numeric',
  // report requests and period rules: impossible dates and targets
  'due_before_period_end',
  'unknown_template',
  'due_in_past',
  'after_due',
  'self_target',
] as const;
export type FieldErrorCode = (typeof fieldErrorCodes)[number];

/** The field-level code for any string (a zod refinement's, a database's): unknown ones become `invalid`. */
export const asFieldErrorCode = (code: string): FieldErrorCode => ((fieldErrorCodes as readonly string[]).includes(code) ? (code as FieldErrorCode) : 'invalid');

/** One invalid field: `name` is the dotted path of the field ("body.username"). */
export const invalidParamSchema = z.object({
  name: z.string(),
  code: z.string(),
  reason: z.string(),
  /**
   * What the translated message names, as data (a table cell's column label, the column or row it
   * is compared with): the web puts them into the vi/en message of `code` ("Số lượng: Nhập một số.").
   */
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
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
  /** VERSION_CONFLICT: the record as it is now (a checklist item; a report draft, to show rather than overwrite). */
  current: z.record(z.string(), z.unknown()).optional(),
  /** DRAW_VISITS_PENDING: unannounced visits to the drawn places still to start, and drawn places not visited yet. */
  pendingVisits: z.number().int().optional(),
  unvisitedPlaces: z.number().int().optional(),
  /** INVALID_STATE when a visit is started before its first day: that day (yyyy-mm-dd), for the UI to word in its language. */
  startsOn: z.string().optional(),
});
export type Problem = z.infer<typeof problemSchema>;
