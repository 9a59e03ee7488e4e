import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { createRequestBody, extendRequestBody, issueRequestBody, RequestDueExtension, RequestLetter, updateRequestBody, withdrawRequestBody } from '../../../shared/api/reports.schemas.js';
import type { FieldErrorCode } from '../../../shared/api/errors.js';
import { vietnamLocalTime } from '../../../shared/domain/vietnam-time.js';
import type { Clock } from '../../clock.js';
import { formatVietnameseDate } from '../../../shared/domain/calendar/dates.js';
import { formatDocumentNumber } from '../../../shared/domain/document-types.js';
import { periodDates, periodRuleProblems } from '../../../shared/domain/report-periods.js';
import { lowerFirst } from '../../../shared/domain/vietnamese.js';
import { loadForAction } from '../../authz/guard.js';
import type { Tx } from '../../db/client.js';
import { agency, reportRequest, reportSubmission } from '../../db/schema/index.js';
import { updateVersioned } from '../../db/versioned-update.js';
import { freezeIssuedDocument } from '../../documents/issued-documents.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { notify } from '../../notifications/notify.js';
import { recordAudit, type SystemContext } from '../audit/audit-log.js';
import { issuerInfo } from '../document-register/issuer-header.js';
import { registerDocument } from '../document-register/document-register.js';
import { emptyContent } from './submission-content.js';
import { ownerPlaceOf } from './template-use-cases.js';
import { ownerPlace, requestResource, ruleResource } from './reports.policy.js';
import { findRequest, findTemplate, latestPublished, type PeriodRuleRow } from './reports.repository.js';
import { requestLetterDocument } from './request-letter.js';
import { unitReporters, submissionLink } from './report-notifications.js';

const vnDate = (iso: string) => formatVietnameseDate(iso);
const fieldError = (name: string, code: FieldErrorCode, reason: string, params: Record<string, string | number>) => new AppError('VALIDATION_FAILED', reason, [{ name, code, reason, params }]);

/** The agencies asked must be active and lie in the owner's unit or below it (a town asks its offices and wards). */
async function checkTargets(tx: Tx, ownerUnitPath: string, ids: string[], field: string): Promise<string[]> {
  const unique = [...new Set(ids)];
  const rows = await tx.select({ id: agency.id, unitPath: agency.unitPath, active: agency.active }).from(agency).where(inArray(agency.id, unique));
  unique.forEach((id, i) => {
    const row = rows.find((r) => r.id === id);
    if (!row || !row.active) throw AppError.invalid(`${field}.${i}`, 'not_found', 'no such agency');
    if (!row.unitPath.startsWith(ownerUnitPath)) throw AppError.invalid(`${field}.${i}`, 'out_of_scope', 'the agency is not under the requesting authority');
  });
  return unique;
}

/** A published template of the owner agency's unit or above (the province's template serves a town). */
async function usableTemplate(tx: Tx, templateId: string, ownerUnitPath: string, field: string) {
  const t = await findTemplate(tx, templateId);
  if (!t || !ownerUnitPath.startsWith(t.ownerUnitPath)) throw AppError.invalid(field, 'not_found', 'no such template');
  if (t.status !== 'published') throw AppError.invalid(field, 'invalid_state', 'only a published template can be asked for');
  return t;
}

async function ownerRow(tx: Tx, agencyId: string, field: string) {
  const [row] = await tx.select().from(agency).where(eq(agency.id, agencyId));
  if (!row || !row.active) throw AppError.invalid(field, 'not_found', 'no such agency');
  return row;
}

