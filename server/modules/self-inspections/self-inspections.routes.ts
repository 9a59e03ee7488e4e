import { idParams } from '../../../shared/api/common.js';
import { problemSchema } from '../../../shared/api/errors.js';
import {
  createSelfInspectionBody,
  listSelfInspectionsQuery,
  recordSelfInspectionResultsBody,
  selfInspectionListResponse,
  selfInspectionOverviewQuery,
  selfInspectionOverviewSchema,
  selfInspectionSchema,
  updateSelfInspectionBody,
} from '../../../shared/api/self-inspections.schemas.js';
import { vietnamLocalTime } from '../../../shared/domain/vietnam-time.js';
import { clockOf, type AppDeps, type AppInstance } from '../../app.js';
import { authorize } from '../../authz/guard.js';
import { holdsAnywhere } from '../../authz/scope.js';
import type { DbOrTx } from '../../db/client.js';
import { contextOf, type Actor } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { createSelfInspection } from './create-self-inspection.js';
import { recordSelfInspectionResults } from './record-self-inspection-results.js';
import { selfInspectionOverview } from './self-inspection-overview.js';
import { presentSelfInspections } from './self-inspections.presenter.js';
import { findVisibleSelfInspection, listSelfInspections } from './self-inspections.repository.js';
import { updateSelfInspection } from './update-self-inspection.js';
import './self-inspections.files.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const tags = ['self-inspections'];

function mayRead(actor: Actor) {
  if (!holdsAnywhere(actor, 'self_inspection.read') && !holdsAnywhere(actor, 'self_inspection.record')) throw new AppError('FORBIDDEN', 'you may not read self-inspections');
}

/** The units' self-inspection plans and results (issue 9 §6, M16). */
export async function selfInspectionRoutes(app: AppInstance, deps: AppDeps) {
  const { db } = deps.database;
  const today = () => vietnamLocalTime(clockOf(deps).now()).date;
  async function detail(tx: DbOrTx, actor: Actor, id: string) {
    const row = await findVisibleSelfInspection(tx, actor, id);
    if (!row) throw AppError.notFound('self-inspection');
    return (await presentSelfInspections(tx, actor, [row]))[0];
  }

  app.get('/api/self-inspections', { schema: { tags, summary: 'Self-inspections the caller may see: a unit its own, the office those of units in reach', querystring: listSelfInspectionsQuery, response: { 200: selfInspectionListResponse, ...errors } } }, async (request) => {
    const { actor } = contextOf(request);
    mayRead(actor);
    return db.transaction(async (tx) => ({ items: await presentSelfInspections(tx, actor, await listSelfInspections(tx, actor, request.query)) }));
  });

  app.get('/api/self-inspections/overview', { schema: { tags, summary: "A year's overview for the office: which units in reach have a plan and results, and the roll-up of what they found", querystring: selfInspectionOverviewQuery, response: { 200: selfInspectionOverviewSchema, ...errors } } }, async (request) => {
    const { actor } = contextOf(request);
    authorize(actor, 'self_inspection.read', 'you may not read the overview of self-inspections');
    return db.transaction(async (tx) => selfInspectionOverview(tx, actor, request.query.year));
  });

  app.get('/api/self-inspections/:id', { schema: { tags, summary: 'A self-inspection: plan and results', params: idParams, response: { 200: selfInspectionSchema, ...errors } } }, async (request) =>
    db.transaction(async (tx) => detail(tx, contextOf(request).actor, request.params.id)),
  );

  app.post('/api/self-inspections', { schema: { tags, summary: "Record the unit's self-inspection plan for a year (the unit's officer; one per unit and year); the office is told", body: createSelfInspectionBody, response: { 201: selfInspectionSchema, ...errors } } }, async (request, reply) => {
    const ctx = contextOf(request);
    const out = await db.transaction(async (tx) => detail(tx, ctx.actor, (await createSelfInspection(tx, ctx, request.body)).id));
    return reply.status(201).send(out);
  });

  app.patch('/api/self-inspections/:id', { schema: { tags, summary: 'Correct the plan (versioned; the unit’s officer)', params: idParams, body: updateSelfInspectionBody, response: { 200: selfInspectionSchema, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    return db.transaction(async (tx) => {
      await updateSelfInspection(tx, ctx, request.params.id, request.body);
      return detail(tx, ctx.actor, request.params.id);
    });
  });

  app.put('/api/self-inspections/:id/results', { schema: { tags, summary: 'Record or correct the results: figures, findings, remedies, and the results report submission when sent through the reports module (versioned; the unit’s officer); the office is told', params: idParams, body: recordSelfInspectionResultsBody, response: { 200: selfInspectionSchema, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    return db.transaction(async (tx) => {
      await recordSelfInspectionResults(tx, ctx, today(), request.params.id, request.body);
      return detail(tx, ctx.actor, request.params.id);
    });
  });
}
