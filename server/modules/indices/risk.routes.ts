import { problemSchema } from '../../../shared/api/errors.js';
import { riskRankingQuery, riskRankingResponse, riskWeightsParams, riskWeightsResponse, saveRiskWeightsBody } from '../../../shared/api/indices.schemas.js';
import { vietnamLocalTime } from '../../../shared/domain/vietnam-time.js';
import { clockOf, type AppDeps, type AppInstance } from '../../app.js';
import { contextOf } from '../../http/actor.js';
import { loadRiskWeights, riskRanking, saveRiskWeights } from './risk-ranking.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const tags = ['indices'];

/** Risk-based targeting: the ranking with its explanations, and the weights an office sets. */
export async function riskRoutes(app: AppInstance, deps: AppDeps) {
  const { db } = deps.database;

  app.get('/api/risk-ranking', { schema: { tags, summary: 'The units under a unit ranked by risk for a year, each rank explained with its figures', querystring: riskRankingQuery, response: { 200: riskRankingResponse, ...errors } } }, async (request) =>
    db.transaction((tx) => riskRanking(tx, contextOf(request).actor, request.query.parentUnitId, request.query.year, vietnamLocalTime(clockOf(deps).now()).date)),
  );

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
