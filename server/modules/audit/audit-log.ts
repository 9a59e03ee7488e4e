import { auditEvent } from '../../db/schema/index.js';
import type { DbOrTx } from '../../db/client.js';
import type { RequestContext } from '../../http/actor.js';
import type { AuditAction, AuditEntityType } from '../../../shared/api/audit.schemas.js';

export { auditActions, auditEntityTypes } from '../../../shared/api/audit.schemas.js';
export type { AuditAction, AuditEntityType } from '../../../shared/api/audit.schemas.js';

export interface AuditEntry {
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
}

/** The author of a change when it is not a signed-in user (start-up seeding). */
export interface SystemContext {
  actor: null;
  ip: null;
  requestId: string | null;
}

/**
 * Appends one audit event. Call it with the transaction that makes the change, so the event and
 * the change commit or roll back together.
 */
export async function recordAudit(tx: DbOrTx, ctx: RequestContext | SystemContext, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvent).values({
    actorId: ctx.actor?.userId ?? null,
    actorName: ctx.actor ? `${ctx.actor.fullName} (${ctx.actor.username})` : 'system',
    ip: ctx.ip,
    requestId: ctx.requestId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before === undefined ? null : toJson(entry.before),
    after: entry.after === undefined ? null : toJson(entry.after),
  });
}

/** Dates become ISO strings; password hashes and tokens never reach the audit trail. */
function toJson(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (key, v) => (key === 'passwordHash' || key === 'csrfToken' || key === 'sortKey' ? undefined : v)),
  );
}
