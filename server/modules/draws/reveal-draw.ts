import { eq, sql } from 'drizzle-orm';
import { loadForAction } from '../../authz/guard.js';
import type { Tx } from '../../db/client.js';
import { unannouncedDraw } from '../../db/schema/index.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { issuerPlace } from '../plans/plans.policy.js';
import { drawResource } from './draws.policy.js';
import { pendingVisitsTo } from './draws.repository.js';

/**
 * After the visits, the office reveals the seed: from then on anyone can recompute the draw
 * (GET /api/public/unannounced-draws/{id}). Refused (409 INVALID_STATE) while an unannounced visit
 * of the plan to a drawn place has neither started nor been cancelled: revealing would tell the
 * world where the team is going.
 */
export async function revealDraw(tx: Tx, ctx: RequestContext, id: string, version: number) {
  const row = await loadForAction(tx, ctx, drawResource, id, 'reveal', version);
  const pending = await pendingVisitsTo(tx, row.planId, row.drawn as string[]);
  if (pending > 0) throw new AppError('INVALID_STATE', `${pending} unannounced visit(s) to the drawn places have not started yet`);
  const [after] = await tx
    .update(unannouncedDraw)
    .set({ revealedAt: sql`now()`, revealedBy: ctx.actor.userId, version: sql`${unannouncedDraw.version} + 1` })
    .where(eq(unannouncedDraw.id, id))
    .returning();
  await recordAudit(tx, ctx, {
    action: 'unannounced_draw.revealed',
    entityType: 'unannounced_draw',
    entityId: id,
    scope: { places: [issuerPlace(row)] },
    before: { revealedAt: null },
    after: { revealedAt: after.revealedAt, seed: after.seed },
  });
}
