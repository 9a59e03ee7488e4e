import type { z } from 'zod';
import type { createSelfInspectionBody } from '../../../shared/api/self-inspections.schemas.js';
import { authorize } from '../../authz/guard.js';
import { inReach } from '../../authz/scope.js';
import type { Tx } from '../../db/client.js';
import { selfInspection } from '../../db/schema/index.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { agencyById } from '../assigned-tasks/task-inputs.js';
import { and, eq } from 'drizzle-orm';
import { checkPlanDates, tellOffice } from './self-inspection-rules.js';

/**
 * A unit's officer records the unit's self-inspection plan for a year (one per agency and year).
 * Another unit's agency is not found (404): the officer may not even learn it exists.
 */
export async function createSelfInspection(tx: Tx, ctx: RequestContext, input: z.infer<typeof createSelfInspectionBody>) {
  authorize(ctx.actor, 'self_inspection.record', 'you may not record self-inspections');
  const unit = await agencyById(tx, input.agencyId);
  if (!unit || !inReach(ctx.actor, 'self_inspection.record', { unitPath: unit.unitPath, agencyPath: unit.path })) throw AppError.notFound('agency');
  if (!unit.active) throw AppError.invalid('body.agencyId', 'inactive', 'the agency is no longer active');
  checkPlanDates(input);
  const [existing] = await tx.select({ id: selfInspection.id }).from(selfInspection).where(and(eq(selfInspection.agencyId, unit.id), eq(selfInspection.year, input.year)));
  if (existing) throw new AppError('DUPLICATE', `the unit already has a self-inspection plan for ${input.year}`);
  const [row] = await tx
    .insert(selfInspection)
    .values({
      agencyId: unit.id,
      year: input.year,
      documentNumber: input.documentNumber ?? null,
      issuedOn: input.issuedOn ?? null,
      content: input.content,
      scope: input.scope,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      createdBy: ctx.actor.userId,
    })
    .returning();
  await recordAudit(tx, ctx, { action: 'self_inspection.created', entityType: 'self_inspection', entityId: row.id, scope: { agencies: [unit.id] }, after: row });
  await tellOffice(tx, ctx, { ...row, agencyName: unit.name, agencyUnitPath: unit.unitPath, agencyPath: unit.path }, 'plan');
  return row;
}
