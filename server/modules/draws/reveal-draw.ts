import { eq, sql } from 'drizzle-orm';
import { loadForAction } from '../../authz/guard.js';
import type { Tx } from '../../db/client.js';
import { unannouncedDraw } from '../../db/schema/index.js';
import type { RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { issuerPlace } from '../plans/plans.policy.js';
import { drawResource } from './draws.policy.js';
import { drawVisits, secretDrawsBlocking } from './draws.repository.js';
import { revealBlocked } from './draws.policy.js';

/**
 * After the visits, the office reveals the seed: from then on anyone can recompute the draw
 * (GET /api/public/unannounced-draws/{id}). A draw in force: refused (409 DRAW_VISITS_PENDING) until every drawn
 * place has had an unannounced visit of the plan started there and none is still to come: revealing
 * earlier would tell the world where the team is going (docs/decisions/unannounced-draw.md).
 * A superseded draw needs no visits. Either is refused (409 INVALID_STATE) while a draw its reveal
 * would betray is still secret (draws.repository.ts `secretDrawsBlocking`).
 */
export async function revealDraw(tx: Tx, ctx: RequestContext, id: string, version: number) {
  const row = await loadForAction(tx, ctx, drawResource, id, 'reveal', version);
  const visits = await drawVisits(tx, row.planId, row.drawn as string[], row.createdAt);
  if (revealBlocked(row, visits)) {
    throw new AppError('DRAW_VISITS_PENDING', `${visits.unvisited} drawn place(s) not visited yet, ${visits.pending} unannounced visit(s) to them still to start`, undefined, {
      pendingVisits: visits.pending,
      unvisitedPlaces: visits.unvisited,
    });
  }
  const secret = await secretDrawsBlocking(tx, row);
  if (secret) {
    throw new AppError('INVALID_STATE', row.supersededAt ? `the plan has ${secret} draw(s) in force still secret: revealing a superseded draw would tell that a later draw exists` : `${secret} earlier draw(s) of the plan still secret: reveal or supersede them first (the public check lists every earlier draw)`);
  }
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
