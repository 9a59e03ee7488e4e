import type { SQL } from 'drizzle-orm';
import { auditEvent } from '../../db/schema/index.js';
import { authorize } from '../../authz/guard.js';
import { storedScopeInReach } from '../../authz/scope-keys.js';
import type { Actor } from '../../http/actor.js';

/**
 * Who reads the audit trail: admins and leaders (`audit.read`), the events whose stored scope
 * their grants reach — the records of their area, the people working there, the installation-wide
 * calendar and job events (docs/decisions/audit-scope.md). The scope was captured when each event
 * was written, so this rule knows no record type, and a new module adds nothing here.
 */
export function authorizeAuditRead(actor: Actor): void {
  authorize(actor, 'audit.read', 'only admins and leaders read the audit trail');
}

/** SQL: the event lies in the actor's audit scope (a GIN-indexed overlap, or nothing to test). */
export const auditEventVisible = (actor: Actor): SQL => storedScopeInReach(actor, 'audit.read', auditEvent.scope);
