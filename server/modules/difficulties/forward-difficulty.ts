import type { z } from 'zod';
import type { forwardDifficultyBody } from '../../../shared/api/difficulties.schemas.js';
import { loadForAction } from '../../authz/guard.js';
import type { Tx } from '../../db/client.js';
import { difficulty } from '../../db/schema/index.js';
import { updateVersioned } from '../../db/versioned-update.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { notify } from '../../notifications/notify.js';
import { recordAudit } from '../audit/audit-log.js';
import { difficultyPlace, difficultyResource } from './difficulties.policy.js';
import { forwardTargets } from './forward-targets.js';
import { assertMove, bare, difficultyLink, type DifficultyEnv } from './difficulty-env.js';

/** The standing office forwards a raised difficulty to a leader of the committee over the unit, who is told. */
export async function forwardDifficulty(tx: Tx, ctx: RequestContext, env: DifficultyEnv, id: string, input: z.infer<typeof forwardDifficultyBody>) {
  const row = await loadForAction(tx, ctx, difficultyResource, id, 'forward', input.version);
  assertMove(ctx.actor, row, 'forward');
  const leader = (await forwardTargets(tx, difficultyPlace(row))).find((l) => l.userId === input.leaderUserId);
  if (!leader) throw AppError.invalid('body.leaderUserId', 'not_a_leader', 'no leader who answers this unit’s difficulties has this id');
  const after = await updateVersioned(tx, difficulty, id, input.version, { status: 'forwarded', forwardedTo: leader.userId, forwardedToName: leader.fullName, forwardNote: input.note ?? null, forwardedOn: env.today });
  await recordAudit(tx, ctx, { action: 'difficulty.forwarded', entityType: 'difficulty', entityId: id, scope: { agencies: [row.agencyId] }, before: bare(row), after });
  await notify(tx, ctx, { kind: 'difficulty.forwarded', recipients: [leader.userId], params: () => ({ agencyName: row.agencyName, title: row.title, note: input.note ?? null }), link: difficultyLink(id) });
  return after;
}
