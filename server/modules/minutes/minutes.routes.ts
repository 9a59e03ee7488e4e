import { idParams } from '../../../shared/api/common.js';
import { problemSchema } from '../../../shared/api/errors.js';
import { createMinutesBody, finalizeMinutesBody, listMinutesQuery, minutesListResponse, minutesSchema, updateMinutesBody } from '../../../shared/api/minutes.schemas.js';
import { clockOf, type AppDeps, type AppInstance } from '../../app.js';
import type { DbOrTx } from '../../db/client.js';
import { contextOf, type RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { draftMinutes } from './draft-minutes.js';
import { finalizeMinutes } from './finalize-minutes.js';
import './minutes.files.js';
import { presentMinutes } from './minutes.presenter.js';
import { findVisibleMinutes, listVisibleMinutes } from './minutes.repository.js';
import { updateMinutes } from './update-minutes.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

export async function minutesRoutes(app: AppInstance, deps: AppDeps) {
  const { db } = deps.database;
  const tags = ['minutes'];
  async function detail(tx: DbOrTx, ctx: RequestContext, id: string) {
    const row = await findVisibleMinutes(tx, ctx.actor, id);
    if (!row) throw AppError.notFound('minutes');
    return presentMinutes(tx, ctx.actor, row);
  }

  app.get('/api/minutes', { schema: { tags, summary: 'The minutes of an inspection the caller sees (a draft: the team, the office and the leaders only)', querystring: listMinutesQuery, response: { 200: minutesListResponse, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    return db.transaction(async (tx) => {
      const rows = await listVisibleMinutes(tx, ctx.actor, request.query.inspectionId);
      return { items: await Promise.all(rows.map((r) => presentMinutes(tx, ctx.actor, r))) };
    });
  });
  app.get('/api/minutes/:id', { schema: { tags, params: idParams, response: { 200: minutesSchema, ...errors } } }, async (request) => db.transaction((tx) => detail(tx, contextOf(request), request.params.id)));
  app.post('/api/minutes', { schema: { tags, summary: 'Draft the minutes (Biên bản kiểm tra) of a visit from its checklists and findings (the team)', body: createMinutesBody, response: { 201: minutesSchema, ...errors } } }, async (request, reply) => {
    const ctx = contextOf(request);
    const out = await db.transaction(async (tx) => detail(tx, ctx, (await draftMinutes(tx, ctx, request.body)).id));
    return reply.status(201).send(out);
  });
  app.patch('/api/minutes/:id', { schema: { tags, summary: 'Edit draft minutes (versioned; final minutes are frozen)', params: idParams, body: updateMinutesBody, response: { 200: minutesSchema, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    return db.transaction(async (tx) => {
      await updateMinutes(tx, ctx, request.params.id, request.body);
      return detail(tx, ctx, request.params.id);
    });
  });
  app.post('/api/minutes/:id/finalize', { schema: { tags, summary: 'Finalise the minutes as signed: BB number from the register, Mẫu 1.9 frozen', params: idParams, body: finalizeMinutesBody, response: { 200: minutesSchema, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    return db.transaction(async (tx) => {
      await finalizeMinutes(tx, ctx, { clock: clockOf(deps) }, request.params.id, request.body);
      return detail(tx, ctx, request.params.id);
    });
  });
}
