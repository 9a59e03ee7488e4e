import type { z } from 'zod';
import type { finalizeMinutesBody, MinutesContent } from '../../../shared/api/minutes.schemas.js';
import { vietnamLocalTime } from '../../../shared/domain/vietnam-time.js';
import { loadForAction } from '../../authz/guard.js';
import type { Clock } from '../../clock.js';
import type { Tx } from '../../db/client.js';
import { inspectionMinutes } from '../../db/schema/index.js';
import { updateVersioned } from '../../db/versioned-update.js';
import { freezeIssuedDocument } from '../../documents/issued-documents.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { registerDocument } from '../document-register/document-register.js';
import { issuerPlace } from '../plans/plans.policy.js';
import { standingBodyForAgency } from '../registry/registry.repository.js';
import { minutesDocument } from './minutes-document.js';
import { minutesResource } from './minutes.policy.js';

/**
 * Finalises the minutes as signed on the day: a BB number from the register of the standing body
 * that serves the team (the plan's committee's, docs/decisions/inspection-minutes.md; the
 * committee's own register while none is set), the Mẫu 1.9 document frozen, in one transaction.
 * The unit's representative and the head of the team must be named; the day may not be later
 * than today.
 */
export async function finalizeMinutes(tx: Tx, ctx: RequestContext, env: { clock: Clock }, id: string, input: z.infer<typeof finalizeMinutesBody>) {
  const row = await loadForAction(tx, ctx, minutesResource, id, 'finalize', input.version);
  const content = row.content as MinutesContent;
  const today = vietnamLocalTime(env.clock.now()).date;
  if (content.heldOn > today) throw AppError.invalid('body.content.heldOn', 'in_future', `the minutes cannot be dated after today (${today})`);
  if (!content.unitSignerName.trim()) throw AppError.invalid('body.content.unitSignerName', 'required', "who signs for the inspected unit?");
  if (!content.teamLeaderName.trim()) throw AppError.invalid('body.content.teamLeaderName', 'required', 'who signs as head of the team?');
  const registerAgencyId = (await standingBodyForAgency(tx, row.inspection.issuingAgencyId)) ?? row.inspection.issuingAgencyId;
  const entry = await registerDocument(tx, ctx, {
    agencyId: registerAgencyId,
    typeCode: 'bien_ban',
    summary: content.summary,
    issuedOn: content.heldOn,
    datedByEvent: true,
    signerName: content.teamLeaderName,
    signerPosition: 'TRƯỞNG ĐOÀN KIỂM TRA',
    subjectType: 'inspection_minutes',
    subjectId: id,
  });
  const after = await updateVersioned(tx, inspectionMinutes, id, input.version, { status: 'final', registerEntryId: entry.id, finalizedOn: today });
  await freezeIssuedDocument(tx, ctx, minutesDocument, { subjectId: id, registerEntryId: entry.id });
  await recordAudit(tx, ctx, {
    action: 'minutes.finalized',
    entityType: 'inspection_minutes',
    entityId: id,
    scope: { places: [issuerPlace(row.inspection)] },
    before: { status: row.status, version: row.version },
    after: { status: 'final', version: after.version, number: entry.number, symbol: entry.symbol, heldOn: content.heldOn },
  });
  return after;
}
