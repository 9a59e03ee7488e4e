import { eq, sql } from 'drizzle-orm';
import { problemSchema } from '../../../shared/api/errors.js';
import { putStandingBodyBody, standingBodySetting } from '../../../shared/api/registry.schemas.js';
import { agency, setting } from '../../db/schema/index.js';
import type { AppDeps, AppInstance } from '../../app.js';
import { contextOf, hasRole } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { findVisibleAgency, STANDING_BODY_KEY, standingBodyId } from '../registry/registry.repository.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

export async function settingsRoutes(app: AppInstance, deps: AppDeps) {
  const { db } = deps.database;

  app.get('/api/settings/standing-body', { schema: { tags: ['settings'], summary: 'The standing body for administrative reform', response: { 200: standingBodySetting, ...errors } } }, async () => {
    const id = await standingBodyId(db);
    const [row] = id ? await db.select({ name: agency.name }).from(agency).where(eq(agency.id, id)) : [];
    return { agencyId: id, agencyName: row?.name ?? null };
  });

  app.put('/api/settings/standing-body', { schema: { tags: ['settings'], body: putStandingBodyBody, response: { 200: standingBodySetting, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    if (!hasRole(ctx.actor, 'admin')) throw new AppError('FORBIDDEN', 'only admins change system settings');
    return db.transaction(async (tx) => {
      const target = await findVisibleAgency(tx, ctx.actor, request.body.agencyId);
      if (!target) throw AppError.invalid('body.agencyId', 'not_found', 'the agency does not exist');
      const before = await standingBodyId(tx);
      const value = { agencyId: target.id };
      await tx
        .insert(setting)
        .values({ key: STANDING_BODY_KEY, value })
        .onConflictDoUpdate({ target: setting.key, set: { value, version: sql`${setting.version} + 1`, updatedAt: sql`now()` } });
      await recordAudit(tx, ctx, { action: 'setting.updated', entityType: 'setting', entityId: null, before: { key: STANDING_BODY_KEY, agencyId: before }, after: { key: STANDING_BODY_KEY, ...value } });
      return { agencyId: target.id, agencyName: target.name };
    });
  });
}
