import type { z } from 'zod';
import type { EscalationContent, issueEscalationBody } from '../../../shared/api/escalations.schemas.js';
import { vietnamLocalTime } from '../../../shared/domain/vietnam-time.js';
import { loadForAction } from '../../authz/guard.js';
import type { Clock } from '../../clock.js';
import type { Tx } from '../../db/client.js';
import { escalation } from '../../db/schema/index.js';
import { updateVersioned } from '../../db/versioned-update.js';
import { freezeIssuedDocument } from '../../documents/issued-documents.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { registerDocument } from '../document-register/document-register.js';
import { issuerInfo } from '../document-register/issuer-header.js';
import { issuerPlace } from '../plans/plans.policy.js';
import { draftingUnitAbbreviation, escalationDocument, escalationTypeCode } from './escalation-document.js';
import { assertEscalationMove, escalationResource } from './escalations.policy.js';

/**
 * Issues the proposal: the next number of the issuer's register (TTr, or a công văn's
 * "UBND-NV"), the document frozen with the evidence list as it stands, status proposed.
 */
export async function issueEscalation(tx: Tx, ctx: RequestContext, clock: Clock, id: string, input: z.infer<typeof issueEscalationBody>) {
  const row = await loadForAction(tx, ctx, escalationResource, id, 'issue', input.version);
  const to = assertEscalationMove(row, 'issue');
  const today = vietnamLocalTime(clock.now()).date;
  if (input.issuedOn > today) throw AppError.invalid('body.issuedOn', 'in_future', `the proposal cannot be dated after today (${today})`);
  if (input.issuedOn < row.inspectionStartsOn) throw AppError.invalid('body.issuedOn', 'before_visit', `the inspection took place on ${row.inspectionStartsOn}`);
  const content: EscalationContent = { ...(row.content as EscalationContent), ...(input.signature ? { signature: input.signature } : {}) };
  if (!content.signature.signerName.trim()) throw AppError.invalid('body.signature.signerName', 'required', 'who signs the proposal?');
  const entry = await registerDocument(tx, ctx, {
    agencyId: row.issuingAgencyId,
    typeCode: escalationTypeCode(row.form),
    summary: content.summary,
    issuedOn: input.issuedOn,
    signerName: content.signature.signerName,
    signerPosition: [content.signature.onBehalfOf, content.signature.position].filter(Boolean).join(' / '),
    subjectType: 'escalation',
    subjectId: id,
    draftingUnitAbbreviation: await draftingUnitAbbreviation(tx, await issuerInfo(tx, row.issuingAgencyId)),
  });
  const after = await updateVersioned(tx, escalation, id, input.version, { status: to, content, registerEntryId: entry.id, issuedOn: input.issuedOn });
  await freezeIssuedDocument(tx, ctx, escalationDocument, { subjectId: id, registerEntryId: entry.id });
  await recordAudit(tx, ctx, {
    action: 'escalation.issued',
    entityType: 'escalation',
    entityId: id,
    scope: { places: [issuerPlace(row)] },
    before: { status: row.status, version: row.version },
    after: { status: to, version: after.version, number: entry.number, symbol: entry.symbol, issuedOn: input.issuedOn },
  });
  return after;
}
