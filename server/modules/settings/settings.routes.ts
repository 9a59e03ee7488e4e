import { problemSchema } from '../../../shared/api/errors.js';
import { putStandingBodyBody, standingBodySetting } from '../../../shared/api/registry.schemas.js';
import type { AppDeps, AppInstance } from '../../app.js';
import { contextOf, requireActor } from '../../http/actor.js';
import { presentStandingBody } from './settings.presenter.js';
import { readStandingBody } from './settings.repository.js';
import { setStandingBody } from './set-standing-body.js';
import { authorizeSettingsChange } from './settings.policy.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

export async function settingsRoutes(app: AppInstance, deps: AppDeps) {
  const { db } = deps.database;

  app.get('/api/settings/standing-body', { schema: { tags: ['settings'], summary: 'The standing body for administrative reform', response: { 200: standingBodySetting, ...errors } } }, async (request) => {
    requireActor(request);
    return presentStandingBody(await readStandingBody(db));
  });

  app.put('/api/settings/standing-body', { schema: { tags: ['settings'], body: putStandingBodyBody, response: { 200: standingBodySetting, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    authorizeSettingsChange(ctx.actor);
    return presentStandingBody(await db.transaction((tx) => setStandingBody(tx, ctx, request.body)));
  });
}
