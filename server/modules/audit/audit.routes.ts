import { auditListResponse, auditQuery } from '../../../shared/api/audit.schemas.js';
import { problemSchema } from '../../../shared/api/errors.js';
import type { AppDeps, AppInstance } from '../../app.js';
import { requireActor } from '../../http/actor.js';
import { listAuditEvents } from './list-audit-events.js';

export async function auditRoutes(app: AppInstance, deps: AppDeps) {
  const { db } = deps.database;
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'The audit trail in the caller’s scope, newest first (admins and leaders)',
        querystring: auditQuery,
        response: { 200: auditListResponse, 400: problemSchema, 401: problemSchema, 403: problemSchema },
      },
    },
    async (request) => listAuditEvents(db, requireActor(request), request.query),
  );
}
