import { idParams } from '../../../shared/api/common.js';
import { problemSchema } from '../../../shared/api/errors.js';
import { createFeedbackBody, feedbackListResponse, feedbackSchema, listFeedbackQuery, updateFeedbackBody } from '../../../shared/api/indices.schemas.js';
import { clockOf, type AppDeps, type AppInstance } from '../../app.js';
import { vietnamLocalTime } from '../../../shared/domain/vietnam-time.js';
import { contextOf } from '../../http/actor.js';
import { feedbackDetail, listFeedback, recordFeedback, updateFeedback } from './feedback.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const tags = ['indices'];

/** The register of citizens' complaints and feedback (phản ánh, kiến nghị). */
export async function feedbackRoutes(app: AppInstance, deps: AppDeps) {
  const { db } = deps.database;
  const today = () => vietnamLocalTime(clockOf(deps).now()).date;

  app.get('/api/feedback', { schema: { tags, summary: "Citizens' complaints and feedback about units in reach, newest first", querystring: listFeedbackQuery, response: { 200: feedbackListResponse, ...errors } } }, async (request) => ({
    items: await listFeedback(db, contextOf(request).actor, request.query),
  }));

  app.post('/api/feedback', { schema: { tags, summary: 'Record a complaint or feedback (date, unit, channel, subject, status)', body: createFeedbackBody, response: { 201: feedbackSchema, ...errors } } }, async (request, reply) => {
    const ctx = contextOf(request);
    const out = await db.transaction(async (tx) => feedbackDetail(tx, ctx.actor, (await recordFeedback(tx, ctx, request.body, today())).id));
    return reply.status(201).send(out);
  });

  app.patch('/api/feedback/:id', { schema: { tags, summary: 'Follow up a complaint: status, resolution date, corrections', params: idParams, body: updateFeedbackBody, response: { 200: feedbackSchema, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    return db.transaction(async (tx) => {
      await updateFeedback(tx, ctx, request.params.id, request.body, today());
      return feedbackDetail(tx, ctx.actor, request.params.id);
    });
  });
}
