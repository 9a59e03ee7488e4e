import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { issueNoticeBody, NoticeContent } from '../../../shared/api/notices.schemas.js';
import { formatDocumentNumber } from '../../../shared/domain/document-types.js';
import { scheduleRulesFor } from '../settings/schedule-rules-setting.js';
import { fmtScheduleDate, noticeDeadline, type ScheduleIssue } from '../../../shared/domain/schedule-rules.js';
import { checkSignatureForm } from '../../../shared/domain/signature-form.js';
import { loadForAction } from '../../authz/guard.js';
import type { Tx } from '../../db/client.js';
import { documentRegisterEntry, inspection, inspectionNotice, inspectionPlan, inspectionTeam } from '../../db/schema/index.js';
import { updateVersioned } from '../../db/versioned-update.js';
import { freezeIssuedDocument } from '../../documents/issued-documents.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { notify } from '../../notifications/notify.js';
import { recordAudit } from '../audit/audit-log.js';
import { registerDocument } from '../document-register/document-register.js';
import { enforceSchedule, type ScheduleEnv } from '../inspections/schedule-checks.js';
import { inspectionLink, teamRecipients, unitOfficers } from '../inspections/inspection-notifications.js';
import { issuerPlace } from '../plans/plans.policy.js';
import { vietnamLocalTime } from '../../../shared/domain/vietnam-time.js';
import { formatVietnameseDate } from '../../../shared/domain/calendar/dates.js';
import { noticeDocument } from './notice-document.js';
import { noticeResource } from './notices.policy.js';
import { keepIssuedItems, noticeItems } from './notices.repository.js';
import { createPreVisitRequests } from '../reports/create-pre-visit-requests.js';
import { signerPositionOf } from '../document-register/default-signature.js';

/**
 * Issues a notice: the register gives its TB number, the document is frozen, each inspection moves
 * to `notified` (audited one by one), and each unit's officers and each team hear of it — all in
 * the one transaction. A unit that would get it later than the lead time asks (the report due 3
 * working days before the visit, the notice `noticeLeadWorkingDays` before that) makes it a 409
 * SCHEDULE_CONFLICT unless the office gives a reason.
 */
