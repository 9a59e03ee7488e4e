import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { auditListResponse, auditQuery } from '../../../shared/api/audit.schemas.js';
import { problemSchema } from '../../../shared/api/errors.js';
import { auditEvent } from '../../db/schema/index.js';
import type { AppDeps, AppInstance } from '../../app.js';
import { hasRole, requireActor } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';

export async function auditRoutes(app: AppInstance, deps: AppDeps) {
  const { db } = deps.database;
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'The audit trail, newest first (admins and leaders)',
        querystring: auditQuery,
        response: { 200: auditListResponse, 400: problemSchema, 401: problemSchema, 403: problemSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (!hasRole(actor, 'admin', 'leader')) throw new AppError('FORBIDDEN', 'only admins and leaders read the audit trail');
      const q = request.query;
      const where: (SQL | undefined)[] = [];
      if (q.entityType) where.push(eq(auditEvent.entityType, q.entityType));
      if (q.entityId) where.push(eq(auditEvent.entityId, q.entityId));
      if (q.actorId) where.push(eq(auditEvent.actorId, q.actorId));
      if (q.action) where.push(eq(auditEvent.action, q.action));
      // Days are Vietnamese calendar days (UTC+7), not UTC ones.
      if (q.from) where.push(gte(auditEvent.at, sql`(${q.from}::date)::timestamp at time zone 'Asia/Ho_Chi_Minh'`));
      if (q.to) where.push(lt(auditEvent.at, sql`(${q.to}::date + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh'`));
      const cond = and(...where);
      const [items, [count]] = await Promise.all([
        db.select().from(auditEvent).where(cond).orderBy(desc(auditEvent.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
        db.select({ n: sql<number>`count(*)::int` }).from(auditEvent).where(cond),
      ]);
      return {
        items: items.map((e) => ({ ...e, id: String(e.id), at: e.at.toISOString() })),
        total: Number(count?.n ?? 0),
      };
    },
  );
}
