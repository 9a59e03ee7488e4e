import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { acceptSubmissionBody, returnSubmissionBody, saveSubmissionBody, submitSubmissionBody, SubmissionContent, TemplateBody } from '../../../shared/api/reports.schemas.js';
import { attachmentPurpose } from '../../../shared/domain/report-attachments.js';
import { nextSubmissionStatus, type SubmissionMove, type SubmissionStatus } from '../../../shared/domain/report-status.js';
import { vietnamLocalTime } from '../../../shared/domain/vietnam-time.js';
import type { Clock } from '../../clock.js';
import { loadForAction } from '../../authz/guard.js';
import type { Tx } from '../../db/client.js';
import { reportSubmission, reportSubmissionEvent } from '../../db/schema/index.js';
import { updateVersioned } from '../../db/versioned-update.js';
import { listAttachments } from '../../files/attachments.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError, type FieldIssue } from '../../http/app-error.js';
import { notify } from '../../notifications/notify.js';
import { recordAudit } from '../audit/audit-log.js';
import { officeOf, submissionLink, unitReporters } from './report-notifications.js';
import { assertSubmissionMove, mayMove, ownerPlace, submissionPlace, submissionResource } from './reports.policy.js';
import { findRequest, findTemplate, type RequestRow, type SubmissionRow, type TemplateRow } from './reports.repository.js';
import type { FormError, FormTemplate } from './template-form-workbook.js';
import { checkContent, tableRuleIssues, unansweredSections, withoutBlankLines } from './submission-content.js';

/**
 * Loads a unit's report for a move, in the guard's order: not visible → 404 (another unit's report
 * does not exist for this officer); not the caller's move → 403; the request closed → 409
 * INVALID_STATE; the status refuses the move → 409 INVALID_TRANSITION with the allowed moves; a
 * stale version → 409 VERSION_CONFLICT carrying the other person's draft (`current`), so the
 * browser shows their change instead of overwriting it.
 */
async function loadForMove(tx: Tx, ctx: RequestContext, id: string, move: SubmissionMove, version: number): Promise<{ s: SubmissionRow; r: RequestRow; body: TemplateBody }> {
  const s = await loadForAction(tx, ctx, submissionResource, id, move);
  const r = (await findRequest(tx, s.requestId))!;
  if (!mayMove(ctx.actor, s, r, move)) throw new AppError('FORBIDDEN', `you may not ${move} this report`);
  if (r.status !== 'open' && (move === 'save' || move === 'submit')) throw new AppError('INVALID_STATE', 'the request is not open');
  if (r.status === 'withdrawn') throw new AppError('INVALID_STATE', 'the request has been withdrawn');
  assertSubmissionMove(ctx.actor, s, r, move);
  if (s.version !== version) {
    throw new AppError('VERSION_CONFLICT', `the report was changed by ${s.updatedByName ?? 'someone else'} (version ${s.version}, yours ${version})`, undefined, {
      current: { version: s.version, content: s.content, status: s.status, updatedAt: s.updatedAt.toISOString(), updatedByName: s.updatedByName },
    });
  }
  const template = (await findTemplate(tx, r.templateId))!;
  return { s, r, body: template.body as TemplateBody };
}

const audit = (s: SubmissionRow, r: RequestRow) => ({ places: [submissionPlace(s), ownerPlace(r)] });

/** Autosave of the unit's draft (the first save turns "not started" into a draft). */
export async function saveSubmission(tx: Tx, ctx: RequestContext, id: string, input: z.output<typeof saveSubmissionBody>) {
  const { s, r, body } = await loadForMove(tx, ctx, id, 'save', input.version);
  const content = withoutBlankLines(body, checkContent(body, input.content));
  const status = nextSubmissionStatus(s.status as SubmissionStatus, 'save')!;
  const after = await updateVersioned(tx, reportSubmission, id, input.version, { content, status, updatedBy: ctx.actor.userId });
  await recordAudit(tx, ctx, { action: 'report_submission.saved', entityType: 'report_submission', entityId: id, scope: audit(s, r), before: { status: s.status, version: s.version }, after: { status, version: after.version } });
  return after;
}

/**
 * Submits the report: on time until the end of the due day (Vietnamese time), late after. Needs
 * every answered section filled unless the report made outside (`report_file`) is attached, and
 * each required attachment. The history keeps what was sent.
 */