/** The công văn's texts a new ad hoc request starts from. */
async function defaultLetter(tx: Tx, ownerAgencyId: string, title: string, dueOn: string): Promise<RequestLetter> {
  const issuer = await issuerInfo(tx, ownerAgencyId);
  const committee = issuer.kind === 'peoples_committee';
  return {
    summary: title.toLocaleLowerCase('vi').startsWith('báo cáo') ? title : `báo cáo ${title}`,
    addressees: ['Các cơ quan, đơn vị có tên trong danh sách kèm theo'],
    paragraphs: [
      `Để có cơ sở tổng hợp, đánh giá kết quả thực hiện công tác cải cách hành chính, ${issuer.shortName ?? issuer.name} đề nghị các cơ quan, đơn vị ${lowerFirst(title)} theo đề cương, biểu mẫu kèm theo.`,
      `Báo cáo gửi về ${committee ? 'Phòng Nội vụ' : issuer.name} chậm nhất ngày ${vnDate(dueOn)} qua Hệ thống quản lý kiểm tra công tác cải cách hành chính (nhập trực tiếp hoặc tải lên bản ký số, kèm số liệu theo biểu mẫu).`,
      'Đề nghị các cơ quan, đơn vị quan tâm, thực hiện đúng thời gian quy định./.',
    ],
    recipients: ['Như trên;', 'Lưu: VT, NV.'],
    signature: committee ? { onBehalfOf: 'TL. CHỦ TỊCH', position: 'TRƯỞNG PHÒNG NỘI VỤ', signerName: '' } : { onBehalfOf: '', position: 'TRƯỞNG PHÒNG', signerName: issuer.headName ?? '' },
  };
}

/**
 * Opens a request: a submission "not started" for each agency asked, and their officers told.
 * Periodic and pre-visit requests open when created; an ad hoc one when its công văn is issued.
 */
export async function openRequest(tx: Tx, ctx: RequestContext | SystemContext, requestId: string): Promise<void> {
  const r = (await findRequest(tx, requestId))!;
  const targets = r.targetAgencyIds as string[];
  const template = (await findTemplate(tx, r.templateId))!;
  const rows = await tx
    .insert(reportSubmission)
    .values(targets.map((agencyId) => ({ requestId, agencyId, content: emptyContent(template.body as never) })))
    .onConflictDoNothing()
    .returning({ id: reportSubmission.id, agencyId: reportSubmission.agencyId });
  await recordAudit(tx, ctx, { action: 'report_request.opened', entityType: 'report_request', entityId: requestId, scope: { places: [ownerPlace(r)], agencies: targets.slice(0, 200) }, after: { status: 'open', agencies: targets.length } });
  const documentNumber = r.number !== null && r.symbol ? formatDocumentNumber(r.number, r.symbol) : null;
  for (const s of rows) {
    await notify(tx, ctx, { kind: 'report.requested', recipients: await unitReporters(tx, s.agencyId), params: { title: r.title, ownerName: r.ownerAgencyName, dueOn: r.dueOn, documentNumber }, link: submissionLink(s.id) });
  }
}

/** This year's request of a periodic rule (by the daily job or the office); null when it exists already. */
export async function createPeriodicRequest(tx: Tx, ctx: RequestContext | SystemContext, rule: PeriodRuleRow, year: number): Promise<string | null> {
  const template = await latestPublished(tx, rule.ownerAgencyId, rule.templateCode);
  if (!template) throw AppError.invalid('body.ruleId', 'unknown_template', `no published template ${rule.templateCode}`);
  // A rule stored before its dates were checked (or changed in the database) opens nothing impossible.
  const impossible = periodRuleProblems(rule)[0];
  if (impossible) throw AppError.invalid('body.ruleId', impossible.code, `the period rule is impossible: ${impossible.reason}`);
  const dates = periodDates(rule, year);
  const [row] = await tx
    .insert(reportRequest)
    .values({
      ownerAgencyId: rule.ownerAgencyId,
      templateId: template.id,
      kind: 'periodic',
      status: 'open',
      title: periodRequestTitle(rule.name, year),
      periodFrom: dates.from,
      periodTo: dates.to,
      dueOn: dates.due,
      dueExplanation: `chậm nhất ngày ${vnDate(dates.due)} (số liệu từ ngày ${vnDate(dates.from)} đến ngày ${vnDate(dates.to)})`,
      ruleId: rule.id,
      periodYear: year,
      targetAgencyIds: rule.targetAgencyIds,
      remindWorkingDays: rule.remindWorkingDays,
      escalateAfterWorkingDays: rule.escalateAfterWorkingDays,
      createdBy: ctx.actor?.userId ?? null,
    })
    .onConflictDoNothing()
    .returning();
  if (!row) return null;
  await recordAudit(tx, ctx, { action: 'report_request.created', entityType: 'report_request', entityId: row.id, scope: { places: [ownerPlace(rule)] }, after: row });
  await openRequest(tx, ctx, row.id);
  return row.id;
}

