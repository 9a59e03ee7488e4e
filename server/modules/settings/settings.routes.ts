import { problemSchema } from '../../../shared/api/errors.js';
import { putStandingBodyBody, standingBodyQuery, standingBodySetting } from '../../../shared/api/registry.schemas.js';
import type { AppDeps, AppInstance } from '../../app.js';
import { contextOf, requireActor } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { findVisibleUnit } from '../registry/registry.repository.js';
import { putReminderTimeBody, putScheduleRulesBody, reminderTimeQuery, reminderTimeSetting, scheduleRulesQuery, scheduleRulesSetting } from '../../../shared/api/schedule-settings.schemas.js';
import { authorizeReminderTime, presentReminderTime, setReminderTime } from './reminder-time-setting.js';
import { authorizeScheduleRules, presentScheduleRules, setScheduleRules } from './schedule-rules-setting.js';
import { presentStandingBody } from './settings.presenter.js';
import { readStandingBody } from './settings.repository.js';
import { setStandingBody } from './set-standing-body.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

export async function settingsRoutes(app: AppInstance, deps: AppDeps) {
  const { db } = deps.database;

  app.get(
    '/api/settings/standing-body',
    {
      schema: {
        tags: ['settings'],
        summary: "The standing body for administrative reform of a unit's People's Committee (by default the caller's own authority)",
        querystring: standingBodyQuery,
        response: { 200: standingBodySetting, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const unitId = request.query.unitId ?? actor.roles[0]?.unitId;
      if (!unitId || !(await findVisibleUnit(db, actor, unitId))) throw AppError.notFound('unit');
      return presentStandingBody(await readStandingBody(db, unitId));
    },
  );

  app.get(
    '/api/settings/schedule-rules',
    { schema: { tags: ['settings'], summary: 'The schedule’s notice lead time and revisit window in force for an authority (default: the caller’s), or the installation’s', querystring: scheduleRulesQuery, response: { 200: scheduleRulesSetting, ...errors } } },
    async (request) => presentScheduleRules(db, requireActor(request), deps.config.schedule, request.query),
  );

  app.put(
    '/api/settings/schedule-rules',
    { schema: { tags: ['settings'], summary: 'Set an authority’s (unitId) or the installation’s notice lead time (working days) and revisit window (days), versioned', body: putScheduleRulesBody, response: { 200: scheduleRulesSetting, ...errors, 409: problemSchema } } },
    async (request) => {
      const ctx = contextOf(request);
      authorizeScheduleRules(ctx.actor);
      return db.transaction((tx) => setScheduleRules(tx, ctx, request.body, deps.config.schedule));
    },
  );

  app.get(
    '/api/settings/reminder-time',
    { schema: { tags: ['settings'], summary: 'The time of day an authority’s reminders go out (default: the caller’s authority): its own, else the installation’s daily run time', querystring: reminderTimeQuery, response: { 200: reminderTimeSetting, ...errors } } },
    async (request) => presentReminderTime(db, requireActor(request), request.query),
  );

  app.put(
    '/api/settings/reminder-time',
    { schema: { tags: ['settings'], summary: 'Set the time of day (HH:MM, Asia/Ho_Chi_Minh) an authority’s reminders go out, versioned', body: putReminderTimeBody, response: { 200: reminderTimeSetting, ...errors, 409: problemSchema } } },
    async (request) => {
      const ctx = contextOf(request);
      authorizeReminderTime(ctx.actor);
      return db.transaction((tx) => setReminderTime(tx, ctx, request.body));
    },
  );

  app.put('/api/settings/standing-body', { schema: { tags: ['settings'], body: putStandingBodyBody, response: { 200: standingBodySetting, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    return presentStandingBody(await db.transaction((tx) => setStandingBody(tx, ctx, request.body)));
  });
}
