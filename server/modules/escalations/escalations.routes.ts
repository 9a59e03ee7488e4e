import { idParams } from '../../../shared/api/common.js';
import { problemSchema } from '../../../shared/api/errors.js';
import {
  createEscalationBody,
  decideEscalationBody,
  escalationListResponse,
  escalationResultBody,
  escalationSchema,
  issueEscalationBody,
  listEscalationsQuery,
  updateEscalationBody,
  type Escalation,
  type EscalationContent,
} from '../../../shared/api/escalations.schemas.js';
import { formatDocumentNumber } from '../../../shared/domain/document-types.js';
import { allowedEscalationMoves, type EscalationForm, type EscalationStatus } from '../../../shared/domain/follow-up.js';
import { clockOf, type AppDeps, type AppInstance } from '../../app.js';
import type { DbOrTx } from '../../db/client.js';
import { contextOf, type Actor, type RequestContext } from '../../http/actor.js';
import { AppError } from '../../http/app-error.js';
import { createEscalation, updateEscalation } from './create-escalation.js';
import './escalations.files.js';
import { escalationAbilities } from './escalations.policy.js';
import { escalationFindings, findVisibleEscalation, listVisibleEscalations, type EscalationRow } from './escalations.repository.js';
import { issueEscalation } from './issue-escalation.js';
import { decideEscalation, recordEscalationResult } from './record-escalation-outcome.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

function present(actor: Actor, r: EscalationRow, findings: Map<string, { id: string; kind: string; title: string }>): Escalation {
  return {
    id: r.id,
    inspectionId: r.inspectionId,
    agencyId: r.agencyId,
    agencyName: r.agencyName,
    planId: r.planId,
    issuingAgencyId: r.issuingAgencyId,
    issuingAgencyName: r.issuingAgencyName,
    form: r.form as EscalationForm,
    status: r.status as EscalationStatus,
    content: r.content as EscalationContent,
    documentNumber: r.number !== null && r.symbol ? formatDocumentNumber(r.number, r.symbol) : null,
    issuedOn: r.issuedOn,
    decidedOn: r.decidedOn,
    decisionNote: r.decisionNote,
    resultOn: r.resultOn,
    result: r.result,
    findings: r.findingIds.flatMap((id) => findings.get(id) ?? []),
    allowedMoves: allowedEscalationMoves(r.status as EscalationStatus),
    abilities: escalationAbilities(actor, r),
    version: r.version,
  };
}

export async function escalationRoutes(app: AppInstance, deps: AppDeps) {
  const { db } = deps.database;
  const tags = ['escalations'];
  async function detail(tx: DbOrTx, ctx: RequestContext, id: string) {
    const row = await findVisibleEscalation(tx, ctx.actor, id);
    if (!row) throw AppError.notFound('escalation');
    return present(ctx.actor, row, await escalationFindings(tx, [row]));
  }
  const write = <B>(run: (tx: Parameters<Parameters<typeof db.transaction>[0]>[0], ctx: RequestContext, id: string, body: B) => Promise<unknown>) =>
    async (request: { params: { id: string }; body: B }) => {
      const ctx = contextOf(request as never);
      return db.transaction(async (tx) => {
        await run(tx, ctx, request.params.id, request.body);
        return detail(tx, ctx, request.params.id);
      });
    };

  app.get('/api/escalations', { schema: { tags, summary: 'Proposals for a public-service inspection (the office and the leaders)', querystring: listEscalationsQuery, response: { 200: escalationListResponse, ...errors } } }, async (request) => {
    const ctx = contextOf(request);
    return db.transaction(async (tx) => {
      const rows = await listVisibleEscalations(tx, ctx.actor, request.query);
      const findings = await escalationFindings(tx, rows);
      return { items: rows.map((r) => present(ctx.actor, r, findings)) };
    });
  });
  app.get('/api/escalations/:id', { schema: { tags, params: idParams, response: { 200: escalationSchema, ...errors } } }, async (request) => db.transaction((tx) => detail(tx, contextOf(request), request.params.id)));
  app.post('/api/escalations', { schema: { tags, summary: 'Draft a proposal for a public-service inspection after a visit (standing office)', body: createEscalationBody, response: { 201: escalationSchema, ...errors } } }, async (request, reply) => {
    const ctx = contextOf(request);
    const out = await db.transaction(async (tx) => detail(tx, ctx, (await createEscalation(tx, ctx, request.body)).id));
    return reply.status(201).send(out);
  });
  app.patch('/api/escalations/:id', { schema: { tags, summary: 'Edit a draft proposal (versioned)', params: idParams, body: updateEscalationBody, response: { 200: escalationSchema, ...errors } } }, write(updateEscalation));
  app.post('/api/escalations/:id/issue', { schema: { tags, summary: 'Sign and issue the proposal (numbered from the register; frozen)', params: idParams, body: issueEscalationBody, response: { 200: escalationSchema, ...errors } } }, write((tx, ctx, id, body: typeof issueEscalationBody._zod.output) => issueEscalation(tx, ctx, clockOf(deps), id, body)));
  app.post('/api/escalations/:id/decision', { schema: { tags, summary: "Record the public-service team's answer: accepted or declined", params: idParams, body: decideEscalationBody, response: { 200: escalationSchema, ...errors } } }, write(decideEscalation));
  app.post('/api/escalations/:id/result', { schema: { tags, summary: 'Record the result of the public-service inspection', params: idParams, body: escalationResultBody, response: { 200: escalationSchema, ...errors } } }, write(recordEscalationResult));
}
