import type { z } from 'zod';
import type { closeDifficultyBody } from '../../../shared/api/difficulties.schemas.js';
import { loadForAction } from '../../authz/guard.js';
import type { Tx } from '../../db/client.js';
import { difficulty } from '../../db/schema/index.js';
import { updateVersioned } from '../../db/versioned-update.js';
import type { RequestContext } from '../../http/actor.js';
import { recordAudit } from '../audit/audit-log.js';
import { difficultyResource } from './difficulties.policy.js';
import { assertMove, bare, type DifficultyEnv } from './difficulty-env.js';

/** The raising unit (satisfied) or the office closes an answered difficulty. */
export async function closeDifficulty(tx: Tx, ctx: RequestContext, env: DifficultyEnv, id: string, input: z.infer<typeof closeDifficultyBody>) {
  const row = await loadForAction(tx, ctx, difficultyResource, id, 'close', input.version);
  assertMove(ctx.actor, row, 'close');
  const after = await updateVersioned(tx, difficulty, id, input.version, { status: 'closed', closedOn: env.today });
  await recordAudit(tx, ctx, { action: 'difficulty.closed', entityType: 'difficulty', entityId: id, scope: { agencies: [row.agencyId] }, before: bare(row), after });
  return after;
}
