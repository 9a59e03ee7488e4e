import type { AuditEvent } from '../../../shared/api/audit.schemas.js';
import type { auditEvent } from '../../db/schema/index.js';

type AuditEventRow = Pick<typeof auditEvent.$inferSelect, 'id' | 'at' | 'actorId' | 'actorName' | 'ip' | 'action' | 'entityType' | 'entityId' | 'before' | 'after'>;

/** One event as the audit browser shows it (the stored scope and request id stay inside). */
export function presentAuditEvent(row: AuditEventRow): AuditEvent {
  return {
    id: String(row.id),
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorName: row.actorName,
    ip: row.ip,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: row.before,
    after: row.after,
  };
}