/**
 * The latest year a request may be opened or fall due in: next year (the clock's, Vietnamese
 * time). Earlier years stay open to record a past season (docs/decisions/reports-schedule.md).
 */
export const latestRequestYear = (clock: Clock): number => Number(vietnamLocalTime(clock.now()).date.slice(0, 4)) + 1;

function assertDueYear(clock: Clock, dueOn: string, field: string): void {
  const latest = latestRequestYear(clock);
  if (Number(dueOn.slice(0, 4)) > latest) throw fieldError(field, 'year_out_of_range', `the due day must fall in ${latest} or before`, { max: latest });
}

/** A request the office writes now falls due today or later (the clock's day, Vietnamese time). */
function assertDueAhead(clock: Clock, dueOn: string, field: string): void {
  const today = vietnamLocalTime(clock.now()).date;
  if (dueOn < today) throw fieldError(field, 'due_in_past', `the due day ${dueOn} is already past (today is ${today})`, { today });
}

/** The period reported on ends by the due day, and the requesting agency is not among those asked. */
function assertRequestShape(input: { ownerAgencyId: string; dueOn: string; periodTo: string | null; targetAgencyIds?: string[] }): void {
  if (input.periodTo && input.periodTo > input.dueOn) throw fieldError('body.periodTo', 'after_due', 'the period reported on ends after the due day', { dueOn: input.dueOn });
  const self = input.targetAgencyIds?.indexOf(input.ownerAgencyId) ?? -1;
  if (self >= 0) throw AppError.invalid(`body.targetAgencyIds.${self}`, 'self_target', 'the requesting agency does not report to itself');
}

export async function createRequest(tx: Tx, ctx: RequestContext, clock: Clock, input: z.output<typeof createRequestBody>): Promise<string> {
  if (input.kind === 'periodic') {
    const latest = latestRequestYear(clock);
    if (input.year > latest) throw fieldError('body.year', 'year_out_of_range', `a periodic request can be opened up to ${latest}`, { max: latest });
    const rule = await loadForAction(tx, ctx, ruleResource, input.ruleId, 'edit');
    const id = await createPeriodicRequest(tx, ctx, rule, input.year);
    if (!id) throw AppError.invalid('body.year', 'duplicate', 'the request of this period exists already');
    return id;
  }
  assertDueYear(clock, input.dueOn, 'body.dueOn');
  assertDueAhead(clock, input.dueOn, 'body.dueOn');
  await ownerPlaceOf(tx, ctx, input.ownerAgencyId, 'body.ownerAgencyId');
  const owner = await ownerRow(tx, input.ownerAgencyId, 'body.ownerAgencyId');
  await usableTemplate(tx, input.templateId, owner.unitPath, 'body.templateId');
  const targets = await checkTargets(tx, owner.unitPath, input.targetAgencyIds, 'body.targetAgencyIds');
  if (input.periodFrom && input.periodTo && input.periodTo < input.periodFrom) throw AppError.invalid('body.periodTo', 'before_from', 'the period ends before it starts');
  assertRequestShape(input);
  const letter = { ...(await defaultLetter(tx, owner.id, input.title, input.dueOn)), ...(input.letter ?? {}) };
  const [row] = await tx
    .insert(reportRequest)
    .values({
      ownerAgencyId: owner.id,
      templateId: input.templateId,
      kind: 'ad_hoc',
      status: 'draft',
      title: input.title,
      periodFrom: input.periodFrom,
      periodTo: input.periodTo,
      dueOn: input.dueOn,
      dueExplanation: `chậm nhất ngày ${vnDate(input.dueOn)}`,
      targetAgencyIds: targets,
      letter,
      remindWorkingDays: input.remindWorkingDays,
      escalateAfterWorkingDays: input.escalateAfterWorkingDays,
      createdBy: ctx.actor.userId,
    })
    .returning();
  await recordAudit(tx, ctx, { action: 'report_request.created', entityType: 'report_request', entityId: row.id, scope: { places: [{ unitPath: owner.unitPath, agencyPath: owner.path }] }, after: row });
  return row.id;
}

