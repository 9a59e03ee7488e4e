import { idParams } from '../../../shared/api/common.js';
import { problemSchema } from '../../../shared/api/errors.js';
import { createTeamBody, foundTeamBody, replaceMembersBody, teamListResponse, teamSchema, updateTeamBody } from '../../../shared/api/teams.schemas.js';
import type { AppDeps, AppInstance } from '../../app.js';
import type { DbOrTx } from '../../db/client.js';
import { buildDecisionDocx } from '../../documents/decree30-docx.js';
import { contextOf, type RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { documentQuery, sendDocument, type DocumentFormat } from '../document-register/document-files.js';
import { issuerInfo } from '../document-register/issuer-header.js';
import { findPlan, findVisiblePlan } from '../plans/plans.repository.js';
import { createTeam } from './create-team.js';
import { foundTeam } from './found-team.js';
import { replaceTeamMembers } from './replace-team-members.js';
import { teamDecisionModel } from './team-decision.js';
import { presentTeams } from './teams.presenter.js';
import { findVisibleTeam, listVisibleTeamsOfSeries, teamMembers } from './teams.repository.js';
import { updateTeam } from './update-team.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

async function teamDetail(tx: DbOrTx, ctx: RequestContext, id: string) {
  const row = await findVisibleTeam(tx, ctx.actor, id);
  if (!row) throw AppError.notFound('team');
  return (await presentTeams(tx, ctx.actor, [row]))[0];
}

export async function teamRoutes(app: AppInstance, deps: AppDeps) {
  const { db } = deps.database;
  const tags = ['teams'];

  app.get('/api/plans/:id/teams', { schema: { tags, summary: 'Teams of a plan (all its versions) that the caller may see: drafts only for the office and their members', params: idParams, response: { 200: teamListResponse, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    return db.transaction(async (tx) => {
      const plan = await findVisiblePlan(tx, ctx.actor, request.params.id);
      if (!plan) throw AppError.notFound('plan');
      return { items: await presentTeams(tx, ctx.actor, await listVisibleTeamsOfSeries(tx, ctx.actor, plan.seriesId)) };
    });
  });

  app.post('/api/plans/:id/teams', { schema: { tags, summary: 'Prepare a team under an issued plan (standing office)', params: idParams, body: createTeamBody, response: { 201: teamSchema, ...errors } } }, async (request, reply) => {
    const ctx = contextOf(request);
    const team = await db.transaction(async (tx) => teamDetail(tx, ctx, (await createTeam(tx, ctx, request.params.id, request.body)).id));
    return reply.status(201).send(team);
  });

  app.get('/api/teams/:id', { schema: { tags, params: idParams, response: { 200: teamSchema, ...errors } } }, async (request) =>
    db.transaction((tx) => teamDetail(tx, contextOf(request), request.params.id)),
  );

  app.patch('/api/teams/:id', { schema: { tags, summary: 'Rename, or edit the decision texts', params: idParams, body: updateTeamBody, response: { 200: teamSchema, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    return db.transaction(async (tx) => {
      await updateTeam(tx, ctx, request.params.id, request.body);
      return teamDetail(tx, ctx, request.params.id);
    });
  });

  app.put('/api/teams/:id/members', { schema: { tags, summary: 'Replace the members; warnings flag members inspecting their own agency', params: idParams, body: replaceMembersBody, response: { 200: teamSchema, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    return db.transaction(async (tx) => {
      await replaceTeamMembers(tx, ctx, request.params.id, request.body);
      return teamDetail(tx, ctx, request.params.id);
    });
  });

  app.post('/api/teams/:id/found', { schema: { tags, summary: "Found the team by the Chairman's decision (QĐ number from the register)", params: idParams, body: foundTeamBody, response: { 200: teamSchema, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    return db.transaction(async (tx) => {
      await foundTeam(tx, ctx, request.params.id, request.body);
      return teamDetail(tx, ctx, request.params.id);
    });
  });

  for (const format of ['docx', 'pdf'] as DocumentFormat[]) {
    app.get(
      `/api/teams/:id/decision.${format}`,
      { schema: { tags, summary: `The founding decision as ${format} (Decree 30, Mẫu 1.2)`, params: idParams, querystring: documentQuery, response: { 404: problemSchema, 503: problemSchema } } },
      async (request, reply) => {
        const ctx = contextOf(request);
        const { model, name } = await db.transaction(async (tx) => {
          const team = await findVisibleTeam(tx, ctx.actor, request.params.id);
          if (!team) throw AppError.notFound('team');
          const plan = (await findPlan(tx, team.planId))!;
          const model = teamDecisionModel(team, await teamMembers(tx, [team.id]), await issuerInfo(tx, plan.issuingAgencyId), plan.year);
          const name = team.number !== null && team.symbol ? `quyet-dinh-${String(team.number).padStart(2, '0')}-${team.symbol}-${plan.year}` : `quyet-dinh-du-thao-${plan.year}`;
          return { model, name };
        });
        return sendDocument(reply, await buildDecisionDocx(model), name, format, request.query.inline === 'true');
      },
    );
  }
}
