import { idParams } from '../../../shared/api/common.js';
import { problemSchema } from '../../../shared/api/errors.js';
import { createTeamBody, foundTeamBody, replaceMembersBody, teamListResponse, teamSchema, updateTeamBody } from '../../../shared/api/teams.schemas.js';
import { clockOf, type AppDeps, type AppInstance } from '../../app.js';
import { vietnamLocalTime } from '../../../shared/domain/vietnam-time.js';
import type { DbOrTx } from '../../db/client.js';
import { contextOf, type RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { findVisiblePlan } from '../plans/plans.repository.js';
import { createTeam } from './create-team.js';
import { foundTeam } from './found-team.js';
import { replaceTeamMembers } from './replace-team-members.js';
import { presentTeams } from './teams.presenter.js';
import { findVisibleTeam, listVisibleTeamsOfSeries } from './teams.repository.js';
import { updateTeam } from './update-team.js';
import './teams.files.js';

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
      await foundTeam(tx, ctx, request.params.id, request.body, vietnamLocalTime(clockOf(deps).now()).date);
      return teamDetail(tx, ctx, request.params.id);
    });
  });
}
