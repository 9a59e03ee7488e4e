import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { createMinutesBody, MinutesContent } from '../../../shared/api/minutes.schemas.js';
import type { Tx } from '../../db/client.js';
import { inspectionMinutes } from '../../db/schema/index.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { fillsChecklistsOf } from '../checklists/checklists.policy.js';
import { findVisibleInspection } from '../inspections/inspections.repository.js';
import { issuerPlace } from '../plans/plans.policy.js';
import { draftMinutesContent } from './minutes-source.js';

/** The day the minutes are dated falls within the visit's days. */
export function assertHeldDuringVisit(heldOn: string, visit: { startsOn: string; endsOn: string }, field = 'body.content.heldOn') {
  if (heldOn < visit.startsOn) throw AppError.invalid(field, 'before_visit', `the inspection began on ${visit.startsOn}`);
  if (heldOn > visit.endsOn) throw AppError.invalid(field, 'out_of_range', `the inspection ended on ${visit.endsOn}`);
}

/**
 * The team (or the standing office recording a visit) drafts the minutes of an inspection under
 * way or closed, once: the draft starts from the checklists, the findings and the team's decision
 * (minutes-source.ts); what the body gives replaces it field by field.
 */
export async function draftMinutes(tx: Tx, ctx: RequestContext, input: z.infer<typeof createMinutesBody>) {
  const row = await findVisibleInspection(tx, ctx.actor, input.inspectionId);
  if (!row) throw AppError.notFound('inspection');
  if (!fillsChecklistsOf(ctx.actor, row)) throw new AppError('FORBIDDEN', 'only the inspection team writes its minutes');
  if (row.status !== 'under_way' && row.status !== 'closed') throw new AppError('INVALID_STATE', `the inspection is ${row.status}: minutes record a visit that has begun`);
  const [taken] = await tx.select({ id: inspectionMinutes.id }).from(inspectionMinutes).where(eq(inspectionMinutes.inspectionId, row.id));
  if (taken) throw new AppError('DUPLICATE', 'the inspection has minutes already');
  const content: MinutesContent = { ...(await draftMinutesContent(tx, row)), ...input.content };
  assertHeldDuringVisit(content.heldOn, row);
  const [created] = await tx.insert(inspectionMinutes).values({ inspectionId: row.id, content, createdBy: ctx.actor.userId }).returning();
  await recordAudit(tx, ctx, { action: 'minutes.created', entityType: 'inspection_minutes', entityId: created.id, scope: { places: [issuerPlace(row)] }, after: created });
  return created;
}
