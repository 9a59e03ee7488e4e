import { problemSchema } from '../../../shared/api/errors.js';
import { acceptProposalBody, acceptProposalResponse, proposeScheduleBody, scheduleProposalSchema, unscheduledByPlanResponse, unscheduledTargetsResponse } from '../../../shared/api/schedule-proposals.schemas.js';
import { idParams } from '../../../shared/api/common.js';
import { clockOf, type AppDeps, type AppInstance } from '../../app.js';
import type { DbOrTx } from '../../db/client.js';
import { contextOf } from '../../http/actor.js';
import { loadWorkingCalendar } from '../calendar/calendar.service.js';
import { presentInspections } from '../inspections/inspections.presenter.js';
import { findVisibleInspection } from '../inspections/inspections.repository.js';
import type { ScheduleEnv } from '../inspections/schedule-checks.js';
import { acceptProposal } from './accept-proposal.js';
import { proposeScheduleForPlan, schedulablePlan } from './propose-schedule.js';
import { unscheduledTargets, unscheduledTargetsByPlan } from './unscheduled-targets.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

export async function scheduleProposalRoutes(app: AppInstance, deps: AppDeps) {
  const { db } = deps.database;
  const tags = ['inspections'];
  const envOf = async (tx: DbOrTx): Promise<ScheduleEnv> => ({ calendar: (await loadWorkingCalendar(tx)).calendar, clock: clockOf(deps), config: deps.config });

  app.get(
    '/api/plans/:id/unscheduled-targets',
    { schema: { tags, summary: 'The targets of an issued plan with no inspection yet: what the standing office still has to schedule', params: idParams, response: { 200: unscheduledTargetsResponse, ...errors } } },
    async (request) => {
      const ctx = contextOf(request);
      return db.transaction(async (tx) => {
        const plan = await schedulablePlan(tx, ctx, request.params.id);
        return { planId: plan.id, items: (await unscheduledTargets(tx, plan)).map(({ agencyId, agencyName, unitName }) => ({ agencyId, agencyName, unitName })) };
      });
    },
  );

  app.get(
    '/api/unscheduled-targets',
    { schema: { tags, summary: 'Every plan the caller schedules with targets still without an inspection, each with those targets (one request for the office’s to-do card); empty for anyone who schedules nothing', response: { 200: unscheduledByPlanResponse, ...errors } } },
    async (request) => ({ items: await unscheduledTargetsByPlan(db, contextOf(request).actor) }),
  );

  app.post(
    '/api/schedule-proposals',
    { schema: { tags, summary: 'Propose dates and teams for the plan’s targets still unscheduled, keeping the schedule rules and spreading the load; each placement explained (nothing is written)', body: proposeScheduleBody, response: { 200: scheduleProposalSchema, ...errors } } },
    async (request) => {
      const ctx = contextOf(request);
      return db.transaction(async (tx) => proposeScheduleForPlan(tx, ctx, await envOf(tx), request.body));
    },
  );

  app.post(
    '/api/schedule-proposals/accept',
    { schema: { tags, summary: 'Schedule the placements the office keeps, each checked again by the schedule rules; one refused refuses all', body: acceptProposalBody, response: { 201: acceptProposalResponse, ...errors } } },
    async (request, reply) => {
      const ctx = contextOf(request);
      const out = await db.transaction(async (tx) => {
        const env = await envOf(tx);
        const accepted = await acceptProposal(tx, ctx, env, request.body);
        const rows = [];
        for (const id of accepted.ids) rows.push((await findVisibleInspection(tx, ctx.actor, id))!);
        return { ...accepted, items: await presentInspections(tx, ctx.actor, env, rows) };
      });
      return reply.status(201).send(out);
    },
  );
}
