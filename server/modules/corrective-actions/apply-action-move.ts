import { sql } from 'drizzle-orm';
import type { ActionMove } from '../../../shared/domain/follow-up.js';
import type { AuditAction } from '../../../shared/api/audit.schemas.js';
import type { Tx } from '../../db/client.js';
import { correctiveAction, correctiveActionUpdate } from '../../db/schema/index.js';
import { updateVersioned } from '../../db/versioned-update.js';
import type { RequestContext } from '../../http/actor.js';
import { recordAudit } from '../audit/audit-log.js';
import { issuerPlace } from '../plans/plans.policy.js';
import { assertActionMove, responsiblePlace } from './corrective-actions.policy.js';
import type { ActionRow } from './corrective-actions.repository.js';

/**
 * Applies a move the guard has allowed: the new status (from the status machine), the history
 * entry, the audit event — visible where the plan was issued and where the responsible agency
 * sits — in the caller's transaction.
 */
export async function applyActionMove(tx: Tx, ctx: RequestContext, row: ActionRow, move: ActionMove, input: { version: number; note?: string | null }, audit: AuditAction) {
  const to = assertActionMove(row, move);
  const changes: Record<string, unknown> = { status: to };
  if (move === 'plan') changes.planText = input.note ?? null;
  if (to === 'closed') changes.closedAt = sql`now()`;
  const after = await updateVersioned(tx, correctiveAction, row.id, input.version, changes);
  await tx.insert(correctiveActionUpdate).values({ actionId: row.id, move, fromStatus: row.status, toStatus: to, note: input.note ?? null, authorId: ctx.actor.userId, authorName: ctx.actor.fullName });
  await recordAudit(tx, ctx, {
    action: audit,
    entityType: 'corrective_action',
    entityId: row.id,
    scope: { places: [issuerPlace(row), responsiblePlace(row)] },
    before: { status: row.status, version: row.version },
    after: { status: to, version: after.version, move, note: input.note ?? null },
  });
  return after;
}
