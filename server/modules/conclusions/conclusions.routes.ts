import { idParams } from '../../../shared/api/common.js';
import { problemSchema } from '../../../shared/api/errors.js';
import {
  conclusionListResponse,
  conclusionSchema,
  createConclusionBody,
  issueConclusionBody,
  listConclusionsQuery,
  reinspectFromConclusionBody,
  reinspectionCreatedSchema,
  updateConclusionBody,
} from '../../../shared/api/conclusions.schemas.js';
import { vietnamLocalTime } from '../../../shared/domain/vietnam-time.js';
import { clockOf, type AppDeps, type AppInstance } from '../../app.js';
import type { DbOrTx } from '../../db/client.js';
import { contextOf, type RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { loadWorkingCalendar } from '../calendar/calendar.service.js';
import { createConclusion, updateConclusion } from './create-conclusion.js';
import { issueConclusion } from './issue-conclusion.js';
import { presentConclusions } from './conclusions.presenter.js';
import { findVisibleConclusion, listVisibleConclusions } from './conclusions.repository.js';
import { reinspectFromConclusion } from './reinspect-from-conclusion.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

export async function conclusionRoutes(app: AppInstance, deps: AppDeps) {
  const { db } = deps.database;
  const tags = ['conclusions'];
  const today = () => vietnamLocalTime(clockOf(deps).now()).date;
  async function detail(tx: DbOrTx, ctx: RequestContext, id: string) {
    const row = await findVisibleConclusion(tx, ctx.actor, id);
    if (!row) throw AppError.notFound('conclusion');
    return (await presentConclusions(tx, ctx.actor, [row], today()))[0];
  }

  app.get('/api/conclusions', { schema: { tags, summary: 'Conclusion notices the caller may see (drafts: the office and the leaders only)', querystring: listConclusionsQuery, response: { 200: conclusionListResponse, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    return db.transaction(async (tx) => {
      const { rows, hasMore } = await listVisibleConclusions(tx, ctx.actor, request.query);
      return { items: await presentConclusions(tx, ctx.actor, rows, today()), hasMore };
    });
  });
  app.get('/api/conclusions/:id', { schema: { tags, params: idParams, response: { 200: conclusionSchema, ...errors } } }, async (request) => db.transaction((tx) => detail(tx, contextOf(request), request.params.id)));
  app.post('/api/conclusions', { schema: { tags, summary: 'Draft the conclusion notice of an inspection that has taken place (standing office)', body: createConclusionBody, response: { 201: conclusionSchema, ...errors } } }, async (request, reply) => {
    const ctx = contextOf(request);
    const out = await db.transaction(async (tx) => detail(tx, ctx, (await createConclusion(tx, ctx, request.body)).id));
    return reply.status(201).send(out);
  });
  app.patch('/api/conclusions/:id', { schema: { tags, summary: 'Edit a draft conclusion and its requirements (versioned; an issued one is frozen)', params: idParams, body: updateConclusionBody, response: { 200: conclusionSchema, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    return db.transaction(async (tx) => {
      await updateConclusion(tx, ctx, request.params.id, request.body);
      return detail(tx, ctx, request.params.id);
    });
  });
  app.post(
    '/api/conclusions/:id/issue',
    { schema: { tags, summary: 'Sign and issue the conclusion (TB number from the register): its actions open, the unit is told', params: idParams, body: issueConclusionBody, response: { 200: conclusionSchema, ...errors } } },
    async (request) => {
      const ctx = contextOf(request);
      return db.transaction(async (tx) => {
        await issueConclusion(tx, ctx, { calendar: (await loadWorkingCalendar(tx)).calendar, clock: clockOf(deps) }, request.params.id, request.body);
        return detail(tx, ctx, request.params.id);
      });
    },
  );
  app.post(
    '/api/conclusions/:id/reinspection',
    { schema: { tags, summary: 'Schedule a re-inspection whose checklist is the open actions of the conclusion', params: idParams, body: reinspectFromConclusionBody, response: { 201: reinspectionCreatedSchema, ...errors } } },
    async (request, reply) => {
      const ctx = contextOf(request);
      const out = await db.transaction(async (tx) =>
        reinspectFromConclusion(tx, ctx, { calendar: (await loadWorkingCalendar(tx)).calendar, clock: clockOf(deps), config: deps.config }, request.params.id, request.body),
      );
      return reply.status(201).send(out);
    },
  );
}