/**
 * Edits a request. A draft: everything. A sent one: its reminder counts only, and the title of a
 * request without a letter. What an issued letter printed (title, due day, texts) is frozen (409
 * DOCUMENT_ISSUED); the due day of any sent request moves only by an extension (extendRequest).
 */
export async function updateRequest(tx: Tx, ctx: RequestContext, clock: Clock, id: string, input: z.output<typeof updateRequestBody>) {
  const r = await loadForAction(tx, ctx, requestResource, id, 'edit', input.version);
  if (r.status === 'closed' || r.status === 'withdrawn') throw new AppError('INVALID_STATE', `the request is ${r.status}`);
  if (r.status !== 'draft') {
    if (r.registerEntryId) {
      const printed = (['title', 'dueOn', 'letter'] as const).find((k) => input[k] !== undefined);
      if (printed) throw new AppError('DOCUMENT_ISSUED', `the letter has been issued: its ${printed} is frozen${printed === 'dueOn' ? ' (extend the due day instead)' : ''}`, [{ name: `body.${printed}`, code: 'invalid_state', reason: 'printed in the issued letter' }]);
    }
    if (input.dueOn) throw new AppError('INVALID_STATE', 'the request has been sent: extend its due day instead', [{ name: 'body.dueOn', code: 'invalid_state', reason: 'extend the due day (POST …/extend)' }]);
    if (input.targetAgencyIds) throw AppError.invalid('body.targetAgencyIds', 'invalid_state', 'the agencies asked are fixed once the request is sent');
    if (input.templateId) throw AppError.invalid('body.templateId', 'invalid_state', 'the template is fixed once the request is sent');
  }
  if (input.dueOn) {
    assertDueYear(clock, input.dueOn, 'body.dueOn');
    assertDueAhead(clock, input.dueOn, 'body.dueOn');
  }
  assertRequestShape({ ownerAgencyId: r.ownerAgencyId, dueOn: input.dueOn ?? r.dueOn, periodTo: r.periodTo, targetAgencyIds: input.targetAgencyIds });
  const changes: Record<string, unknown> = {};
  if (input.title) changes.title = input.title;
  if (input.dueOn) Object.assign(changes, { dueOn: input.dueOn, dueExplanation: `chậm nhất ngày ${vnDate(input.dueOn)}` });
  if (input.remindWorkingDays !== undefined) changes.remindWorkingDays = input.remindWorkingDays;
  if (input.escalateAfterWorkingDays !== undefined) changes.escalateAfterWorkingDays = input.escalateAfterWorkingDays;
  if (input.templateId) {
    await usableTemplate(tx, input.templateId, r.ownerUnitPath, 'body.templateId');
    changes.templateId = input.templateId;
  }
  if (input.targetAgencyIds) changes.targetAgencyIds = await checkTargets(tx, r.ownerUnitPath, input.targetAgencyIds, 'body.targetAgencyIds');
  if (input.letter) changes.letter = { ...(r.letter as RequestLetter), ...input.letter };
  const after = await updateVersioned(tx, reportRequest, id, input.version, changes);
  await recordAudit(tx, ctx, { action: 'report_request.updated', entityType: 'report_request', entityId: id, scope: { places: [ownerPlace(r)] }, before: { version: r.version, ...Object.fromEntries(Object.keys(changes).map((k) => [k, (r as Record<string, unknown>)[k]])) }, after: { version: after.version, ...changes } });
  return after;
}

