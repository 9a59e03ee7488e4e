import type { z } from 'zod';
import type { raiseDifficultyBody } from '../../../shared/api/difficulties.schemas.js';
import { authorize } from '../../authz/guard.js';
import { inReach } from '../../authz/scope.js';
import type { Tx } from '../../db/client.js';
import { difficulty } from '../../db/schema/index.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { notify } from '../../notifications/notify.js';
import { usersReaching } from '../../notifications/recipients.js';
import { recordAudit } from '../audit/audit-log.js';
import { agencyById } from '../assigned-tasks/task-inputs.js';
import { activeReformArea } from './difficulties.repository.js';
import { difficultyLink, type DifficultyEnv } from './difficulty-env.js';

/**
 * A unit's officer raises a difficulty of its own agency to the committee, through the standing
 * office (told at once). Another unit's agency is not found (404).
 */
export async function raiseDifficulty(tx: Tx, ctx: RequestContext, env: DifficultyEnv, input: z.infer<typeof raiseDifficultyBody>) {
  authorize(ctx.actor, 'difficulty.raise', 'you may not raise difficulties');
  const unit = await agencyById(tx, input.agencyId);
  const place = unit ? { unitPath: unit.unitPath, agencyPath: unit.path } : null;
  if (!unit || !place || !inReach(ctx.actor, 'difficulty.raise', place)) throw AppError.notFound('agency');
  if (!unit.active) throw AppError.invalid('body.agencyId', 'inactive', 'the agency is no longer active');
  const area = await activeReformArea(tx, input.reformAreaId);
  if (!area) throw AppError.invalid('body.reformAreaId', 'not_found', 'no reform area in use has this id');
  const [row] = await tx
    .insert(difficulty)
    .values({ agencyId: unit.id, reformAreaId: area.id, title: input.title, body: input.body, raisedOn: env.today, raisedBy: ctx.actor.userId, raisedByName: ctx.actor.fullName })
    .returning();
  await recordAudit(tx, ctx, { action: 'difficulty.raised', entityType: 'difficulty', entityId: row.id, scope: { agencies: [unit.id] }, after: row });
  const office = await usersReaching(tx, 'difficulty.handle', place);
  await notify(tx, ctx, { kind: 'difficulty.raised', recipients: office, params: () => ({ agencyName: unit.name, title: row.title, areaName: area.name }), link: difficultyLink(row.id) });
  return row;
}
