import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ConclusionContent, issueConclusionBody } from '../../../shared/api/conclusions.schemas.js';
import { formatDocumentNumber } from '../../../shared/domain/document-types.js';
import { vietnamLocalTime } from '../../../shared/domain/vietnam-time.js';
import type { WorkingCalendar } from '../../../shared/domain/calendar/index.js';
import { loadForAction } from '../../authz/guard.js';
import type { Clock } from '../../clock.js';
import type { Tx } from '../../db/client.js';
import { agency, correctiveAction, inspectionConclusion } from '../../db/schema/index.js';
import { updateVersioned } from '../../db/versioned-update.js';
import { freezeIssuedDocument } from '../../documents/issued-documents.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { notify, type RecordLink } from '../../notifications/notify.js';
import { usersReaching } from '../../notifications/recipients.js';
import { recordAudit } from '../audit/audit-log.js';
import { registerDocument } from '../document-register/document-register.js';
import { unitOfficers } from '../inspections/inspection-notifications.js';
import { issuerPlace } from '../plans/plans.policy.js';
import { conclusionDocument } from './conclusion-document.js';
import { conclusionResource } from './conclusions.policy.js';
import { conclusionActions } from './conclusions.repository.js';
import { signerPositionOf } from '../document-register/default-signature.js';

export interface IssueEnv {
  calendar: WorkingCalendar;
  clock: Clock;
}

/** Where a notification about a conclusion leads in the web app. */
export const conclusionLink = (id: string): RecordLink => ({ type: 'conclusion', id, path: `/conclusions/${id}` });

/**
 * Issues a conclusion: a TB number from the issuer's register, each requirement's "N working days
 * after the notice" fixed into a date on the working calendar, the actions opened, the document
 * frozen (it prints those dates), and the inspected unit and every responsible agency told in the
 * app and by e-mail — in one transaction. Signed by a leader, or by the standing office when the
 * notice is in its name under authorisation (conclusions.policy.ts `maySign`).
 */
export async function issueConclusion(tx: Tx, ctx: RequestContext, env: IssueEnv, id: string, input: z.infer<typeof issueConclusionBody>) {
  const row = await loadForAction(tx, ctx, conclusionResource, id, 'issue', input.version);
  const today = vietnamLocalTime(env.clock.now()).date;
  if (input.issuedOn > today) throw AppError.invalid('body.issuedOn', 'in_future', `the notice cannot be dated after today (${today})`);
  if (input.issuedOn < row.inspectionStartsOn) throw AppError.invalid('body.issuedOn', 'before_visit', `the inspection took place on ${row.inspectionStartsOn}`);
  const content: ConclusionContent = { ...(row.content as ConclusionContent), ...(input.signature ? { signature: input.signature } : {}) };
  if (!content.signature.signerName.trim()) throw AppError.invalid('body.signature.signerName', 'required', 'who signs the notice?');

  const actions = await conclusionActions(tx, [id]);
  actions.forEach(({ action: a }, i) => {
    if (a.dueOn && a.dueOn < input.issuedOn) {
      // Both ends: the date asked for, and the requirement (by its place in section IV, as the editor names it).
      const reason = `requirement ${i + 1} is due on ${a.dueOn}, before the notice`;
      throw new AppError('VALIDATION_FAILED', reason, [
        { name: 'body.issuedOn', code: 'after_requirement_due', reason },
        { name: `body.actions.${i}.dueOn`, code: 'due_before_notice', reason },
      ]);
    }
  });
  const entry = await registerDocument(tx, ctx, {
    agencyId: row.issuingAgencyId,
    typeCode: 'thong_bao',
    summary: content.summary,
    issuedOn: input.issuedOn,
    signerName: content.signature.signerName,
    signerPosition: signerPositionOf(content.signature),
    subjectType: 'conclusion',
    subjectId: id,
  });
  for (const { action: a } of actions) {
    const dueOn = a.dueOn ?? env.calendar.addWorkingDays(input.issuedOn, a.dueWorkingDays!);
    const reportDueOn = a.reportDueOn ?? (a.reportDueWorkingDays !== null ? env.calendar.addWorkingDays(input.issuedOn, a.reportDueWorkingDays) : null);
    await tx
      .update(correctiveAction)
      .set({ status: 'open', dueOn, reportDueOn, version: sql`${correctiveAction.version} + 1`, updatedAt: sql`now()` })
      .where(eq(correctiveAction.id, a.id));
  }
  const after = await updateVersioned(tx, inspectionConclusion, id, input.version, { status: 'issued', content, registerEntryId: entry.id, issuedOn: input.issuedOn });
  await freezeIssuedDocument(tx, ctx, conclusionDocument, { subjectId: id, registerEntryId: entry.id });
  const documentNumber = formatDocumentNumber(entry.number, entry.symbol);
  await recordAudit(tx, ctx, {
    action: 'conclusion.issued',
    entityType: 'inspection_conclusion',
    entityId: id,
    scope: { places: [issuerPlace(row)] },
    before: { status: row.status, version: row.version },
    after: { status: 'issued', version: after.version, number: entry.number, symbol: entry.symbol, issuedOn: input.issuedOn, actions: actions.length },
  });

  const recipients = new Set(await unitOfficers(tx, { id: row.inspectionId, agencyId: row.agencyId }));
  const responsible = [...new Set(actions.map((a) => a.action.responsibleAgencyId))];
  if (responsible.length) {
    const places = await tx.select({ unitPath: agency.unitPath, agencyPath: agency.path }).from(agency).where(sql`${agency.id} in (${sql.join(responsible.map((r) => sql`${r}::uuid`), sql`, `)})`);
    for (const place of places) for (const u of await usersReaching(tx, 'action.report', place)) recipients.add(u);
  }
  await notify(tx, ctx, {
    kind: 'conclusion.issued',
    recipients: [...recipients],
    params: { agencyName: row.agencyName, documentNumber, issuedOn: input.issuedOn, actionCount: actions.length },
    link: conclusionLink(id),
  });
  return after;
}