export async function submitSubmission(tx: Tx, ctx: RequestContext, clock: Clock, id: string, input: z.output<typeof submitSubmissionBody>) {
  const { s, r, body } = await loadForMove(tx, ctx, id, 'submit', input.version);
  const content = input.content ? checkContent(body, input.content) : (s.content as SubmissionContent);
  const files = await listAttachments(tx, { ownerType: 'report_submission', ownerId: id });
  const hasOutsideReport = files.some((f) => f.purpose === 'report_file');
  // Everything still missing is named at once: each unanswered section, each figure over its whole, each attachment.
  const issues: FieldIssue[] = [];
  if (!hasOutsideReport) {
    for (const missing of unansweredSections(body, content)) issues.push({ name: `body.content.answers.${missing.key}`, code: 'unanswered', reason: 'answer every section, or attach the report made outside' });
  }
  issues.push(...tableRuleIssues(body, content));
  body.attachments.forEach((a, i) => {
    const purpose = attachmentPurpose(a, i);
    if (a.required && !files.some((f) => f.purpose === purpose)) issues.push({ name: `attachments.${purpose}`, code: 'missing_attachment', reason: `attach: ${a.label}` });
  });
  if (issues.length) throw new AppError('VALIDATION_FAILED', 'the report is not complete: nothing was sent', issues);
  const sent = withoutBlankLines(body, content);
  const late = vietnamLocalTime(clock.now()).date > r.dueOn;
  const after = await updateVersioned(tx, reportSubmission, id, input.version, { content: sent, status: 'submitted', late, submittedAt: clock.now(), submittedBy: ctx.actor.userId, updatedBy: ctx.actor.userId });
  await tx.insert(reportSubmissionEvent).values({ submissionId: id, action: 'submitted', late, content: sent, actorId: ctx.actor.userId, actorName: ctx.actor.fullName });
  await recordAudit(tx, ctx, { action: 'report_submission.submitted', entityType: 'report_submission', entityId: id, scope: audit(s, r), before: { status: s.status, version: s.version }, after: { status: 'submitted', late, version: after.version } });
  await notify(tx, ctx, { kind: 'report.submitted', recipients: await officeOf(tx, r.ownerAgencyId), params: { title: r.title, agencyName: s.agencyName, late }, link: submissionLink(id) });
  return after;
}

/** The office accepts a submitted report (final) or returns it with reasons the unit sees. */
export async function reviewSubmission(tx: Tx, ctx: RequestContext, id: string, move: 'accept' | 'return', input: z.output<typeof acceptSubmissionBody> | z.output<typeof returnSubmissionBody>) {
  const { s, r } = await loadForMove(tx, ctx, id, move, input.version);
  const reason = 'reason' in input ? input.reason : null;
  const status = move === 'accept' ? 'accepted' : 'returned';
  const after = await updateVersioned(tx, reportSubmission, id, input.version, { status, reviewedAt: sql`now()`, reviewedBy: ctx.actor.userId, returnReason: reason, updatedBy: ctx.actor.userId });
  await tx.insert(reportSubmissionEvent).values({ submissionId: id, action: move === 'accept' ? 'accepted' : 'returned', reason, actorId: ctx.actor.userId, actorName: ctx.actor.fullName });
  await recordAudit(tx, ctx, { action: move === 'accept' ? 'report_submission.accepted' : 'report_submission.returned', entityType: 'report_submission', entityId: id, scope: audit(s, r), before: { status: s.status, version: s.version }, after: { status, reason, version: after.version } });
  const recipients = await unitReporters(tx, s.agencyId);
  if (move === 'accept') await notify(tx, ctx, { kind: 'report.accepted', recipients, params: { title: r.title }, link: submissionLink(id) });
  else await notify(tx, ctx, { kind: 'report.returned', recipients, params: { title: r.title, reason: reason! }, link: submissionLink(id) });
  return after;
}

/**
 * Before a byte of an uploaded form is read: the caller may fill this report now (404 unseen, 403
 * not theirs, 409 closed, submitted or stale), as for an autosave.
 */
export async function checkTablesImport(tx: Tx, ctx: RequestContext, id: string, version: number): Promise<FormTemplate> {
  const { r } = await loadForMove(tx, ctx, id, 'save', version);
  return formTemplate((await findTemplate(tx, r.templateId))!);
}

/** A filled form's reading as the refusal the API answers: 400 listing each cell (`file.<sheet>!<cell>`); nothing changed. */
export function formRefused(errors: FormError[]): AppError {
  return new AppError('VALIDATION_FAILED', 'the form was not read: nothing changed', errors.map((e) => ({ name: e.at ? `file.${e.at}` : 'file', code: e.code, reason: e.reason, ...(e.params ? { params: e.params } : {}) })));
}

/**
 * The tables read from a filled .xlsx form into the unit's draft, its answers kept: the same save
 * as an autosave (version, type checks, audit), in one transaction.
 */
export async function importSubmissionTables(tx: Tx, ctx: RequestContext, id: string, version: number, templateId: string, tables: SubmissionContent['tables']) {
  const { s, r } = await loadForMove(tx, ctx, id, 'save', version);
  if (r.templateId !== templateId) throw new AppError('VERSION_CONFLICT', 'the request now uses another template: download its form again');
  return saveSubmission(tx, ctx, id, { version, content: { answers: (s.content as SubmissionContent).answers, tables } });
}

export const formTemplate = (t: TemplateRow): FormTemplate => ({ id: t.id, code: t.code, revision: t.revision, name: t.name, body: t.body as TemplateBody });
