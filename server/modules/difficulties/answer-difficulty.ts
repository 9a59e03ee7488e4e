import type { z } from 'zod';
import type { answerDifficultyBody } from '../../../shared/api/difficulties.schemas.js';
import { loadForAction } from '../../authz/guard.js';
import type { Tx } from '../../db/client.js';
import { difficulty } from '../../db/schema/index.js';
import { updateVersioned } from '../../db/versioned-update.js';
import type { RequestContext } from '../../http/actor.js';
import { notify } from '../../notifications/notify.js';
import { usersReaching } from '../../notifications/recipients.js';
import { recordAudit } from '../audit/audit-log.js';
import { difficultyPlace, difficultyResource } from './difficulties.policy.js';
import { assertMove, bare, difficultyLink, type DifficultyEnv } from './difficulty-env.js';

/**
 * The office (what it has not forwarded) or a leader answers a difficulty; the response time is
 * counted in working days from the day it was raised. The unit's officers are told. Nobody
 * answers a difficulty they raised (403).
 */
export async function answerDifficulty(tx: Tx, ctx: RequestContext, env: DifficultyEnv, id: string, input: z.infer<typeof answerDifficultyBody>) {
  const row = await loadForAction(tx, ctx, difficultyResource, id, 'answer', input.version);
  assertMove(ctx.actor, row, 'answer');
  const after = await updateVersioned(tx, difficulty, id, input.version, {
    status: 'answered',
    answer: input.answer,
    answeredBy: ctx.actor.userId,
    answeredByName: ctx.actor.fullName,
    answeredOn: env.today,
    responseWorkingDays: Math.max(0, env.calendar.workingDaysBetween(row.raisedOn, env.today)),
  });
  await recordAudit(tx, ctx, { action: 'difficulty.answered', entityType: 'difficulty', entityId: id, scope: { agencies: [row.agencyId] }, before: bare(row), after });
  const unitOfficers = await usersReaching(tx, 'difficulty.raise', difficultyPlace(row));
  await notify(tx, ctx, { kind: 'difficulty.answered', recipients: unitOfficers, params: () => ({ title: row.title, answeredBy: ctx.actor.fullName }), link: difficultyLink(id) });
  return after;
}
