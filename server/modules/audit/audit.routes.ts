import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { auditListResponse, auditQuery } from '../../../shared/api/audit.schemas.js';
import { problemSchema } from '../../../shared/api/errors.js';
import { auditEvent } from '../../db/schema/index.js';
import type { AppDeps, AppInstance } from '../../app.js';
import { requireActor, type Actor } from '../../http/actor.js';
import { authorize } from '../../authz/guard.js';
import { agencyColumns, agencyInReach, unitColumns, unitInReach } from '../../authz/scope.js';

/**
 * The events an admin or leader may read: those about records in their scope (units, agencies,
 * users whose roles lie there, plans and teams of agencies there, register entries), the
 * installation-wide calendar and system events, and events made by people in their scope.
 * Evaluated in SQL, so pages and totals are right.
 */
function inAuditScope(actor: Actor): SQL {
  const units = sql`(select u.id from unit u where ${unitInReach(actor, 'audit.read', unitColumns('u'))})`;
  const agencies = sql`(select a.id from agency a where ${agencyInReach(actor, 'audit.read', agencyColumns('a'))})`;
  const usersInScope = sql`(select r.user_id from user_role r where r.agency_id in ${agencies})`;
  return sql`(
    ${auditEvent.entityType} in ('calendar_year', 'system')
    or (${auditEvent.entityType} = 'unit' and ${auditEvent.entityId} in (select id::text from unit where id in ${units}))
    or (${auditEvent.entityType} = 'agency' and ${auditEvent.entityId} in (select id::text from agency where id in ${agencies}))
    or (${auditEvent.entityType} = 'user' and ${auditEvent.entityId} in (select user_id::text from user_role where agency_id in ${agencies}))
    or (${auditEvent.entityType} = 'inspection_plan' and ${auditEvent.entityId} in (select id::text from inspection_plan where issuing_agency_id in ${agencies}))
    or (${auditEvent.entityType} = 'inspection_team' and ${auditEvent.entityId} in (
          select t.id::text from inspection_team t join inspection_plan p on p.id = t.plan_id where p.issuing_agency_id in ${agencies}))
    or (${auditEvent.entityType} = 'document_register_entry' and ${auditEvent.entityId} in (select id::text from document_register_entry where agency_id in ${agencies}))
    or (${auditEvent.entityType} in ('registry', 'setting') and ${auditEvent.actorId} in ${usersInScope})
  )`;
}

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
      authorize(actor, 'audit.read', 'only admins and leaders read the audit trail');
      const q = request.query;
      const where: (SQL | undefined)[] = [inAuditScope(actor)];
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
