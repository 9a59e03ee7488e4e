import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { problemSchema } from '../../../shared/api/errors.js';
import { putStandingBodyBody, standingBodySetting } from '../../../shared/api/registry.schemas.js';
import { agency, setting } from '../../db/schema/index.js';
import type { AppDeps, AppInstance } from '../../app.js';
import { contextOf, hasRole, requireActor } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { findVisibleAgency, STANDING_BODY_KEY } from '../registry/registry.repository.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

async function readStandingBody(db: DbOrTx) {
  const [row] = await db
    .select({ value: setting.value, version: setting.version })
    .from(setting)
    .where(eq(setting.key, STANDING_BODY_KEY));
  const agencyId = (row?.value as { agencyId?: string } | undefined)?.agencyId ?? null;
  const [named] = agencyId ? await db.select({ name: agency.name }).from(agency).where(eq(agency.id, agencyId)) : [];
  return { agencyId, agencyName: named?.name ?? null, version: row?.version ?? null };
}

export async function settingsRoutes(app: AppInstance, deps: AppDeps) {
  const { db } = deps.database;

  app.get('/api/settings/standing-body', { schema: { tags: ['settings'], summary: 'The standing body for administrative reform', response: { 200: standingBodySetting, ...errors } } }, async (request) => {
    requireActor(request);
    return readStandingBody(db);
  });

  app.put('/api/settings/standing-body', { schema: { tags: ['settings'], body: putStandingBodyBody, response: { 200: standingBodySetting, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    if (!hasRole(ctx.actor, 'admin')) throw new AppError('FORBIDDEN', 'only admins change system settings');
    return db.transaction(async (tx) => {
      const target = await findVisibleAgency(tx, ctx.actor, request.body.agencyId);
      if (!target) throw AppError.invalid('body.agencyId', 'not_found', 'the agency does not exist');
      const before = await readStandingBody(tx);
      const value = { agencyId: target.id };
      if (request.body.version === null) {
        if (before.version !== null) throw new AppError('VERSION_CONFLICT', `the setting exists already (version ${before.version})`);
        await tx.insert(setting).values({ key: STANDING_BODY_KEY, value });
      } else {
        const updated = await tx
          .update(setting)
          .set({ value, version: sql`${setting.version} + 1`, updatedAt: sql`now()` })
          .where(and(eq(setting.key, STANDING_BODY_KEY), eq(setting.version, request.body.version)))
          .returning({ key: setting.key });
        if (!updated.length) throw new AppError('VERSION_CONFLICT', 'the setting was changed by someone else');
      }
      const after = await readStandingBody(tx);
      await recordAudit(tx, ctx, { action: 'setting.updated', entityType: 'setting', entityId: STANDING_BODY_KEY, scope: 'author', before, after });
      return after;
    });
  });
}
