import { problemSchema } from '../../../shared/api/errors.js';
import { calendarYearParams, calendarYearResponse, deadlineQuery, deadlineResponse, putCalendarYearBody } from '../../../shared/api/calendar.schemas.js';
import type { AppDeps, AppInstance } from '../../app.js';
import { contextOf, hasRole, requireActor } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { calendarProblem, getCalendarYear, loadWorkingCalendar, saveCalendarYear } from './calendar.service.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 409: problemSchema };

export async function calendarRoutes(app: AppInstance, deps: AppDeps) {
  const { db } = deps.database;

  // Registered before /:year so "deadline" is never read as a year.
  app.get(
    '/api/calendar/deadline',
    {
      schema: {
        tags: ['calendar'],
        summary: 'A deadline N working days before or after a date, with a sentence a notice can quote',
        querystring: deadlineQuery,
        response: { 200: deadlineResponse, ...errors },
      },
    },
    async (request) => {
      requireActor(request);
      const { calendar } = await loadWorkingCalendar(db);
      const { date, workingDays, direction } = request.query;
      try {
        return direction === 'before' ? calendar.dueBefore(date, workingDays) : calendar.dueAfter(date, workingDays);
      } catch (err) {
        return calendarProblem(err, { date: 'query.date', count: 'query.workingDays' });
      }
    },
  );

  app.get(
    '/api/calendar/:year',
    { schema: { tags: ['calendar'], summary: 'Every day of a year that differs from Monday–Friday', params: calendarYearParams, response: { 200: calendarYearResponse, ...errors } } },
    async (request) => {
      requireActor(request);
      return getCalendarYear(db, request.params.year);
    },
  );

  app.put(
    '/api/calendar/:year',
    { schema: { tags: ['calendar'], summary: "Record a year's official schedule (admins)", params: calendarYearParams, body: putCalendarYearBody, response: { 200: calendarYearResponse, ...errors } } },
    async (request) => {
      const ctx = contextOf(request);
      if (!hasRole(ctx.actor, 'admin')) throw new AppError('FORBIDDEN', 'only admins edit the calendar');
      return db.transaction((tx) => saveCalendarYear(tx, ctx, request.params.year, request.body));
    },
  );
}
