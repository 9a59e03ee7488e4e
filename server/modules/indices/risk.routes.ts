import { problemSchema } from '../../../shared/api/errors.js';
import { riskRankingQuery, riskRankingResponse, riskWeightsParams, riskWeightsResponse, saveRiskWeightsBody } from '../../../shared/api/indices.schemas.js';
import { vietnamLocalTime } from '../../../shared/domain/vietnam-time.js';
import { clockOf, type AppDeps, type AppInstance } from '../../app.js';
import { contextOf } from '../../http/actor.js';
import { loadRiskWeights, riskRanking, saveRiskWeights } from './risk-ranking.js';
import { riskRankingWorkbook } from './risk-workbook.js';
import { exportScope, sendXlsx } from '../../documents/list-workbook.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const tags = ['indices'];

/** Risk-based targeting: the ranking with its explanations, and the weights an office sets. */
export async function riskRoutes(app: AppInstance, deps: AppDeps) {
  const { db } = deps.database;

  app.get('/api/risk-ranking', { schema: { tags, summary: 'The units under a unit ranked by risk for a year, each rank explained with its figures', querystring: riskRankingQuery, response: { 200: riskRankingResponse, ...errors } } }, async (request) =>
    db.transaction((tx) => riskRanking(tx, contextOf(request).actor, request.query.parentUnitId, request.query.year, vietnamLocalTime(clockOf(deps).now()).date)),
  );

  app.get('/api/risk-ranking.xlsx', { schema: { tags, summary: 'The whole ranking as .xlsx: rank, unit, score, each factor (figure and share of the score) and the explanation, as /api/risk-ranking answers it (403 without risk.read, 404 a unit out of reach, before any figure is read)', querystring: riskRankingQuery } }, async (request, reply) => {
    const ctx = contextOf(request);
    const bytes = await db.transaction(async (tx) => {
      // riskRanking authorizes first (loadRiskWeights: 403 without risk.read, 404 a unit out of reach).
      const r = await riskRanking(tx, ctx.actor, request.query.parentUnitId, request.query.year, vietnamLocalTime(clockOf(deps).now()).date);
      return riskRankingWorkbook(r, await exportScope(tx, ctx.actor, request.query.parentUnitId));
    });
    return sendXlsx(reply, bytes, `xep-hang-rui-ro-${request.query.year}.xlsx`);
  });

  app.get('/api/risk-weights/:unitId', { schema: { tags, summary: 'The weights of the ranking of the units under a unit (the defaults until set)', params: riskWeightsParams, response: { 200: riskWeightsResponse, ...errors } } }, async (request) =>
    loadRiskWeights(db, contextOf(request).actor, request.params.unitId),
  );

  app.put('/api/risk-weights/:unitId', { schema: { tags, summary: 'Set the weights (0–10 each) of the ranking of the units under a unit', params: riskWeightsParams, body: saveRiskWeightsBody, response: { 200: riskWeightsResponse, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    return db.transaction(async (tx) => {
      await saveRiskWeights(tx, ctx, request.params.unitId, request.body);
      return loadRiskWeights(tx, ctx.actor, request.params.unitId);
    });
  });
}