/** The submissions of a request and their units' officers, to tell them of a change. */
async function tellUnits(tx: Tx, ctx: RequestContext, requestId: string, send: (submissionId: string, recipients: string[]) => Promise<unknown>) {
  const rows = await tx.select({ id: reportSubmission.id, agencyId: reportSubmission.agencyId }).from(reportSubmission).where(eq(reportSubmission.requestId, requestId));
  for (const s of rows) await send(s.id, await unitReporters(tx, s.agencyId));
  void ctx;
}

/**
 * Extends the due day of a sent request: later only, with a reason, audited, each unit asked told.
 * An issued letter stays as issued (its date printed); the extension is shown beside it and the
 * due explanation names both days. Reports already sent keep their on-time/late mark (they were
 * judged by the due day of the moment); reminders follow the new day.
 */
export async function extendRequest(tx: Tx, ctx: RequestContext, clock: Clock, id: string, input: z.output<typeof extendRequestBody>) {
  const r = await loadForAction(tx, ctx, requestResource, id, 'extend', input.version);
  if (input.dueOn <= r.dueOn) throw fieldError('body.dueOn', 'not_later', `an extension moves the due day later than ${r.dueOn}`, { current: r.dueOn });
  assertDueYear(clock, input.dueOn, 'body.dueOn');
  const extension: RequestDueExtension = { previousDueOn: r.dueOn, dueOn: input.dueOn, reason: input.reason, at: clock.now().toISOString(), byName: ctx.actor.fullName };
  const dueExplanation = `chậm nhất ngày ${vnDate(input.dueOn)} (gia hạn từ ngày ${vnDate(r.dueOn)})`;
  const after = await updateVersioned(tx, reportRequest, id, input.version, { dueOn: input.dueOn, dueExplanation, dueExtensions: [...((r.dueExtensions as RequestDueExtension[]) ?? []), extension] });
  await recordAudit(tx, ctx, { action: 'report_request.extended', entityType: 'report_request', entityId: id, scope: { places: [ownerPlace(r)] }, before: { version: r.version, dueOn: r.dueOn }, after: { version: after.version, dueOn: input.dueOn, reason: input.reason } });
  const documentNumber = r.number !== null && r.symbol ? formatDocumentNumber(r.number, r.symbol) : null;
  await tellUnits(tx, ctx, id, (submissionId, recipients) =>
    notify(tx, ctx, { kind: 'report.extended', recipients, params: { title: r.title, ownerName: r.ownerAgencyName, previousDueOn: r.dueOn, dueOn: input.dueOn, reason: input.reason, documentNumber }, link: submissionLink(submissionId) }),
  );
  return after;
}

/**
 * Withdraws a request sent by mistake (or a draft not wanted): audited, the units asked told. Its
 * reports can no longer be saved or sent; statistics, the dashboard and reminders leave it out. An
 * issued letter stays in the register as a record, shown withdrawn. A pre-visit request follows
 * its inspection's notice and is not withdrawn here.
 */
