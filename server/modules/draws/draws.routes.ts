import { idParams } from '../../../shared/api/common.js';
import { createDrawBody, drawListResponse, drawSchema, drawVerificationSchema, listDrawsQuery, revealDrawBody } from '../../../shared/api/draws.schemas.js';
import { problemSchema } from '../../../shared/api/errors.js';
import { clockOf, type AppDeps, type AppInstance } from '../../app.js';
import { contextOf } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { createDraw } from './create-draw.js';
import { presentDraw, presentVerification } from './draws.presenter.js';
import { findRevealedDraw, findVisibleDraw, listVisibleDraws } from './draws.repository.js';
import { revealDraw } from './reveal-draw.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

export async function drawRoutes(app: AppInstance, deps: AppDeps) {
  const { db } = deps.database;
  const tags = ['draws'];

  app.get('/api/unannounced-draws', { schema: { tags, summary: 'Draws of unannounced targets of a plan (the office and the leaders only: as secret as the visits)', querystring: listDrawsQuery, response: { 200: drawListResponse, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    return db.transaction(async (tx) => {
      const rows = await listVisibleDraws(tx, ctx.actor, request.query.planId);
      return { items: await Promise.all(rows.map((r) => presentDraw(tx, ctx.actor, r))) };
    });
  });

  app.post(
    '/api/unannounced-draws',
    { schema: { tags, summary: 'Draw K places of the plan’s targets for unannounced visits, storing the hashes of a secret seed and of the pool with the result; an earlier unrevealed draw sharing places must be superseded with a reason (supersedeReason)', body: createDrawBody, response: { 201: drawSchema, ...errors } } },
    async (request, reply) => {
      const ctx = contextOf(request);
      const out = await db.transaction(async (tx) => {
        const row = await createDraw(tx, ctx, request.body, clockOf(deps).now());
        return presentDraw(tx, ctx.actor, (await findVisibleDraw(tx, ctx.actor, row.id))!);
      });
      return reply.status(201).send(out);
    },
  );

  app.get('/api/unannounced-draws/:id', { schema: { tags, params: idParams, response: { 200: drawSchema, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    return db.transaction(async (tx) => {
      const row = await findVisibleDraw(tx, ctx.actor, request.params.id);
      if (!row) throw AppError.notFound('draw');
      return presentDraw(tx, ctx.actor, row);
    });
  });

  app.post('/api/unannounced-draws/:id/reveal', { schema: { tags, summary: 'Reveal the seed after the visits, so anyone can check the draw', params: idParams, body: revealDrawBody, response: { 200: drawSchema, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    return db.transaction(async (tx) => {
      await revealDraw(tx, ctx, request.params.id, request.body.version);
      return presentDraw(tx, ctx.actor, (await findVisibleDraw(tx, ctx.actor, request.params.id))!);
    });
  });

  app.get(
    '/api/public/unannounced-draws/:id',
    { config: { public: true }, schema: { tags, summary: 'Anyone checks a revealed draw: the seed and pool against their committed hashes, the draw computed again, and every draw of the plan up to it (sequence, time, hashes, status) so none can be hidden (404 until revealed)', security: [], params: idParams, response: { 200: drawVerificationSchema, 404: problemSchema } } },
    async (request) => {
      const row = await findRevealedDraw(db, request.params.id);
      if (!row || !row.revealedAt) throw AppError.notFound('draw');
      return presentVerification(db, { ...row, revealedAt: row.revealedAt });
    },
  );
}
