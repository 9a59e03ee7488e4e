import { idParams } from '../../../shared/api/common.js';
import { problemSchema } from '../../../shared/api/errors.js';
import {
  createPlanBody,
  createPlanFromPreviousBody,
  issuePlanBody,
  listPlansQuery,
  planDetailSchema,
  planFromPreviousResponse,
  planListResponse,
  planTransitionBody,
  returnPlanBody,
  updatePlanBody,
} from '../../../shared/api/plans.schemas.js';
import type { PlanStatus } from '../../../shared/domain/plan-status.js';
import { clockOf, type AppDeps, type AppInstance } from '../../app.js';
import { vietnamLocalTime } from '../../../shared/domain/vietnam-time.js';
import type { DbOrTx } from '../../db/client.js';
import { contextOf, type RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { amendPlan } from './amend-plan.js';
import { changePlanStatus, type SimplePlanTransition } from './change-plan-status.js';
import { createPlan, createPlanFromPrevious } from './create-plan.js';
import { issuePlan } from './issue-plan.js';
import { issuerPlace, planAbilities, planRoles } from './plans.policy.js';
import { presentPlanDetail, presentPlanSummary } from './plans.presenter.js';
import { findVisiblePlan, listPlans, planTargets, seriesHistory } from './plans.repository.js';
import { updatePlan } from './update-plan.js';
import './plans.files.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

export async function planDetail(tx: DbOrTx, ctx: RequestContext, id: string) {
  const row = await findVisiblePlan(tx, ctx.actor, id);
  if (!row) throw AppError.notFound('plan');
  const [targets, history] = [await planTargets(tx, id), await seriesHistory(tx, ctx.actor, row.seriesId)];
  return presentPlanDetail(row, targets, history, planAbilities(row.status as PlanStatus, planRoles(ctx.actor, issuerPlace(row))));
}

export async function planRoutes(app: AppInstance, deps: AppDeps) {
  const { db } = deps.database;
  const tags = ['plans'];

  app.get('/api/plans', { schema: { tags, summary: 'Inspection plans in scope, newest year first', querystring: listPlansQuery, response: { 200: planListResponse, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    const { rows, hasMore } = await listPlans(db, ctx.actor, request.query);
    return { items: rows.map(presentPlanSummary), hasMore };
  });

  app.get('/api/plans/:id', { schema: { tags, params: idParams, response: { 200: planDetailSchema, ...errors } } }, async (request) =>
    db.transaction((tx) => planDetail(tx, contextOf(request), request.params.id)),
  );

  app.post('/api/plans', { schema: { tags, summary: 'New draft plan (standing office)', body: createPlanBody, response: { 201: planDetailSchema, ...errors } } }, async (request, reply) => {
    const ctx = contextOf(request);
    const detail = await db.transaction(async (tx) => planDetail(tx, ctx, (await createPlan(tx, ctx, request.body)).id));
    return reply.status(201).send(detail);
  });

  app.post(
    '/api/plans/from-previous',
    {
      schema: {
        tags,
        summary: "Start from last year's plan: a draft copying it, year and dates moved forward; targets that can no longer be inspected are left out and listed",
        body: createPlanFromPreviousBody,
        response: { 201: planFromPreviousResponse, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const detail = await db.transaction(async (tx) => {
        const { row, droppedTargets } = await createPlanFromPrevious(tx, ctx, request.body);
        return { ...(await planDetail(tx, ctx, row.id)), droppedTargets };
      });
      return reply.status(201).send(detail);
    },
  );

  app.patch('/api/plans/:id', { schema: { tags, summary: 'Edit a draft; content replaces only the sections it names', params: idParams, body: updatePlanBody, response: { 200: planDetailSchema, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    return db.transaction(async (tx) => {
      await updatePlan(tx, ctx, request.params.id, request.body);
      return planDetail(tx, ctx, request.params.id);
    });
  });

  const transitions: Array<[SimplePlanTransition, string]> = [
    ['submit', 'Send the draft to the leader (draft → submitted)'],
    ['start', 'Inspection under way (issued → in_progress)'],
    ['close', 'Inspection finished (in_progress → closed)'],
  ];
  for (const [action, summary] of transitions) {
    app.post(`/api/plans/:id/${action}`, { schema: { tags, summary, params: idParams, body: planTransitionBody, response: { 200: planDetailSchema, ...errors } } }, async (request) => {
      const ctx = contextOf(request);
      return db.transaction(async (tx) => {
        await changePlanStatus(tx, ctx, request.params.id, action, request.body);
        return planDetail(tx, ctx, request.params.id);
      });
    });
  }

  app.post('/api/plans/:id/return', { schema: { tags, summary: 'Return for changes (submitted → draft)', params: idParams, body: returnPlanBody, response: { 200: planDetailSchema, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    return db.transaction(async (tx) => {
      await changePlanStatus(tx, ctx, request.params.id, 'return', request.body);
      return planDetail(tx, ctx, request.params.id);
    });
  });

  app.post('/api/plans/:id/issue', { schema: { tags, summary: 'Issue (leader): number from the register, date, signer; content frozen', params: idParams, body: issuePlanBody, response: { 200: planDetailSchema, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    return db.transaction(async (tx) => {
      await issuePlan(tx, ctx, request.params.id, request.body, vietnamLocalTime(clockOf(deps).now()).date);
      return planDetail(tx, ctx, request.params.id);
    });
  });

  app.post('/api/plans/:id/amendments', { schema: { tags, summary: 'Start an amending version of an issued plan (a new linked draft)', params: idParams, body: planTransitionBody, response: { 201: planDetailSchema, ...errors } } }, async (request, reply) => {
    const ctx = contextOf(request);
    const detail = await db.transaction(async (tx) => planDetail(tx, ctx, (await amendPlan(tx, ctx, request.params.id, request.body)).id));
    return reply.status(201).send(detail);
  });
}