export async function withdrawRequest(tx: Tx, ctx: RequestContext, clock: Clock, id: string, input: z.output<typeof withdrawRequestBody>) {
  const r = await loadForAction(tx, ctx, requestResource, id, 'withdraw', input.version);
  const after = await updateVersioned(tx, reportRequest, id, input.version, { status: 'withdrawn', withdrawnAt: clock.now(), withdrawReason: input.reason, withdrawnBy: ctx.actor.userId });
  await recordAudit(tx, ctx, { action: 'report_request.withdrawn', entityType: 'report_request', entityId: id, scope: { places: [ownerPlace(r)] }, before: { version: r.version, status: r.status }, after: { version: after.version, status: 'withdrawn', reason: input.reason } });
  if (r.status !== 'draft') {
    const documentNumber = r.number !== null && r.symbol ? formatDocumentNumber(r.number, r.symbol) : null;
    await tellUnits(tx, ctx, id, (submissionId, recipients) => notify(tx, ctx, { kind: 'report.withdrawn', recipients, params: { title: r.title, ownerName: r.ownerAgencyName, reason: input.reason, documentNumber }, link: submissionLink(submissionId) }));
  }
  return after;
}

/**
 * Issues an ad hoc request as a công văn (Mẫu 1.5): the next number of the owner's register
 * ("12/UBND-NV" — the drafting office's abbreviation after the committee's), the document frozen
 * with the template's outline attached, and the request opened to the units — one transaction.
 */
export async function issueRequest(tx: Tx, ctx: RequestContext, id: string, input: z.output<typeof issueRequestBody>, today: string) {
  const r = await loadForAction(tx, ctx, requestResource, id, 'issue', input.version);
  if (r.kind !== 'ad_hoc') throw new AppError('INVALID_STATE', 'only an ad hoc request is issued as a letter');
  const letter: RequestLetter = { ...(r.letter as RequestLetter), ...(input.signature ? { signature: input.signature } : {}) };
  if (!letter.signature.signerName.trim()) throw AppError.invalid('body.signature.signerName', 'required', 'who signs the letter?');
  if (input.issuedOn > r.dueOn) throw fieldError('body.issuedOn', 'due_in_past', 'the due day is already past on the letter\'s date', { dueOn: r.dueOn });
  const owner = await issuerInfo(tx, r.ownerAgencyId);
  const drafting = owner.kind === 'peoples_committee' ? 'NV' : null;
  const entry = await registerDocument(tx, ctx, {
    notAfter: today,
    agencyId: r.ownerAgencyId,
    typeCode: 'cong_van',
    draftingUnitAbbreviation: drafting,
    summary: `V/v ${letter.summary}`,
    issuedOn: input.issuedOn,
    signerName: letter.signature.signerName,
    signerPosition: [letter.signature.onBehalfOf, letter.signature.position].filter(Boolean).join(' / '),
    subjectType: 'report_request',
    subjectId: id,
  });
  const after = await updateVersioned(tx, reportRequest, id, input.version, { status: 'open', letter, registerEntryId: entry.id, issuedOn: input.issuedOn });
  await freezeIssuedDocument(tx, ctx, requestLetterDocument, { subjectId: id, registerEntryId: entry.id });
  await recordAudit(tx, ctx, {
    action: 'report_request.issued',
    entityType: 'report_request',
    entityId: id,
    scope: { places: [ownerPlace(r)] },
    before: { status: r.status, version: r.version },
    after: { status: 'open', version: after.version, number: entry.number, symbol: entry.symbol, issuedOn: input.issuedOn },
  });
  await openRequest(tx, ctx, id);
  return after;
}

/** Submissions of the request that still exist for an agency (used by tests and seeds). */
export async function submissionOf(tx: Tx, requestId: string, agencyId: string) {
  const [row] = await tx.select().from(reportSubmission).where(and(eq(reportSubmission.requestId, requestId), eq(reportSubmission.agencyId, agencyId)));
  return row ?? null;
}
void sql;

/** "Báo cáo CCHC quý II năm 2021"; a name ending in "năm" ("Báo cáo CCHC 6 tháng đầu năm") takes the year alone. */
export const periodRequestTitle = (ruleName: string, year: number | string): string => (/\snăm$/.test(ruleName) ? `${ruleName} ${year}` : `${ruleName} năm ${year}`);