export async function issueNotice(tx: Tx, ctx: RequestContext, env: ScheduleEnv, id: string, input: z.infer<typeof issueNoticeBody>) {
  const notice = await loadForAction(tx, ctx, noticeResource, id, 'issue', input.version);
  const items = await noticeItems(tx, [id]);
  const notPlanned = items.find((it) => it.inspection.status !== 'planned');
  if (notPlanned) throw new AppError('INVALID_STATE', `the inspection of ${notPlanned.agencyName} is ${notPlanned.inspection.status}`);
  // A notice is dated the day it is signed (never a later day), and before every visit it announces.
  const today = vietnamLocalTime(env.clock.now()).date;
  if (input.issuedOn > today) throw AppError.invalid('body.issuedOn', 'in_future', `the notice cannot be dated after today (${today})`);
  const visitedBefore = items.find((it) => it.inspection.startsOn < input.issuedOn);
  if (visitedBefore) throw AppError.invalid('body.issuedOn', 'after_visit', `the visit to ${visitedBefore.agencyName} on ${visitedBefore.inspection.startsOn} is before the issue date`);
  await refuseBeforeBasis(tx, notice.planId, items.map((it) => it.inspection.teamId), input.issuedOn);
  const { noticeLeadWorkingDays } = await scheduleRulesFor(tx, env, notice.issuerUnitPath);
  const late: ScheduleIssue[] = items.flatMap((it) => {
    // One date style in the sentence: the report's explanation is written as documents write dates (Decree 30).
    const last = noticeDeadline(env.calendar, it.inspection.startsOn, noticeLeadWorkingDays);
    return input.issuedOn > last && it.inspection.startsOn >= input.issuedOn
      ? [{ code: 'short_lead_time' as const, severity: 'error' as const, overridable: true, date: last, otherInspectionId: it.inspection.id, message: `Thông báo đến ${it.agencyName} muộn: phải ban hành chậm nhất ngày ${formatVietnameseDate(last)}${it.inspection.reportDueExplanation ? `; đơn vị gửi báo cáo ${it.inspection.reportDueExplanation}` : ''}.`, messageEn: `The notice reaches ${it.agencyName} late: it had to be issued by ${fmtScheduleDate(last)}.` }]
      : [];
  });
  const { overridden } = enforceSchedule(late, input.overrideReason);

  const content: NoticeContent = { ...(notice.content as NoticeContent), ...(input.signature ? { signature: input.signature } : {}) };
  if (!content.signature.signerName.trim()) throw AppError.invalid('body.signature.signerName', 'required', 'who signs the notice?');
  // Decree 30 signing forms: the People's Committee's notice, or the standing office's (shared/domain/signature-form.ts).
  const form = checkSignatureForm(notice.issuingAgencyId === notice.planIssuingAgencyId ? 'committee' : 'office', content.signature);
  if (form) throw AppError.invalid(`body.signature.${form.field}`, form.code, form.reason);
  const entry = await registerDocument(tx, ctx, {
    agencyId: notice.issuingAgencyId,
    typeCode: 'thong_bao',
    summary: content.summary,
    issuedOn: input.issuedOn,
    signerName: content.signature.signerName,
    signerPosition: signerPositionOf(content.signature),
    subjectType: 'notice',
    subjectId: id,
  });
  const after = await updateVersioned(tx, inspectionNotice, id, input.version, { status: 'issued', content, registerEntryId: entry.id, issuedOn: input.issuedOn });
  await tx
    .update(inspection)
    .set({ status: 'notified', version: sql`${inspection.version} + 1`, updatedAt: sql`now()` })
    .where(inArray(inspection.id, items.map((it) => it.inspection.id)));
  await keepIssuedItems(tx, id);
  await freezeIssuedDocument(tx, ctx, noticeDocument, { subjectId: id, registerEntryId: entry.id });
  const documentNumber = formatDocumentNumber(entry.number, entry.symbol);
  await recordAudit(tx, ctx, {
    action: 'notice.issued',
    entityType: 'inspection_notice',
    entityId: id,
    scope: { places: [issuerPlace(notice)] },
    before: { status: notice.status, version: notice.version },
    after: { status: 'issued', version: after.version, number: entry.number, symbol: entry.symbol, issuedOn: input.issuedOn, ...(overridden.length ? { override: { reason: input.overrideReason, issues: overridden.map((i) => i.message) } } : {}) },
  });
  for (const it of items) {
    await recordAudit(tx, ctx, {
      action: 'inspection.notified',
      entityType: 'inspection',
      entityId: it.inspection.id,
      scope: { places: [issuerPlace(notice)] },
      before: { status: 'planned', version: it.inspection.version },
      after: { status: 'notified', version: it.inspection.version + 1, notice: documentNumber },
    });
    await notify(tx, ctx, {
      kind: 'inspection.notice_issued',
      recipients: [...(await unitOfficers(tx, it.inspection)), ...(await teamRecipients(tx, it.inspection.teamId))],
      params: { agencyName: it.agencyName, documentNumber, issuedOn: input.issuedOn, startsOn: it.inspection.startsOn, startTime: it.inspection.startTime, reportDueOn: it.inspection.reportDueOn },
      link: inspectionLink(it.inspection.id),
    });
  }
  // Each announced unit is asked for its report (due 3 working days before the visit), in this transaction.
  await createPreVisitRequests(tx, ctx, env.calendar, {
    ownerAgencyId: notice.planIssuingAgencyId,
    documentNumber,
    inspections: items.map((it) => ({ id: it.inspection.id, agencyId: it.inspection.agencyId, agencyName: it.agencyName, kind: it.inspection.kind, startsOn: it.inspection.startsOn })),
  });
  return after;
}

/**
 * A notice cites the plan and each team's founding decision ("Căn cứ Kế hoạch số … ngày …"): it
 * cannot be dated before any of them (400 body.issuedOn `before_basis`, naming the document).
 */
async function refuseBeforeBasis(tx: Tx, planId: string, teamIds: string[], issuedOn: string): Promise<void> {
  const bases = [
    ...(await tx
      .select({ number: documentRegisterEntry.number, symbol: documentRegisterEntry.symbol, issuedOn: documentRegisterEntry.issuedOn })
      .from(inspectionPlan)
      .innerJoin(documentRegisterEntry, eq(documentRegisterEntry.id, inspectionPlan.registerEntryId))
      .where(eq(inspectionPlan.id, planId))),
    ...(teamIds.length
      ? await tx
          .select({ number: documentRegisterEntry.number, symbol: documentRegisterEntry.symbol, issuedOn: documentRegisterEntry.issuedOn })
          .from(inspectionTeam)
          .innerJoin(documentRegisterEntry, eq(documentRegisterEntry.id, inspectionTeam.registerEntryId))
          .where(and(inArray(inspectionTeam.id, teamIds)))
      : []),
  ];
  const later = bases.filter((b) => b.issuedOn > issuedOn).sort((x, y) => (x.issuedOn < y.issuedOn ? 1 : -1))[0];
  if (!later) return;
  const basis = formatDocumentNumber(later.number, later.symbol);
  const reason = `the notice cites ${basis} of ${later.issuedOn}: it cannot be dated before it`;
  throw new AppError('VALIDATION_FAILED', reason, [{ name: 'body.issuedOn', code: 'before_basis', reason, params: { basis, issuedOn: fmtScheduleDate(later.issuedOn) } }]);
}
