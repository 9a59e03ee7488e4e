import type { z } from 'zod';
import type { acceptProposalBody } from '../../../shared/api/schedule-proposals.schemas.js';
import type { Tx } from '../../db/client.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { createInspection } from '../inspections/create-inspection.js';
import type { ScheduleEnv } from '../inspections/schedule-checks.js';
import { schedulablePlan } from './propose-schedule.js';

/**
 * The office accepts the placements it keeps (all, some or none): each is scheduled like a single
 * inspection, checked again by the schedule rules against what is booked, the earlier placements
 * of the same request included. One transaction: one refused placement refuses them all, and the
 * answer names it (`placements.<i>` in the detail).
 */
export async function acceptProposal(tx: Tx, ctx: RequestContext, env: ScheduleEnv, input: z.infer<typeof acceptProposalBody>) {
  await schedulablePlan(tx, ctx, input.planId);
  const ids: string[] = [];
  for (const [i, p] of input.placements.entries()) {
    try {
      const row = await createInspection(tx, ctx, env, { planId: input.planId, agencyId: p.agencyId, teamId: p.teamId, kind: input.kind, startsOn: p.startsOn, overrideReason: input.overrideReason });
      ids.push(row.id);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      const invalidParams = e.invalidParams?.map((f) => ({ ...f, name: f.name.replace(/^body\./, `body.placements.${i}.`) }));
      throw new AppError(e.code, `placement ${i + 1}: ${e.message}`, invalidParams, e.extensions);
    }
  }
  return { created: ids.length, ids };
}
