import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { auditQuery } from '../../../shared/api/audit.schemas.js';
import type { DbOrTx } from '../../db/client.js';
import { auditEvent } from '../../db/schema/index.js';
import type { Actor } from '../../http/actor.js';
import { auditEventVisible, authorizeAuditRead } from './audit.policy.js';
import { presentAuditEvent } from './audit.presenter.js';

/**
 * Past this many matching events the total is not counted further: counting a national trail of
 * millions to draw page numbers would read all of it; the browser says "more than" and people
 * narrow the filters instead.
 */
export const AUDIT_COUNT_LIMIT = 10_000;

/** A page of the audit trail the actor may read, newest first, and how many events match. */
export async function listAuditEvents(db: DbOrTx, actor: Actor, q: z.infer<typeof auditQuery>) {
  authorizeAuditRead(actor);
  const where: (SQL | undefined)[] = [auditEventVisible(actor)];
  if (q.entityType) where.push(eq(auditEvent.entityType, q.entityType));
  if (q.entityId) where.push(eq(auditEvent.entityId, q.entityId));
  if (q.actorId) where.push(eq(auditEvent.actorId, q.actorId));
  if (q.action) where.push(eq(auditEvent.action, q.action));
  // Days are Vietnamese calendar days (UTC+7), not UTC ones.
  if (q.from) where.push(gte(auditEvent.at, sql`(${q.from}::date)::timestamp at time zone 'Asia/Ho_Chi_Minh'`));
  if (q.to) where.push(lt(auditEvent.at, sql`(${q.to}::date + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh'`));
  const cond = and(...where);
  // Both walk the events newest first, so both stop early through the primary key's index.
  const matching = db.select({ id: auditEvent.id }).from(auditEvent).where(cond).orderBy(desc(auditEvent.id)).limit(AUDIT_COUNT_LIMIT + 1).as('matching');
  const [rows, [count]] = await Promise.all([
    db.select().from(auditEvent).where(cond).orderBy(desc(auditEvent.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(matching),
  ]);
  const n = Number(count?.n ?? 0);
  return {
    items: rows.map(presentAuditEvent),
    total: Math.min(n, AUDIT_COUNT_LIMIT),
    totalIsLowerBound: n > AUDIT_COUNT_LIMIT,
  };
}
