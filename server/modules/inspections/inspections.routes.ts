import { idParams } from '../../../shared/api/common.js';
import { problemSchema } from '../../../shared/api/errors.js';
import {
  cancelBody,
  createInspectionBody,
  inspectionListResponse,
  inspectionSchema,
  listInspectionsQuery,
  moveBody,
  startBody,
  rescheduleBody,
  updateInspectionBody,
} from '../../../shared/api/inspections.schemas.js';
import { clockOf, type AppDeps, type AppInstance } from '../../app.js';
import type { DbOrTx } from '../../db/client.js';
import { contextOf, type RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { loadWorkingCalendar } from '../calendar/calendar.service.js';
import { createInspection } from './create-inspection.js';
import { exportSchedule } from './export-schedule.js';
import { cancelInspection, closeInspection, rescheduleInspection, startInspection } from './move-inspection.js';
import { presentInspections } from './inspections.presenter.js';
import { preVisitReportOf } from '../reports/reports.repository.js';
import { findVisibleInspection, listInspections } from './inspections.repository.js';
import type { ScheduleEnv } from './schedule-checks.js';
import { updateInspection } from './update-inspection.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

export async function inspectionRoutes(app: AppInstance, deps: AppDeps) {
  const { db } = deps.database;
  const tags = ['inspections'];
  const envOf = async (tx: DbOrTx): Promise<ScheduleEnv> => ({ calendar: (await loadWorkingCalendar(tx)).calendar, clock: clockOf(deps), config: deps.config });

  async function detail(tx: DbOrTx, ctx: RequestContext, env: ScheduleEnv, id: string) {
    const row = await findVisibleInspection(tx, ctx.actor, id);
    if (!row) throw AppError.notFound('inspection');
    return (await presentInspections(tx, ctx.actor, env, [row]))[0];
  }

  app.get(
    '/api/inspections',
    { schema: { tags, summary: 'Inspections the caller may see (unannounced visits hidden from the unit until they start), by date', querystring: listInspectionsQuery, response: { 200: inspectionListResponse, ...errors } } },
    async (request) => {
      const ctx = contextOf(request);
      const q = request.query;
      if (q.from && q.to && q.to < q.from) throw AppError.invalid('query.to', 'before_from', 'the range ends before it starts');
      if (q.month && !q.year) throw AppError.invalid('query.year', 'required', 'a month needs its year');
      return db.transaction(async (tx) => {
        const { rows, total } = await listInspections(tx, ctx.actor, q);
        return { items: await presentInspections(tx, ctx.actor, await envOf(tx), rows), total };
      });
    },
  );

  app.get(
    '/api/inspections/export.xlsx',
    { schema: { tags, summary: 'The schedule the caller may see as .xlsx, with the list filters', querystring: listInspectionsQuery.omit({ page: true, pageSize: true }) } },
    async (request, reply) => {
      const ctx = contextOf(request);
      const q = request.query;
      if (q.from && q.to && q.to < q.from) throw AppError.invalid('query.to', 'before_from', 'the range ends before it starts');
      if (q.month && !q.year) throw AppError.invalid('query.year', 'required', 'a month needs its year');
      const bytes = await db.transaction((tx) => exportSchedule(tx, ctx.actor, q));
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="lich-kiem-tra.xlsx"')
        .send(bytes);
    },
  );

  app.get('/api/inspections/:id', { schema: { tags, params: idParams, response: { 200: inspectionSchema, ...errors } } }, async (request) =>
    db.transaction(async (tx) => {
      const ctx = contextOf(request);
      const shown = await detail(tx, ctx, await envOf(tx), request.params.id);
      return { ...shown, preVisitReport: await preVisitReportOf(tx, ctx.actor, shown.id) };
    }),
  );

  app.post(
    '/api/inspections',
    { schema: { tags, summary: 'Schedule an inspection of a target agency by a founded team (standing office); 409 SCHEDULE_CONFLICT names each broken rule', body: createInspectionBody, response: { 201: inspectionSchema, ...errors } } },
    async (request, reply) => {
      const ctx = contextOf(request);
      const out = await db.transaction(async (tx) => {
        const env = await envOf(tx);
        return detail(tx, ctx, env, (await createInspection(tx, ctx, env, request.body)).id);
      });
      return reply.status(201).send(out);
    },
  );

  app.patch('/api/inspections/:id', { schema: { tags, summary: 'Change team, dates, time, places or note (versioned)', params: idParams, body: updateInspectionBody, response: { 200: inspectionSchema, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    return db.transaction(async (tx) => {
      const env = await envOf(tx);
      await updateInspection(tx, ctx, env, request.params.id, request.body);
      return detail(tx, ctx, env, request.params.id);
    });
  });

  const move = (name: string, summary: string, body: typeof moveBody | typeof startBody | typeof cancelBody | typeof rescheduleBody, run: (tx: Parameters<typeof startInspection>[0], ctx: RequestContext, env: ScheduleEnv, id: string, input: never) => Promise<unknown>) =>
    app.post(`/api/inspections/:id/${name}`, { schema: { tags, summary, params: idParams, body, response: { 200: inspectionSchema, ...errors } } }, async (request) => {
      const ctx = contextOf(request);
      return db.transaction(async (tx) => {
        const env = await envOf(tx);
        await run(tx, ctx, env, request.params.id, request.body as never);
        return detail(tx, ctx, env, request.params.id);
      });
    });

  move('start', 'The team arrives: the inspection is under way (an unannounced visit becomes visible to the unit); `startedAt` records an earlier arrival', startBody, (tx, ctx, env, id, input: { version: number; startedAt?: string }) => startInspection(tx, ctx, env, id, input));
  move('close', 'The inspection is over', moveBody, (tx, ctx, env, id, input: { version: number }) => closeInspection(tx, ctx, env, id, input.version));
  move('cancel', 'Cancel a planned or notified inspection, with a reason', cancelBody, (tx, ctx, env, id, input) => cancelInspection(tx, ctx, env, id, input));
  move('reschedule', 'Move the visit to other days, with a reason (a notified one returns to planned)', rescheduleBody, (tx, ctx, env, id, input) => rescheduleInspection(tx, ctx, env, id, input));
}
